"""Structural cues of a destructive confirmation (deleting an account), read before any words:

- a *type-to-confirm* field: a text field whose hint (or the message around it) names a word to type back —
  a quoted word (“…”, «…», „…“, 「…」) or a word in capitals (DELETE, SUPPRIMER, УДАЛИТЬ) — in any language;
- a *destructive-styled* button: red fill or red label on the screenshot (Material's error colour,
  iOS's destructive style), measured with detectors.prominence; words (goals.yaml delete / cancel_account)
  only when the pixels do not tell.
"""
from __future__ import annotations

import colorsys
import re

import cv2
import numpy as np

from ..screen import Element, Screen
from .lexicon import load_lexicon
from .prominence import RGB, measure_choice

_QUOTED = re.compile(r"[\"“”«»„「『']\s*([^\"“”«»„「」『』']{1,24}?)\s*[\"“”«»」』']")
_WORD = re.compile(r"[^\W\d_]+")
RED_HUE = (0.93, 0.05)          # HSV hue (0..1) wraps around red
RED_MIN_SATURATION = 0.45
RED_MIN_VALUE = 0.3
ABOVE = 3                       # field heights: how far above a field a word shown alone is read as the one it wants
EMPHASIS = 24                   # characters: the longest word set apart in a sentence taken for one to type back


def capitals(text: str, shortest: int = 3) -> list[str]:
    """Runs of words in capitals (one or two words, each `shortest` letters or more), in any cased script:
    DELETE, SUPPRIMER, УДАЛИТЬ, DELETE ACCOUNT."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    runs: list[list[tuple[str, int, int]]] = []
    for word in words:
        if len(word[0]) >= shortest and word[0].isupper():
            if runs and len(runs[-1]) < 2 and text[runs[-1][-1][2]:word[1]] == " ":
                runs[-1].append(word)
            else:
                runs.append([word])
    return [" ".join(w for w, _, _ in run) for run in runs]


def hint_word(hint: str) -> str | None:
    """The word a field's own hint asks to be typed ("Type DELETE to confirm" in any language: one run of
    capitals of 4+ letters inside otherwise lower-case words); None for a hint in capitals only or with none."""
    if not any(c.islower() for c in hint):
        return None
    found = capitals(hint, shortest=4)
    return found[0] if len(found) == 1 else None


def _inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return w > 0 and h > 0 and ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def emphasised(screen: Screen, field: Element) -> list[str]:
    """Words set apart inside a sentence, in any script (rotfai: «ให้พิมพ์คำว่า <strong>ยืนยัน</strong> ลงใน…»):
    the text of an element that is no control, one or two words of at most `EMPHASIS` characters, whose box
    lies within the box of a longer message (the sentence it is part of). In screen order, unique."""
    messages = [e for e in screen.elements if e.text.strip() and not e.clickable and e is not field]
    found = [e.text.strip() for e in messages if len(e.text.strip()) <= EMPHASIS and len(e.text.split()) <= 2
             and any(o is not e and len(o.text.strip()) > len(e.text.strip()) and _inside(e.bounds, o.bounds)
                     for o in messages)]
    return list(dict.fromkeys(found))


def shown_alone(screen: Screen, field: Element, word: str) -> bool:
    """Whether `word` is shown as an element of its own (a chip, a code box: its whole text) just above `field`
    — within `ABOVE` field heights of its top, overlapping it across — the way feira shows «EXCLUIR» between
    «… digite a palavra abaixo:» and a field labelled «Palavra de confirmação»."""
    fx, fy, fw, fh = field.bounds
    for e in screen.elements:
        x, y, w, h = e.bounds
        if e is field or e.clickable or e.text.strip() != word or w <= 0 or h <= 0:
            continue
        if y + h <= fy + fh / 2 and fy - (y + h) <= ABOVE * max(fh, 1) and x < fx + fw and fx < x + w:
            return True
    return False


def confirm_word(screen: Screen, field: Element) -> str | None:
    """The word `field` wants typed back, from its hint and the screen's messages — quoted, in capitals (the one
    such word on the screen: with a hint of the field's own, only when that word is `shown_alone` above it), or
    (in a script without either) the one word set apart inside a sentence (`emphasised`); None when it asks for
    none."""
    hint = (field.name or field.text).strip()
    messages = [e.text for e in screen.elements if e.text and not e.clickable and e is not field]
    quoted = [m for text in messages for m in _QUOTED.findall(text)]
    caps = [m for text in messages for m in capitals(text)]
    if hint and (hint in quoted or hint in caps):
        return hint
    own = hint_word(hint)
    if own:
        return own
    candidates = list(dict.fromkeys(quoted or caps))
    if candidates:
        alone = len(candidates) == 1 and (not hint or shown_alone(screen, field, candidates[0]))
        return candidates[0] if alone else None
    marked = emphasised(screen, field)
    return marked[0] if len(marked) == 1 else None


def is_red(rgb: RGB) -> bool:
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    return (h >= RED_HUE[0] or h <= RED_HUE[1]) and s >= RED_MIN_SATURATION and v >= RED_MIN_VALUE


def destructive_choice(screen: Screen) -> Element | None:
    """The button styled as destructive (red fill or red label) on the screenshot, else the one whose words say
    delete; None when neither tells."""
    actions = [e for e in screen.actionable() if (e.text or e.name) and e.role != "textbox"]
    image = cv2.imdecode(np.frombuffer(screen.screenshot, np.uint8), cv2.IMREAD_COLOR) if screen.screenshot else None
    if image is not None:
        for element in actions:
            try:
                look = measure_choice(image, element.bounds)
            except ValueError:
                continue
            if (look.filled and is_red(look.bg_rgb)) or is_red(look.fg_rgb):
                return element
    goals = load_lexicon("goals")
    return next((e for e in actions if goals.best(e.text or e.name) in ("delete", "cancel_account")), None)


__all__ = ["confirm_word", "destructive_choice", "is_red"]

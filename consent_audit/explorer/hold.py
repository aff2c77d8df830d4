"""Press-and-hold: a control that wants to be held down, not tapped ("Hold to delete", «Przytrzymaj, aby usunąć»,
长按确认), told after its tap changed nothing: its own words or the hint the tap made the app show ask for holding
(lexicon category `hold`, assets/lexicons/explorer.yaml). The search then presses and holds it once — one TAP step
(`Gestures.hold`), as a long press is one gesture on one control (corpus lapis: a bar filling for 2 s).

Words decide here, not structure: a web page's pointerdown/pointerup listeners are not read by the snapshot, and on
Android a long-clickable node says nothing of how long. A hold the words do not ask for is never made."""
from __future__ import annotations

import re
from typing import Any

from ..detectors.lexicon import load_lexicon, normalise
from ..screen import Screen
from . import cues
from .moves import TAP, Move

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*$")


def new_texts(before: Screen, after: Screen) -> list[str]:
    """Words the app shows after an action that it did not show before (a hint, a toast caught settling)."""
    shown = set(before.texts())
    return [t for t in after.texts() + after.flashed if t.strip() and t not in shown]


def wants_hold(move: Move, before: Screen, after: Screen) -> bool:
    """Whether a plain tap on `move`'s control (which left the screen as it was, `after`) asks to be a hold: its
    own words, or words the tap made appear, hit the lexicon's `hold` category. A move already held does not."""
    if move.kind != TAP or move.hold:
        return False
    return cues.has(move.label, "hold") or any(cues.has(text, "hold") for text in new_texts(before, after))


def hold_seconds(texts: list[str], settings: dict[str, Any]) -> float:
    """How long to hold, in seconds: the number named just before a seconds unit in `texts` (lexicon category
    `seconds`: "2 sekundy", 按住3秒) plus one, else `search.hold_seconds` (3); never more than
    `search.hold_max_seconds` (10). `settings`: assets/explorer.yaml `search`."""
    default = float(settings.get("hold_seconds", 3))
    ceiling = float(settings.get("hold_max_seconds", 10))
    lexicon = load_lexicon("explorer")
    for text in texts:
        for hit in lexicon.hits(text):
            if hit.category != "seconds":
                continue
            number = _NUMBER.search(normalise(text)[:hit.start])
            if number:
                return min(ceiling, float(number.group(1).replace(",", ".")) + 1.0)
    return min(ceiling, default)

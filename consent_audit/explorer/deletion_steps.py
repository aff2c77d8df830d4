"""What a screen inside the deletion flow offers, read by structure for explorer/deletion.py: a decision's more
prominent siblings of the way on (`decision_siblings`: tried after it), a step's unnamed controls
(`step_controls`: tried when no word names a way on), and the other answers of the screen on which the path's
last tap deleted the account (`last_answers`: the keep of the last decision, whatever its words — issue 13
kind 17, corpus kadai's big «கணக்கை வைத்திரு» over the text link «நீக்கு»).

Each takes the screen's targets, the start screen's keys (`chrome`: a tab bar is nobody's answer) and the flow's
score (label → float: above zero a way on by its words, at or below `DECOY` a decoy or a way back)."""
from __future__ import annotations

from typing import Callable

from .elements import Target, Use
from .screens import taps

Score = Callable[[str], float]

PROMINENT = 1.5        # a sibling this many times the way on's area is more prominent
DECOY = -50.0          # siblings scoring below this in the flow are decoys or ways back by their words
STEP_CONTROLS = 3      # at most this many unnamed controls make a step (a way on and a way back, or two ways on)


def _buttons(found: list[Target], chrome: frozenset[str]) -> list[Target]:
    return [t for t in taps(found) if t.element.enabled and t.key not in chrome and t.label]


def decision_siblings(found: list[Target], chrome: frozenset[str], score: Score) -> set[str]:
    """Keys of the controls beside a way on (a control scoring above zero) that are at least `PROMINENT` times its
    area and that neither lead on nor are a decoy or a way back by their words (score in (DECOY, 0]); the screen's
    chrome left out."""
    buttons = _buttons(found, chrome)
    ways_on = [t for t in buttons if score(t.label) > 0]
    siblings: set[str] = set()
    for on in ways_on:
        _, y, w, h = on.bounds
        middle, reach = y + h / 2, 4 * max(h, 40)
        for other in buttons:
            ox, oy, ow, oh = other.bounds
            if other is on or not DECOY < score(other.label) <= 0 or abs(oy + oh / 2 - middle) > reach:
                continue
            if ow * oh >= PROMINENT * max(w * h, 1):
                siblings.add(other.key)
    return siblings


def step_controls(found: list[Target], chrome: frozenset[str], score: Score) -> set[str]:
    """Keys of the controls of a screen that names no way on (no control scoring above zero; the chrome left
    out): its unnamed enabled controls, when there are two to `STEP_CONTROLS` of them (a full-screen confirmation
    «ادامه» / «انصراف» no lexicon reads), else none."""
    buttons = _buttons(found, chrome)
    if any(score(t.label) > 0 for t in buttons):
        return set()
    unnamed = [t.key for t in buttons if score(t.label) == 0]
    return set(unnamed) if 2 <= len(unnamed) <= STEP_CONTROLS else set()


def last_answers(found: list[Target], chrome: frozenset[str], score: Score) -> tuple[set[str], set[str]]:
    """(keys of the screen's answers, keys of those that may be a way out) for a screen that is one decision:
    nothing to fill and two to `STEP_CONTROLS` enabled controls besides the chrome and the ways back by their
    words (score above `DECOY`); the ways out are those that name no way on (score at or below zero). Should the
    path's last tap — the one that deleted the account — be one of the answers, the others that may be a way out
    are the keep it was weighed against, measured whatever their words; ((), ()) for a form or a menu."""
    if any(t.use == Use.TEXT and t.element.enabled for t in found):
        return set(), set()
    answers = [t for t in _buttons(found, chrome) if score(t.label) > DECOY]
    if not 2 <= len(answers) <= STEP_CONTROLS:
        return set(), set()
    return {t.key for t in answers}, {t.key for t in answers if score(t.label) <= 0}

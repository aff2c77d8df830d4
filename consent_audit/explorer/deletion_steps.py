"""What a screen inside the deletion flow offers, read by structure for explorer/deletion.py: a decision's more
prominent siblings of the way on (`decision_siblings`: tried after it), a step's unnamed controls
(`step_controls`: tried when no word names a way on), the controls a form holds back (`gated`: disabled until
it is filled — its way on, whatever its words) and a required choice holding one back (`gated_choice`: a step
entered by structure), and the other answers of the screen on which the path's
last tap deleted the account (`last_answers`: the keep of the last decision, whatever its words — issue 13
kind 17, corpus kadai's big «கணக்கை வைத்திரு» over the text link «நீக்கு»), the pairs of one size side by
side or stacked on a screen that is one decision (`decision_peers`: a retention screen's keep beside the way on,
drawn apart by fill alone — corpus qytet's filled «Qëndro» over an outlined «Vazhdo me fshirjen»); and the
message a step answered a way on with in place (`refusal`: the form said no).

Each takes the screen's targets, the start screen's keys (`chrome`: a tab bar is nobody's answer) and the flow's
score (label → float: above zero a way on by its words, at or below `DECOY` a decoy or a way back)."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen
from . import cues
from .elements import Target, Use
from .moves import Move
from .refused import sent_by_place
from .screens import PROGRESS, taps

Score = Callable[[str], float]

PROMINENT = 1.5        # a sibling this many times the way on's area is more prominent
PEER = 1.2             # two answers whose areas differ by less than this are of one size (`decision_peers`)
DECOY = -50.0          # siblings scoring below this in the flow are decoys or ways back by their words
WAY_ON = PROGRESS | {"confirm", "agree"}
STEP_CONTROLS = 3      # at most this many unnamed controls make a step (a way on and a way back, or two ways on)


def _buttons(found: list[Target], chrome: frozenset[str]) -> list[Target]:
    return [t for t in taps(found) if t.element.enabled and t.key not in chrome and t.label]


def decision_siblings(found: list[Target], chrome: frozenset[str], score: Score) -> set[str]:
    """Keys of the controls beside a way on (a control scoring above zero) that are at least `PROMINENT` times its
    area and that neither lead on nor are a decoy or a way back by their words (score in (DECOY, 0]); the screen's
    chrome left out."""
    buttons = _buttons(found, chrome)
    ways_on = [t for t in buttons if score(t.label) > 0] + gated(found, chrome)
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


def gated(found: list[Target], chrome: frozenset[str]) -> list[Target]:
    """The controls a form on the screen holds back, whatever their words: disabled while something is left to
    fill, tick or choose (a «លុបជារៀងរហូត» enabled once the word is typed) — the form's way on; [] when nothing
    is asked."""
    asks = any(t.element.enabled and (t.use == Use.TEXT or (t.use != Use.TAP and not t.element.checked))
               for t in found)
    return [t for t in taps(found) if asks and not t.element.enabled and t.key not in chrome and t.label]


def gated_choice(found: list[Target]) -> bool:
    """A required choice holding the way on back, told by structure whatever its words: options to choose (radios,
    real or drawn, or a drop-down) none of which is chosen, and a control disabled until one is (nom's four
    reasons under a disabled «បន្ត») — a step the user must answer to go on, as a flow entered by words answers it."""
    options = [t for t in found if t.use in (Use.CHOOSE, Use.SELECT) and t.element.enabled]
    unanswered = bool(options) and not any(t.element.checked for t in options)
    return unanswered and any(t.use == Use.TAP and t.label and not t.element.enabled for t in found)


def asked_choice(found: list[Target]) -> bool:
    """A drop-down showing no real option yet (its placeholder: `checked` False) as the screen's one question, with
    nothing to type beside it and one enabled button below it — a choice the way on asks for before it goes on,
    told by structure whatever its words (corpus sudar: the reason «நீக்குவதற்கான காரணம்» above «என் தரவை நீக்கு»,
    the button refusing in place until a reason is chosen, never disabled as `gated_choice` wants)."""
    drops = [t for t in found if t.use == Use.SELECT and t.element.enabled]
    if len(drops) != 1 or drops[0].element.checked is not False or any(
            t.use in (Use.TEXT, Use.CHOOSE) and t.element.enabled for t in found):
        return False
    _, top, _, height = drops[0].bounds
    below = [t for t in taps(found) if t.element.role == "button" and t.element.enabled and t.label
             and t.bounds[1] >= top + height]
    return len(below) == 1


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


def decision_peers(found: list[Target], chrome: frozenset[str], score: Score) -> dict[str, set[str]]:
    """For a screen that is one decision (as `last_answers`: nothing to fill, two to `STEP_CONTROLS` answers), each
    answer's peer that may be a way out: the one other answer of its size (areas within `PEER` of each other: drawn
    as a pair — a larger one may be a `decision_siblings` probe; an offer 1.4 times the way on's area beside it is
    neither, verdict page retention.html?v=fair), naming no way on (score at or below zero), set beside it
    on one row or stacked in one column with no more than one's own width or height between them — a two-way
    decision's pair, told by geometry whatever its words. Three of one size (a list of reasons) pair none. {} for
    a form or a menu."""
    if any(t.use == Use.TEXT and t.element.enabled for t in found):
        return {}
    answers = [t for t in _buttons(found, chrome) if score(t.label) > DECOY]
    if not 2 <= len(answers) <= STEP_CONTROLS:
        return {}
    peers: dict[str, set[str]] = {}
    for a in answers:
        alike = [b for b in answers if b is not a and _one_size(a.bounds, b.bounds)]
        if len(alike) == 1 and score(alike[0].label) <= 0 and _beside(a.bounds, alike[0].bounds):
            peers[a.key] = {alike[0].key}
    return peers


def _one_size(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    areas = sorted((max(a[2] * a[3], 1), max(b[2] * b[3], 1)))
    return areas[1] < PEER * areas[0]


def _beside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two boxes (x, y, w, h) side by side on one row or stacked in one column, close together."""
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    rows = min(ay + ah, by + bh) - max(ay, by) > 0          # they share a row
    columns = min(ax + aw, bx + bw) - max(ax, bx) > 0       # they share a column
    gap_x, gap_y = max(ax, bx) - min(ax + aw, bx + bw), max(ay, by) - min(ay + ah, by + bh)
    return (rows and gap_x <= max(aw, bw)) or (columns and gap_y <= max(ah, bh))


def refusal(before: Screen, move: Move, after: Screen, found: list[Target]) -> str:
    """The message a tap inside the deletion flow was answered with when the screen stayed in place: a text
    that was not there before and names no control of the screen (an inline «理由を1つ以上選んでください。», a
    toast caught while settling). Structure first — such a new text after a way on (next, confirm, delete …,
    or in words none knew, the button where a form's own sits: `refused.sent_by_place`) on a screen offering something left undone (an unticked box, an unchosen option, an empty field) is a
    refusal, whatever its language (a "tap again to confirm" with nothing to fill is a step, not a refusal);
    after another control only a text worded as an error or a request ("Please choose a reason") is. '' when
    the tap was not refused."""
    shown = set(before.texts())
    controls = {t.label for t in found} | {t.element.text for t in found}
    new = [t for t in after.texts() + after.flashed if t.strip() and t not in shown and t not in controls]
    worded = next((t for t in new if cues.has(t, "form_error", "form_request")), "")
    if worded or not new:
        return worded
    left = any((t.use in (Use.TOGGLE, Use.CHOOSE, Use.SELECT) and not t.element.checked) or (t.use == Use.TEXT and not t.element.text)
               for t in found if t.element.enabled)
    way_on = bool(cues.categories(move.label) & WAY_ON) or sent_by_place(after, found, move.key)
    return new[0] if left and way_on else ""

"""Whether a consent dialog offers any way to refuse, told by what each way out of it does, not by its words.

When the reject answer finds no refusal among the dialog's words (`consent.answer` raises NotOnScreen), every
way out of the dialog is tried, each from a fresh launch: each control of the dialog and of the layers it
opens (breadth first, so the first refusal found is a shortest one; on a layer with ticked purposes each
control is used after unticking them, as a user refusing would), the system back, and a tap on what the
dialog covers, outside its own controls (a backdrop that closes it). The app's own controls a dialog leaves
uncovered beside it (a bottom banner over part of the page) are none of its ways out. After each:

- the dialog is still there: nothing happened, or a new layer opened (its controls are tried next) — a layer
  that still covers the app is one, whether or not its words are read as consent (a settings layer of
  purposes in words no lexicon has); a layer opened that shows no control at all was not seen, not tried:
  the answer stays unknown (a second layer replacing the first in place, read as empty); the same dialog left
  on screen with no control of its own that a layer tried lacks is no new layer, whatever page it now lies
  over (a «learn more» link to the app's policy page under the notice: `dialog_scope.new_layer`);
- the app was left (a link opening the policy elsewhere): not a refusal inside the app; so too a move that
  opened another page of the app (its location changed: the policy linked from the dialog's text) and stored
  nothing — the dialog is gone only because the user went elsewhere;
- the move stored something (read before and after it, no relaunch between: `readback.stored_now`) and no
  consent screen follows: the dialog was answered and its path ends there — a layer still covering the app is
  another prompt the app shows after the answer (a notification pre-prompt, a rating prompt), neither a layer
  of the dialog to go on through nor the dialog still there; it is judged as the dialog gone;
- the dialog went: the app is relaunched and what it kept is judged against what the accept path kept
  (consent_audit/readback.py `judge`): the same consent → "consented"; anything else (a refusal stored, or
  nothing stored and the app used without an answer) → "refused": a refusal exists, and its path is returned
  so the reject journey can walk it.

`offered` is False only when every way out was tried within the limits (`search.refusal_trials`,
`search.refusal_layers` in assets/explorer.yaml) and each one either left the dialog in place, left the app or
consented: the consent wall when the dialog covers the app; a notice whose only answer consents when it leaves
the app usable behind it (a bar: its own controls are tried, no system back, no backdrop — `covers_app`
False, told as bootstrap-cookie-alert's «Đồng ý» alone; a bar whose place is not told apart from the page is
not tried: `usable`, unknown). Anything unreadable or cut short leaves it None: unknown, never a finding on a
guess. Sources: GDPR Art. 4(11)/7 (consent freely given), CCPA regs §7004(a)(2), MIIT
2019 identification method cat. 4 ("no permission, no use").
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..readback import judge
from ..screen import Element, Screen
from .consent import ticked_purposes
from .elements import Target, Use, purpose_row
from .launch_layer import hidden
from .forms import UNTICK, FormData
from .dialog_scope import face, in_sentence, layer_seen as _layer, notice_controls, \
    outside_point as _outside_point, page_behind
from .moves import BACK, Move, perform
from .operator import NotOnScreen, Operator
from .refusal_outcomes import (  # noqa: F401 (every outcome is said here too: refusal.STAYED …)
    BLANK, CONSENTED, COVERED, ELSEWHERE, FAILED, LAYER, LEFT, REFUSED, STAYED, UNKNOWN, outcome as _outcome,
    purposes_left as _purposes_left)

UNSURE = (UNKNOWN, COVERED, FAILED, BLANK)
BACK_LABEL, OUTSIDE_LABEL = "system back", "outside the dialog"
USABLE = "the dialog leaves the app usable behind it"


@dataclass
class Trial:
    """One way out tried: the labels of its moves from the dialog, and what followed."""

    path: list[str]
    outcome: str
    purposes: bool = False      # switches or boxes of choice not the app's own were on screen after it

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "outcome": self.outcome}


@dataclass
class RefusalCheck:
    """What trying every way out of a consent dialog showed.

    `offered`: True (a refusal was found: `refusal` holds its moves, `entry` its first control as drawn on the
    dialog), False (covering the app, no way out but consent: a consent wall), None (unknown: `detail` says
    why). `covers_app`: whether the dialog hides the app's own controls. `usable`: the dialog was shown and
    leaves the app usable behind it (a bar): its ways out are not tried — no wall to tell — and a user may
    leave it unanswered and use the app."""

    offered: bool | None
    covers_app: bool
    trials: list[Trial] = field(default_factory=list)
    refusal: list[Move] | None = None
    entry: Element | None = None
    detail: str = ""
    asked: dict[str, int] | None = None
    """The permission requests counted from the refusing trial's launch up to its answer (`Screen.prompts`); None
    when no refusal was found. The app was relaunched after it (the answer kept): a caller whose `start` launched
    as it needs has seen that launch through, up to the answer."""
    left: frozenset[str] = frozenset()
    """The keys of the controls a finger could reach once the refusing answer was made, when something was left
    over the app then (a rating prompt, a wall, a pre-prompt); empty when the answer left the app bare."""
    usable: bool = False
    layer: tuple[Screen, frozenset[int]] | None = None  # the first layer of purposes a way out opened, its cover


def _ways_out(found: list[Target], screen: Screen | None = None) -> list[Move]:
    """The moves a user could leave this layer by: each control to tap (after unticking the layer's ticked
    purposes, when it has some) — its buttons first, then its links (a link in the dialog's sentence opens
    the policy or "learn more": tried too, after the controls that answer; the order decides only which of
    equally short refusals is found first), a control inline in the layer's words (`dialog_scope.in_sentence`
    on `screen`: a span with a click handler) among them. A tappable row holding a switch or box (its caption
    beside it, the row toggling it: chaguan's «會員行為分析») is that purpose, not a way out: never tried as one."""
    ticked = bool(ticked_purposes(found))
    ways = [t for t in found if t.use in (Use.TAP, Use.CHOOSE) and t.element.enabled and not purpose_row(t, found)]
    return [Move.form(t, UNTICK) if ticked else Move.tap(t)
            for t in sorted(ways, key=lambda t: t.element.role == "link" or in_sentence(t, screen))]


def check(op: Operator, start: Callable[[], Screen | None], accept: list[Move], data: FormData,
          limits: Mapping[str, Any], kept: tuple[Any, Any] | None = None) -> RefusalCheck:
    """Try every way out of the consent dialog `start()` shows (a fresh launch; None when no dialog shows).
    `accept`: the accept path's moves (what it stores is the consent record). `limits`: the explorer's search
    settings (`refusal_trials`, `refusal_layers`). `kept`: the (unanswered, accepted) records (`records`) when
    the caller already walked the accept path and relaunched — not walked again here."""
    max_trials, max_layers = int(limits.get("refusal_trials", 16)), int(limits.get("refusal_layers", 2))
    first = start()
    if first is None:
        return RefusalCheck(None, False, detail="the consent dialog did not show on a fresh launch")
    covered = op.covered(first)
    found = op.targets(first)
    behind = page_behind(first, found, covered)
    beside = not hidden(first, covered)   # a bar or a notice, the app usable behind it: only its own controls are ways out
    if beside:
        own = notice_controls(first, found, accept)
        if own is None:
            return RefusalCheck(None, False, detail=USABLE, usable=True)
        behind |= frozenset(t.key for t in found if t.key not in own)
    unanswered, accepted = kept if kept is not None else records(op, accept, data)
    if unanswered is None or accepted is None:
        return RefusalCheck(None, not beside, detail="what the app stores cannot be read on this platform",
                            usable=beside)
    if judge(unanswered, accepted, unanswered).get("reject_honoured") is None:
        return RefusalCheck(None, not beside, detail="the accept path stored nothing readable to compare with",
                            usable=beside)
    result = RefusalCheck(None, not beside, usable=beside)
    entries = {t.key: t.element for t in found}
    seen = {_layer(first, found)}
    queue: deque[list[Move]] = deque([[]])
    cut = False
    point = _outside_point(first, covered, found)
    outside = (lambda: op.tap_point(point[0], point[1], OUTSIDE_LABEL)) if point is not None else None
    untouched: Screen | None = first if kept is not None else None    # records() walked the accept on it
    while queue:
        path = queue.popleft()
        layer = untouched if untouched is not None and not path else _reach(op, start, path, data)
        if layer is None:
            result.detail = f"the layer {' → '.join(m.label for m in path)} could not be reached again"
            return result
        moves: list[tuple[str, Move | None]] = [
            (m.label, m) for m in _ways_out([t for t in op.targets(layer) if t.key not in behind], layer)]
        if not path and not beside:
            moves.append((BACK_LABEL, Move(BACK, label=BACK_LABEL)))
            if outside is not None:
                moves.append((OUTSIDE_LABEL, None))
        elif path and not moves:     # a layer the dialog opened, with nothing on it to try: its ways out were not seen
            result.trials.append(Trial([m.label for m in path], BLANK))
        ready: Screen | None = layer     # the layer just reached, untouched: where the next way out starts
        for label, move in moves:
            if len(result.trials) >= max_trials:
                cut = True
                break
            if _walked(path, move, accept):    # the accept path itself: walked, relaunched and read (`accepted`)
                result.trials.append(Trial([m.label for m in path] + [label], CONSENTED))
                continue
            # the layer reached and untouched is where a way out starts: not launched and walked to again
            screen, ready = ready if ready is not None else _reach(op, start, path, data), None
            if screen is None:
                result.detail = f"the layer {' → '.join(m.label for m in path)} could not be reached again"
                return result
            kept_before = op.platform.stored_state()
            shown = face(screen, op.targets(screen), op.covered(screen))
            try:
                after = perform(op, move, data) if move is not None else outside()
            except NotOnScreen:
                result.trials.append(Trial([m.label for m in path] + [label], FAILED))
                continue
            purposes = _purposes_left(op, after, "", behind)      # read before `_outcome` may relaunch
            outcome = _outcome(op, after, unanswered, accepted, seen, len(path) + 1 < max_layers, screen.location,
                               behind, kept_before, shown)
            result.trials.append(Trial([m.label for m in path] + [label], outcome, purposes))
            if outcome == LAYER and move is not None:
                result.layer = result.layer or ((after, op.covered(after)) if purposes else None)
                seen.add(_layer(after, op.targets(after)))
                queue.append(path + [move])
            elif outcome == REFUSED:
                result.offered = True
                if move is not None:
                    result.refusal = path + [move]
                    result.entry = entries.get((path + [move])[0].key)
                    # measured by `_outcome` before its relaunch (operator.covered keeps recent screens)
                    result.asked = dict(after.prompts)
                    result.left = frozenset(t.key for t in op.targets(after)) if op.covered(after) else frozenset()
                result.detail = f"refused by {' → '.join(result.trials[-1].path)}"
                return result
        if cut:
            break
    unsure = [t for t in result.trials if t.outcome in UNSURE]
    if cut:
        result.detail = f"not every way out was tried within {max_trials} trials"
    elif unsure:
        result.detail = "; ".join(f"{' → '.join(t.path)}: {t.outcome}" for t in unsure)
    elif not any(t.outcome == CONSENTED for t in result.trials):
        result.detail = "no way out of the dialog stored consent either"
    else:
        result.offered = False
        result.detail = f"every way out of the dialog ({len(result.trials)} tried) consented or left it in place"
        if beside:      # a notice: its only answer consents, the app usable behind it (no wall)
            answer = next(t.path[0] for t in result.trials if t.outcome == CONSENTED)
            result.detail = (f"its only answer is «{answer}»: every other control ({len(result.trials) - 1}) "
                             f"left it in place or left the app")
    if beside and result.offered is None:
        result.detail = f"{USABLE}; {result.detail}"
    return result


def without_purposes(result: RefusalCheck) -> bool:
    """Whether `result` is of a dialog after whose every way out tried no switch or box of choice showed that
    is not the app's own — wherever a control led (a "learn more" page with the notice still over it is a layer
    tried in turn, yet no layer of purposes): nothing to pre-tick. A notice leaving the app usable and a consent
    wall alike (corpus ccbox-dark: its one «Accetto» over the tab bar, preticked 0; before, a covering dialog
    left it unmeasured). Asked once every way out was tried (`offered` False)."""
    return bool(result.trials) and not any(t.purposes for t in result.trials)


def _walked(path: list[Move], move: Move | None, accept: list[Move]) -> bool:
    """Whether the way out `path` + `move` is the accept path's own moves, made the same way: what it keeps is
    the consent record itself (`records`, or the caller's `kept`) — consented, known without trying it."""
    if move is None or len(path) + 1 != len(accept):
        return False
    return all((m.kind, m.key, m.purpose, m.hold) == (a.kind, a.key, a.purpose, a.hold)
               for m, a in zip(path + [move], accept))


def records(op: Operator, accept: list[Move], data: FormData) -> tuple[Any, Any]:
    """What the app keeps with the dialog shown and unanswered (read now, on a fresh launch showing it), and what
    it keeps once the accept path was walked and the app relaunched: the consent record a refusal is judged
    against (readback.judge). Each None where the platform cannot read its storage."""
    unanswered = op.platform.stored_state()
    for move in accept:
        perform(op, move, data)
    op.relaunch()
    return unanswered, op.platform.stored_state()


def _reach(op: Operator, start: Callable[[], Screen | None], path: list[Move], data: FormData) -> Screen | None:
    """A fresh launch, then the path's moves: the layer they lead to (None when it cannot be reached)."""
    screen = start()
    if screen is None:
        return None
    try:
        for move in path:
            screen = perform(op, move, data)
    except NotOnScreen:
        return None
    return screen

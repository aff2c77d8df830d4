"""What one way out of a consent dialog did, tried by explorer/refusal.py (`check`): the outcomes a trial can
have, told by what the move stored, what it left on screen and where it went, then by what the app kept over a
relaunch (consent_audit/readback.py `judge`)."""
from __future__ import annotations

from typing import Any, Mapping

from ..readback import judge
from ..screen import Screen
from ..stored_records import stored_now
from .consent import REJECT, still_answering
from .dialog_scope import face, layer_seen as _layer, new_layer as _new_layer
from .elements import Use
from .operator import Operator

CONSENTED, REFUSED, STAYED, LAYER, LEFT = "consented", "refused", "stayed", "new layer", "left the app"
UNKNOWN, COVERED, FAILED = "stored something else", "nothing stored, the app still covered", "could not be tried"
ELSEWHERE = "opened another page, nothing stored"
BLANK = "a layer opened with no control to try"


def purposes_left(op: Operator, after: Screen, where: str, page: frozenset[str]) -> bool:
    """Whether switches or boxes of choice that are not the app's own (`page`: `page_behind`) are on screen
    after the move, where the dialog was shown (`where`: its location): a layer of purposes opened, or left
    open, and not saved — whatever its words and whether or not it covers anything (a bottom sheet's options
    over a page with no tab bar under it)."""
    if where and after.location != where:
        return False
    return any(t.use == Use.TOGGLE and t.key not in page for t in op.targets(after))


def outcome(op: Operator, after: Screen, unanswered: Mapping[str, Any], accepted: Mapping[str, Any],
             seen: set, deeper: bool, where: str = "", page: frozenset[str] | None = None,
             before: Mapping[str, Any] | None = None, shown: tuple | None = None) -> str:
    """What one way out did (one of the outcomes above); `where`: the location the dialog was shown at;
    `page`: the app's own controls (`page_behind`; None: not known, nothing is told by switches); `before`:
    what the app kept just before the move (None: not read — then nothing is told by what the move stored). A
    move that stored nothing and left a layer of purposes on screen (`_purposes_left`) answered nothing: the
    dialog stayed, however it looks; a move that stored something with no consent screen after it answered the
    dialog, whatever covers the app then (another prompt of the app's). `shown`: what the dialog showed of its
    own before the move (dialog_scope.face) — the same after it, the dialog stayed, whatever changed behind it."""
    if not op.in_foreground or not after.in_app:
        return LEFT
    if still_answering(op, after, after_consent=True, mode=REJECT):    # a layer, an "are you sure?"
        found = op.targets(after)
        if shown is not None and face(after, found, op.covered(after)) == shown:
            return STAYED      # the same dialog over another page (its «learn more» showed the policy under it)
        return LAYER if deeper and _new_layer(after, found, seen, page) else STAYED
    answered = stored_now(before, op.platform.stored_state())     # the dialog's path ends at its answer
    still_covered = bool(op.covered(after)) and not answered    # no consent screen, yet something covers ("learn more")
    if still_covered and deeper and _new_layer(after, op.targets(after), seen, page):
        return LAYER      # a layer the dialog opened in words no lexicon reads (its settings): tried in turn
    moved = bool(where) and after.location != where
    opened = page is not None and purposes_left(op, after, where, page)
    new_layer = opened and deeper and _layer(after, op.targets(after)) not in seen
    op.relaunch()
    verdict = judge(unanswered, accepted, op.platform.stored_state())
    if moved and not verdict.get("reject_stored"):
        return ELSEWHERE
    if opened and not verdict.get("reject_stored"):
        return LAYER if new_layer else STAYED
    honoured = verdict.get("reject_honoured")
    if honoured is None:
        return UNKNOWN
    if not honoured:
        return CONSENTED
    return COVERED if still_covered else REFUSED

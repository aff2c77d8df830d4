"""Whether a control the permissions search left on a screen it could not reach again was used after all
(explorer/beyond_core.py): then it is covered, and not said unsearched — the same control of the same app screen
in another look, in a later state, or on another screen of the same structure."""
from __future__ import annotations

from typing import Any

from .covers import StaleScreen
from .graph import ScreenGraph
from . import cues


def used_after_all(goal: Any, graph: ScreenGraph | None, now: str | None, ident: str, label: str) -> bool:
    """Whether the control `label` left on the screen `ident` (now reached by its taps as `now`, or None) was
    used after all by the search `goal` (a `beyond_core.PermissionGoal`)."""
    return (_used_as_the_cores(goal, label) or _used_in_its_later_state(goal, graph, now, ident, label)
            or _used_on_its_kind(goal, graph, ident, label))


def _used_as_the_cores(goal: Any, label: str) -> bool:
    """Whether a control left on a screen not reached again was used already as one of the core screen's own
    (its words among the core's controls, used there or from a screen of its kind: `PermissionGoal.words`
    keeps those plain): the same control of the same app screen in another look — the start screen as first
    launched (a cookie banner's remains in it) against the one every relaunch shows (corpus fiets: «Ritten»,
    «Profiel» "could not be reached again" on the first look, used on the second: not_found on a right measure)."""
    words = cues.norm_label(label)
    return goal.core is not None and words in goal.core.labels and words in goal.words


def _used_in_its_later_state(goal: Any, graph: ScreenGraph | None, now: str | None, ident: str,
                             label: str) -> bool:
    """Whether a control left on the screen `ident`, not reached again because the same taps now lead to the
    screen `now` (the app's state changed on the way: corpus lumen-ja, a scan added a photo and «L判» shows the
    photos screen with it), was used on `now`: the same control (its key) of the same screen in a later state."""
    held = graph.nodes.get(ident) if graph is not None else None
    later = graph.nodes.get(now) if graph is not None and now is not None else None
    if held is None or later is None:
        return False
    try:
        kind = goal.kind_of(later.screen)
    except StaleScreen:
        return False
    return any(c.move.label == label and (kind, c.move.key) in goal.used for c in held.candidates.values())


def _used_on_its_kind(goal: Any, graph: ScreenGraph | None, ident: str, label: str) -> bool:
    """Whether a control left on the screen `ident`, not reached again, was used on another screen of the same
    structure — as the search never uses it twice (`PermissionGoal.boost`): the app's own pre-prompt shown over
    the third article read and answered over the sixth (corpus mtsvane), the first not shown again by the same
    tap from a fresh start."""
    held = graph.nodes.get(ident) if graph is not None else None
    if held is None:
        return False
    try:
        kind = goal.kind_of(held.screen)
    except StaleScreen:          # its cover not kept: told by its structure alone (no core screen is left)
        kind = held.screen.signature
    return any(c.move.label == label and (kind, c.move.key) in goal.used for c in held.candidates.values())

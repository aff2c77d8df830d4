"""The feature of a permission the app asks for at launch when no word names it (a Hindi "पास की दुकान से
डिलीवरी" for location), told by structure: granted, the app remembers the answer and using the feature asks
nothing, so no request ties it to a control; with that permission alone refused, the core-screen control whose
use now shows something else than it showed granted is its feature (corpus reactcc-dark: before, no feature
was known, so refusing location read `usable` where the delivery card says it cannot work: `degraded`)."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen
from .elements import Use
from .moves import Move
from .operator import Operator
from .permissions import Feature, change, state_of

InPlace = tuple[Move, Screen, Screen]
"""A core-screen control used quietly with everything granted, the screen before and after (in place)."""


def told_by_refusal(op: Operator, start_refusing: Callable[[str], None], permission: str,
                    in_place: list[InPlace]) -> Feature | None:
    """`start_refusing(permission)` launches the app fresh with that permission alone refused (modals answered,
    consent accepted); then each control of `in_place` is used once on the core screen, in order: the first
    whose change differs from the granted one (digits masked, see `permissions.state_of`) is the feature, with
    what it showed granted. None when none differs (nothing on the core screen depends on it) or one is gone."""
    if not in_place:
        return None
    start_refusing(permission)
    for move, before, after in in_place:
        screen = op.screen()
        target = next((t for t in op.targets(screen) if t.key == move.key and t.use == Use.TAP), None)
        if target is None:
            continue
        now = op.tap(target)
        granted = change(state_of(before), state_of(after))
        if now.signature != after.signature or change(state_of(screen), state_of(now)) != granted:
            return Feature(permission, move.key, move.label, after.signature, state_of(before), state_of(after))
    return None

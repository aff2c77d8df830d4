"""Controls gone between the look and the tap: a control seen a moment ago (on the last capture) that the app
took away by itself before the tap landed — a splash advert whose countdown ended, a sheet that slid away, a
layer that closed on a timer. Where it was a layer's control (a launch modal, a splash, a way on past a
refusal), the layer went by itself: there is nothing left to answer, and the caller looks again — never a
broken run. A control of a learnt path gone for good is still the caller's to judge (`app._walk`)."""
from __future__ import annotations

import logging

from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException

from ..errors import ControlGone
from ..screen import Screen
from .elements import Target
from .moves import Move, perform
from .operator import NotOnScreen, Operator

log = logging.getLogger(__name__)

GONE = (NotOnScreen, StaleElementReferenceException, ElementNotInteractableException, ControlGone)
"""What a tap on a control that went away after it was seen raises (`Operator.tap`, or the live element itself:
stale once removed, not interactable once hidden in place — a countdown promotion set to display:none, corpus bep —
or the platform for one still in the page but hidden after its click was retried: `ControlGone`)."""


def tap_if_there(op: Operator, target: Target) -> Screen | None:
    """`op.tap(target)`; None when the control went away by itself before the tap landed (GONE): the last
    capture is dropped, so the caller's next look is a fresh one. Other errors as `Operator.tap` raises them."""
    try:
        return op.tap(target)
    except GONE as exc:
        log.info("'%s' went away before the tap landed (%s): looking again", target.label, exc)
        op.recorder.invalidate()
        return None


def perform_if_there(op: Operator, move: Move, data) -> Screen | None:
    """`moves.perform(op, move, data)`; None when its control went away by itself meanwhile (as `tap_if_there`)."""
    try:
        return perform(op, move, data)
    except GONE as exc:
        log.info("'%s' went away before it was answered (%s): looking again", move.label, exc)
        op.recorder.invalidate()
        return None

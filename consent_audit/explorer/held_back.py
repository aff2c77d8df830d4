"""A control disabled when it was read, waited for as a user waits: a consent layer's refusal held back by a
countdown («رد همه (۵)», enabled after 5 s) is neither left out of the layer's answers nor tapped while it does
nothing. The patience is `settle.held_back_seconds` (assets/explorer.yaml)."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen
from ..waits import wait_until
from .elements import Target, Use, fingerprint, targets
from .operator import Operator


def _same(a: Target, b: Target) -> bool:
    """The same control: its key, else its place and role (a countdown changes its words, so the key)."""
    return a.key == b.key or (a.element.role == b.element.role and a.element.bounds == b.element.bounds)


def held_at(found: list[Target], target: Target) -> Target | None:
    """The control of `found` that is `target` still held back: disabled, at its place, in its role (its words,
    so its key, differ while a countdown runs: «رد همه (۵)» for «رد همه»); None when there is none."""
    return next((t for t in found if not t.element.enabled and _same(t, target)), None)


def when_enabled(op: Operator, target: Target, seconds: float) -> Target | None:
    """`target` as the app shows it once it is enabled — at once when it is — read (without a screenshot) every
    0.25 s for up to `seconds`; then the operator's screen is captured again so the tap is made on it. None
    when it stays disabled or goes."""
    if target.element.enabled:
        return target

    def ready() -> bool:
        shown = op.platform.capture(screenshot=False).screen
        return any(_same(t, target) and t.element.enabled for t in targets(shown))

    try:
        wait_until(ready, timeout=seconds, interval=0.25, message=f"'{target.label}' enabled")
    except TimeoutError:
        return None
    op.recorder.invalidate()
    return next((t for t in op.targets() if _same(t, target) and t.element.enabled), None)


def counting_down(op: Operator, target: Target, seconds: float) -> bool:
    """Whether the disabled `target` is held back by something that runs (a countdown: its number ticks, or it
    enables): the screen read (without a screenshot) every 0.25 s for up to `seconds`, True as soon as what it
    shows changes (texts, enabled states, ticks) or the control enables. False when nothing moves — disabled
    for good (a submit awaiting a field): no wait of `settle.held_back_seconds` for it. `seconds` should cover
    one tick (`settle.held_back_probe_seconds`)."""
    first = fingerprint(op.platform.capture(screenshot=False).screen)

    def moving() -> bool:
        shown = op.platform.capture(screenshot=False).screen
        return fingerprint(shown) != first or any(_same(t, target) and t.element.enabled for t in targets(shown))

    try:
        return bool(wait_until(moving, timeout=seconds, interval=0.25, message=f"'{target.label}' counting down"))
    except TimeoutError:
        return False


def tappable(op: Operator, target: Target) -> Target:
    """`target` to tap now: itself when enabled; when disabled and held back by something that runs (a
    countdown: `counting_down` within the operator's `held_probe` seconds) as the app shows it once enabled,
    waited for up to the operator's `held_wait` seconds as a user waits — else itself (disabled for good, or
    still disabled: the tap then shows it does nothing)."""
    if target.element.enabled or not counting_down(op, target, op.held_probe):
        return target
    return when_enabled(op, target, op.held_wait) or target


def waited_for(op: Operator, screen: Screen, promising: Callable[[str], bool]) -> Screen:
    """`screen` (what a tap opened) once a promising control it shows disabled but held back by something that
    runs (a confirm counting down on its face, «حذف کریں (10)») is enabled: the search would else file the
    screen as a dead end. `promising(label)`: whether the goal wants that control. Waited for as `tappable`
    waits (the operator's `held_probe`, then up to `held_wait` seconds; no screenshot, no step charged); the
    screen as read again — `screen` itself when there is no such control, nothing moves, or the wait runs out."""
    if getattr(op, "held_wait", 0.0) <= 0:
        return screen
    held = [t for t in targets(screen) if t.use == Use.TAP and not t.element.enabled and promising(t.label)]
    for target in held:
        if counting_down(op, target, op.held_probe) and when_enabled(op, target, op.held_wait) is not None:
            return op.screen()
    return screen


__all__ = ["counting_down", "held_at", "tappable", "waited_for", "when_enabled"]

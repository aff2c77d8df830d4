"""A control disabled when it was read, waited for as a user waits: a consent layer's refusal held back by a
countdown («رد همه (۵)», enabled after 5 s) is neither left out of the layer's answers nor tapped while it does
nothing. The patience is `settle.held_back_seconds` (assets/explorer.yaml)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..screen import Screen
from ..waits import wait_until
from .elements import Target, Use, fingerprint, targets

if TYPE_CHECKING:
    from .operator import Operator


def _same(a: Target, b: Target) -> bool:
    """The same control: its key, else its id, else its role in its place — a countdown changes its words, so
    its key, and a control sized to its words its width too («Izbriši (10)» → «Izbriši», left-aligned: corpus
    zvezda): the same row (top and height) with the boxes overlapping is its place."""
    if a.key == b.key or (a.element.rid and a.element.rid == b.element.rid):
        return True
    if a.element.role != b.element.role:
        return False
    (ax, ay, aw, ah), (bx, by, bw, bh) = a.element.bounds, b.element.bounds
    return (ay, ah) == (by, bh) and ax < bx + bw and bx < ax + aw


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


def held_move(op: Operator, key: str, role: str) -> Target | None:
    """The control keyed `key` (a path's move) once a countdown holding it back has run: not on the screen by its
    key — its face still counting («Izbriši (7)» for the «Izbriši» the path recorded: corpus zvezda's walk) — but
    a disabled control of its `role` is, and it counts down: waited for as `tappable` waits (the operator's
    `held_probe`, then up to `held_wait` seconds; no step charged). The enabled control when its key is then
    `key`; None when there is no such control, nothing moves, the wait runs out or it shows another key."""
    if getattr(op, "held_wait", 0.0) <= 0:
        return None
    for held in [t for t in op.targets() if t.use == Use.TAP and not t.element.enabled and t.element.role == role]:
        if counting_down(op, held, op.held_probe):
            live = when_enabled(op, held, op.held_wait)
            return live if live is not None and live.key == key else None
    return None


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


def _layer_bare(screen: Screen, covered: frozenset[int]) -> bool:
    """Whether a layer covers the app (`covered`: the indexes of `screen`'s elements under it) with no enabled
    control of its own to tap yet (an advert before its × shows)."""
    return bool(covered) and not any(t.use == Use.TAP and t.element.enabled for t in targets(screen, covered))


def layer_control_shown(op: Operator, screen: Screen) -> Screen:
    """`screen` (a launch just read) once a layer covering the app with nothing to tap on it yet shows a
    control, or goes, while something on it runs (a countdown's text ticking, «በ3 ሰከንድ…», before an advert's ×
    shows): told by structure — the cover (`Operator.covered`), no enabled control outside it, the screen's
    state (`elements.fingerprint`) changing within the operator's `held_probe` seconds — then waited for up to
    its `held_wait` seconds as a user waits (read without a screenshot, the cover measured on each read; no step
    charged). Before, such a launch was judged at once: "a dialog at launch that no answer lifted (nothing to
    tap on it)", "nothing to tap … an app drawn on a canvas" (corpus ferenj). `screen` itself when no such
    layer is shown or nothing on it moves (a canvas: no wait beyond the probe); else the screen as read again."""
    if getattr(op, "held_wait", 0.0) <= 0 or not _layer_bare(screen, op.covered(screen)):
        return screen
    first = fingerprint(screen)

    def read() -> Screen:
        return op.platform.capture(screenshot=False).screen

    def lifted(shown: Screen) -> bool:
        return not _layer_bare(shown, op.adapter.covered(shown))

    def running() -> bool:
        shown = read()
        return fingerprint(shown) != first or lifted(shown)

    try:
        wait_until(running, timeout=op.held_probe, interval=0.25, message="a bare launch layer running")
    except TimeoutError:
        return screen         # nothing moves on it: no wait
    try:
        wait_until(lambda: lifted(read()), timeout=op.held_wait, interval=0.25,
                   message="a control on the launch layer")
    except TimeoutError:
        pass                  # still bare after a user's patience: judged as it is now
    op.recorder.invalidate()
    return op.screen()


__all__ = ["counting_down", "held_move", "layer_control_shown", "held_at", "tappable", "waited_for", "when_enabled"]

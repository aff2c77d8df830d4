"""Which controls of a consent dialog's first screen are its own ways out, told by geometry (explorer/refusal.py
tries them): the app's own beside or under it (`page_behind`), a notice's own when it leaves the app usable
(`notice_controls`), a point on the backdrop a covering dialog lies over (`outside_point`), a control inline in the
dialog's words (`in_sentence`), whether a layer on screen after a way out is one the dialog opened (`new_layer`),
and what the dialog itself shows (`face`: the same after a move that changed only the page behind it)."""
from __future__ import annotations

from ..screen import Screen
from .elements import Target, targets
from .launch_layer import area, overlaid
from .moves import Move
from .screens import centre, inside


def page_behind(screen: Screen, found: list[Target], covered: frozenset[int]) -> frozenset[str]:
    """Keys of the app's own controls on the dialog's first screen (`found`: its targets; `covered`: element
    indexes the dialog hides): those under it and those beside it, outside its area (launch_layer.area: a
    dialog element, a bar that stays put) — a tap there is no step of the dialog's answers, on its first layer
    or on any it opens, and a switch there is none of its purposes. Empty when no area is told apart from the
    page."""
    where = area(screen, found, covered)
    if where is None:
        return frozenset()
    return frozenset(t.key for t in targets(screen) if t.key not in where.keys)


def face(screen: Screen, found: list[Target], covered: frozenset[int]) -> tuple | None:
    """What the dialog on `screen` shows of its own (`found`: the screen's targets; `covered`: element indexes
    a layer hides): the words inside its area (launch_layer.area: a dialog element, a bar that stays put, what a
    covering layer leaves uncovered) and the keys and states (enabled, ticked) of its controls — not what lies
    behind it. Equal on two screens, the dialog is the same, whatever the page under it became (a «learn more»
    link showing the policy under a notice that stays). None when no area is told."""
    where = area(screen, found, covered)
    if where is None:
        return None
    states = {t.key: (t.element.enabled, t.element.checked) for t in found if t.key in where.keys}
    return tuple(where.texts), tuple(sorted(states.items()))


def notice_controls(screen: Screen, found: list[Target], accept: list[Move]) -> frozenset[str] | None:
    """Keys of the controls (`found`) inside the smallest layer laid over the page that holds the accept's
    first control (`accept`: its moves) — a dialog element, or one positioned fixed or sticky with a sentence of
    its own (launch_layer.overlaid: a cookie bar, bootstrap-cookie-alert's notice): a notice's own ways out
    when it leaves the app usable behind it. None when no such layer holds it."""
    control = next((t for t in found if accept and t.key == accept[0].key), None)
    boxes = [b for b in overlaid(screen, []) if control is not None and inside(control.bounds, b)]
    if not boxes:
        return None
    box = min(boxes, key=lambda b: b[2] * b[3])
    return frozenset(t.key for t in found if inside(t.bounds, box))


def outside_point(screen: Screen, covered: frozenset[int], found: list[Target]) -> tuple[int, int] | None:
    """A point on what the dialog covers, as far as can be from the dialog's own controls (its backdrop)."""
    if not covered or not found:
        return None
    left = min(t.bounds[0] for t in found)
    top = min(t.bounds[1] for t in found)
    right = max(t.bounds[0] + t.bounds[2] for t in found)
    bottom = max(t.bounds[1] + t.bounds[3] for t in found)

    def distance(point: tuple[int, int]) -> int:
        dx = max(left - point[0], 0, point[0] - right)
        dy = max(top - point[1], 0, point[1] - bottom)
        return dx + dy

    points = [centre(screen.elements[i].bounds) for i in covered if 0 <= i < len(screen.elements)]
    best = max(points, key=distance, default=None)
    return best if best is not None and distance(best) > 0 else None


def layer_seen(screen: Screen, found: list[Target]) -> tuple[str, frozenset[str]]:
    """A layer as the refusal search remembers it: the screen's signature and its controls' keys (`found`)."""
    return screen.signature, frozenset(t.key for t in found)


def new_layer(screen: Screen, found: list[Target], seen: set, page: frozenset[str] | None) -> bool:
    """Whether the layer on `screen` (its controls `found`) is one the dialog opened, not yet tried: not one of
    `seen` (`layer_seen`), nor a tried layer again — its own controls (not the app's: `page`, `page_behind`)
    exactly those of a layer tried. The same dialog left on screen, nothing of it added or gone (its «learn
    more» link opening the app's policy page, the notice still over it: corpus bep), is the dialog left in
    place, whatever page it lies over now: its ways out are those tried. A layer that keeps some of its
    controls and drops others (a second layer's «Reject all» beside the first's «Accept all») is a new one, and
    so is a layer read with no control of its own."""
    if layer_seen(screen, found) in seen:
        return False
    strip = page or frozenset()
    own = frozenset(t.key for t in found) - strip
    return not own or all(own != keys - strip for _, keys in seen)


def in_sentence(target: Target, screen: Screen | None) -> bool:
    """Whether `target` (a control of no role of its own: not a button) lies inside a run of words on `screen` —
    an element holding text of its own, longer than the control's, that is no control itself: a link in the
    dialog's sentence by where it is (CookieCraft's «customize» span: corpus daftar). False without a screen."""
    if screen is None or target.element.role not in ("", "link"):
        return False
    box = target.bounds
    return any(e.text and not e.clickable and len(e.text) > len(target.label) and e.bounds != box
               and inside(box, e.bounds) for e in screen.elements)

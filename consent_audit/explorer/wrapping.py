"""Which control of a screen wraps which (platform-neutral: the Screen model's bounds, pixels): a label or row
around a control, a list around its rows, two controls of one box. `elements.targets` keeps the inner control
where one wraps another; the consent layers and areas ask `contains` and `holds` of rows and boxes."""
from __future__ import annotations

from ..screen import Element

CONTROL_ROLES = {"checkbox", "radio", "switch", "textbox", "combobox"}
"""Roles of controls that hold a state or a value (ticked, chosen, typed): the control, never its row."""

SLACK = 2   # px: bounds are CSS pixels times the device's ratio, each edge rounded on its own


def contains(outer: Element, inner: Element) -> bool:
    """Whether `inner` lies within `outer` (up to `SLACK` px on each edge: a drawn switch 1 px past the row
    holding it — chaguan's rows, [47, 1425, 987, 129] and its switch [914, 1454, 121, 68] — is inside it)."""
    ox, oy, ow, oh = outer.bounds
    ix, iy, iw, ih = inner.bounds
    return outer is not inner and ox - SLACK <= ix and oy - SLACK <= iy and ix + iw <= ox + ow + SLACK \
        and iy + ih <= oy + oh + SLACK


def holds(row: Element, box: Element) -> bool:
    """Whether the control `row` holds `box` (a switch or tick box): the box's centre inside its bounds (pixels,
    rounded: a drawn switch may stick out of its row by one)."""
    x, y, w, h = row.bounds
    bx, by, bw, bh = box.bounds
    return row is not box and x <= bx + bw / 2 <= x + w and y <= by + bh / 2 <= y + h


def stands_for(j: int, inner: Element, i: int, outer: Element) -> bool:
    """Whether `inner` (index `j`), lying within `outer` (index `i`), is the control used in its place. Two controls
    of one box (each within the other: a component's host and the box its shadow root draws, a clickable Android
    layout and its clickable child) are one control: the one with a role is kept, else the later (inner) one —
    never both dropped (corpus kedai: every sl-menu-item row read as host + `#anchor`, each wrapping the other,
    and no row was a control; the permissions search said clean with the camera behind them unseen)."""
    if not contains(inner, outer):
        return True
    return (inner.role in CONTROL_ROLES, bool(inner.role), j) > (outer.role in CONTROL_ROLES, bool(outer.role), i)

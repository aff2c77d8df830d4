"""A content area listening for clicks on behalf of its rows (one delegated listener for all: an app that renders
each view into one <div> and reads the clicked row from the event) is no control of its own. On a view whose rows
are links or buttons it wraps them and stands for none (elements.targets: the rows are the targets); on a view
of text alone (a heading and a paragraph, no row) it wraps nothing tappable and would be read as one control
spanning the page — a tap on the page's words that changes nothing (corpus notice-only: «Lístky Nemáte žiadny
platný lístok…» and «Ochrana súkromia Zastávka uchováva…» tapped by the deletion search's fallback, two actions).

Told by structure and by what the search saw: an element with no role of its own (clickable only because it
listens, web) that wrapped live controls on some screen of the app is, where it is seen again (the same DOM id
and the same place: left, top and width) wrapping none, the same area — not a control. Android's views carry
their class for a role, so nothing there is read this way."""
from __future__ import annotations

from typing import Any, Iterable

from ..screen import Element, Screen
from .elements import CONTROL_ROLES, Target, contains, targets, visible

AreaKey = tuple[str, int, int, int]     # (DOM id, left, top, width): the same element on another view — an element
#                                         with no id of its own is never one: by geometry alone a list's first row
#                                         on one view matched the content area of another (the e2e app chengzi:
#                                         «账号与安全» taken for the page's words, the deletion never reached)
WHY = "the page's words: the content area listening for its rows"


def area_key(element: Element) -> AreaKey:
    x, y, w, _ = element.bounds
    return element.rid, x, y, w


def _live(screen: Screen) -> list[Element]:
    return [e for e in screen.elements if (e.clickable or e.role in CONTROL_ROLES) and visible(e)]


def wrapping_areas(screen: Screen) -> set[AreaKey]:
    """The keys of the screen's role-less listening elements that wrap another live (clickable) element: content
    areas whose rows are the controls."""
    live = _live(screen)
    return {area_key(e) for e in live if e.clickable and not e.role and e.rid and any(contains(e, o) for o in live)}


def sweep(nodes: Iterable[Any], areas: set[AreaKey]) -> None:
    """Mark the untried candidates of screens listed before an area was known (`areas` grown) that are that area:
    the start screen's words seen before any view showed the area wrapping its rows."""
    for node in nodes:
        for target in targets(node.screen):
            cand = node.candidates.get(target.key)
            if cand is not None and not cand.tried and not cand.why_not and is_area(target, node.screen, areas):
                cand.why_not = WHY


def is_area(target: Target, screen: Screen, areas: set[AreaKey]) -> bool:
    """Whether `target` is one of the `areas` (`wrapping_areas` of screens seen before) seen here wrapping no live
    element: the page's words, not a control."""
    element = target.element
    if element.role or not element.clickable or not element.rid or area_key(element) not in areas:
        return False
    return not any(contains(element, o) for o in _live(screen))

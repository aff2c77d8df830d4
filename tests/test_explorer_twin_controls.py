"""Two controls of one box are one control, never none: a web component's host and the box its shadow root draws
(Shoelace's sl-menu-item: role menuitem on the host, a pointer `div#anchor` about it), a clickable Android layout
and its clickable child of the same bounds. Before, each was read as wrapping the other and both were left out —
corpus kedai's shop rows were no controls and the permissions search said clean with the camera behind them
unseen."""
from __future__ import annotations

from consent_audit.explorer.elements import Use, targets
from consent_audit.screen import Element, Screen


def _targets(*elements: Element) -> list:
    return targets(Screen(elements=list(elements), signature="rows", size=(1080, 2400)))


def _row(y: int, words: str, role: str = "", rid: str = "") -> Element:
    return Element(text=words, role=role, rid=rid, clickable=True, bounds=(45, y, 992, 97))


def test_a_row_read_twice_in_one_box_is_one_control_the_one_with_a_role() -> None:
    found = _targets(_row(307, "Warung Bu Sri", "menuitem"), _row(307, "Warung Bu Sri", rid="sl-menu-item >>> #anchor"),
                     _row(404, "Toko Kelontong Makmur", "menuitem"),
                     _row(404, "Toko Kelontong Makmur", rid="sl-menu-item >>> #anchor"))
    assert [(t.label, t.element.role) for t in found] == [("Warung Bu Sri", "menuitem"),
                                                          ("Toko Kelontong Makmur", "menuitem")]
    assert len({t.key for t in found}) == 2


def test_two_role_less_boxes_of_one_size_keep_the_inner_one() -> None:
    layout = Element(text="", rid="com.app:id/row", clickable=True, bounds=(0, 300, 1080, 140))
    child = Element(text="Privacy", rid="com.app:id/title", clickable=True, bounds=(0, 300, 1080, 140))
    found = _targets(layout, child)
    assert [t.element for t in found] == [child]


def test_a_row_wrapping_a_smaller_control_still_gives_way_to_it() -> None:
    row = Element(text="Notifications", clickable=True, bounds=(0, 300, 1080, 140))
    switch = Element(role="switch", clickable=True, checked=False, bounds=(900, 330, 120, 70))
    label = Element(text="Notifications", role="checkbox", clickable=True, checked=False, bounds=(0, 500, 1080, 140))
    wrapper = Element(text="Notifications", role="button", clickable=True, bounds=(0, 500, 1080, 140))
    found = _targets(row, switch, wrapper, label)
    assert [(t.element.role, t.use) for t in found] == [("switch", Use.TOGGLE), ("checkbox", Use.TOGGLE)]

"""Finding again a row a capture merged from beyond the screen (below_fold.py): by its identity — the classes,
resource-ids, words and descriptions of its subtree — inside the list it was merged into, shown whole, never by
the bounds it had in the capture (content positions no live view is drawn at). Until the list is scrolled to it,
the explorer holds a `Folded` stand-in: the gesture layer swipes the list (down, or up for a row above where the
list stands) until the stand-in says it is displayed, a user's scroll, counted as on the web."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from selenium.common.exceptions import WebDriverException

from ...screen import Element
from .below_fold import FOLDED
from .scrolling import scroller_bounds
from .uiautomator import parse_bounds

Identity = tuple[tuple[str, str, str, str], ...]


def _tree(xml: str) -> ET.Element | None:
    try:
        return ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml) if xml else None
    except ET.ParseError:
        return None


def identity(node: ET.Element) -> Identity:
    """A view's identity: (class, resource-id, text, content-desc) of every node of its subtree, in order."""
    return tuple((n.get("class", ""), n.get("resource-id", ""), n.get("text", ""), n.get("content-desc", ""))
                 for n in node.iter())


def folded_in(whole: str, bounds: str, text: str = "") -> tuple[str, Identity] | None:
    """For the node of the merged source `whole` drawn at `bounds` ("[x1,y1][x2,y2]"; of several, the one showing
    `text`) when it was merged from beyond the screen: the bounds of the list it lies in and its identity; None
    for a node the screen showed (or none there)."""
    root = _tree(whole)
    drawn = [n for n in root.iter() if n.get("bounds") == bounds] if root is not None else []
    node = next((n for n in reversed(drawn) if text and n.get("text") == text), drawn[-1] if drawn else None)
    if node is None or node.get(FOLDED) != "true":
        return None
    box = scroller_bounds(whole, bounds, text)
    return (box, identity(node)) if box else None


def shown_node(xml: str, box: str, wanted: Identity) -> ET.Element | None:
    """The node of a page source with this identity drawn whole inside the list at `box`, or None."""
    root = _tree(xml)
    if root is None:
        return None
    _, top, _, height = parse_bounds(box)
    for node in root.iter():
        x, y, w, h = parse_bounds(node.get("bounds", ""))
        if h and y >= top and y + h <= top + height and identity(node) == wanted:
            return node
    return None


class Folded:
    """A stand-in for a row beyond the screen (see the module doc): displayed once the list shows it whole."""

    def __init__(self, driver: Any, element: Element, box: str, wanted: Identity) -> None:
        self.driver, self.element, self.box, self.wanted = driver, element, box, wanted
        self.id = None
        _, y, _, _ = element.bounds
        self.direction = "up" if y < parse_bounds(box)[1] else "down"

    @property
    def text(self) -> str:
        return self.element.text

    def is_displayed(self) -> bool:
        try:
            return shown_node(self.driver.page_source, self.box, self.wanted) is not None
        except WebDriverException:
            return False

    def get_attribute(self, name: str) -> str | None:
        x, y, w, h = self.element.bounds
        return {"bounds": f"[{x},{y}][{x + w},{y + h}]", "text": self.element.text}.get(name)


def find_shown(driver: Any, box: str, wanted: Identity) -> Any:
    """The live view with this identity shown whole in the list at `box`, or None."""
    node = shown_node(driver.page_source, box, wanted)
    if node is None:
        return None
    found = driver.find_elements("xpath", f"//*[@bounds='{node.get('bounds')}']")
    return next((f for f in found if (f.get_attribute("text") or "") == node.get("text", "")), None) \
        or (found[-1] if found else None)


__all__ = ["Folded", "find_shown", "folded_in", "identity", "shown_node"]

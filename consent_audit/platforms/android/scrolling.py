"""Which views of a UiAutomator2 page source scroll the content up and down: the one a control's swipe must move
(its nearest such ancestor, as the web swipes a control's nearest scrolling ancestor) and every one of them.

UiAutomator2 marks a view `scrollable="true"` when it can scroll (AccessibilityNodeInfo.isScrollable: a
ScrollView holding more than it shows, a list not at both ends), whichever way: a carousel (a horizontal list,
a ViewPager's pages) is marked too, and swiping it up moves nothing. The dump gives no direction; the class and
the layout tell it: a view whose class or parent's class is a horizontal pager or scroll view, or whose
children stand side by side in one row, scrolls across.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .uiautomator import parse_bounds

# Local class names of views that scroll only across (android.widget.HorizontalScrollView,
# androidx.viewpager.widget.ViewPager, androidx.viewpager2.widget.ViewPager2 whose inner RecyclerView scrolls).
_ACROSS = ("HorizontalScrollView", "ViewPager", "ViewPager2")


def _local(node: ET.Element) -> str:
    return (node.get("class") or node.tag).rsplit(".", 1)[-1]


def scrolls_across(node: ET.Element, parent: ET.Element | None = None) -> bool:
    """Whether a scrollable view moves only sideways: its class (or its parent's: a ViewPager2's list) is a
    horizontal one, or its shown children (two or more) stand in one row, side by side."""
    if _local(node) in _ACROSS or (parent is not None and _local(parent) in _ACROSS):
        return True
    kids = [parse_bounds(k.get("bounds", "")) for k in node if k.get("displayed", "true") != "false"]
    kids = [b for b in kids if b[2] and b[3]]
    return len(kids) >= 2 and len({b[1] for b in kids}) == 1 and len({b[0] for b in kids}) == len(kids)


def _tree(xml: str) -> tuple[ET.Element, dict[ET.Element, ET.Element]]:
    root = ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    return root, {child: parent for parent in root.iter() for child in parent}


def vertical(node: ET.Element, parents: dict[ET.Element, ET.Element]) -> bool:
    """A view marked scrollable that moves its content up and down."""
    return node.get("scrollable") == "true" and not scrolls_across(node, parents.get(node))


def scroller_bounds(xml: str, bounds: str, text: str = "", across: bool = False) -> str | None:
    """The `bounds` attribute ("[x1,y1][x2,y2]") of the nearest ancestor that scrolls up and down (with `across`:
    that the dump marks scrollable and that scrolls sideways, `scrolls_across`: a HorizontalScrollView's tab row)
    of the node drawn at `bounds` (of several there, the one showing `text`, else the deepest); None when no
    ancestor does (the screen is swiped) or no node is drawn there. Raises ValueError on a source that is not
    XML."""
    try:
        root, parents = _tree(xml)
    except ET.ParseError as exc:
        raise ValueError(f"not a UiAutomator2 page source: {exc}") from None
    drawn = [n for n in root.iter() if n.get("bounds") == bounds]
    if not drawn:
        return None
    node = next((n for n in reversed(drawn) if text and n.get("text") == text), drawn[-1])
    up = parents.get(node)
    while up is not None:
        sideways = up.get("scrollable") == "true" and scrolls_across(up, parents.get(up))
        if sideways if across else vertical(up, parents):
            return up.get("bounds")
        up = parents.get(up)
    return None


def scrollable_across(xml: str) -> list[bool]:
    """For every node the source marks scrollable, in document order (the order an XPath search returns them),
    whether it scrolls only sideways. Raises ValueError on a source that is not XML."""
    try:
        root, parents = _tree(xml)
    except ET.ParseError as exc:
        raise ValueError(f"not a UiAutomator2 page source: {exc}") from None
    return [not vertical(n, parents) for n in root.iter() if n.get("scrollable") == "true"]


__all__ = ["scrollable_across", "scroller_bounds", "scrolls_across", "vertical"]

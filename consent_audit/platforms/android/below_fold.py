"""What a vertical list or scroll view holds beyond what the screen shows: UiAutomator2 dumps only the views on
screen (bounds clipped to it), so a «Delete account» at the end of a long settings list is on no dump until the
list moves. The suite looks, as the web's snapshot holds the whole page: the list is swiped down (first up, as
far as the user moved it down) dump by dump until a dump brings nothing new (or the limit of swipes), each row not
seen yet merged into the first dump at its content position (its bounds offset by the shift measured on nodes
both dumps show), and the list is swiped back to where it was. A row merged so lies outside the scroll view's
box (below it, or above it for content above where the list stood) and carries `folded="true"`; the explorer
scrolls to it as a user does before tapping it.

Shapes: bounds strings are UiAutomator2's "[x1,y1][x2,y2]"; offsets are device pixels the content moved up
(positive: the list was swiped down, showing what is below).
"""
from __future__ import annotations

import copy
import logging
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Callable

import yaml

from ...paths import ASSETS
from .scrolling import vertical
from .uiautomator import focused_window, parse_bounds

log = logging.getLogger(__name__)

FOLDED = "folded"          # the attribute set on every node merged from a dump the list was swiped to
Swipe = Callable[[str, str], bool]   # (scroll view's bounds, direction) -> whether it can move further that way


def fold_swipes(path: Path = ASSETS / "explorer.yaml") -> int:
    """The swipes each way a capture may make to look beyond the screen: explorer.yaml `android.fold_swipes`
    (8 when unset; 0 turns the look off). Raises ValueError when the setting is not a whole number."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    value = (data.get("android") or {}).get("fold_swipes", 8)
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"explorer.yaml android.fold_swipes must be a whole number >= 0, not {value!r}")
    return value


def _parse(xml: str) -> ET.Element:
    return ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)


def _ident(node: ET.Element) -> tuple[str, str, str, str]:
    return (node.get("class", ""), node.get("resource-id", ""), node.get("text", ""), node.get("content-desc", ""))


def _row_key(row: ET.Element) -> tuple:
    """A row's identity: the classes, ids and words of its subtree (its bounds aside)."""
    return tuple(_ident(n) for n in row.iter())


def scrollers(root: ET.Element) -> list[ET.Element]:
    """The vertical scroll views of the window the user works in that lie inside no other, in document order."""
    scope = focused_window(root)
    scope = root if scope is None else scope
    parents = {child: parent for parent in root.iter() for child in parent}
    found = []
    for node in scope.iter():
        if not vertical(node, parents) or not all(parse_bounds(node.get("bounds", ""))[2:]):
            continue
        up = parents.get(node)
        while up is not None and not vertical(up, parents):
            up = parents.get(up)
        if up is None:
            found.append(node)
    return found


def rows_of(scroller: ET.Element) -> ET.Element:
    """The node whose children are the rows: the scroll view, or the single child it wraps them in (a
    ScrollView's LinearLayout), followed down while there is one child."""
    node = scroller
    while len(node) == 1 and len(node[0]) > 1:
        node = node[0]
    return node


def _find(root: ET.Element, box: str) -> ET.Element | None:
    return next((s for s in scrollers(root) if s.get("bounds") == box), None)


def shift_between(before: ET.Element, after: ET.Element) -> int | None:
    """How far the content moved up from `before` to `after` (two dumps of one scroll view): the most common move
    of the nodes both show once by their class, id and words (a node touching the view's edge, clipped, is used
    only when no other is); None when they share no such node."""
    top, bottom = parse_bounds(before.get("bounds", ""))[1], sum(parse_bounds(before.get("bounds", ""))[1::2])

    def placed(view: ET.Element) -> dict[tuple, tuple[int, int]]:
        seen = Counter(_ident(n) for n in view.iter() if n is not view)
        return {_ident(n): parse_bounds(n.get("bounds", ""))[1::2] for n in view.iter()
                if n is not view and seen[_ident(n)] == 1 and any(_ident(n)[1:])}
    old, new = placed(before), placed(after)
    inner, edge = [], []
    for ident in old.keys() & new.keys():
        (y0, h0), (y1, h1) = old[ident], new[ident]
        clipped = h0 != h1 or y0 <= top or y0 + h0 >= bottom
        (edge if clipped else inner).append(y0 - y1)
    moves = inner or edge
    return Counter(moves).most_common(1)[0][0] if moves else None


def _shifted(row: ET.Element, offset: int) -> ET.Element:
    out = copy.deepcopy(row)
    for node in out.iter():
        x, y, w, h = parse_bounds(node.get("bounds", ""))
        if w or h:
            node.set("bounds", f"[{x},{y + offset}][{x + w},{y + offset + h}]")
        node.set(FOLDED, "true")
    return out


class Merge:
    """The rows of one scroll view at their content positions (origin: the first dump), new ones added. A row
    the view's edge clipped (its title not dumped yet) is replaced by the whole row once a dump shows it."""

    def __init__(self, rows: ET.Element, box: str) -> None:
        self.rows = rows
        _, self.top, _, height = parse_bounds(box)
        self.bottom = self.top + height
        self.placed = [[r, *parse_bounds(r.get("bounds", ""))[1::2], self._clipped(r)] for r in rows]

    def _clipped(self, row: ET.Element) -> bool:
        _, y, _, h = parse_bounds(row.get("bounds", ""))
        return y <= self.top or y + h >= self.bottom

    def add(self, dump_rows: ET.Element, offset: int, tolerance: int = 4) -> int:
        """Adds the rows of a later dump (content moved up by `offset`) not placed yet, and the whole rows of
        those placed clipped; how many."""
        added = 0
        for row in list(dump_rows):
            y, h = parse_bounds(row.get("bounds", ""))[1::2]
            top, bottom = y + offset, y + h + offset
            if not h:
                continue
            same = next((p for p in self.placed if abs(p[1] - top) <= tolerance
                         or abs(p[1] + p[2] - bottom) <= tolerance), None)
            if same is not None:
                if same[3] and not self._clipped(row) and _row_key(row) != _row_key(same[0]):
                    moved = _shifted(row, offset)
                    self.rows.insert(list(self.rows).index(same[0]), moved)
                    self.rows.remove(same[0])
                    same[:] = [moved, top, h, False]
                    added += 1
                continue
            moved = _shifted(row, offset)
            self.rows.insert(sum(1 for p in self.placed if p[1] <= top), moved)
            self.placed.append([moved, top, h, self._clipped(row)])
            added += 1
        return added


def read_whole(xml: str, read: Callable[[], str], swipe: Swipe, limit: int,
               above: Callable[[str], int] = lambda box: 0) -> str:
    """The page source `xml` with what its vertical scroll views hold beyond the screen merged in (see the module
    doc); `read` dumps the screen now, `swipe(bounds, direction)` moves the view at those bounds. At most `limit`
    swipes down per view, and up at most `above(bounds)` (how far the user moved it down: a list at its top is
    never swiped up, where that pulls a refresh); the view is swiped back as many times as it moved. `xml`
    itself when nothing scrolls (or `limit` is 0). Raises ValueError on a source that is not XML."""
    try:
        root = _parse(xml)
    except ET.ParseError as exc:
        raise ValueError(f"not a UiAutomator2 page source: {exc}") from None
    views = scrollers(root) if limit > 0 else []
    for view in views:
        box = view.get("bounds", "")
        merge, origin = Merge(rows_of(view), box), copy.deepcopy(view)
        for direction, back, most in (("up", "down", min(limit, above(box))), ("down", "up", limit)):
            moved = _look(merge, origin, box, direction, read, swipe, most)
            for _ in range(moved):
                swipe(box, back)
    return ET.tostring(root, encoding="unicode") if views else xml


def _look(merge: Merge, view: ET.Element, box: str, direction: str, read: Callable[[], str], swipe: Swipe,
          limit: int) -> int:
    """Swipes `direction` dump by dump, merging new rows; the number of swipes that moved the content."""
    offset, moved, before = 0, 0, view
    while moved < limit:
        more = swipe(box, direction)
        try:
            now = _find(_parse(read()), box)
        except ET.ParseError:
            now = None
        shift = shift_between(before, now) if now is not None else None
        if not shift:       # nothing moved (an end), the view went, or no node to place the new ones by
            if shift is None:
                log.info("the list at %s could not be read on after a swipe %s", box, direction)
            return moved + (1 if shift is None and now is not None else 0)   # moved too far to place: undone
        moved += 1
        offset += shift
        added = merge.add(rows_of(now), offset)
        before = now
        if not added or not more:
            break
    return moved


__all__ = ["FOLDED", "fold_swipes", "Merge", "read_whole", "rows_of", "scrollers", "shift_between"]

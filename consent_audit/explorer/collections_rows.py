"""The rows of a collection: a list whose rows, alike in shape, each open a screen of one structure — a station,
a product, an article each — told apart only by their words. Two of its rows seen to open screens of the same
structure tell the list a collection; its other rows are done, not left: what a row's screen offers was searched
on the first one (the deny-permissions search: `PermissionGoal`, explorer/beyond_core.py).

A list whose rows lead to screens of different structures (a settings list: Privacy, Notifications, Account) is
no collection: each row is still tried. Rows are alike in shape when they share a role and a column and size
(x, width and height within `SLACK` px, `explorer/wrapping.py`); REPEATS of them at least make a list. Corpus
sakala: seven docking-station rows on the home and seven on the nearest-stations page, each tapped and walked
back from (28 actions) where two of each told what they all open.
"""
from __future__ import annotations

from ..screen import Element
from .elements import Target
from .wrapping import SLACK

REPEATS = 3        # rows alike in shape: a list
SAMPLES = 2        # rows of one list seen to open screens of one structure: a collection

Shape = tuple[str, int, int, int]


def shape_of(element: Element) -> Shape:
    """A row's shape: its role, column and size (pixels, in steps of 2·SLACK: one rounding apart is alike)."""
    x, _, w, h = element.bounds
    step = 2 * SLACK + 1
    return element.role, x // step, w // step, h // step


class Collections:
    """Per screen structure and row shape: the structures of the screens the rows tapped opened."""

    def __init__(self) -> None:
        self._opened: dict[tuple[str, Shape], dict[str, str]] = {}     # (kind, shape) → row key → kind opened
        self.told: set[tuple[str, Shape]] = set()

    def note(self, kind: str, found: list[Target], key: str, opened: str | None) -> list[str]:
        """A row `key` of a screen of structure `kind` (its controls `found`) was tapped and opened a screen of
        structure `opened` (None: it opened nothing of its own — stayed, asked, left). Returns the keys of the
        list's other rows, done now (the list just told a collection), else []."""
        row = next((t for t in found if t.key == key), None)
        if row is None or not row.label:
            return []
        shape = shape_of(row.element)
        rows = [t for t in found if shape_of(t.element) == shape]
        if len(rows) < REPEATS or len({t.label for t in rows}) < len(rows):
            return []          # no list of rows told apart by words (alike words: the cards' rule, beyond_core)
        opened_by = self._opened.setdefault((kind, shape), {})
        if opened is None or opened == kind:
            opened_by[key] = ""          # a row that opens nothing of its own breaks the collection
            return []
        opened_by[key] = opened
        kinds = set(opened_by.values())
        if len(opened_by) < SAMPLES or len(kinds) != 1 or (kind, shape) in self.told:
            return []
        self.told.add((kind, shape))
        return [t.key for t in rows if t.key not in opened_by]

    def done(self, kind: str, shape: Shape | None) -> bool:
        """Whether a row of this `shape` (`shape_of`; None: no such control) on a screen of structure `kind` is
        a row of a list told a collection."""
        return shape is not None and (kind, shape) in self.told

"""The screen's bottom tab bar, told by structure: at least `MIN_TABS` plain controls in one row along the bottom
edge of the viewport, drawn alike (one height), spanning most of its width — and its far end, the tab last in
reading order (the rightmost; the leftmost when the tabs' words are written right to left).

Where no word scores a control, the searches try the unscored ones in screen order (explorer/search.py's
fallback): the content rows first, then the bar from its first tab — which is most often the one shown (Home) —
to its last. Apps keep the account at the far end of the bar (Profile, Me, Account, 我的, «Προφίλ», «Профіль»),
so a reader looking for the account in words they cannot read opens that one first (corpus grafis, beyonk-dark:
before, the first tabs and their rows were tried first, 3-5 actions). It only orders: nothing is skipped."""
from __future__ import annotations

import unicodedata

from ..screen import Screen
from .elements import Target, Use

MIN_TABS = 3        # two controls side by side at the bottom are a pair of answers, not a tab bar
BAND = 0.2          # of the viewport's height: the bar's controls lie in its bottom part
SPAN = 0.75         # of the viewport's width: the bar spans most of it
SLACK = 4           # pixels: one height, one row
END = 5.0
"""Tie-break points of the bar's far end among unscored controls: before the screen's other unscored controls
(and after what the earlier searches saw lead to the accounts, explorer/hints.py LEADS 10)."""


def right_to_left(label: str) -> bool:
    """Whether the label's first letter belongs to a script written right to left (Arabic, Hebrew, Urdu …)."""
    letter = next((c for c in label if c.isalpha()), "")
    return bool(letter) and unicodedata.bidirectional(letter) in ("R", "AL")


def bottom_bar(screen: Screen, found: list[Target]) -> list[Target]:
    """The screen's bottom tab bar in reading order ([] when there is none): the enabled plain controls in one row
    with the lowest of them, of one height, inside the bottom `BAND` of the viewport (`screen.size`, device
    pixels), at least `MIN_TABS`, together spanning `SPAN` of its width."""
    width, height = screen.size
    if not width or not height:
        return []
    low = [t for t in found if t.use == Use.TAP and t.element.enabled and t.bounds[3] > 0
           and t.bounds[1] >= height * (1 - BAND) and t.bounds[1] + t.bounds[3] <= height + SLACK]
    if len(low) < MIN_TABS:
        return []
    lowest = max(low, key=lambda t: t.bounds[1] + t.bounds[3])
    row = [t for t in low if abs(t.bounds[1] - lowest.bounds[1]) <= SLACK and abs(t.bounds[3] - lowest.bounds[3]) <= SLACK]
    left, right = min(t.bounds[0] for t in row), max(t.bounds[0] + t.bounds[2] for t in row)
    if len(row) < MIN_TABS or right - left < width * SPAN:
        return []
    row.sort(key=lambda t: t.bounds[0])
    if sum(right_to_left(t.label) for t in row) * 2 > len(row):
        row.reverse()
    return row


def far_end(screen: Screen, found: list[Target]) -> str | None:
    """The key of the bottom tab bar's last tab in reading order, None without a bar (`bottom_bar`)."""
    bar = bottom_bar(screen, found)
    return bar[-1].key if bar else None

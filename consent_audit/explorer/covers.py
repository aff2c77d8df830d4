"""What covers each recent screen (`Covers`): element indexes a layer covers, hit-tested on the live app while the
screen is the last capture and remembered for the last COVERS_KEPT screens so measured; `StaleScreen` for an
older screen never measured while it was shown. Held by the operator (explorer/operator.py `Operator.covered`)."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen

COVERS_KEPT = 32
"""Screens whose measured cover the operator remembers (the last captures a caller may still hold)."""


class StaleScreen(RuntimeError):
    """What covers a screen was asked once the app shows another and it was never measured while shown."""


class Covers:
    """`measure(screen)` (the live hit test) kept per screen; `last()` is the screen the app shows now."""

    def __init__(self, measure: Callable[[Screen], frozenset[int]], last: Callable[[], Screen | None]) -> None:
        self._measure, self._last = measure, last
        self._kept: dict[int, tuple[Screen, frozenset[int]]] = {}   # by id(); the screen kept: an id is reused

    def of(self, screen: Screen) -> frozenset[int]:
        """Indexes of `screen`'s elements a layer covers. Raises StaleScreen for a screen other than `last()`
        never measured — the live app would answer for another screen (an empty set would read as "nothing
        covers it")."""
        kept = self._kept.get(id(screen))
        if kept is not None and kept[0] is screen:
            return kept[1]
        if screen is not self._last():
            raise StaleScreen("what covers a screen no longer shown was not measured while it was shown")
        cover = self._measure(screen)
        self._kept[id(screen)] = (screen, cover)
        while len(self._kept) > COVERS_KEPT:
            del self._kept[next(iter(self._kept))]
        return cover

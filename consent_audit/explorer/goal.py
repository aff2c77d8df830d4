"""What a goal tells the best-first search (`Goal`: scores, where forms are filled, what a screen means, as a
`Verdict`) and what the search hands back (`SearchResult`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..screen import Screen
from .elements import Target
from .graph import Edge, Node, ScreenGraph
from .moves import Move


@dataclass
class Verdict:
    """What a screen means for the goal: reached, an ending outside the app, or a form that said no."""

    kind: str               # reached | off_app | rejected
    detail: str = ""
    retry: bool = False     # rejected: try the submit once more, filling what the message asks


class Goal(Protocol):
    """What a search looks for: how controls score, where forms are filled, what a screen means."""

    name: str
    # optional: `at_hand` (bool) — between controls of equal worth, the one on the screen the search stands on
    # first, not the map's first (a search for one screen: the account, the deletion — corpus kadai walked off the
    # account screen by the start screen's tab, nine actions); a coverage search keeps the map's order

    def score(self, node: Node, label: str) -> float: ...
    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None: ...
    def enters_flow(self, move: Move) -> bool: ...
    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None: ...


@dataclass
class SearchResult:
    """How a search ended, the shortest path it saw to its goal, and what it spent."""

    ending: str                        # reached | off_app | budget | exhausted
    path: list[Edge]
    target: str | None
    detail: str
    dead_ends: list[dict[str, Any]]
    actions: int
    seconds: float
    graph: ScreenGraph | None = None

    @property
    def reached(self) -> bool:
        return self.ending in ("reached", "off_app")

    @property
    def moves(self) -> list[Move]:
        return [m for edge in self.path for m in edge.moves]

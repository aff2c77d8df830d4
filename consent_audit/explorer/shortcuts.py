"""The way reported is the shortest the map knows, never the search's own detour. A tab of the bottom tab bar shows
its screen from any screen offering it: where the way found reached a tab's screen by that tab on a screen deeper
down (after a row of the account screen, say), the tab offered on an earlier screen of the way — the same tab: the
same words and role, drawn in the same box of the same bar — is taken there instead, and the screens in between
are skipped. Each control is known by its key, and a key holds its rank among same-worded controls on its screen:
the account screen's «Settings» row above the tab bar made the tab another key there than on the start screen, so
the search, asking which screen offers a key first, tapped the tab below the row, and the deletion path reported
ran start › Account › Settings › … — a step more than a user's way, and more steps than the sign-up's read as an
obstructed deletion (corpus sudar, a one-change copy).

Only ways of plain taps outside the deletion flow are skipped (a form, a tick or a step of the flow is never
jumped over), and the tab is taken only where it is neither the current tab nor covered. The measured re-walk
walks the way reported, so a tab that did not lead there is found out as any other step is."""
from __future__ import annotations

from ..screen import Screen
from .elements import Target, targets
from .graph import Edge, ScreenGraph
from .moves import TAP, Move
from .tab_bar import bottom_bar


def _bar(screen: Screen) -> list[Target]:
    return bottom_bar(screen, targets(screen))


def _same_tab(tab: Target, screen: Screen) -> Target | None:
    """The tab of `screen`'s bottom tab bar that is `tab` (same words, role and box), neither current nor covered."""
    return next((t for t in _bar(screen) if t.label == tab.label and t.element.role == tab.element.role
                 and t.bounds == tab.bounds and not t.element.selected and not t.element.covered), None)


def _plain(graph: ScreenGraph, edge: Edge) -> bool:
    """A way of plain taps (no purpose: no tick) from a screen outside the deletion flow."""
    source = graph.nodes.get(edge.source)
    return source is not None and not source.in_flow and all(m.kind == TAP and not m.purpose for m in edge.moves)


def shortened(graph: ScreenGraph, way: list[Edge]) -> list[Edge]:
    """`way` (edges from the start, in order) with each tab tapped deeper down taken on the earliest screen of the way
    offering the same tab, the plain taps in between dropped (`graph` holds the screens). Nothing else changes."""
    out = list(way)
    index = len(out) - 1
    while index > 0:
        edge = out[index]
        source = graph.nodes.get(edge.source)
        tab = None
        if source is not None and len(edge.moves) == 1 and _plain(graph, edge):
            tab = next((t for t in _bar(source.screen) if t.key == edge.moves[0].key), None)
        if tab is not None:
            for start in range(index):
                earlier = graph.nodes.get(out[start].source)
                twin = _same_tab(tab, earlier.screen) if earlier is not None else None
                if twin is not None and all(_plain(graph, e) for e in out[start:index]):
                    jump = Edge(out[start].source, (Move.tap(twin),), edge.target, 1, predicted=True)
                    out[start:index + 1] = [jump]
                    index = start
                    break
        index -= 1
    return out

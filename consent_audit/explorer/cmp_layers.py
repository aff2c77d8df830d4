"""The consent dialog's layers among the screens the permissions goal's coverage search saw (explorer/beyond_core.py):
the consent management platform's own screens, opened again from the app's settings, hold none of the app's
features and are owed no search — the consent goal measures them."""
from __future__ import annotations

from ..screen import Screen
from . import consent
from .covers import StaleScreen
from .graph import ScreenGraph
from .operator import Operator


def consent_layers(op: Operator, graph: ScreenGraph) -> set[str]:
    """The nodes that are the consent dialog (told as the consent goal tells it: explorer/consent.py `shown`) and
    every node whose shortest way seen passes through one (its second layer: purposes, partners): the coverage
    owes them nothing — they are the consent management platform's, measured by the consent goal, and hold none
    of the app's features."""
    dialog = {n.ident for n in graph.nodes.values() if n.ident != graph.root and dialog_shown(op, n.screen)}
    inside: set[str] = set(dialog)
    for node in graph.nodes.values():
        route = graph.shortest(graph.root, node.ident) if node.ident != graph.root else None
        if route and any(edge.target in dialog for edge in route[:-1]):
            inside.add(node.ident)
    return inside


def dialog_shown(op: Operator, screen: Screen) -> bool:
    """Whether `screen` shows the consent dialog (consent.shown); False when what covers it was not measured while it
    was shown and is no longer kept (StaleScreen): not told a consent layer, so the coverage owes it its search —
    never a clean verdict resting on a guess."""
    try:
        return consent.shown(op, screen)
    except StaleScreen:
        return False

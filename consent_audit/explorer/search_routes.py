"""How the best-first search (explorer/search.py) goes back to a screen of its map: by the cheapest known route
(the in-app back control, a relaunch, the moves that led there), re-planned when a step fails or leads elsewhere."""
from __future__ import annotations

import logging

from ..screen import Screen
from .graph import Candidate, Edge
from .moves import RELAUNCH, Move, perform
from .operator import NotOnScreen
from .tab_ways import tab_seen

log = logging.getLogger(__name__)


class Routes:
    """The moving half of `GoalSearch`: it uses the search's `op`, `data`, `settings`, `graph`, `current`, `shared`,
    `tab_stays`, `consent_nodes`, `moved`, `unreached`, `given_up`, `identity`, `_arrive`, `_layer_here` and
    `_answered_again`."""

    def _run(self, moves: tuple[Move, ...]) -> Screen:
        screen = self.op.screen()
        for move in moves:
            screen = perform(self.op, move, self.data)
        return screen

    def _go_to(self, target: str, key: str = "") -> bool:
        """Go to the node `target`; True once there — or, wanting the control `key`, once on a navigation layer
        offering it (`_layer_here`; `self.current` says where)."""
        relaunch = float(self.settings.get("relaunch_cost", 2))
        for _ in range(int(self.settings.get("max_replans", 4))):
            if self.current == target or (key and self._layer_here(target, key)):
                return True
            route = self.graph.route(self.current, target, relaunch)
            if route is None:
                return False
            for edge in route:
                parent = self.graph.nodes.get(self.current or "")
                try:
                    screen = self._run(edge.moves)
                    if edge.moves[0].kind == RELAUNCH:     # the consent dialog back since its opener cleared it
                        screen = self._answered_again(screen)
                except NotOnScreen as exc:
                    log.info("route step failed: %s", exc)
                    self.graph.forget(edge)
                    self._arrive(self.op.screen(), None, None)
                    break
                if not screen.in_app or not self.op.in_foreground:
                    self.graph.relaunched(self._arrive(self._answered_again(self.op.relaunch()), None, None).ident)
                    break
                here = self.identity(screen)
                if edge.moves[0].kind == RELAUNCH and here != edge.target:
                    # relaunching shows another screen now (the start screen's consent answered, a log-in kept):
                    # routes relaunch there from now on, none spends relaunches on a screen gone for good
                    self.graph.relaunched(self._arrive(screen, None, None).ident)
                    break
                if here != edge.target:
                    self.graph.forget(edge)
                    arrived = self._arrive(screen, parent, edge.moves[-1])
                    if edge.moves[0].kind != RELAUNCH:
                        tab_seen(self.graph, self.shared, self.tab_stays, edge, arrived.ident, self.consent_nodes)
                        self.graph.add(Edge(edge.source, edge.moves, arrived.ident, edge.cost))
                        if not edge.predicted:      # taps seen to lead there (a back assumed proves nothing)
                            self.moved[edge.target] = arrived.ident
                    break
                self._arrive(screen, parent, edge.moves[-1])
            else:
                return self.current == target
        return self.current == target or bool(key and self._layer_here(target, key))

    def _give_up(self, ident: str, cand: Candidate) -> None:
        """The control `cand` of the screen `ident`, which no route reached, is given up (`unreached`) — until the
        search stands on that screen after all (`_take_up`)."""
        cand.tried = True
        self.unreached.append((ident, cand.move.label))
        self.given_up.append((ident, cand.move.key))

    def _take_up(self) -> None:
        """Controls given up because their screen could not be reached again are taken up again once the search
        stands on that screen after all: a route may fail only for want of a way the graph learns next (corpus
        kettle, signed in: relaunching led home, not to the profile where signing up had left the search, so
        «Shop» there was given up; the next tap, the profile's tab, stood on the profile again — and «Shop» was
        said left, the signed-in search not covered)."""
        node = self.graph.nodes.get(self.current or "")
        if node is None:
            return
        for ident, key in [pair for pair in self.given_up if pair[0] == node.ident]:
            self.given_up.remove((ident, key))
            cand = node.candidates.get(key)
            if cand is not None:
                self.unreached.remove((ident, cand.move.label))
                cand.tried = False

"""A navigation layer on the search's map (a drawer, a popover menu, a bottom sheet of links): one region wherever
it is opened — its controls tried once, what they were seen to do from over one page they do from over any other.
A mixin of `SearchMap` (explorer/search_map.py): it uses the search's `graph`, `op`, `current` and `layers`."""
from __future__ import annotations

from . import cues
from .elements import Use
from .graph import Candidate, Edge, Node
from .moves import TAP, Move


class NavLayers:
    """The navigation-layer half of the search's map."""

    def _layer_here(self, target: str, key: str) -> bool:
        """Whether the app shows a navigation layer other than `target` (the drawer opened over another screen)
        offering the control `key` still untried: the same layer, so it is used here rather than gone back to."""
        here, there = self.graph.nodes.get(self.current or ""), self.graph.nodes.get(target)
        if here is None or there is None or here is there or not {here.ident, there.ident} <= self.layers:
            return False
        cand = here.candidates.get(key)
        return cand is not None and cand.move.kind == TAP and not cand.tried and not cand.why_not

    def _layer_over(self, node: Node, page: Node, opener: Move) -> None:
        """A navigation layer's node, `opener` having laid it over `page`: one region wherever it is opened. The
        page's own controls still offered beside it (a popover leaves the page usable; same words, same place)
        are the page's — tried there, not again from under every layer; the opener closes the layer (a way back
        to `page`, assumed until seen); and what the same layer's items were seen to do from over another page
        they do here (tried: corpus feira's avatar menu over the log-in page)."""
        own = {(t.label, t.bounds) for t in self.op.targets(page.screen) if t.use == Use.TAP and t.key != opener.key}
        for target in self.op.targets(node.screen):
            cand = node.candidates.get(target.key)
            if cand is None or cand.move.kind != TAP or cand.tried:
                continue
            if target.key == opener.key:
                cand.tried = True
                self.graph.add(Edge(node.ident, (cand.move,), page.ident, 1, predicted=True))
            elif (target.label, target.bounds) in own:
                cand.tried = True
        for ident in self.layers - {node.ident}:
            for edge in self.graph.out_of(ident):
                twin = node.candidates.get(edge.key)
                if twin is None or twin.tried or twin.move.kind != TAP or edge.predicted or len(edge.moves) != 1 \
                        or edge.target == ident or cues.norm_label(twin.move.label) != cues.norm_label(edge.moves[0].label):
                    continue
                twin.tried = True
                self.graph.add(Edge(node.ident, (twin.move,), edge.target, edge.cost))

    def _same_layer(self, node: Node, cand: Candidate, target: str, cost: int) -> None:
        """A navigation layer's control seen to lead somewhere leads there from the same layer opened over any
        other screen: the edge is theirs too (so the path reported is a user's: ☰ › Załóż konto from the start)."""
        if node.ident not in self.layers or cand.move.kind != TAP or cand.move.hold or not cand.move.key:
            return
        for ident in self.layers - {node.ident}:
            other = self.graph.nodes.get(ident)
            twin = other.candidates.get(cand.move.key) if other is not None else None
            if twin is not None and twin.move.kind == TAP:
                twin.tried = True
                self.graph.add(Edge(ident, (twin.move,), target, cost))

"""What the searches of one goal learn for the next (the delete-account goal runs up to four: the account by its
words, the deletion logged out, the account combed by structure, the deletion as an account holder). Each search
starts with an empty map, so where no word scores a control it tried the same unscored controls of the start
screen in the same order every time (corpus song: eight taps repeated three times, 22 of 42 actions).

Hints only *order* the unscored controls (the search's fallback, `Goal.tie_break`): a control on the way to a
screen that shows the app's accounts (a log-in or sign-up control, a credentials form — where an account
holder's deletion also lives) first; one seen to change nothing (the screen it is on again) or to lead nowhere
(no way forward) last. None is skipped: what the fallback would try it still tries, so nothing goes unsearched."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import cues
from .elements import Use, targets
from .goal import SearchResult
from .graph import ScreenGraph
from .moves import TAP, Move
from .screens import password_form

LEADS = 10.0     # tie-break points: a control on the way to the accounts first …
NOWHERE = -10.0  # … one that changed nothing or led nowhere last: worth more than a step or two of the way to
#                  another unscored control (assets/explorer.yaml search.route_cost 6, depth_penalty 3), so one
#                  seen to lead nowhere from the start screen comes after those of the screens one tap away


@dataclass
class Hints:
    """Control key → tie-break points, learnt from the searches run so far (`learn`)."""

    points: dict[str, float] = field(default_factory=dict)

    def bonus(self, key: str) -> float:
        return self.points.get(key, 0.0)

    def learn(self, result: SearchResult) -> None:
        """Read a finished search's map: the tap keys on the shortest seen route from the start screen to each
        screen showing accounts lead there, from the last tap the start screen offers too (`_from_start`); a
        tried tap that showed its own screen again, or whose screen offered nothing the search wanted (the dead
        ends' "no way forward"), led nowhere — a tried tap with no edge out showed its own screen again or left
        the app. What leads wins over nowhere."""
        graph = result.graph
        if graph is None:
            return
        nowhere = {cues.norm_label(d["label"]) for d in result.dead_ends if d["kind"] == "no way forward"}
        for node in graph.nodes.values():
            for key, cand in node.candidates.items():
                edge = graph.edges.get((node.ident, key))
                if cand.tried and cand.move.kind == TAP and key not in self.points and (
                        edge is None or edge.target == node.ident or cues.norm_label(cand.move.label) in nowhere):
                    # no edge: it showed the same screen (in place) or left the app
                    self.points[key] = NOWHERE
        for node in graph.nodes.values():
            found = targets(node.screen)
            if not (password_form(found) or any(t.use == Use.TAP and cues.has(t.label, "log_in", "sign_up")
                                                for t in found)):
                continue
            taps = [m for e in graph.shortest(graph.root, node.ident) or [] for m in e.moves if m.kind == TAP]
            for move in taps[_from_start(graph, taps):]:
                self.points[move.key] = LEADS


def _from_start(graph: ScreenGraph, taps: list[Move]) -> int:
    """Where the way to the accounts starts among the seen route's taps (`taps`, from the root): at the last one
    the start screen offers too (a tab bar's tab tapped on another tab's screen, corpus gcn-dark: root → «Tiket»
    → «Ako» → the log-in, «Ako» on the start screen as well) — the taps before it are where the search happened
    to stand, no step of the way; 0 when none but the first is offered there."""
    root = graph.nodes.get(graph.root)
    offered = root.candidates if root is not None else {}
    return max((i for i, move in enumerate(taps) if move.key in offered), default=0)

"""Best-first search over a live app: try the most promising control anywhere on the map drawn so far,
going back there by the cheapest known route (the in-app back control, a relaunch, the moves that led
there), until the goal's screen shows, the budget is spent, or nothing promising is left.

Goal-specific judgement (scores, when a form is to be filled, what counts as reached) comes from a `Goal`
(explorer/goal.py, with the `Verdict` it gives and the `SearchResult` the search returns).
"""
from __future__ import annotations

import logging
from typing import Any

from . import cues, forms
from .areas import AreaKey
from .backtrack import SIBLINGS, dead_end
from .chat import is_chat
from .elements import Use, fingerprint, targets
from .goal import Goal, SearchResult, Verdict
from .graph import Candidate, DeadEnds, Edge, Node, ScreenGraph, offered
from .held_back import waited_for
from .hold import hold_seconds, new_texts, wants_hold
from .moves import FORM, SCROLL, TAP, Move, perform
from .navigation import opens_nav_layer
from .operator import NotOnScreen, Operator, OutOfBudget, Spend
from .search_map import DECOYS, FORM_BONUS, PROGRESS, SearchMap
from .search_result import result_of
from .search_routes import Routes
from .session import LogOutWatch

log = logging.getLogger(__name__)
UNDRAWN_FIRST = 10.0    # the fallback's bonus for scrolling a list to rows not drawn yet: more than a tie-break

__all__ = ["GoalSearch", "Goal", "SearchResult", "Verdict"]


class GoalSearch(Routes, SearchMap, LogOutWatch):
    """The search: the map it draws (explorer/search_map.py) and the moves it makes on it (below)."""

    def __init__(self, op: Operator, goal: Goal, data: forms.FormData, settings: dict[str, Any], spend: Spend) -> None:
        self.op = op
        self.goal = goal
        self.data = data
        self.settings = settings
        self.spend = spend
        self.graph = ScreenGraph("")
        self.dead = DeadEnds()
        self.current: str | None = None
        self.visit_moves: list[Move] = []
        self.visit_cost = 0
        self.shared: dict[str, str] = {}     # key of a navigation control → where it was seen to lead
        self.off_app: tuple[str, str] | None = None
        self.reached: tuple[str, str] | None = None
        self.unreached: list[tuple[str, str]] = []     # (screen, control label) given up: its screen not reached again
        self.given_up: list[tuple[str, str]] = []      # (screen, control key) of each, to take up there (search_routes)
        # screen → the one the taps that led to it lead to now (the app's state changed on the way: a photo added)
        self.moved: dict[str, str] = {}
        self.nav: set[str] = set()     # keys of global navigation controls: their tap lays a navigation layer
        self.layers: set[str] = set()  # nodes that are such a layer (a drawer opened over some screen)
        self.session = getattr(op, "session", None)   # the test account's session once reached (explorer/session.py)
        self.reach_stored: tuple[Any, Any] | None = None  # what the app stored before / after the accepted account form
        self.logged_out: tuple[str, str, bool] | None = None   # (control, why, logged back in) of the last log-out
        self.consent_nodes: set[str] = set()     # nodes that are the consent dialog re-opened (consent_reopened.py)
        self.consent_openers: set[str] = set()   # keys of the controls seen to re-open it
        self.areas: set[AreaKey] = set()         # content areas seen wrapping rows (explorer/areas.py)
        self.back_from: str | None = None        # the node whose tap last led to a dead end (explorer/backtrack.py)
        self.tab_stays: set[str] = set()         # keys of current tabs seen to do nothing below their screen

    # --- choosing ---
    def _choose(self, fallback: bool) -> tuple[Node, Candidate] | None:
        costs = self.graph.costs(self.current, float(self.settings.get("relaunch_cost", 2)))
        per_step = float(self.settings.get("route_cost", 6))
        per_level = float(self.settings.get("depth_penalty", 3))
        flow_bonus = float(self.settings.get("in_flow_bonus", 50))
        max_depth = int(getattr(self.goal, "fallback_depth", self.settings.get("fallback_max_depth", 3)))
        tie_break = getattr(self.goal, "tie_break", None)
        at_hand = bool(getattr(self.goal, "at_hand", False))
        deep = getattr(self.goal, "answers_deep", None)     # a bare question is answered past the depth bound
        alike = getattr(self.goal, "used_alike", None)      # used on a screen of its structure since seen here
        # a navigation control (a tab bar's) is tried where it is shallowest, so the path found is a user's
        shallowest = self.graph.shallowest(costs, lambda m: m.kind == TAP and not cues.categories(m.label) & PROGRESS)
        # the control whose tap brought the app to a screen, still offered there (a button under the sheet it
        # opened): its promise is spent — it ranks as an unscored one (beyonk-dark tapped it twice)
        came_by = self.graph.came_by()
        best: tuple[float, Node, Candidate] | None = None
        for node in self.graph.nodes.values():
            if node.ident not in costs:
                continue
            for cand in node.candidates.values():
                if cand.tried or cand.why_not or node.depth > shallowest.get(cand.move.key, node.depth):
                    continue
                if alike is not None and cand.score > -1000.0 and alike(node, cand.move.key):
                    cand.score = -1000.0     # done, not left: as the goal's boost would have scored it now
                    continue
                bonus = 0.0
                if fallback:
                    if cand.score != 0 or (node.depth >= max_depth and not (deep is not None and deep(node))
                                           and not (cand.move.kind == FORM and is_chat(cand.move.purpose))):
                        continue
                    bonus = tie_break(node, cand.move.key) if tie_break is not None else 0.0
                    bonus += SIBLINGS if at_hand and node.ident == self.back_from else 0.0
                    # one scroll shows a list's rows not drawn yet: before its drawn rows, each a way in and out
                    bonus += UNDRAWN_FIRST if cand.move.kind == SCROLL else 0.0
                elif cand.score <= 0:
                    continue
                elif self.off_app is not None and cand.score < 45:
                    continue   # after an off-app ending only strong deletion cues are worth more actions
                spent = cand.score if cand.move.kind == TAP and cand.move.key in came_by.get(node.ident, ()) else 0.0
                value = cand.score - spent + bonus - per_step * costs[node.ident] - per_level * node.depth + (
                    flow_bonus if node.in_flow and cand.score > 0 else 0)
                # equal worth, a search for one screen takes the control at hand (`Goal.at_hand`, corpus kadai)
                if best is None or value > best[0] or (at_hand and value == best[0] and node.ident == self.current != best[1].ident):
                    best = (value, node, cand)
        return (best[1], best[2]) if best else None

    # --- moving ---
    def _where_now(self) -> None:
        """The search stands where the app is: after a move tried, a goal that walked the app elsewhere while
        judging it (a deletion verified by logging in again: relaunched, logged in) leaves the app on another
        screen than the one the move showed — the search goes on from that one (before, the next control was
        looked for on the screen the app had left: 'is not on the screen', and never tried again)."""
        live = self.op.screen()
        node = self.graph.nodes.get(self.current or "")
        if node is not None and live is not node.screen and self.identity(live) != node.ident:
            log.info("the app is no longer where the move left it (now %s): going on from there", live.signature)
            self._arrive(live, None, None)

    def _try(self, node: Node, cand: Candidate) -> None:
        before = self.op.screen()
        steps_before = len(self.op.recorder.steps)
        cand.tried = True
        held = getattr(self.goal, "held", None)       # a form the goal takes as answered unsent (AccountGoal)
        if held is not None and held(node, cand.move):
            log.info("'%s' held back unsent (the %s goal's answer stands for it)", cand.move.label[:60], self.goal.name)
            return
        self.back_from = None
        watch = self._watching(node, cand.move)
        stored_before = self._stored() if watch and self.session.keys else None   # type: ignore[union-attr]
        form_before = self._stored() if cand.move.kind == FORM and self.goal.name == "account" else None
        try:
            screen = perform(self.op, cand.move, self.data)
        except NotOnScreen as exc:
            cand.why_not = str(exc)
            self.dead.add(cand.move.label, f"could not go on: {exc}", node.via, tried=True)
            self._arrive(self.op.screen(), node, cand.move)
            return
        cost = len(self.op.recorder.steps) - steps_before
        if screen.in_app and fingerprint(screen) != fingerprint(before):   # a confirm counting down: waited for
            screen = waited_for(self.op, screen, lambda label: self.goal.score(node, label) > 0)
        if not screen.in_app or not self.op.in_foreground:
            self.dead.add(cand.move.label, "left the app", node.via, tried=True)
            self.graph.relaunched(self._arrive(self._answered_again(self.op.relaunch()), None, None).ident)
            return
        found = self.op.targets(screen)
        same = self.identity(screen, found) == node.ident
        verdict = self.goal.judge(node, cand.move, screen, found, same)
        if same and cand.move.kind == TAP and self.op.find(cand.move.key, screen) is not None:
            seconds = hold_seconds([cand.move.label] + new_texts(before, screen), self.settings)
            if wants_hold(cand.move, before, screen) or 0 < cand.move.hold < seconds:
                # the tap changed nothing but words asking to hold it (or to hold it longer than it was): pressed
                # and held next (one tap, kind 2 of issue 13)
                self._arrive(screen, node, cand.move)
                node.candidates[cand.move.key] = Candidate(cand.move.held(seconds), cand.score)
                return
        if watch and verdict is None and self.session is not None:
            why = self.session.ended(stored_before, self._stored() if stored_before is not None else None,
                                     before, screen, {t.key for t in found})
            answer = self._told(cand.move, node.in_flow) if why else None
            if answer in ("rejected", "pending", "deleted"):   # logging in again refused (or not asked): the deletion
                verdict = Verdict("reached", "pending" if answer == "pending" else "done")
                log.info("'%s' ended the session (told: %s): the deletion", cand.move.label, answer)
            elif why and node.in_flow and answer is None and self._deleted_unasked(cand.move):
                verdict = Verdict("reached", "done")       # no way to ask the server: the session's end tells it
                log.info("'%s' ended the session inside the deletion (%s): the deletion", cand.move.label, why)
            elif why and (not node.in_flow or answer == "accepted"):
                self._logged_out_by(node, cand, why, answer)
                return
        if form_before is not None and verdict is not None and verdict.kind == "reached":
            self.reach_stored = (form_before, self._stored())
        if same:
            if verdict is not None and verdict.kind == "rejected":
                self.dead.add(cand.move.label, f"form rejected: {verdict.detail[:80]}", node.via, tried=True)
                self._arrive(screen, node, cand.move)
                again = self.op.find(cand.move.key, screen)
                first = getattr(self.goal, "retry_purpose", forms.retry_purpose)   # the goal's own, or FILL's
                left = any(t.use == Use.TOGGLE and t.element.enabled and not t.element.checked for t in found)
                purpose = forms.next_retry(cand.move.purpose, verdict.detail, left, first) if verdict.retry else None
                if again is not None and purpose is not None:
                    node.candidates[again.key] = Candidate(Move.form(again, purpose),
                                                           self.goal.score(node, again.label) + FORM_BONUS)
                return
            if fingerprint(screen) != fingerprint(before):
                self.visit_moves.append(cand.move)
                self.visit_cost += cost
            elif self._navigates(node, cand.move) and cand.move.key in self.graph.nodes[self.graph.root].candidates:
                self._share(cand.move.key, node.ident)    # the start screen's tab for the screen it is on
            elif node.in_flow and cand.move.kind == TAP:
                # a way on inside a flow that silently changed nothing (sahel's «Supprimer» drawn faded until its
                # box is ticked): the app refused it — said, never lost
                self.dead.add(cand.move.label, "changed nothing", node.via, tried=True)
            self._arrive(screen, node, cand.move)
            if verdict is not None and verdict.kind == "reached":   # the result shows in place
                done = node.ident + "+done"
                self.graph.add(Edge(node.ident, tuple(self.visit_moves), done, self.visit_cost))
                self.reached = (done, verdict.detail)
            return
        ident = self.identity(screen, found)
        known = ident in self.graph.nodes
        tapped = next((t for t in targets(before) if t.key == cand.move.key), None)
        if cand.move.kind == TAP and not node.in_flow and cand.move.key not in self.nav and tapped is not None \
                and opens_nav_layer(before, set(node.candidates), tapped, screen, found):
            self.nav.add(cand.move.key)     # a drawer's ☰, a menu sheet: the screens it opens are near the start
        moves, spent = tuple(self.visit_moves) + (cand.move,), self.visit_cost + cost
        if self._navigates(node, cand.move):
            self._share(cand.move.key, ident)
        child = self._arrive(screen, node, cand.move)
        self.back_from = node.ident if dead_end(node, child) else None
        self.graph.add(Edge(node.ident, moves, child.ident, spent))
        self._same_layer(node, cand, child.ident, cost)
        if verdict is not None and verdict.kind == "reached":
            if known:    # a screen seen before (the start screen, now logged in): the way is this move, not a
                done = child.ident + "+done"    # shorter one to that screen — a state of its own to end the path on
                self.graph.add(Edge(node.ident, moves, done, spent))
                self.reached = (done, verdict.detail)
                return
            self.reached = (child.ident, verdict.detail)
            return
        if verdict is not None and verdict.kind == "off_app":
            if self.off_app is None:
                self.off_app = (child.ident, verdict.detail)
            return
        refused = getattr(getattr(self.goal, "errands", None), "refused", {}).get(child.ident)
        if refused and not known:     # refused until another thing is done (explorer/prerequisite.py): said
            self.dead.add(cand.move.label, f"refused: «{refused[:100]}»", node.via, tried=True, offered=offered(child))
        asks = getattr(self.goal, "answers_deep", None)
        if not known and child.ident not in self.consent_nodes and not (asks is not None and asks(child)) and not any(
                c.score > 0 and not c.tried and not c.why_not for c in child.candidates.values()):
            kinds = [DECOYS[c] for c in cues.categories(cand.move.label) if c in DECOYS]
            self.dead.add(cand.move.label, kinds[0] if kinds else "no way forward", node.via, tried=True,
                          offered=offered(child))

    def release_held(self) -> bool:
        """A form the goal held back unsent (`held`) is let go — sent after all — when the goal names it
        (`release`): nothing else is left to try (one form that logs in and signs up alike), or the goal found
        what it went for instead refused (a sign-up refused: the account exists after all). Whether one was."""
        held = getattr(self.goal, "release", lambda: None)()
        cand = self.graph.nodes[held[0]].candidates.get(held[1]) if held and held[0] in self.graph.nodes else None
        if cand is None or not cand.tried:
            return False
        log.info("'%s', held back unsent, is sent after all", cand.move.label[:60])
        cand.tried = False
        return True

    # --- the search ---
    def run(self, seed: ScreenGraph | None = None) -> SearchResult:
        """Search until the goal shows (see the module doc); `seed`: the map an earlier search drew, the app
        still where it left it (`SearchMap._adopt`), else the map starts on the screen shown now."""
        start = self.op.screen()
        self.graph = ScreenGraph("")
        self.current = None
        if seed is not None:
            self._adopt(seed)
        here = self._arrive(start, None, None).ident
        if seed is None:
            self.graph.root = here
        ending, detail = "exhausted", "nothing promising left to try"
        try:
            while self.reached is None and not getattr(self.goal, "stopped", "") and not self._stranded():
                self.spend.check()
                self._take_up()
                choice = self._choose(fallback=False)
                if choice is None and self.off_app is None and self.settings.get("fallback", True) \
                        and getattr(self.goal, "fallback", True):
                    choice = self._choose(fallback=True)
                deeper = getattr(self.goal, "deeper", None)      # a coverage search one level deeper (beyond_core)
                if choice is None and self.off_app is None and deeper is not None and deeper(self.graph):
                    continue
                if choice is None and not self.release_held():
                    break
                if choice is None:
                    continue
                node, cand = choice
                if not self._go_to(node.ident, cand.move.key):
                    self._give_up(node.ident, cand)
                    continue
                node = self.graph.nodes.get(self.current or "", node)    # the same layer opened elsewhere
                live = node.candidates.get(cand.move.key)
                if live is None or live.tried or live.why_not:
                    continue
                self._try(node, live)
                self._where_now()
        except OutOfBudget as exc:
            ending, detail = "budget", f"not found within budget ({exc})"
        return result_of(self, ending, detail)

"""What the account searches learnt (`AccountLearning`, a mixin of `GoalExplorations`): how the test account was
reached, the log-in path (seen on the way, learnt with another username, or in the logged-out app after the
deletion) and the session by which a log-out is told. It fills `ExploredApp`'s account state (`account_mode`,
`account_moves`, `login_moves`, `signup_keys`, `signup_kinds`, …), declared there."""
from __future__ import annotations

import logging
from typing import Any

from .account import AccountGoal
from .account_forms import collected_kinds, login_from_map, username_variant
from .operator import NotOnScreen, Spend
from .search import GoalSearch, SearchResult
from .session import Session

log = logging.getLogger(__name__)


class AccountLearning:
    """See the module doc."""

    def _learn_account(self, found: SearchResult, goal: AccountGoal, stored: tuple[Any, Any] | None = None) -> None:
        """What the account search learnt: how the account was reached, the log-in path, and the session
        (`stored`: what the app stored before / after the accepted form) by which a log-out is told."""
        self.account_mode = goal.mode
        self.account_moves = found.moves
        self.login_refusal = goal.refused_answer or self.login_refusal
        self.logged_in_signature = (found.target or "").split("~")[0].removesuffix("+done")
        self.names_used = goal.names_tried
        graph = found.graph
        start = graph.nodes.get(graph.root) if graph is not None else None
        self.logged_out_signature = start.screen.signature if start is not None else None
        self.logged_out_node = start
        form_edge = found.path[-1] if found.path else None
        if form_edge is not None and graph is not None:
            self.signup_kinds = collected_kinds(graph.nodes[form_edge.source].screen, self.data)
        if goal.login_move is not None and graph is not None:
            login_node = next((n for n in graph.nodes.values() if goal.login_move.key in n.candidates
                               and n.candidates[goal.login_move.key].move == goal.login_move), None)
            route = graph.way_to(login_node.ident) if login_node else None
            if route is not None:
                self.login_moves = [m for e in route for m in e.moves] + [goal.login_move]
        elif self.account_mode == "sign_up" and graph is not None:   # signed up at once: a log-in form seen
            self.login_moves = login_from_map(graph, form_edge.source if form_edge else None)
        if self.account_mode == "sign_up" and form_edge is not None:
            self.signup_keys = {form_edge.moves[-1].key}
        before, after = stored or (None, None)
        self.op.session = Session.learnt(
            before, after, logged_out=self.logged_out_signature, logged_in=self.logged_in_signature,
            login_key=self.login_moves[-1].key if self.login_moves else None, relogin=self._log_back_in)

    def _log_back_in(self) -> bool:
        """After a log-out told by its effect: log in again with the test account along the path learnt;
        whether the account is in again."""
        try:
            return self.log_in(resume=True) == "accepted"      # type: ignore[attr-defined]
        except NotOnScreen as exc:
            log.info("logging back in after a log-out failed: %s", exc)
            return False

    def _learn_signup(self, spend: Spend) -> None:
        """Find the sign-up path (log-in succeeded, so it was never needed) with another username."""
        goal = AccountGoal(self.config, self.data)
        goal.want = "sign_up"
        goal.names_tried = 1
        self.data.username = username_variant(self.given_username, 1)
        spend.counting = False
        self.op.relaunch()
        spend.counting = True
        goal.hints = self.hints
        search = GoalSearch(self.op, goal, self.data, self.config.search, spend)
        goal.search = search
        found = search.run()
        if found.reached and goal.mode == "sign_up":
            login_moves = self.login_moves
            self._learn_account(found, goal, search.reach_stored)
            self.login_moves = self.login_moves or login_moves

    def _learn_login(self, spend: Spend) -> None:
        """Find the log-in path (the account was made by signing up and no log-in form was seen on the way) in
        the logged-out app after the deletion: a form reached through a log-in control, not a sign-up form,
        submitted with the deleted account's credentials (what it answers is measured by the flow's re-walk)."""
        goal = AccountGoal(self.config, self.data)
        goal.learning = True
        goal.comb = self.account_combed       # no word named the log-in: a form other than the sign-up's is it
        goal.signup_keys = set(self.signup_keys)
        spend.counting = False
        self.op.relaunch()
        spend.counting = True
        goal.hints = self.hints
        search = GoalSearch(self.op, goal, self.data, self.config.search, spend)
        goal.search = search
        found = search.run()
        graph = found.graph
        if found.ending != "reached" or goal.login_move is None or goal.login_node is None or graph is None:
            return
        route = graph.way_to(goal.login_node)
        if route is not None:
            self.login_moves = [m for e in route for m in e.moves] + [goal.login_move]

"""The search for each goal on the live app (`GoalExplorations.explore`): deletion (log in or sign up, then the
way to delete), permissions (what is asked, granted and refused; the core screen; each feature:
explorer/permissions_exploring.py) and consent (accept and reject paths: explorer/consent_exploring.py) — what `ExploredApp`'s journeys re-walk later. Every action is recorded and charged to
the goal's budget."""
from __future__ import annotations

import logging
from typing import Any

import allure
from selenium.common.exceptions import WebDriverException

from ..errors import AutomationError
from ..measures import own_identities
from ..platforms.base import PERMISSIONS
from ..targets import Target
from .consent_answers import settings_openers
from .consent_exploring import ConsentExplorations
from .permissions_exploring import PermissionExplorations
from .account import AccountGoal
from .account_learning import AccountLearning
from .config import Budget
from .deletion import DeletionGoal
from .exploration import Exploration, map_of, stopped_at
from .graph import ScreenGraph
from .hints import Hints
from .operator import NotOnScreen, OutOfBudget, Spend
from .search import GoalSearch, SearchResult

log = logging.getLogger(__name__)



class GoalExplorations(ConsentExplorations, PermissionExplorations, AccountLearning):
    """The explore half of `ExploredApp` (a mixin: the state it fills is declared and kept there; what the
    account searches learnt: explorer/account_learning.py)."""

    granting_when_asked = False     # the permissions goal's installs: granted when the app asks (`_grant_all`)
    granted_ahead: frozenset[str] = frozenset()    # of those, the ones the goal saw asked at launch (granted ahead)
    # permissions whose feature is a question earlier use raised (explorer/asked_in_use.py): the flow refuses them
    # when the app asks, not in advance (the question shows only while undecided)
    refused_when_asked: frozenset[str] = frozenset()

    def explore(self, goal: str, budget: Budget, target: Target) -> Exploration:
        """Search the app for the goal; leaves the app fresh (data and permission decisions cleared)."""
        spend = Spend(budget)
        self.op.spend = spend
        recorder = self.context.recorder
        shots = recorder.screenshots
        mode = self.config.search.get("screenshots", "new")
        if mode is not True and mode != "on":
            recorder.screenshots = "off" if mode in (False, "off") or shots == "off" else "new"
        self.answering_consent = goal == "consent"     # the dialog is what that goal measures: never answered by the way
        # the permissions goal discovers on installs where each permission is granted when the app asks, and
        # reads undecided before (platforms/web/when_asked.py): an app's own pre-prompt shown only then is met
        self.granting_when_asked = goal == "deny-permissions"
        if goal == "deny-permissions":
            self.refused_when_asked = frozenset()
        try:
            with allure.step(f"Explore: {goal}"):
                try:
                    result = {"delete-account": self._explore_deletion, "deny-permissions": self._explore_permissions,
                              "consent": self._explore_consent, "privacy-policy": self._explore_policy}[goal](spend, target)
                except OutOfBudget as exc:
                    result = Exploration(goal, "budget", f"not found within budget ({exc})", spend.actions,
                                         spend.seconds, budget)
                except NotOnScreen as exc:     # e.g. a consent dialog that offers no way to refuse
                    result = Exploration(goal, "exhausted", str(exc), spend.actions, spend.seconds, budget)
                except (AutomationError, WebDriverException) as exc:   # the audit is broken: say where and why
                    raise AutomationError(stopped_at(goal, exc, [s.title for s in recorder.steps],
                                                     spend.actions)) from exc
            result.toll, result.probe = spend.toll, spend.probe
        finally:
            recorder.screenshots = shots
            self.op.spend = None
            self.answering_consent = False
            self.granting_when_asked, self.granted_ahead = False, frozenset()
        self.op.fresh()
        self.data.username = self.given_username
        if result.reached:
            self.explored_goals.add(goal)
        return result

    def _grant_all(self) -> None:
        """Every permission granted: in advance, or when the app asks for it (`granting_when_asked`) — but one a
        granted start saw asked at launch (`granted_ahead`): what it is like undecided is that launch, seen — a
        wall pressed at every start would cost a tap each (corpus nom)."""
        for permission in PERMISSIONS:
            asked = {"when_asked": True} if self.granting_when_asked and permission not in self.granted_ahead else {}
            try:
                self.context.platform.decide_permission(permission, "granted", **asked)
            except (ValueError, WebDriverException) as exc:   # a platform may not know one
                log.info("cannot grant %s: %s", permission, exc)

    def _launch_fresh(self) -> Any:
        """A fresh install, everything granted, launched, unknown modals answered (as learnt): the screen."""
        self.op.fresh()
        self._grant_all()
        self.op.launch()
        self._answer_new_modals(learn=False)
        self._through_gate()
        self._scroll_for_consent()
        return self.op.screen()

    def _start(self, refused: str | None = None) -> None:
        """A fresh launch with everything granted (but `refused`), the consent dialog accepted — or, with
        everything granted, the app where the search that passed a log-in gate just left it (`_walked_in`)."""
        if not (self._walked_in() and refused is None):
            self.op.fresh()
            self._grant_all()
            if refused is not None:
                self.context.platform.decide_permission(refused, "denied")
            self.op.launch()
        self._answer_new_modals()
        self._scroll_for_consent()
        if not self.consent_shown and self._gate_ahead():
            # the log-in at launch shows and no dialog covers it: the consent dialog may show only behind it, so
            # it is looked for there by its words before any launch is spent trying the app's layers by structure
            self._through_gate()
            self._answer_new_modals()
        steps = len(self.op.recorder.steps)
        # a fresh launch with everything granted is what `_launch_fresh` shows: looked at as it is, no launch spent
        if not self.consent_shown and self._consent_by_structure(self.op.screen() if refused is None else None):
            if not (refused is None and self.structure_accepted):
                self._launch_fresh()     # else the trials' last answer was the accept: the app is where it leads
        elif len(self.op.recorder.steps) != steps:    # its trials told no consent dialog and left the app elsewhere
            self._start(refused)
            return
        elif not self.consent_shown:     # told none without a trial (an earlier goal's, `none_told`): the layer
            self._answer_new_modals()    # it held back is answered now, as the start made again would — and a
            self._scroll_for_consent()   # dialog behind it accepted below (corpus valna: the onboarding, then
            #                              the cookie sheet, else the search's first tap)
        if self.consent_shown and self._accept_past(lambda: self._start(refused)):
            return          # started again to walk the accept the structural probe told
        if self.gate_moves:       # the log-in at launch passed (explorer/gate.py), then what shows behind it
            self._through_gate()
            self._answer_new_modals()
            if self.consent_shown:
                self.accept_consent()
        self._answer_new_modals()
        self._open_walls()
        self._lift_launch_layer()

    def _lift_launch_layer(self) -> None:
        """A layer still over the app once the launch's known answers are given, which nothing recognised (an
        app's own bottom sheet over its tab bar that shows once the consent is answered): the answer that lifts it
        is learnt for every launch (`_pass_launch_layer`, fresh starts by `_start`) — once per app, by whichever
        goal starts first, so the deletion's re-walk starts behind it as the permissions' does (before: only the
        permissions goal lifted it, and a deletion run alone re-walked into the sheet: "… is not on the screen")."""
        if self.launch_layer_checked:
            return
        self.launch_layer_checked = True       # before the trials: their fresh starts come back through here
        self._pass_launch_layer(self._start, int(self.config.search.get("launch_layer_trials", 3)),
                                frozenset(self.config.search.get("beyond_core_avoid", ())))

    def _explore_deletion(self, spend: Spend, target: Target) -> Exploration:
        self._start()
        held = self._held_at_launch(self.op.screen())      # a layer nothing lifted: the search is stuck behind it
        self.hints = Hints()       # what each search learns orders the next one's unscored controls
        dead: list[dict[str, Any]] = []
        found = self._search_account(spend)
        dead += found.dead_ends
        if found.reached:
            self._probe_behind_account()     # a consent layer shown only once signed in
        # no account: the deletion is searched logged out from where the account search left the app, on its map
        deletion_goal, deletion = self._search_deletion(spend, without_account=not found.reached,
                                                        seed=None if found.reached else found.graph)
        if not deletion.reached and not found.reached:
            # neither an account nor the deletion: the app's log-in may be worded as nothing a lexicon knows —
            # its first screens are combed by structure for a credentials form, then the deletion searched again
            # (as an account holder; else, when the first search stopped at the app's log-in, in full without).
            # Stopped at the app's log-in, the comb starts there, on the deletion search's map: the way to it
            # is not walked again (corpus rotfai, safar, grafis: a relaunch and two taps)
            seed = deletion.graph if deletion_goal.stopped and self.op.in_foreground else None
            if seed is None:
                spend.counting = False
                self.op.relaunch()
                spend.counting = True
            found = self._search_account(spend, comb=True, seed=seed)
            known = {(d["kind"], d["label"]) for d in dead}
            dead += [d for d in found.dead_ends if (d["kind"], d["label"]) not in known]
            if found.reached:
                self._probe_behind_account()
            if found.reached or deletion_goal.stopped:
                deletion_goal, deletion = self._search_deletion(spend)
        # a decision on the way: the sibling seen to leave the deletion, the control the path took to go on
        self.decision_exits = deletion_goal.decision_exits(deletion.path)
        seen = {(d["kind"], d["label"]) for d in dead}
        dead += [d for d in deletion.dead_ends if (d["kind"], d["label"]) not in seen]
        self.deletion_moves = deletion.moves
        if deletion.ending == "reached" and self.account_mode == "log_in":
            self._learn_signup(spend)   # the test account is gone now: the re-walk needs a new one
        elif deletion.ending == "reached" and self.account_mode == "sign_up" and not self.login_moves:
            self._learn_login(spend)    # whether the deleted account still logs in needs the way to log in
        target.permissions = list(PERMISSIONS)
        target.collected_at_signup = list(self.signup_kinds)
        paths = {"accept consent": self.accept.moves if self.accept else [], "account": self.account_moves,
                 "delete account": self.deletion_moves}
        if deletion.ending == "reached" or found.reached:
            detail = deletion.detail + ("" if found.reached else "; no account was needed on the way")
        else:
            detail = f"{deletion.detail}; no log-in or sign-up reached ({found.detail})"
            if held:
                detail = (f"the app stayed behind a dialog at launch that no answer lifted ({held}): the search "
                          f"never got past it; {detail}")
        return Exploration("delete-account", deletion.ending, detail, spend.actions, spend.seconds, spend.budget,
                           dead, paths, {"account": map_of(found), "delete account": map_of(deletion)})

    def _search_deletion(self, spend: Spend, without_account: bool = False,
                         seed: ScreenGraph | None = None) -> tuple[DeletionGoal, SearchResult]:
        """The deletion search, from a relaunched app (as the flow walks it, launch modals answered); a deletion entered by structure
        is verified by logging in again along the path learnt (`verify_deletion`). `without_account`: no account
        was reached — the search stops where the app shows a log-in (an account holder's deletion is not
        searched for logged out). `seed`: the map of the search just made (the app still where it left it,
        in the foreground): the search goes on from there on that map, no relaunch."""
        seed = seed if seed is not None and self.op.in_foreground else None
        if seed is None:
            spend.counting = False
            self.op.relaunch()            # a launch layer never seen before answered there (op.after_relaunch)
            spend.counting = True
        goal = DeletionGoal(self.config, self.verify_deletion if self.login_moves else None)
        goal.without_account = without_account
        goal.log_in = tuple(m.label for m in self.login_moves[-2:])    # the form's opener and its submit
        goal.hints = self.hints
        goal.consent_labels = settings_openers(getattr(self, "structure_tried", []))   # a stand-in app may have none
        # the account's own address or number shown signed in («লগ ইন করা আছে: tester@…») is no contact channel
        goal.own = frozenset(own_identities(self.op.recorder.steps)) | {self.data.username, self.given_username}
        result = GoalSearch(self.op, goal, self.data, self.config.search, spend).run(seed)
        self.hints.learn(result)
        return goal, result

    def _search_account(self, spend: Spend, comb: bool = False, seed: ScreenGraph | None = None) -> SearchResult:
        """Search for a logged-in test account (log in, else sign up) and learn the path when reached;
        `comb`: the first screens are searched by structure for a credentials form (no word named one);
        `seed`: the map of the search just made, the app still where it left it (`GoalSearch.run`)."""
        account_goal = AccountGoal(self.config, self.data)
        account_goal.comb = comb
        account_goal.hints = self.hints
        self.account_combed = comb
        search = GoalSearch(self.op, account_goal, self.data, self.config.search, spend)
        account_goal.search = search
        found = search.run(seed)
        self.hints.learn(found)
        if found.reached:
            self._learn_account(found, account_goal, search.reach_stored)
        return found

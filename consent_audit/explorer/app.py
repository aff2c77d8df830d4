"""`ExploredApp`: the journeys of consent_audit.journeys for an app nobody wrote page objects for.

`explore(goal)` searches the live app (every action recorded and charged to the goal's budget); the flows
then call the journeys, which re-walk the shortest path found from a fresh state, so the trails the flows
measure hold the path's steps only, while `actions_spent` counts everything the search tried.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import allure
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

from ..detectors.text import waiting_period_days
from ..measures import selects_all
from ..page import AppContext
from ..platforms.base import PERMISSIONS
from ..screen import Element, Screen
from ..targets import Target
from . import consent, cues, permissions
from .account import AccountGoal, username_variant
from .adapters import adapter_for
from .config import Budget, ExplorerConfig
from .deletion import DeletionGoal
from .elements import Use, targets
from .forms import ACCOUNT, FormData, plan
from .moves import Move, perform
from .operator import NotOnScreen, Operator, OutOfBudget, Spend
from .policy_journeys import PolicyExploration
from .screens import modal_answer, password_form, title_of, wall_opener
from .search import GoalSearch, SearchResult

log = logging.getLogger(__name__)

SIGNUP_KINDS = {"phone_number": "phone", "password": "password", "id_number": "id_number", "real_name": "real_name",
                "face_scan": "face_scan", "bank_card": "bank_card"}


class PathBroken(Exception):
    """A path the explorer found no longer holds when re-walked (the app changed, or state differs)."""


@dataclass
class Exploration:
    """What the search for one goal did and found."""

    goal: str
    ending: str                      # reached | off_app | budget | exhausted
    detail: str
    actions: int
    seconds: float
    budget: Budget
    dead_ends: list[dict[str, Any]] = field(default_factory=list)
    paths: dict[str, list[Move]] = field(default_factory=dict)
    maps: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def reached(self) -> bool:
        return self.ending in ("reached", "off_app")

    def metrics(self) -> dict[str, Any]:
        return {"actions_spent": self.actions, "dead_ends": self.dead_ends,
                "explorer": {"goal": self.goal, "result": self.ending, "detail": self.detail,
                             "seconds": round(self.seconds, 1),
                             "budget": {"actions": self.budget.actions, "seconds": self.budget.seconds},
                             "paths": {name: [str(m) for m in moves] for name, moves in self.paths.items()}}}

    def write(self, folder: Path) -> Path:
        """explored-path.json: each path step with a locator to start a page object from."""
        path = folder / "explored-path.json"
        data = {"goal": self.goal, "result": self.ending, "detail": self.detail, "actions_spent": self.actions,
                "paths": {name: [m.to_dict() for m in moves] for name, moves in self.paths.items()},
                "dead_ends": self.dead_ends, "maps": self.maps}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        lines = [f"# {self.goal}: {self.ending} ({self.detail})", f"actions spent: {self.actions}", ""]
        for name, moves in self.paths.items():
            lines.append(f"## {name}")
            lines += [f"{i}. {m}  —  {m.locator()}" for i, m in enumerate(moves, 1)] + [""]
        allure.attach("\n".join(lines), name=f"explored path: {self.goal}", attachment_type=allure.attachment_type.TEXT)
        return path


class ExploredApp(PolicyExploration):
    """Journeys re-walked from what `explore()` found; see consent_audit.journeys.Journeys."""

    def __init__(self, context: AppContext, config: ExplorerConfig, data: FormData) -> None:
        self.context = context
        self.config = config
        self.data = data
        self.given_username = data.username
        settings = config.search
        settle = config.settle
        adapter = adapter_for(context.platform, quiet_ms=int(settle.get("quiet_ms", 60)),
                              timeout=float(settle.get("timeout", 6)))
        self.op = Operator(context, adapter, code_wait=float(settings.get("code_wait_seconds", 6)))
        self.accept: consent.ConsentPath | None = None
        self.reject: consent.ConsentPath | None = None
        self.account_mode: str | None = None
        self.account_moves: list[Move] = []
        self.login_moves: list[Move] = []
        self.logged_in_signature: str | None = None
        self.deletion_moves: list[Move] = []
        self.signup_kinds: list[str] = []
        self.names_used = 0
        self.core: permissions.Core | None = None
        self.features: dict[str, permissions.Feature] = {}
        self.requested: list[str] = []
        self.settings_preticked: int | None = None   # counted on a settings layer the reject path skips
        self.launch_moves: list[Move] = []    # answers to unknown modals covering the app at launch
        self.policy_moves: list[Move] = []
        self.explored_goals: set[str] = set()
        self.op.after_launch = self._answer_known_modals

    # --- journeys: state ---
    @property
    def consent_shown(self) -> bool:
        return consent.shown(self.op)

    @property
    def core_reached(self) -> bool:
        screen = self.op.screen()
        return self.core is not None and self.op.in_foreground and self.core.matches(screen, self.op.targets(screen))

    # --- journeys: launch ---
    def launch(self) -> None:
        self.op.launch()           # answers known modals (op.after_launch)

    def relaunch(self) -> None:
        self.op.relaunch()

    def _answer_known_modals(self) -> None:
        """A modal met at launch while exploring (what's new, a rating prompt, a splash advert) is answered again
        as it was, each time its answer is on screen (one recorded tap, as a user's)."""
        for move in self.launch_moves:
            screen = self.op.screen()
            if self.op.find(move.key, screen) is None:     # the learnt answer (a splash's 跳过 before the app is drawn)
                continue
            try:
                perform(self.op, move, self.data)
            except (NotOnScreen, StaleElementReferenceException):   # it went by itself (a splash's countdown)
                self.op.recorder.invalidate()

    def _open_walls(self) -> None:
        """With everything granted, press a permission wall's one button ("Turn on") so the permissions behind
        it are asked (and granted) and the app behind it is what the explorer takes for the app."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground or consent.shown(self.op, screen):
                return
            target = wall_opener(screen, self.op.targets(screen))
            if target is None:
                return
            after = self.op.tap(target)
            if after.signature == screen.signature and after.texts() == screen.texts():
                return

    def _answer_new_modals(self, learn: bool = True) -> None:
        """Answer any unknown modal covering the app (its close, decline or continue) before the app behind
        it is taken for the app: the core screen is the screen behind a modal, never the modal. With `learn`,
        the answer is replayed at later launches (never for what shows only with permissions refused)."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground or consent.shown(self.op, screen):
                return
            target = modal_answer(screen, self.op.targets(screen), self.op.covered(screen))
            if target is None:
                return
            move = Move.tap(target)
            perform(self.op, move, self.data)
            if learn and move not in self.launch_moves:
                self.launch_moves.append(move)

    # --- journeys: consent ---
    def consent_choices(self) -> tuple[str, str]:
        accept, reject = self.consent_elements()
        return accept.rid, reject.rid

    def consent_elements(self, dialog: Screen | None = None) -> tuple[Element, Element]:
        """The accept control and the first control of the reject path, on `dialog` (else as explored)."""
        if self.accept is None or self.reject is None or self.accept.entry is None or self.reject.entry is None:
            raise PathBroken("the consent dialog's choices were not explored")
        if dialog is None:
            return self.accept.entry, self.reject.entry
        accept, reject = self.op.find(self.accept.moves[0].key, dialog), self.op.find(self.reject.moves[0].key, dialog)
        if accept is None or reject is None:
            raise PathBroken("the consent choices found while exploring are not on the dialog")
        return accept.element, reject.element

    def accept_consent(self) -> None:
        self._consent(consent.ACCEPT)

    def reject_consent(self) -> None:
        self._consent(consent.REJECT)

    def _consent(self, mode: str) -> None:
        known = self.accept if mode == consent.ACCEPT else self.reject
        if known is None:
            found = consent.answer(self.op, mode, self.data)
            if mode == consent.ACCEPT:
                self.accept = found
            else:
                self.reject = found
            return
        self._walk(known.moves, f"{mode} the consent dialog")
        self._answer_known_modals()     # a modal learnt at launch may show only once consent is answered

    # --- journeys: account ---
    def sign_up(self) -> None:
        """Re-walk the account path found (a sign-up with a username not used before, or the log-in)."""
        if not self.account_moves:
            return
        if self.account_mode == "sign_up":
            self.names_used += 1
            self.data.username = username_variant(self.given_username, self.names_used)
        else:
            self.data.username = self.given_username
        self._walk(self.account_moves, "reach a logged-in account")

    def delete_account(self) -> None:
        self._walk(self.deletion_moves, "delete the account")

    def log_in(self) -> str:
        """Relaunch and log in with the account just measured: accepted, rejected or pending."""
        self.op.relaunch()
        if not self.login_moves:
            return "accepted" if self._looks_logged_in() else "rejected"
        for move in self.login_moves[:-1]:
            if self.op.find(move.key) is None:
                return "accepted" if self._looks_logged_in() else "rejected"
            perform(self.op, move, self.data)
        form = self.op.screen()
        if self.op.find(self.login_moves[-1].key, form) is None:
            return "accepted" if self._looks_logged_in() else "rejected"
        after = perform(self.op, self.login_moves[-1], self.data)
        found = self.op.targets(after)
        if after.signature != form.signature and not password_form(found):
            return "accepted"
        message = " ".join(after.texts())
        if cues.has(message, "pending") or any(waiting_period_days(t) for t in after.texts()):
            return "pending"
        return "rejected"

    def _looks_logged_in(self) -> bool:
        screen = self.op.screen()
        return screen.signature == self.logged_in_signature or any(self.data.username in t for t in screen.texts())

    # --- journeys: permissions ---
    def reach_core(self, budget: int) -> bool:
        if self.core is None:           # not explored: still answer the consent dialog, as a user would
            if self.consent_shown and self.accept is not None:
                self.accept_consent()
            return False
        return permissions.reach(self.op, self.core, budget, self.accept_consent)

    def feature_on(self, permission: str) -> bool | None:
        feature = self.features.get(permission)
        return permissions.use(self.op, feature) if feature is not None else None

    # --- walking a known path ---
    def _walk(self, moves: list[Move], what: str) -> None:
        for index, move in enumerate(moves, 1):
            try:
                perform(self.op, move, self.data)
            except NotOnScreen as exc:
                raise PathBroken(f"re-walking the explored path to {what}: step {index} ({move}) failed: {exc}") from None

    # --- exploring ---
    def explore(self, goal: str, budget: Budget, target: Target) -> Exploration:
        """Search the app for the goal; leaves the app fresh (data and permission decisions cleared)."""
        spend = Spend(budget)
        self.op.spend = spend
        recorder = self.context.recorder
        shots = recorder.screenshots
        if not self.config.search.get("screenshots", False):
            recorder.screenshots = "off"
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
        finally:
            recorder.screenshots = shots
            self.op.spend = None
        self.op.fresh()
        self.data.username = self.given_username
        if result.reached:
            self.explored_goals.add(goal)
        return result

    def _grant_all(self) -> None:
        for permission in PERMISSIONS:
            try:
                self.context.platform.decide_permission(permission, "granted")
            except (ValueError, WebDriverException) as exc:   # a platform may not know one
                log.info("cannot grant %s: %s", permission, exc)

    def _start(self) -> None:
        """A fresh launch with everything granted, the consent dialog accepted."""
        self.op.fresh()
        self._grant_all()
        self.op.launch()
        self._answer_new_modals()
        if self.consent_shown:
            self.accept_consent()
        self._answer_new_modals()
        self._open_walls()

    def _explore_deletion(self, spend: Spend, target: Target) -> Exploration:
        settings = self.config.search
        self._start()
        dead: list[dict[str, Any]] = []
        found = self._search_account(spend)
        dead += found.dead_ends
        spend.counting = False
        self.op.relaunch()          # the deletion path starts on a relaunched app, as the flow walks it
        spend.counting = True
        deletion = GoalSearch(self.op, DeletionGoal(self.config), self.data, settings, spend).run()
        seen = {(d["kind"], d["label"]) for d in dead}
        dead += [d for d in deletion.dead_ends if (d["kind"], d["label"]) not in seen]
        self.deletion_moves = deletion.moves
        if deletion.ending == "reached" and self.account_mode == "log_in":
            self._learn_signup(spend)   # the test account is gone now: the re-walk needs a new one
        target.permissions = list(PERMISSIONS)
        target.collected_at_signup = list(self.signup_kinds)
        paths = {"accept consent": self.accept.moves if self.accept else [], "account": self.account_moves,
                 "delete account": self.deletion_moves}
        if deletion.ending == "reached" or found.reached:
            detail = deletion.detail + ("" if found.reached else "; no account was needed on the way")
        else:
            detail = f"{deletion.detail}; no log-in or sign-up reached ({found.detail})"
        return Exploration("delete-account", deletion.ending, detail, spend.actions, spend.seconds, spend.budget,
                           dead, paths, {"account": map_of(found), "delete account": map_of(deletion)})

    def _search_account(self, spend: Spend) -> SearchResult:
        """Search for a logged-in test account (log in, else sign up) and learn the path when reached."""
        account_goal = AccountGoal(self.config, self.data)
        search = GoalSearch(self.op, account_goal, self.data, self.config.search, spend)
        account_goal.search = search
        found = search.run()
        if found.reached:
            self._learn_account(found, account_goal)
        return found

    def _learn_account(self, found: SearchResult, goal: AccountGoal) -> None:
        self.account_mode = goal.mode
        self.account_moves = found.moves
        self.logged_in_signature = (found.target or "").split("~")[0]
        self.names_used = goal.names_tried
        graph = found.graph
        form_edge = found.path[-1] if found.path else None
        if form_edge is not None and graph is not None:
            form_screen = graph.nodes[form_edge.source].screen
            fields = plan(form_screen, targets(form_screen), ACCOUNT, self.data, True).fields
            kinds = {SIGNUP_KINDS.get(k) for t, _ in fields for k in cues.data_kinds(t.label)}
            self.signup_kinds = sorted(k for k in kinds if k)
        if goal.login_move is not None and graph is not None:
            login_node = next((n for n in graph.nodes.values() if goal.login_move.key in n.candidates
                               and n.candidates[goal.login_move.key].move == goal.login_move), None)
            route = graph.shortest(graph.root, login_node.ident) if login_node else None
            if route is not None:
                self.login_moves = [m for e in route for m in e.moves] + [goal.login_move]

    def _learn_signup(self, spend: Spend) -> None:
        """Find the sign-up path (log-in succeeded, so it was never needed) with another username."""
        goal = AccountGoal(self.config, self.data)
        goal.want = "sign_up"
        goal.names_tried = 1
        self.data.username = username_variant(self.given_username, 1)
        spend.counting = False
        self.op.relaunch()
        spend.counting = True
        search = GoalSearch(self.op, goal, self.data, self.config.search, spend)
        goal.search = search
        found = search.run()
        if found.reached and goal.mode == "sign_up":
            login_moves = self.login_moves
            self._learn_account(found, goal)
            self.login_moves = self.login_moves or login_moves

    def _explore_permissions(self, spend: Spend, target: Target) -> Exploration:
        self._start()
        screen = self.op.screen()
        if not self.op.in_foreground or not screen.in_app:
            return Exploration("deny-permissions", "exhausted", "the app left with every permission granted",
                               spend.actions, spend.seconds, spend.budget)
        self.core = permissions.Core.of(screen, self.op.targets(screen))
        at_launch = {p for p, n in screen.prompts.items() if n > 0}
        self.features, quiet = permissions.probe(self.op, self.core, int(self.config.search.get("discovery_taps", 12)))
        at_launch |= self._asked_when_refused()       # the reject path is learnt there
        self.features.update(permissions.named_features(quiet, at_launch - set(self.features)))
        self.requested = [p for p in PERMISSIONS if p in at_launch or p in self.features]
        target.permissions = list(self.requested)
        paths: dict[str, list[Move]] = {"accept consent": self.accept.moves if self.accept else [],
                                        "reject consent": self.reject.moves if self.reject else []}
        if self.launch_moves:
            paths["answer at launch"] = list(self.launch_moves)
        for p, feature in self.features.items():
            paths[f"use {p}"] = [Move("tap", feature.key, feature.label)]
        detail = (("asks for " + ", ".join(self.requested)) if self.requested else
                  "no permission request was seen, at launch or from the features tried, with every permission granted "
                  "nor with every permission refused")
        return Exploration("deny-permissions", "reached", detail, spend.actions, spend.seconds, spend.budget,
                           [], paths)

    def _asked_when_refused(self) -> set[str]:
        """Permissions an app asks for only while they are not granted (a wall that shows then, and asks when
        its one button is pressed): a fresh launch with everything refused, the consent dialog refused (the
        reject path the flow needs is learnt here, so this pass costs no launch of its own) and modals answered,
        the wall's button pressed once; what was asked on the way."""
        self.op.fresh()
        for permission in PERMISSIONS:
            try:
                self.context.platform.decide_permission(permission, "denied")
            except (ValueError, WebDriverException) as exc:
                log.info("cannot deny %s: %s", permission, exc)
        self.launch()
        self._answer_new_modals(learn=False)
        if self.consent_shown:
            self.reject_consent()
        self._answer_new_modals(learn=False)
        screen = self.op.screen()
        if self.op.in_foreground and screen.in_app:
            opener = wall_opener(screen, self.op.targets(screen))
            if opener is not None:
                screen = self.op.tap(opener)
        return {p for p, n in screen.prompts.items() if n > 0}

    def _explore_consent(self, spend: Spend, target: Target) -> Exploration:
        self.op.fresh()
        self._grant_all()
        self.op.launch()
        self._answer_new_modals()
        target.permissions = list(PERMISSIONS)
        if not self.consent_shown:      # nothing to measure: the audit is not found, never clean
            return Exploration("consent", "exhausted", "no consent dialog was recognised at launch", spend.actions,
                               spend.seconds, spend.budget)
        self.accept = consent.answer(self.op, consent.ACCEPT, self.data)
        self.op.fresh()
        self._grant_all()
        self.launch()
        self.reject = consent.answer(self.op, consent.REJECT, self.data)
        self.settings_preticked = self._count_settings_layer()
        return Exploration("consent", "reached", "accept and reject paths found", spend.actions, spend.seconds,
                           spend.budget, [], {"accept": self.accept.moves, "reject": self.reject.moves})

    def _count_settings_layer(self) -> int | None:
        """Pre-ticked optional purposes on the dialog's settings layer when the reject path never opens it
        (a direct 'Reject all' beside 'Manage options'): opened once from a fresh launch and counted there.
        None when the reject path went through it (its trail counts them) or the dialog has none."""
        if self.reject is None or any(cues.has(m.label, "manage", "settings") for m in self.reject.moves):
            return None
        if not consent.offers_settings(self.reject):
            return None         # the dialog as first seen offers no settings layer: no launch spent looking
        self.op.fresh()
        self._grant_all()
        self.launch()
        screen = self.op.screen()
        if not consent.shown(self.op, screen):
            return None
        manage = consent.settings_control(self.op.targets(screen))
        if manage is None:
            return None
        after = self.op.tap(manage)
        return sum(1 for t in self.op.targets(after) if t.use == Use.TOGGLE and t.element.checked
                   and t.element.enabled and not selects_all(t.element))


def map_of(result: SearchResult) -> list[dict[str, Any]]:
    """The screens a search saw and the moves between them (for reports: how the app hangs together)."""
    graph = result.graph
    if graph is None:
        return []

    def name(sig: str) -> str:
        node = graph.nodes.get(sig.removesuffix("+done"))
        return f"{title_of(node.screen) if node else sig} [{sig[:6]}]"

    return [{"from": name(e.source), "moves": [str(m) for m in e.moves], "to": name(e.target),
             "assumed": e.predicted} for e in graph.edges.values()]

"""Fixtures of the explored flows: the target is the app given to `consent-audit explore`, its journeys are
an ExploredApp that first explores toward the flow's goal (see consent_audit/explorer)."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from consent_audit.errors import AutomationError, GoalNotReached
from consent_audit.explorer.app import ExploredApp
from consent_audit.explorer.config import load_config
from consent_audit.explorer.not_reached import not_reached
from consent_audit.explorer.settings import FLOW_GOAL, ExploreSettings
from consent_audit.targets import Target


POLICY_FIGURES_FROM = {"delete-account": ("biometric_gates", "waiting_period_days", "deletion_in_app"),
                       "deny-permissions": ("permissions_requested",)}
"""The privacy-policy flow's figures that re-walk what another goal found (its sign-up and deletion, the
features that ask for each permission): out of the audit's scope when that goal is not part of the run."""
SIGNS_UP = frozenset({"delete-account", "privacy-policy"})
"""Goals whose flows walk an account path of their own from a logged-out launch (sign up, then delete): a log-in
gate handed on with the consent dialog would sign them in at launch, before their own sign-up."""


@pytest.fixture
def target(target_name: str, masker: Any, explore_settings: ExploreSettings) -> Target:
    explored = explore_settings.target()
    for value in explored.secrets():
        masker.add(value)
    return explored


@pytest.fixture(scope="session")
def learned_so_far() -> dict[str, Any]:
    """What the goals explored earlier in this run found (paths, account, features), handed to later goals:
    the privacy-policy flow re-walks the sign-up and deletion the other goals found."""
    return {}


@pytest.fixture
def app(app_context: Any, target: Target, audit: Any, explore_settings: ExploreSettings, test_dir: Any,
        learned_so_far: dict[str, Any]) -> Iterator[ExploredApp]:
    """Explore toward the flow's goal, then hand the flow journeys that re-walk what was found. Once the flow
    is done, the consent dialog is handed on again as it is then: the accounts the flow's launches signed up
    to pass a log-in gate stay used (`gate_names`), so a later goal never signs up with one of them again."""
    goal = FLOW_GOAL[audit.flow]
    config = explore_settings.tuned(load_config())
    audit.explored = True
    data = explore_settings.form_data(config)
    # a new account (--new-account) is new to the first goal that reaches one: once an earlier goal of the run
    # did, the given account may exist (made, or made and deleted), so a later goal logs in with it first
    data.new_account = data.new_account and not learned_so_far.get("account_mode")
    explored = ExploredApp(app_context, config, data)
    explored.adopt_consent(learned_so_far.get("consent_dialog"),   # told by structure once per run, not per goal
                           with_gate=goal not in SIGNS_UP)
    # the way an earlier goal signed up: the permissions goal's search behind a log-in inside the app walks it
    explored.earlier_account = (learned_so_far.get("account_mode"), list(learned_so_far.get("account_moves") or []))
    if goal == "privacy-policy":       # its flow walks sign-up, features and deletion too
        explored.adopt(learned_so_far)
        for other, figures in POLICY_FIGURES_FROM.items():
            if other not in explore_settings.goals:
                audit.leave_out(figures, f"the {other} goal was not explored in this run (--goal)")
    try:
        result = explored.explore(goal, explore_settings.budget(config, goal), target)
    except AutomationError as exc:      # the search ran and broke: said as it happened, not "could not start"
        audit.broken(str(exc))
    except GoalNotReached as exc:       # a learnt path under a layer the suite may not answer: said, not broken
        audit.not_found(f"{goal}: {exc}")
    goals = set(learned_so_far.get("explored_goals", ())) | explored.explored_goals
    learned_so_far.update({k: v for k, v in explored.learned().items() if v}, explored_goals=goals)
    _hand_on(explored, learned_so_far)
    audit.metrics.update(result.metrics())
    result.write(test_dir)
    if not result.reached:      # what a goal not reached means: no proof of absence (explorer/not_reached.py)
        audit.not_found(not_reached(goal, audit.flow, result.detail, dead_ends=result.dead_ends))
    if result.unsearched:       # nothing found in what was searched is no clean verdict
        audit.partial(f"{goal}: the search did not cover the app; not searched: " + "; ".join(result.unsearched[:6]))
    yield explored
    _hand_on(explored, learned_so_far)


def _hand_on(explored: ExploredApp, learned_so_far: dict[str, Any]) -> None:
    """The consent dialog as this goal knows it, for the later goals (`ExploredApp.consent_learnt`): a dialog
    told replaces what was handed; a probe that told none (`none_of`) only where no dialog was handed."""
    learnt, handed = explored.consent_learnt(), learned_so_far.get("consent_dialog")
    if learnt and ("none_of" not in learnt or not handed or "none_of" in handed):
        learned_so_far["consent_dialog"] = learnt

"""`consent-audit explore`: audit an app nobody wrote page objects for, by exploring toward each goal."""
from __future__ import annotations

import argparse
import json
from typing import Any

from ..verdict import COMPLETE, outcome_of
from ..errors import UsageError
from .checks import check_profile, engine_args
from .run import add_evidence_options, evidence_args
from ..paths import FLOWS as FLOWS_DIR, REPORTS
from ..explorer.config import CONFIG
from ..explorer.settings import goal_names

FLOWS = {"delete-account": "explore/test_explore_deletion.py",
         "deny-permissions": "explore/test_explore_permissions.py",
         "consent": "explore/test_explore_consent.py",
         "privacy-policy": "explore/test_explore_policy.py"}   # last: its flow re-walks what the others found
"""Goal → its module under consent_audit/flows."""


def register(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("explore", help="audit an app without page objects: explore toward a goal and measure it",
                       epilog="exit: 0 nothing found, 1 dark patterns found, 2 a goal not found, broken, "
                              "interrupted or bad input (the closing sentence says which)")
    p.set_defaults(handler=cmd_explore)
    app = p.add_argument_group("the app (one of)")
    app.add_argument("--url", help="a web app's start address (http or https)")
    app.add_argument("--app-package", help="an Android app's package name")
    p.add_argument("--goal", action="append", metavar="GOAL",
                   help=f"what to explore for, repeatable: {goal_names()} (the default); the names in "
                        "brackets are the flows' names in summary.json")
    p.add_argument("--profile", help="device profile (default: local-chromium for --url, android-emulator "
                                     "for --app-package)")
    p.add_argument("--appium-url", help="use this Appium server or grid instead of starting one")
    p.add_argument("--appium-port", type=int, help="port for the Appium server the suite starts")
    p.add_argument("--capability", action="append", default=[], metavar="KEY=VALUE",
                   help="one more driver capability over the profile's (repeatable; e.g. appium:app=PATH)")
    data = p.add_argument_group("test data (secrets are masked in every output)")
    data.add_argument("--username", default="", help="test account username (phone number, e-mail …)")
    data.add_argument("--password", help="test account password (better: CONSENT_AUDIT_PASSWORD)")
    data.add_argument("--sms-code", help="SMS code to type (default: the code the app shows on screen; "
                                         "or CONSENT_AUDIT_SMS_CODE)")
    data.add_argument("--new-account", action="store_true",
                      help="the account does not exist yet: sign up with it at once, never trying to log in with it "
                           "first (a name the app says is taken gets a variant of the same form)")
    data.add_argument("--id-number", help="ID number to give where demanded (or CONSENT_AUDIT_ID_NUMBER)")
    budget = p.add_argument_group(f"budget per goal (default: {CONFIG})")
    budget.add_argument("--budget-actions", type=int, help="actions a goal may spend, backtracking included")
    budget.add_argument("--budget-seconds", type=float, help="seconds a goal may spend exploring")
    budget.add_argument("--permission-depth", type=int, metavar="LEVELS",
                        help="deny-permissions: how many taps below the core screen controls are tried for what they "
                             "ask (default 4: search.permission_depth; the first 2 levels whole, then one level "
                             "deeper at a time while the budget lasts)")
    p.add_argument("--screenshot", choices=("on", "off", "only-on-failure"), default="on",
                   help="a screenshot at every step (on, the default: the evidence), never, or only at a failure")
    p.add_argument("--relaunches", type=int, default=3,
                   help="relaunches when counting nagging (prompts per launch; default 3)")
    p.add_argument("--reports-dir", default=str(REPORTS),
                   help=f"where the run's folder is made (default: {REPORTS})")
    p.add_argument("--run-id", help="the run folder's name under --reports-dir (default: a UTC timestamp)")
    p.add_argument("--quiet", action="store_true", help="no live step log")
    add_evidence_options(p)


def settings_of(args: argparse.Namespace):
    """The run's ExploreSettings from the command line. Raises UsageError on an unknown goal or bad input."""
    from ..explorer.settings import ExploreSettings, goal_named
    asked = [goal_named(g) for g in args.goal or ["all"]]      # a flow's name in summary.json is an alias
    goals = [g for g in FLOWS if "all" in asked or g in asked]     # in FLOWS' order: the policy goal last
    return ExploreSettings.from_env(url=args.url, app_package=args.app_package, goals=goals,
                                    username=args.username, password=args.password, sms_code=args.sms_code,
                                    id_number=args.id_number, new_account=args.new_account,
                                    budget_actions=args.budget_actions,
                                    budget_seconds=args.budget_seconds, permission_depth=args.permission_depth)


def preflight(args: argparse.Namespace, platform: str) -> None:
    """Check the input before anything starts: every problem is one line (UsageError)."""
    from ..platforms.registry import spec_named
    from ..profiles import load_profile

    spec = spec_named(platform)
    args.profile = args.profile or spec.default_profile
    profile = load_profile(args.profile, args.capability)
    if profile.platform != platform:
        raise UsageError(f"profile {profile.name} is for {profile.platform}; {spec.explore_hint}")
    check_profile(profile, args)


def pytest_args(args: argparse.Namespace, goals: list[str]) -> list[str]:
    """pytest's arguments for the goals' flows. No short test summary: the closing table (`goal_line`) says each
    goal's outcome with its whole sentence, where pytest's summary cut it to a line's width (fresh10)."""
    return engine_args(args, [str(FLOWS_DIR / FLOWS[g]) for g in goals]) + evidence_args(args) + ["--no-summary"]


DETAIL_CHARS = 400
"""Of a reached goal's search detail in its table line (the full detail is in explored-path.json)."""


def goal_line(result: dict[str, Any]) -> str:
    """One goal's line of the closing table: flow, outcome, actions spent, then what the user reads — the
    flow's line figures (assets/figures.yaml `line`: steps to reject and accept, pre-ticked purposes, …, each
    "unmeasured" when it was not measured) with the search's ending and detail for a goal reached, the whole recorded sentence (summary.json's `message`) for one
    not found or broken: what the launch showed and where the search stopped, never cut short."""
    m = result.get("metrics") or {}
    explorer = m.get("explorer") or {}
    head = f"  {result.get('flow', '?'):12} {outcome_of(result):11} actions spent {m.get('actions_spent', '-'):>4}  "
    message = str(result.get("message") or "")
    if message and (outcome_of(result) not in COMPLETE or not explorer):
        return head + message
    from ..nightly.figures import line_figures, shown
    figures = ", ".join(f"{label} {shown(value)}" for label, value in line_figures(str(result.get("flow")), m))
    head += f"{figures}; " if figures else ""
    return (head + f"{explorer.get('result', '')}: {explorer.get('detail', '')}")[:len(head) + DETAIL_CHARS]


def cmd_explore(args: argparse.Namespace) -> int:
    import pytest

    from ..explorer.settings import SettingsHolder
    from .limits import check_numbers
    from .finish import prepare_run_folder, print_paths, read_outcome

    check_numbers(args)
    settings = settings_of(args)
    preflight(args, settings.platform)
    run_dir = prepare_run_folder(args)
    code = pytest.main(pytest_args(args, settings.goals), plugins=[SettingsHolder(settings)])
    try:
        results = json.loads((run_dir / "summary.json").read_text(encoding="utf-8")).get("results", [])
    except (OSError, ValueError, AttributeError):
        results = []
    for result in results:
        print(goal_line(result))
    status, summary = read_outcome(run_dir, int(code), bundle_wanted=not args.no_bundle)
    if summary is not None:
        print_paths(run_dir, summary)
    return status

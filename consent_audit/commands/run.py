"""`consent-audit run`: the audit flows against targets, through pytest."""
from __future__ import annotations

import argparse
from ..errors import UsageError
from ..paths import FLOWS as FLOWS_DIR, REPORTS
from .checks import check_profile, engine_args

FLOWS = {"deletion": "test_deletion.py", "permissions": "test_permissions.py", "consent": "test_consent.py",
         "policy": "test_policy.py"}
"""Flow name → its module under consent_audit/flows."""


def register(sub: "argparse._SubParsersAction") -> None:
    run = sub.add_parser("run", help="run the audit flows against targets")
    run.set_defaults(handler=cmd_run)
    run.add_argument("--profile", default="local-chromium", help="device profile (assets/profiles)")
    run.add_argument("--target", action="append", default=[], help="target (assets/targets), repeatable")
    run.add_argument("--flow", action="append", default=[], choices=sorted(FLOWS), help="flow, repeatable")
    run.add_argument("--appium-url", help="use this Appium server or grid instead of starting one")
    run.add_argument("--appium-port", type=int, help="port for the Appium server the suite starts")
    run.add_argument("--capability", action="append", default=[], metavar="KEY=VALUE")
    run.add_argument("--screenshot", choices=("on", "off", "only-on-failure"), default="on")
    run.add_argument("--relaunches", type=int, default=3)
    run.add_argument("--traffic", choices=("auto", "cdp", "proxy", "off"), default="auto",
                     help="capture the app's traffic (auto: the profile's choice, DevTools on the web)")
    run.add_argument("--reports-dir", default=str(REPORTS))
    run.add_argument("--run-id")
    run.add_argument("-k", dest="keyword", help="pytest -k expression")
    run.add_argument("--quiet", action="store_true", help="no live step log")
    evidence = run.add_argument_group("evidence bundle")
    evidence.add_argument("--operator", help="who ran the audit (chain of custody; env CONSENT_AUDIT_OPERATOR)")
    evidence.add_argument("--tsa-url", help="RFC 3161 timestamp authority for the bundle (env CONSENT_AUDIT_TSA_URL)")
    evidence.add_argument("--tsa-cert", help="the authority's certificate (PEM) to check its token")
    evidence.add_argument("--summary-lang", choices=("en", "zh"), help="language of the bundle's summary page")
    evidence.add_argument("--no-bundle", action="store_true", help="make no evidence bundle")


def preflight(args: argparse.Namespace) -> None:
    """Check the input before anything starts: every problem is one line (UsageError)."""
    from ..profiles import load_profile
    from ..targets import default_targets, load_target

    profile = load_profile(args.profile, args.capability)
    check_profile(profile, args)
    targets = [load_target(name) for name in (args.target or default_targets())]
    if not targets:
        raise UsageError("no target selected and no default target in assets/targets")
    wrong = [t.name for t in targets if t.platform != profile.platform]
    if wrong:
        raise UsageError(f"target(s) {', '.join(wrong)} need another platform than profile {profile.name} "
                         f"({profile.platform})")


def pytest_args(args: argparse.Namespace) -> list[str]:
    out = engine_args(args, [str(FLOWS_DIR / FLOWS[f]) for f in (args.flow or sorted(FLOWS))])
    for name in args.target:
        out += ["--target", name]
    if args.keyword:
        out += ["-k", args.keyword]
    if getattr(args, "traffic", "auto") != "auto":
        out += ["--traffic", args.traffic]
    for option in ("operator", "tsa_url", "tsa_cert", "summary_lang"):
        if getattr(args, option):
            out += ["--" + option.replace("_", "-"), getattr(args, option)]
    if args.no_bundle:
        out += ["--no-bundle"]
    return out


def cmd_run(args: argparse.Namespace) -> int:
    import pytest

    from .limits import check_numbers
    from .finish import prepare_run_folder, print_paths, read_outcome

    check_numbers(args)
    preflight(args)
    run_dir = prepare_run_folder(args)
    code = pytest.main(pytest_args(args))
    status, summary = read_outcome(run_dir, int(code), bundle_wanted=not args.no_bundle)
    if summary is not None:
        print_paths(run_dir, summary)
    return status

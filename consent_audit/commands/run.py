"""`consent-audit run`: the audit flows against targets, through pytest."""
from __future__ import annotations

import argparse
from ..errors import UsageError
from ..paths import FLOWS as FLOWS_DIR, REPORTS
from . import nightly, proxy_setup
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
    run.add_argument("--capability", action="append", default=[], metavar="KEY=VALUE",
                     help="one more driver capability over the profile's (repeatable; e.g. appium:app=PATH)")
    run.add_argument("--screenshot", choices=("on", "off", "only-on-failure"), default="on",
                     help="a screenshot at every step (on, the default: the evidence), never, or only at a failure")
    run.add_argument("--relaunches", type=int, default=3,
                     help="relaunches when counting nagging (prompts per launch; default 3)")
    run.add_argument("--traffic", choices=("auto", "cdp", "proxy", "off"), default="auto",
                     help="capture the app's traffic (auto: the profile's choice, DevTools on the web; "
                          "off: the traffic rules are not checked)")
    run.add_argument("--reports-dir", default=str(REPORTS))
    run.add_argument("--run-id", help="the run folder's name under --reports-dir (default: a UTC timestamp)")
    run.add_argument("--workers", type=int, default=1,
                     help="audits in parallel (pytest-xdist), each worker with its own Appium server, ports and "
                          "reference app; one run folder, summary, report and bundle (default 1)")
    run.add_argument("--sessions", choices=("reuse", "per-test"), default="reuse",
                     help="reuse (default): each worker keeps one browser session, made fresh (new tab, every "
                          "origin's data, cache and permissions cleared) before each audit; per-test: a new one each")
    run.add_argument("-k", dest="keyword", help="pytest -k expression")
    run.add_argument("--quiet", action="store_true", help="no live step log")
    add_evidence_options(run)
    proxy_setup.add_run_options(run)
    nightly.add_options(run)


def add_evidence_options(parser: argparse.ArgumentParser) -> None:
    """The evidence bundle's options, the same on `run` and `explore`."""
    evidence = parser.add_argument_group("evidence bundle")
    evidence.add_argument("--operator", help="who ran the audit (chain of custody; env CONSENT_AUDIT_OPERATOR)")
    evidence.add_argument("--tsa-url", help="RFC 3161 timestamp authority for the bundle (env CONSENT_AUDIT_TSA_URL)")
    evidence.add_argument("--tsa-cert", help="the authority's certificate (PEM) to check its token")
    evidence.add_argument("--summary-lang", choices=("en", "zh"), help="language of the bundle's summary page")
    evidence.add_argument("--no-bundle", action="store_true", help="make no evidence bundle")
    evidence.add_argument("--no-zip", action="store_true", help="the bag folder only, no zip of it (smaller run "
                                                                "folder; `consent-audit bundle RUN` makes one later)")


def evidence_args(args: argparse.Namespace) -> list[str]:
    """The pytest options for what `add_evidence_options` parsed."""
    out: list[str] = []
    for option in ("operator", "tsa_url", "tsa_cert", "summary_lang"):
        if getattr(args, option):
            out += ["--" + option.replace("_", "-"), getattr(args, option)]
    if args.no_bundle:
        out += ["--no-bundle"]
    if args.no_zip:
        out += ["--no-zip"]
    return out


def preflight(args: argparse.Namespace) -> None:
    """Check the input before anything starts: every problem is one line (UsageError)."""
    from ..profiles import load_profile
    from ..targets import default_targets, load_target

    profile = load_profile(args.profile, args.capability)
    check_profile(profile, args)
    targets = [load_target(name) for name in (args.target or default_targets())]
    if not targets:
        raise UsageError("no target selected and no default target in assets/targets")
    if args.workers > 1:
        check_workers(args)
    wrong = [t.name for t in targets if t.platform != profile.platform]
    if wrong:
        raise UsageError(f"target(s) {', '.join(wrong)} need another platform than profile {profile.name} "
                         f"({profile.platform})")


def check_workers(args: argparse.Namespace) -> None:
    """--workers N > 1 needs pytest-xdist, and with --appium-port P the ports P … P+N-1 free (worker gwK
    listens on P+K); UsageError (one line) otherwise."""
    import importlib.util

    from ..appium_server import port_in_use
    if importlib.util.find_spec("xdist") is None:
        raise UsageError("--workers needs pytest-xdist: run `make setup` (or pip install pytest-xdist)")
    if args.appium_port is not None and not args.appium_url:
        busy = [p for p in range(args.appium_port, args.appium_port + args.workers) if p > 65535 or port_in_use(p)]
        if busy:
            raise UsageError(f"--workers {args.workers} with --appium-port {args.appium_port} needs ports "
                             f"{args.appium_port}-{args.appium_port + args.workers - 1}; {busy[0]} is not free")


def pytest_args(args: argparse.Namespace) -> list[str]:
    out = engine_args(args, [str(FLOWS_DIR / FLOWS[f]) for f in (args.flow or sorted(FLOWS))])
    if args.workers > 1:
        out += ["-n", str(args.workers)]
    out += ["--sessions", args.sessions]
    for name in args.target:
        out += ["--target", name]
    if args.keyword:
        out += ["-k", args.keyword]
    if getattr(args, "traffic", "auto") != "auto":
        out += ["--traffic", args.traffic]
    out += proxy_setup.run_args(args)
    return out + evidence_args(args) + nightly.engine_options(args)


def cmd_run(args: argparse.Namespace) -> int:
    import pytest

    from .limits import check_numbers
    from .finish import prepare_run_folder, print_paths, read_outcome

    check_numbers(args)
    preflight(args)
    baseline = nightly.prepare(args)
    run_dir = prepare_run_folder(args)
    code = pytest.main(pytest_args(args))
    status, summary = read_outcome(run_dir, int(code), bundle_wanted=not args.no_bundle)
    if summary is not None:
        print_paths(run_dir, summary)
    return nightly.after_run(args, run_dir, summary, status, baseline)

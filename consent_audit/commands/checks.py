"""What the commands that start a run share: input checks (each problem one line, UsageError) and the
pytest arguments of the engine underneath."""
from __future__ import annotations

import argparse
import importlib.util
import sys

from ..errors import UsageError
from ..paths import ENGINE_INI, ROOT, SOURCE_ROOT
from ..profiles import Profile


def check_profile(profile: Profile, args: argparse.Namespace) -> None:
    """The platform's own checks first (a device, browser and driver binaries: without them nothing else
    matters), then the relaunch count and the Appium endpoint or installation."""
    from ..appium_server import port_in_use, server_status
    from ..platforms.registry import spec_named

    spec_named(profile.platform).preflight(profile, args)
    if args.relaunches < 1:
        raise UsageError("--relaunches must be at least 1")
    url = args.appium_url or (profile.appium_url if profile.server == "remote" else None)
    if profile.server == "remote" and not url:
        raise UsageError(f"profile {profile.name} is remote: give --appium-url")
    if url:
        server_status(url)
    else:
        if args.appium_port is not None and port_in_use(args.appium_port):
            raise UsageError(f"port {args.appium_port} is already in use; choose another --appium-port or omit it")
        from ..appium_server import NOT_INSTALLED, find_appium
        if find_appium() is None:
            raise UsageError(NOT_INSTALLED)


NO_SCREENSHOTS = ("--screenshot {mode}: findings will carry no screenshots (they are not evidence for a complaint) "
                  "and a consent dialog's prominence cannot be measured (unmeasured); use --screenshot on for "
                  "evidence")


def engine_args(args: argparse.Namespace, flow_files: list[str]) -> list[str]:
    """pytest arguments for a run of `flow_files` with the options common to `run` and `explore`: the
    package's own settings (ENGINE_INI), the user's project (ROOT) as rootdir, conftest.py files looked up to
    the folder holding the package (a checkout's root; site-packages when installed); the 900 s per-test safety
    net when pytest-timeout is installed."""
    if args.screenshot != "on":
        print("consent-audit: " + NO_SCREENSHOTS.format(mode=args.screenshot), file=sys.stderr)
    out = flow_files + ["-p", "no:cacheprovider", "--rootdir", str(ROOT), "-c", str(ENGINE_INI),
                        "--confcutdir", str(SOURCE_ROOT),
                        "--profile", args.profile, "--screenshot", args.screenshot,
                        "--relaunches", str(args.relaunches), "--reports-dir", args.reports_dir, "-v",
                        "--no-header", "--count-outcomes",
                        "--tb=no", "-W", "ignore::pytest.PytestUnraisableExceptionWarning",
                        # the CLI imports the package before pytest starts: nothing of it needs rewriting
                        "-W", "ignore::pytest.PytestAssertRewriteWarning"]
    for cap in args.capability:
        out += ["--capability", cap]
    if args.appium_url:
        out += ["--appium-url", args.appium_url]
    if args.appium_port:
        out += ["--appium-port", str(args.appium_port)]
    if args.run_id:
        out += ["--run-id", args.run_id]
    if importlib.util.find_spec("pytest_timeout") is not None:
        out += ["-o", "timeout=900"]
    if not args.quiet:
        out += ["-o", "log_cli=true", "--log-cli-level=INFO", "--log-cli-format=    %(message)s"]
    return out

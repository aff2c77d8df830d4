"""The pytest plugin: grouped options, the run folder, SIGTERM as an interrupt, failure evidence, the end of the
session. Fixtures live in consent_audit/fixtures.py, outcomes in consent_audit/audit.py (both loaded from here)."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from . import interrupts
from .errors import DarkPatternFound, UsageError
from .masking import MaskingFilter
from .paths import REPORTS
from .audit import RESULT_KEY, settle_unfinished
from .model import Outcome
from .run import Run
from .targets import default_targets

log = logging.getLogger("consent_audit")

pytest_plugins = ["consent_audit.audit", "consent_audit.wrapup", "consent_audit.fixtures",
                  "consent_audit.nightly.progress", "consent_audit.parallel",
                  "consent_audit.traffic.fixtures"]      # outcomes: results recorded at setup, verdicts set explicitly

RUN_KEY = pytest.StashKey[Run]()
REPORTS_KEY = pytest.StashKey[dict]()
FAILURE_KEY = pytest.StashKey[bool]()


# --- options -----------------------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("consent-audit", "consent-flow audit")
    group.addoption("--profile", default="local-chromium", help="device profile name or file (assets/profiles)")
    group.addoption("--target", action="append", default=[], dest="targets",
                    help="target to audit (assets/targets), repeatable; default: the reference app variants")
    group.addoption("--capability", action="append", default=[], dest="capabilities", metavar="KEY=VALUE",
                    help="override a capability of the profile (dots for nested keys), repeatable")
    group.addoption("--appium-url", default=None, help="use this Appium server or grid; start none")
    group.addoption("--appium-port", type=int, default=None, help="port for the Appium server the suite starts")
    group.addoption("--screenshot", default="on", choices=("on", "off", "only-on-failure"),
                    help="screenshot after every step (on), never, or only when a test fails")
    group.addoption("--reports-dir", default=str(REPORTS), help="where run folders are written")
    group.addoption("--run-id", default=None, help="name of the run folder (default: UTC time + random)")
    group.addoption("--traffic", default="auto", choices=("auto", "cdp", "proxy", "off"),
                    help="capture the app's network traffic: auto (the profile's `traffic`, else DevTools on the "
                         "web, none on Android), cdp, proxy (mitmproxy) or off (the traffic rules are then not checked)")
    group.addoption("--proxy-port", type=int, default=None,
                    help="with --traffic proxy: the port mitmproxy listens on (127.0.0.1), the one a device was "
                         "routed to with `consent-audit proxy-setup --port`; default a free port")
    group.addoption("--proxy-confdir", default=None,
                    help="with --traffic proxy: a lasting mitmproxy confdir whose CA the device trusts "
                         "(`consent-audit proxy-setup --confdir`); default a CA made for each test")
    group.addoption("--proxy-loopback-hosts", default="",
                    help="with --traffic proxy: comma-separated host names the proxy sends to 127.0.0.1 (a local "
                         "stand-in for them, e.g. the reference app's trackers: `python -m refapp --tracker-hosts`)")
    group.addoption("--relaunches", type=int, default=3, help="relaunches when counting nagging")
    group.addoption("--html-report", default="auto", choices=("auto", "on", "off"),
                    help="build the single-file Allure HTML report at the end (auto: when flows ran)")
    group.addoption("--policy", default=None, help="policy file (default assets/policy.yaml)")
    group.addoption("--sessions", default="reuse", choices=("reuse", "per-test"),
                    help="reuse: each worker keeps one browser session, made fresh before each audit where the "
                         "platform can (web); per-test: a new session for every audit")
    group.addoption("--step-timeout", type=float, default=10.0, help="seconds an explicit wait may take")
    group.addoption("--operator", default=None,
                    help="who ran the audit, for the evidence bundle (default: $CONSENT_AUDIT_OPERATOR or the user name)")
    group.addoption("--tsa-url", default=None,
                    help="RFC 3161 timestamp authority that stamps the bundle's tag manifest (default: $CONSENT_AUDIT_TSA_URL)")
    group.addoption("--tsa-cert", default=None,
                    help="PEM root certificate of that authority, to check its answer (default: $CONSENT_AUDIT_TSA_CERT)")
    group.addoption("--summary-lang", default=None, choices=("en", "zh"),
                    help="language of the bundle's summary page (default: $CONSENT_AUDIT_SUMMARY_LANG or en)")
    group.addoption("--bundle", dest="bundle", action="store_true", default=True,
                    help="make the evidence bundle (BagIt bag + zip) at the end of a run (default)")
    group.addoption("--no-bundle", dest="bundle", action="store_false", help="make no evidence bundle")
    group.addoption("--no-zip", dest="zip", action="store_false", default=True,
                    help="the evidence bag as a folder only, without its zip (each screenshot stored once)")
    group.addoption("--count-outcomes", action="store_true", default=False,
                    help="pytest's last line counts audits by outcome ('1 clean, 1 found') instead of passed / "
                         "failed / skipped (the consent-audit CLI sets it; exit status unchanged)")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "flow(name): an audit flow; its results go into summary.json")
    config.addinivalue_line("markers", "e2e: drives a real Appium server and browser")
    config.addinivalue_line("markers", "device: needs an Android device or emulator")
    if config.getoption("--screenshot", None) is None:
        return
    if config.getoption("bundle", False):
        from .evidence.bundle import BundleOptions
        try:
            BundleOptions.from_config(config)       # bad options fail now, not after the run
        except UsageError as exc:
            raise pytest.UsageError(f"consent-audit: {exc}") from None
    from .parallel import worker_id, worker_run_id
    try:        # an xdist worker joins the run its controller made (consent_audit/parallel.py)
        run = Run(Path(config.getoption("--reports-dir")), worker_run_id(config) or config.getoption("--run-id"),
                  device_profile=config.getoption("--profile"), worker=worker_id(config))
    except UsageError as exc:
        raise pytest.UsageError(f"consent-audit: {exc}") from None
    config.stash[RUN_KEY] = run
    if not getattr(config.option, "allure_report_dir", None):
        config.option.allure_report_dir = str(run.allure_results)
    masking = MaskingFilter(run.masker)
    for handler in logging.getLogger().handlers:
        handler.addFilter(masking)
    logging.getLogger().addFilter(masking)
    config.stash[REPORTS_KEY] = {"filter": masking}
    interrupts.install()       # SIGTERM ends the run like Ctrl-C, and neither can be lost


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Allure's file logger is registered by now: a full disk in it is recorded, not raised in a hook. The run
    starts with no full disk on record (an earlier run in this process said its own)."""
    if session.config.stash.get(RUN_KEY, None) is not None:
        from .diskfull import forget, guard_allure
        forget()
        guard_allure()


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(RUN_KEY, None) is not None:
        interrupts.restore()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "target_name" in metafunc.fixturenames:
        names = metafunc.config.getoption("targets") or default_targets()
        metafunc.parametrize("target_name", names, ids=names, scope="function")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    item.stash.setdefault(REPORTS_KEY, {})[report.when] = report
    result = item.stash.get(RESULT_KEY, None)
    found = result is not None and result.outcome == Outcome.FOUND
    if report.failed and not found and report.when == "call" and "recorder" in getattr(item, "funcargs", {}):
        # attach to the test itself (not its teardown) while its Allure result is still open
        args = item.funcargs
        config = item.config
        from .failure_evidence import attach_failure
        attach_failure(args["recorder"], config.getoption("--screenshot"), args["recorder"].out_dir,
                        config.stash[RUN_KEY], config.stash[RUN_KEY].masker, result.error_trace if result else "")
        item.stash[FAILURE_KEY] = True


# --- end of session ----------------------------------------------------------------------------------

@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After pytest tore every fixture down (traces written, Appium stopped): summary, report, bundle."""
    run = session.config.stash.get(RUN_KEY, None)
    if run is None:
        return
    from .wrapup import STATE
    if exitstatus == pytest.ExitCode.INTERRUPTED and _INTERRUPTS and not run.interrupted:
        run.interrupted = _INTERRUPTS[-1]     # not a collection error (pytest's own "Interrupted"): a signal
    if interrupts.lost() and not run.interrupted:     # raised where Python ignores it, and no step came after
        run.interrupted = interrupts.lost()
    if STATE.reason and not run.interrupted:     # a signal during the teardown, before anything was written
        run.interrupted = f"{STATE.reason} while the run was ending"
    _INTERRUPTS.clear()
    if run.worker:          # a parallel worker: its controller writes the run's outputs once
        from .parallel import send_record
        settle_unfinished(run.results, run.interrupted)
        send_record(session.config, run)
        return
    if not run.results and not (run.interrupted and (run.dir / "tests").is_dir()):
        from .wrapup import why_nothing_ran
        why_nothing_ran(session, run.dir)
        return
    settle_unfinished(run.results, run.interrupted)
    if run.interrupted:
        from .audit import record_unstarted
        record_unstarted(session.items, run, run.interrupted)
    from .report import finish_run
    finish_run(run, session.config)


@pytest.hookimpl(tryfirst=True)
def pytest_keyboard_interrupt(excinfo: Any) -> None:
    if isinstance(excinfo.value, pytest.Session.Interrupted):
        return              # pytest stopped itself (a module that could not be collected): it says why, no one hit Ctrl-C
    interrupts.seen()
    reason = interrupts.reason_of(excinfo.value)
    _INTERRUPTS.append(reason)
    print(f"\nconsent-audit: {reason}; writing what was captured so far", file=sys.stderr)


_INTERRUPTS: list[str] = []   # pytest_keyboard_interrupt has no config: the reason waits here for sessionfinish


def pytest_exception_interact(node: Any, call: pytest.CallInfo, report: Any) -> None:
    if call.excinfo is not None and isinstance(call.excinfo.value, UsageError):
        report.longrepr = f"consent-audit: {call.excinfo.value}"


__all__ = ["DarkPatternFound"]

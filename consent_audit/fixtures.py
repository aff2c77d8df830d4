"""The suite's fixtures, each overridable in a conftest.py: the run and its secrets, the device profile, the
Appium endpoint, the policy, OCR; per test the target, its folder, the driver session, the platform, the
recorder, the page objects' context and entry point, and the flow's `audit` handle."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterator

import allure
import pytest

from .appium_server import AppiumServer, server_status
from .audit import RESULT_KEY, Audit, allure_test_open
from .errors import UsageError
from .failure_evidence import attach_failure, failed
from .masking import Masker
from .page import AppContext
from .plugin import FAILURE_KEY, RUN_KEY
from .profiles import Profile, load_profile
from .recorder import Recorder
from .run import Run
from .targets import Target, load_target

log = logging.getLogger("consent_audit")


# --- session fixtures (override any in your conftest.py) ---------------------------------------------

@pytest.fixture(scope="session")
def run(pytestconfig: pytest.Config) -> Run:
    return pytestconfig.stash[RUN_KEY]


@pytest.fixture(scope="session")
def masker(run: Run) -> Masker:
    return run.masker


@pytest.fixture(scope="session")
def device_profile(pytestconfig: pytest.Config, masker: Masker, run: Run) -> Profile:
    profile = load_profile(pytestconfig.getoption("--profile"), pytestconfig.getoption("capabilities"))
    for value in profile.secret_values:
        masker.add(value)
    run.meta["device"] = {"profile": profile.name, "platform": profile.platform, "server": profile.server,
                          "capabilities": profile.public_capabilities()}
    return profile


@pytest.fixture(scope="session")
def appium_url(pytestconfig: pytest.Config, device_profile: Profile, run: Run, masker: Masker) -> Iterator[str]:
    """The Appium endpoint: --appium-url or a remote profile's URL as is; else a server started here (one per
    parallel worker)."""
    url = pytestconfig.getoption("--appium-url") or (device_profile.appium_url if device_profile.server == "remote" else None)
    if device_profile.server == "remote" and not url:
        raise UsageError(f"profile {device_profile.name} is remote: give --appium-url (or its environment variable)")
    if url:
        if not pytestconfig.getoption("--appium-url") or url.startswith(("http://127.", "http://localhost")):
            server_status(url)
        run.meta["appium"] = {"url": url, "started_here": False}
        yield url
        return
    import argparse

    from .platforms.registry import spec_named
    spec_named(device_profile.platform).preflight(device_profile, argparse.Namespace(appium_url=None))
    port = pytestconfig.getoption("--appium-port")
    if port is not None:        # a parallel run: worker gwN listens on --appium-port + N
        from .parallel import worker_index
        port += worker_index(pytestconfig)
    server = AppiumServer(run.appium_log, port=port, masker=masker, compress_log=True)
    server.start()
    run.meta["appium"] = {"url": server.url, "started_here": True}
    try:
        yield server.url
    finally:
        process = server.process
        if process is not None and process.poll() is not None and not run.interrupted:
            run.interrupted = f"the Appium server stopped during the run (exit status {process.returncode})"
        server.stop()


@pytest.fixture(scope="session")
def policy(pytestconfig: pytest.Config) -> Any:
    from .policy import load_policy
    path = pytestconfig.getoption("--policy")
    return load_policy(Path(path) if path else None)


@pytest.fixture(scope="session")
def ocr() -> Any:
    """Text recognition for targets that draw text into pixels only: None here (element texts are used).
    Override in your conftest.py with a callable `png_bytes -> list[str]` to read screenshots too."""
    return None


# --- per-test fixtures -------------------------------------------------------------------------------

@pytest.fixture
def target(target_name: str, masker: Masker) -> Target:
    loaded = load_target(target_name)
    for value in loaded.secrets():
        masker.add(value)
    return loaded


@pytest.fixture
def test_dir(request: pytest.FixtureRequest, run: Run) -> Path:
    """One output folder per test."""
    return run.test_dir(request.node.nodeid)


@pytest.fixture
def target_server(target: Target, request: pytest.FixtureRequest) -> Any:
    """The value of the fixture the target's `served_by` names (None without one): `.url`, and optionally
    `.loopback_hosts` (host names it answers for, which the browser then resolves to 127.0.0.1)."""
    if not target.served_by:
        return None
    try:
        return request.getfixturevalue(target.served_by)
    except pytest.FixtureLookupError:
        raise UsageError(f"target {target.name} is served by the fixture '{target.served_by}', which no installed "
                         f"pytest plugin or conftest.py provides") from None


@pytest.fixture(scope="session")
def session_pool(pytestconfig: pytest.Config, run: Run, appium_url: str) -> Iterator[Any]:
    """The driver session a worker keeps between audits (consent_audit/sessions.py); quit before its
    Appium server stops. The run's metadata counts the sessions started and reused."""
    from .sessions import SessionPool
    pool = SessionPool()
    try:
        yield pool
    finally:
        pool.close()
        run.meta.setdefault("sessions", {"mode": pytestconfig.getoption("--sessions"), "started": 0, "reused": 0})
        run.meta["sessions"]["started"] += pool.started
        run.meta["sessions"]["reused"] += pool.reused


@pytest.fixture
def start_location(target: Target, target_server: Any) -> str:
    """Where the app starts: the target's `start`, under the URL of the fixture named by its `served_by`
    (a session fixture whose value has `.url`, e.g. the reference app's `refapp_server`) when it has one."""
    if target_server is None:
        return target.start_url()
    return target.start_url(str(target_server.url))


@pytest.fixture
def driver(appium_url: str, device_profile: Profile, target: Target, request: pytest.FixtureRequest,
           session_pool: Any, pytestconfig: pytest.Config, traffic_mode: str, target_server: Any,
           start_location: str) -> Iterator[Any]:
    """A session in the state a new one starts in, set up for the traffic capture: the worker's kept session
    made fresh where the platform can (`--sessions reuse`; not through a per-test proxy), else a new Appium
    session per test (fresh browser profile / app state)."""
    from appium import webdriver
    from appium.options.common.base import AppiumOptions

    from .platforms.registry import spec_named
    from .sessions import REUSE, quit_quietly, session_key

    if target.platform != device_profile.platform:
        pytest.skip(f"target {target.name} runs on {target.platform}, profile {device_profile.name} is {device_profile.platform}")
    spec = spec_named(device_profile.platform)
    # the platform's defaults (a free chromedriver port, the app package …) unless the profile sets them
    caps = {**spec.capability_defaults(device_profile, target), **device_profile.capabilities}
    from .traffic.capture import served_on_loopback, session_capabilities
    proxy = request.getfixturevalue("traffic_proxy") if traffic_mode == "proxy" else None
    # a target served on loopback: the browser resolves no other name (its own calls cannot leave the machine)
    caps = session_capabilities(traffic_mode, caps, getattr(target_server, "loopback_hosts", ()), proxy,
                                chromium="goog:chromeOptions" in caps, isolate=served_on_loopback(start_location))

    def start() -> Any:
        return webdriver.Remote(appium_url, options=AppiumOptions().load_capabilities(caps))

    if spec.fresh_state is not None and pytestconfig.getoption("--sessions") == REUSE and proxy is None:
        yield session_pool.take(session_key(caps), start, spec.fresh_state)     # quit when the worker ends
        return
    session = start()
    session_pool.started += 1
    try:
        yield session
    finally:
        quit_quietly(session)


@pytest.fixture
def platform(driver: Any, device_profile: Profile, start_location: str, pytestconfig: pytest.Config,
             target: Target, run: Run) -> Iterator[Any]:
    from .platforms.registry import spec_named
    made = spec_named(device_profile.platform).platform_class(driver, start_location,
                                                              timeout=pytestconfig.getoption("--step-timeout"))
    yield made
    _record_identity(run, target, made, start_location)


def _record_identity(run: Run, target: Target, platform: Any, start_location: str) -> None:
    """What was audited (web: URL, title, build; Android: package, version…) for the evidence bundle; an
    identity that cannot be read (crashed session) is logged, never raised."""
    try:
        identity = dict(platform.identity())
        in_app = bool(platform.in_foreground())
    except Exception as exc:
        log.warning("could not read the identity of %s: %s", target.name, str(exc).splitlines()[0] if str(exc) else exc)
        return
    targets = run.meta.setdefault("targets", {})
    known = targets.get(target.name)
    if known is None or (in_app and not known.get("in_app")):
        targets[target.name] = {"platform": platform.name, "start": start_location, **identity, "in_app": in_app}


@pytest.fixture
def recorder(platform: Any, test_dir: Path, masker: Masker, pytestconfig: pytest.Config,
             request: pytest.FixtureRequest, run: Run, traffic_mode: str, start_location: str) -> Iterator[Recorder]:
    mode = pytestconfig.getoption("--screenshot")
    rec = Recorder(platform, test_dir, masker, screenshots="on" if mode == "on" else "off")
    from .traffic.fixtures import close_traffic, open_traffic
    rec.traffic = open_traffic(traffic_mode, platform, request, test_dir, masker, start_location)
    try:
        yield rec
    finally:
        close_traffic(rec.traffic, run, rec.attach_requests)
        if failed(request) and not request.node.stash.get(FAILURE_KEY, False):
            result = request.node.stash.get(RESULT_KEY, None)
            attach_failure(rec, mode, test_dir, run, masker, result.error_trace if result else "")
        from .diskfull import tolerant
        tolerant(rec.write_trace, test_dir / "trace.json")()     # a full disk is said once, at the end


@pytest.fixture
def app_context(platform: Any, recorder: Recorder, masker: Masker, target: Target, pytestconfig: pytest.Config) -> AppContext:
    return AppContext(platform=platform, recorder=recorder, masker=masker, data=target.data(),
                      timeout=pytestconfig.getoption("--step-timeout"))


@pytest.fixture
def app(app_context: AppContext, target: Target) -> Any:
    """The target's page-object entry point (its journeys)."""
    return target.app_class()(app_context)


@pytest.fixture
def audit(request: pytest.FixtureRequest, target: Target, test_dir: Path, run: Run, policy: Any,
          traffic_mode: str, device_profile: Profile) -> Iterator[Audit]:
    """The flow's handle on its result (consent_audit.audit.Audit): metrics, evidence, and the verdict calls.
    Traffic left out by the user's choice puts the traffic rules out of its scope (consent_audit.traffic.scope)."""
    result = request.node.stash.get(RESULT_KEY, None)
    if result is None:
        raise pytest.UsageError("consent-audit: the audit fixture is for flow tests parametrized by target_name")
    result.target = target.name
    truth = target.truth()
    if truth is not None:   # a reference target: its dark patterns are expected to be caught
        from .findings import patterns_of
        by_flow = truth.get("findings_by_flow")
        expected = by_flow.get(result.flow, []) if by_flow else set(truth.get("findings", [])) & set(patterns_of(result.flow))
        result.expected_findings = sorted(expected)
    allure.dynamic.label("target", target.name)
    allure.dynamic.label("flow", result.flow)
    allure.dynamic.parameter("target", target.name)
    handle = Audit(result, test_dir, run.dir, policy, target=target)
    from .traffic.scope import NOT_CAPTURED, left_out, traffic_figures
    reason = left_out(request.config.getoption("--traffic"), device_profile.traffic, traffic_mode)
    if reason:
        handle.leave_out(traffic_figures(), reason)
    elif traffic_mode == "off":
        handle.hints.update(dict.fromkeys(traffic_figures(), NOT_CAPTURED))
    yield handle
    if not allure_test_open():      # interrupted: pytest tears this down after Allure closed the test
        return
    for name, value in result.metrics.items():
        allure.dynamic.parameter(name, value if isinstance(value, (int, float, str, bool)) else str(value))

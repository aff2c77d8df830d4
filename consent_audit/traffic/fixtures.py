"""The traffic capture's pytest side: the mode (`traffic_mode`), the session's proxy (`traffic_proxy`, only
for the proxy mode), and opening / closing one test's TrafficLog (used by the `recorder` fixture, which owns it).
Closing writes `traffic.har` in the test folder (so the evidence bundle has it) and attaches it to Allure."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterator

import allure
import pytest

from ..masking import Masker
from .capture import choose_mode, open_source
from .log import TrafficLog

log = logging.getLogger(__name__)


@pytest.fixture(scope="session")
def traffic_mode(pytestconfig: pytest.Config, device_profile: Any, run: Any) -> str:
    """cdp | proxy | off (see consent_audit.traffic.capture.choose_mode); recorded in the run's metadata. With a
    capture, the tracker database is loaded here (UsageError, one line, when it is not installed)."""
    from ..platforms.registry import spec_named
    mode = choose_mode(pytestconfig.getoption("--traffic"), device_profile.traffic,
                       spec_named(device_profile.platform).target_kind)
    run.meta["traffic"] = {"capture": mode}
    if mode != "off":      # the tracker database and the suffix list, read once: a missing one is said now
        from .trackers import classify, registrable_domain
        classify("example.com")
        registrable_domain("example.com")
    return mode


@pytest.fixture
def traffic_proxy(run: Any, test_dir: Path, target_server: Any, pytestconfig: pytest.Config) -> Iterator[Any]:
    """mitmproxy on a loopback port for this test (consent_audit.traffic.proxy.MitmProxy), sending the host
    names the target's server answers for (`loopback_hosts`) and those of --proxy-loopback-hosts to 127.0.0.1
    and refusing every other destination beyond loopback. Its workdir is a dot-folder of the run (unmasked
    flows, the CA key while it runs), which the evidence bundle skips; the CA certificate stays there. A device
    routed to the proxy (`consent-audit proxy-setup`) needs the port it was routed to (--proxy-port) and the
    CA it trusts (--proxy-confdir, kept with its key); without them a free port and a CA for this test."""
    from .proxy import MitmProxy
    given = [h.strip() for h in str(pytestconfig.getoption("--proxy-loopback-hosts") or "").split(",") if h.strip()]
    confdir = pytestconfig.getoption("--proxy-confdir")
    proxy = MitmProxy(run.dir / ".proxy" / test_dir.name,
                      loopback_hosts=dict.fromkeys([*getattr(target_server, "loopback_hosts", ()), *given]),
                      port=pytestconfig.getoption("--proxy-port"), confdir=Path(confdir) if confdir else None)
    proxy.start()
    run.meta.setdefault("traffic", {})["proxy"] = "mitmproxy (loopback only)"
    try:
        yield proxy
    finally:
        proxy.stop()


@pytest.fixture
def planted(target: Any, platform: Any) -> list[Any]:
    """The honey data planted for this test: the target's `honey` and the position the platform reports."""
    from .dataflows import planted_values
    return planted_values(target.honey, getattr(platform, "planted_location", None))


def open_traffic(mode: str, platform: Any, request: pytest.FixtureRequest, test_dir: Path, masker: Masker,
                 first_party: str) -> TrafficLog | None:
    """One test's TrafficLog over the mode's source (on the platform's driver session), or None when off."""
    proxy = request.getfixturevalue("traffic_proxy") if mode == "proxy" else None
    source = open_source(mode, platform.driver, proxy)
    if source is None:
        return None
    traffic = TrafficLog(source, masker, test_dir, first_party, source_name=mode, platform=str(platform.name))
    traffic.scheduled = getattr(platform, "scheduled", None)      # what the app set to run a moment later
    return traffic


def close_traffic(traffic: TrafficLog | None, run: Any, attach_steps: Callable[[], None] | None = None) -> None:
    """Collect the rest, write traffic.har, attach it, then each step's requests to its Allure step
    (`attach_steps`, Recorder.attach_requests); never raises (the test's own failure comes first)."""
    if traffic is None:
        return
    try:
        traffic.finish()
        path = traffic.write()
        from ..audit import allure_test_open
        if allure_test_open():
            allure.attach.file(str(path), name=f"traffic.har ({len(traffic.entries)} requests)",
                               attachment_type=allure.attachment_type.JSON, extension="har")
    except Exception as exc:
        log.warning("could not write the traffic capture: %s", exc)
    try:
        if attach_steps is not None:
            attach_steps()
    except Exception as exc:
        log.warning("could not attach the steps' requests: %s", exc)


__all__ = ["traffic_mode", "traffic_proxy", "planted", "open_traffic", "close_traffic"]

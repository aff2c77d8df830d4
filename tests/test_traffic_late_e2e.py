"""A tracker that fires late, through the real Appium server and Chromium with the DevTools capture: the page
sends its beacon 1 s after its data came in (a timer), far later than the whole quiet window before the
figures (QUIET_S, 0.3 s). The settle asks the page which timers it has pending (Platform.scheduled), waits for
that one and returns with the beacon read: it is in the figures. Not asked (TrafficLog.scheduled None: the
fixed window alone) the figures' read misses it — a wrong "nothing sent" — and only a later read finds it.
Work that is not a timer (idle callbacks, a chain of animation frames, IndexedDB reads and writes) between the
data and the beacon is waited for too: the short quiet the settle calls when nothing is pending never ends
inside it."""
from __future__ import annotations

import http.server
import json
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from appium import webdriver
from appium.options.common.base import AppiumOptions
from selenium.webdriver.support.ui import WebDriverWait

from consent_audit.appium_server import AppiumServer, free_port
from consent_audit.masking import Masker
from consent_audit.platforms.web.platform import WebChromiumPlatform
from consent_audit.profiles import load_profile
from consent_audit.traffic.capture import session_capabilities
from consent_audit.traffic.cdp import CdpNetworkLog
from consent_audit.traffic.log import TrafficLog
from consent_audit.traffic.measure import QUIET_S, settle

pytestmark = pytest.mark.e2e

DELAY_MS = 1000
WORK_MS = 240          # the non-timer work before the beacon: longer than the short quiet, shorter than the window
_SEND = "navigator.sendBeacon('/collect', 'ad_id=' + c.id)"
_BUSY = "const t = performance.now(); while (performance.now() - t < 30) {}"   # a handler's own work, 30 ms
LATER = {  # how the page gets from its data to the beacon
    "timer": f"setTimeout(() => {_SEND}, {DELAY_MS})",
    "idle": f"(function go(n) {{ requestIdleCallback(() => {{ {_BUSY}; n ? go(n - 1) : {_SEND}; }}); }})"
            f"({WORK_MS // 30})",
    "frames": f"(function go(t0) {{ requestAnimationFrame(() => performance.now() - t0 < {WORK_MS} ? go(t0) : {_SEND}); }})"
              "(performance.now())",
    "database": "(function () { const open = indexedDB.open('late'); open.onupgradeneeded = () => "
                "open.result.createObjectStore('kv'); open.onsuccess = () => (function put(n) { "
                "const req = open.result.transaction('kv', 'readwrite').objectStore('kv').put(n, 'k'); "
                f"req.onsuccess = () => {{ {_BUSY}; n ? put(n - 1) : {_SEND}; }}; }})({WORK_MS // 60}); }})()",
}


def page(kind: str) -> bytes:
    return (f"<!doctype html><html><head><title>Late</title></head><body><p>News</p><script>\n"
            f"fetch('/config').then(r => r.json()).then(c => {LATER[kind]});\n</script></body></html>").encode()


LATENCY_S = 0.6         # the data answers after the page has loaded: the chain runs after the launch's own waits
_NEVER = threading.Event()


class _App(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/config":
            _NEVER.wait(LATENCY_S)
        body, kind = (json.dumps({"id": "6f1b2c3d"}).encode(), "application/json") if self.path == "/config" \
            else (page(self.path.strip("/")), "text/html") if self.path.strip("/") in LATER else (b"", "text/plain")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    """One Appium server and Chromium session with the DevTools capture, and the late page's base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    caps = session_capabilities("cdp", {**load_profile("local-chromium").capabilities,
                                        "appium:chromedriverPort": free_port()}, isolate=True)
    try:
        with AppiumServer(tmp_path_factory.mktemp("appium") / "appium.log") as appium:
            driver = webdriver.Remote(appium.url, options=AppiumOptions().load_capabilities(caps))
            try:
                yield driver, f"http://127.0.0.1:{server.server_address[1]}/"
            finally:
                driver.quit()
    finally:
        server.shutdown()


def _launch(driver: Any, url: str, traffic: TrafficLog, step: int, asked: bool) -> Callable[[], list[dict]]:
    """Open a phase, launch the page at `url`, settle as the figures do; the phase's beacons, read again each call."""
    platform = WebChromiumPlatform(driver, url)
    traffic.scheduled = platform.scheduled if asked else None
    traffic.step_started(step, time.time())
    phase = traffic.phase(f"launch {step}", step=step, consent="rejected")
    platform.launch()
    settle(traffic, quiet=QUIET_S)
    return lambda: [e for e in traffic.entries if e["_phase"] == phase.id and e["request"]["url"].endswith("/collect")]


def test_a_beacon_a_timer_sends_after_the_window_is_in_the_figures_read(session, tmp_path: Path) -> None:
    driver, base = session
    traffic = TrafficLog(CdpNetworkLog.for_driver(driver), Masker(), tmp_path, base)
    beacons = _launch(driver, base + "timer", traffic, 1, asked=True)
    assert len(beacons()) == 1 and beacons()[0]["request"]["method"] == "POST"
    beacons = _launch(driver, base + "timer", traffic, 2, asked=False)
    assert beacons() == []           # the fixed window ended before the timer ran
    time.sleep(DELAY_MS / 1000 + 0.3)
    traffic.collect()
    assert len(beacons()) == 1       # read later, still in its phase


@pytest.mark.parametrize("kind", ["idle", "frames", "database"])
def test_work_that_is_not_a_timer_is_waited_for_before_the_quiet(session, tmp_path: Path, kind: str) -> None:
    driver, base = session
    traffic = TrafficLog(CdpNetworkLog.for_driver(driver), Masker(), tmp_path, base)
    beacons = _launch(driver, base + kind, traffic, 1, asked=True)
    assert len(beacons()) == 1, f"the beacon sent after {WORK_MS} ms of {kind} work is not in the figures' read"


@pytest.mark.parametrize("call", [
    "fetch('/config').then(r => r.json()).then(c => { window.__got = c.id; })",
    "const x = new XMLHttpRequest(); x.open('GET', '/config'); x.onload = () => { window.__got = 'xhr'; }; x.send()",
])
def test_a_network_call_is_pending_work_until_the_page_has_handled_its_answer(session, call: str) -> None:
    """The capture sees the answer arrive before the page has handled it (the handler may send a beacon or ask
    for idle time to do so): a call in flight is pending, and once handled it counts as due only for the
    `recent` the settle asks with (CI: the short quiet fell between the answer's arrival and the handler)."""
    driver, base = session
    platform = WebChromiumPlatform(driver, base + "timer")
    platform.launch()
    driver.execute_script("window.__got = undefined; " + call)
    assert (platform.scheduled(0.05) or 0) > 0, "a call in flight is not pending work"
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.__got") is not None)
    WebDriverWait(driver, 5).until(lambda d: platform.scheduled(0.0) == 0.0 or None)
    assert platform.scheduled(0.0) == 0.0

"""A tracker that fires late, through the real Appium server and Chromium with the DevTools capture: the page
sends its beacon 1 s after its data came in (a timer), far later than the whole quiet window before the
figures (QUIET_S, 0.3 s). The settle asks the page which timers it has pending (Platform.scheduled), waits for
that one and returns with the beacon read: it is in the figures. Not asked (TrafficLog.scheduled None: the
fixed window alone) the figures' read misses it — a wrong "nothing sent" — and only a later read finds it."""
from __future__ import annotations

import http.server
import json
import threading
import time
from pathlib import Path

import pytest
from appium import webdriver
from appium.options.common.base import AppiumOptions

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
PAGE = f"""<!doctype html><html><head><title>Late</title></head><body><p>News</p><script>
fetch('/config').then(r => r.json()).then(c =>
  setTimeout(() => navigator.sendBeacon('/collect', 'ad_id=' + c.id), {DELAY_MS}));
</script></body></html>""".encode()


class _App(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body, kind = (json.dumps({"id": "6f1b2c3d"}).encode(), "application/json") if self.path == "/config" \
            else (PAGE, "text/html")
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


def test_a_beacon_a_timer_sends_after_the_window_is_in_the_figures_read(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    caps = session_capabilities("cdp", {**load_profile("local-chromium").capabilities,
                                        "appium:chromedriverPort": free_port()}, isolate=True)
    try:
        with AppiumServer(tmp_path / "appium.log") as appium:
            driver = webdriver.Remote(appium.url, options=AppiumOptions().load_capabilities(caps))
            try:
                platform = WebChromiumPlatform(driver, url)
                traffic = TrafficLog(CdpNetworkLog.for_driver(driver), Masker(), tmp_path, url)
                for step, asked in ((1, True), (2, False)):
                    traffic.scheduled = platform.scheduled if asked else None
                    traffic.step_started(step, time.time())
                    phase = traffic.phase(f"launch {step}", step=step, consent="rejected")
                    platform.launch()
                    settle(traffic, quiet=QUIET_S)

                    def beacons() -> list[dict]:
                        return [e for e in traffic.entries if e["_phase"] == phase.id
                                and e["request"]["url"].endswith("/collect")]
                    if asked:
                        assert len(beacons()) == 1 and beacons()[0]["request"]["method"] == "POST"
                    else:
                        assert beacons() == []           # the fixed window ended before the timer ran
                        time.sleep(DELAY_MS / 1000 + 0.3)
                        traffic.collect()
                        assert len(beacons()) == 1       # read later, still in its phase
            finally:
                driver.quit()
    finally:
        server.shutdown()

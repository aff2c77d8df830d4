"""A reused browser session made fresh (consent_audit/platforms/web/session.py: fresh_state) looks to an app
exactly as a new session does: no history, nothing stored on any origin (cookies, local and session storage,
IndexedDB), permission decisions back to the defaults, the same emulated device and screenshot size."""
from __future__ import annotations

from pathlib import Path

import pytest
from appium import webdriver
from appium.options.common.base import AppiumOptions

from consent_audit.appium_server import AppiumServer, free_port
from consent_audit.platforms.web.session import fresh_state
from consent_audit.profiles import load_profile
from refapp.server import RefAppServer

pytestmark = pytest.mark.e2e

SEEN_JS = r"""
const done = arguments[arguments.length - 1];
const out = {history: history.length, local: localStorage.length, session: sessionStorage.length,
             cookie: document.cookie, width: innerWidth, ratio: devicePixelRatio, agent: navigator.userAgent,
             webdriver: navigator.webdriver, tabs: null};
Promise.all(['geolocation', 'notifications', 'camera'].map(n => navigator.permissions.query({name: n})
    .then(s => s.state, () => 'n/a')))
  .then(states => { out.permissions = states; return indexedDB.databases ? indexedDB.databases() : []; })
  .then(dbs => { out.idb = dbs.map(d => d.name).sort(); done(out); }, () => done(out));
"""

DIRTY_JS = r"""
const done = arguments[arguments.length - 1];
localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v');
document.cookie = 'c=1; path=/; max-age=3600';
const open = indexedDB.open('audit-db', 1);
open.onupgradeneeded = () => open.result.createObjectStore('s');
open.onsuccess = () => { open.result.close(); done(true); };
open.onerror = () => done(false);
"""


def _seen(driver, url: str) -> dict:
    driver.get(url)
    seen = driver.execute_async_script(SEEN_JS)
    seen["tabs"] = len(driver.window_handles)
    seen["shot"] = len(driver.get_screenshot_as_png()) > 0 and _size(driver.get_screenshot_as_png())
    return seen


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")     # PNG IHDR width, height


def test_a_session_made_fresh_is_a_new_session(tmp_path: Path) -> None:
    caps = load_profile("local-chromium").capabilities
    with RefAppServer() as refapp, AppiumServer(tmp_path / "appium.log") as server:
        url = f"{refapp.url}/app/fair/"
        other = url.replace("127.0.0.1", "localhost")            # a second origin (a third party's storage)

        def session():
            return webdriver.Remote(server.url, options=AppiumOptions().load_capabilities(
                {**caps, "appium:chromedriverPort": free_port()}))

        new = session()
        try:
            expected = _seen(new, url)
        finally:
            new.quit()
        used = session()
        try:
            used.command_executor.add_command("cdp", "POST", "/session/$sessionId/goog/cdp/execute")
            for where in (url, other):
                used.get(where)
                assert used.execute_async_script(DIRTY_JS)
                used.execute("cdp", {"cmd": "Browser.setPermission", "params": {
                    "permission": {"name": "notifications"}, "setting": "granted", "origin": where.rsplit("/app", 1)[0]}})
            used.switch_to.new_window("tab")
            used.get(other)
            dirty = _seen(used, url)
            assert dirty != expected and dirty["local"] and dirty["idb"] and dirty["tabs"] == 2
            fresh_state(used)
            assert _seen(used, url) == expected
            assert _seen(used, other)["local"] == 0
        finally:
            used.quit()

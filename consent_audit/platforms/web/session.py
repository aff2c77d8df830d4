"""What a web (Chromium) session needs before it starts: capability defaults and the preflight check (the
browser and driver binaries a local Appium server will start)."""
from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from ...errors import UsageError

if TYPE_CHECKING:
    from ...profiles import Profile
    from ...targets import Target

DEFAULT_CHROMIUM = "/usr/bin/chromium"


def capability_defaults(profile: "Profile", target: "Target") -> dict[str, Any]:
    """Every session leaves the browser's own dialogs (alert, confirm, prompt) open for the suite to read and
    answer (`unhandledPromptBehavior: ignore`; the W3C default dismisses them unseen: an app's «Delete your
    account?» confirm would never be confirmed). A local session also gets its own free chromedriver port
    (`appium:chromedriverPort`): the default 9515 races when sessions follow each other."""
    defaults: dict[str, Any] = {"unhandledPromptBehavior": "ignore"}
    if profile.server != "local":
        return defaults
    from ...appium_server import free_port
    return {**defaults, "appium:chromedriverPort": free_port()}


def fresh_state(driver: Any) -> None:
    """A used session made as a new one finds the browser: one new tab (no history, no page or
    sessionStorage) with every other tab closed; every origin's stored data (cookies, local storage, IndexedDB,
    cache storage, service workers: DevTools `Storage.clearDataForOrigin` with Chromium's all-origins "*"), the
    HTTP cache and every permission decision cleared. The emulated device (mobileEmulation) carries over to
    the new tab. Raises WebDriverException when the session no longer answers (the caller starts a new one)."""
    driver.command_executor.add_command("caCdp", "POST", "/session/$sessionId/goog/cdp/execute")

    def cdp(cmd: str, params: dict[str, Any] | None = None) -> None:
        driver.execute("caCdp", {"cmd": cmd, "params": params or {}})

    used = list(driver.window_handles)
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    for handle in used:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(fresh)
    cdp("Storage.clearDataForOrigin", {"origin": "*", "storageTypes": "all"})
    cdp("Network.clearBrowserCookies")
    cdp("Network.clearBrowserCache")
    cdp("Browser.resetPermissions")


def preflight(profile: "Profile", args: argparse.Namespace) -> None:
    """Without a remote Appium (--appium-url or a remote profile), the profile's chromium
    (goog:chromeOptions.binary) and chromedriver (appium:executable) must be executables here: else
    UsageError, one line naming the missing one and how to install it."""
    if getattr(args, "appium_url", None) or profile.server == "remote":
        return
    caps = profile.capabilities
    chrome = (caps.get("goog:chromeOptions") or {}).get("binary", DEFAULT_CHROMIUM)
    driver = caps.get("appium:executable")
    if not driver:
        raise UsageError("the profile sets no appium:executable: without it the chromium driver tries to "
                         "download chromedriver and fails offline")
    for name, path in (("chromium", chrome), ("chromedriver", driver)):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise UsageError(f"{name} not found at {path}; run `make setup` (Debian: apt-get install chromium "
                             f"chromium-driver) or set it in the profile")


__all__ = ["capability_defaults", "fresh_state", "preflight"]

"""A tap that opens a new window (a link with target=_blank): on the app's origin it is still the app — followed,
the tap one step, closing it the way back (corpus sudar: the privacy centre, privacy.html, opens in a new tab from
Settings; before, it was taken for leaving the app and the deletion ended not_found); on another origin it is the
app left (closed, the app's window brought back)."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from consent_audit.platforms.web.platform import WebChromiumPlatform
from consent_audit.platforms.web.when_asked import WhenAsked
from consent_audit.platforms.web.instrumentation import INSTRUMENTATION_JS

START = "http://127.0.0.1:8931/app/"


class _Browser:
    """Windows by handle, each with its address and whether its history has a page to go back to."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {"app": START + "#/settings"}
        self.history: dict[str, bool] = {"app": True}
        self.current_window_handle = "app"
        self.opens: dict[str, str] = {}       # the control's words → the address it opens in a new window
        self.refreshed: list[str] = []
        self.backs = 0
        self.switch_to = SimpleNamespace(window=self._switch, default_content=lambda: None)
        self.command_executor = SimpleNamespace(add_command=lambda *a: None)

    @property
    def window_handles(self) -> list[str]:
        return list(self.urls)

    @property
    def current_url(self) -> str:
        return self.urls[self.current_window_handle]

    def _switch(self, handle: str) -> None:
        assert handle in self.urls
        self.current_window_handle = handle

    def close(self) -> None:
        del self.urls[self.current_window_handle]

    def refresh(self) -> None:
        self.refreshed.append(self.current_window_handle)

    def back(self) -> None:
        self.backs += 1

    def execute_script(self, script: str, *args: Any) -> Any:
        if "readyState" in script:
            return "complete"
        if "__caInstalled" in script:
            return self.current_window_handle in self.refreshed
        if "canGoBack" in script:
            return self.history[self.current_window_handle]
        return None


class _Link:
    def __init__(self, browser: _Browser, url: str) -> None:
        self.browser, self.url = browser, url

    def click(self) -> None:
        handle = f"w{len(self.browser.urls)}"
        self.browser.urls[handle] = self.url
        self.browser.history[handle] = False


def _platform() -> tuple[WebChromiumPlatform, _Browser]:
    browser = _Browser()
    platform = WebChromiumPlatform.__new__(WebChromiumPlatform)
    platform.driver, platform.in_frame, platform._left_in_window = browser, False, False
    platform.origin, platform.timeout, platform.start = "http://127.0.0.1:8931", 2.0, START
    platform.cdp = lambda cmd, params=None: {}      # type: ignore[method-assign]
    platform.when_asked = WhenAsked(platform.cdp)
    return platform, browser


def test_a_page_of_the_app_opened_in_a_new_tab_is_followed_as_the_app() -> None:
    """Before: the new tab was closed and the tap taken for leaving the app (in_foreground False)."""
    platform, browser = _platform()
    platform.tap(_Link(browser, START + "privacy.html"))
    assert browser.current_window_handle != "app" and browser.current_url == START + "privacy.html"
    assert platform.in_foreground() and "app" in browser.window_handles
    assert browser.refreshed == [browser.current_window_handle]     # loaded again with the instrumentation


def test_closing_the_followed_tab_is_the_way_back_to_the_window_that_opened_it() -> None:
    platform, browser = _platform()
    platform.tap(_Link(browser, START + "privacy.html"))
    platform.back()
    assert browser.current_window_handle == "app" and browser.window_handles == ["app"] and browser.backs == 0
    platform.back()                 # in the app's own window: the browser's back
    assert browser.backs == 1 and platform.in_foreground()


def test_a_page_with_history_in_the_followed_tab_goes_back_there_first() -> None:
    platform, browser = _platform()
    platform.tap(_Link(browser, START + "privacy.html"))
    browser.history[browser.current_window_handle] = True
    platform.back()
    assert browser.backs == 1 and browser.current_window_handle != "app"


def test_another_site_opened_in_a_new_tab_is_the_app_left() -> None:
    platform, browser = _platform()
    platform.tap(_Link(browser, "https://example.org/policy"))
    assert browser.window_handles == ["app"] and browser.current_window_handle == "app"
    assert not platform.in_foreground()


def test_a_launch_closes_the_followed_tabs_and_starts_in_the_apps_window() -> None:
    from consent_audit.platforms.web import windows
    platform, browser = _platform()
    platform.tap(_Link(browser, START + "privacy.html"))
    platform.tap(_Link(browser, START + "terms.html"))
    assert len(browser.window_handles) == 3
    windows.close_followed(platform)
    assert browser.window_handles == ["app"] and browser.current_window_handle == "app" and not platform.openers


def test_the_followed_tab_gets_the_settle_waits_script_as_the_first_window_did() -> None:
    """Before: the adapter installed its script (requests, timers, DOM changes in flight) once, into the first
    window only: the followed tab's page had none and every wait there ended at once — its screens read before
    the app drew them. Each window script now goes into every window followed, before the instrumentation (as
    in the first window), and the page is loaded again with them."""
    platform, browser = _platform()
    installed: list[tuple[str, str]] = []

    def cdp(cmd: str, params: dict | None = None) -> dict:
        installed.append((browser.current_window_handle, (params or {}).get("source", cmd)))
        return {}
    platform.cdp = cdp             # type: ignore[method-assign]
    platform.add_window_script("/* settle */")
    platform.tap(_Link(browser, START + "privacy.html"))
    tab = browser.current_window_handle
    in_tab = [source for handle, source in installed if handle == tab]
    assert in_tab[:2] == ["/* settle */", INSTRUMENTATION_JS] and browser.refreshed == [tab]
    assert installed[0] == ("app", "/* settle */")

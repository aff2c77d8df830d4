"""Windows a tap opens (a link with `target=_blank`, `window.open`). One on the app's origin is still the app — a
privacy centre that is a page of its own, opened in a new tab: the driver follows it (the tap one step, its
screens the app's, as a user sees the new tab in front), and closing it is the way back to the window that
opened it. One on another origin (a policy on another site, a library's "powered by") is the app left: it is
closed and the app's window brought back (a tab left in the background stops drawing, and the next click waits
for it forever), and the platform's `in_foreground` is False until the next launch. Used by platform.py."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selenium.common.exceptions import WebDriverException

from ...waits import wait_until

if TYPE_CHECKING:
    from .platform import WebChromiumPlatform

CAN_GO_BACK_JS = "return window.navigation ? navigation.canGoBack : history.length > 1"
"""Whether the window's own history has a page to go back to (the Navigation API where there is one)."""

_BLANK = ("", "about:blank")


def _settled_url(driver: Any, handle: str, timeout: float) -> str:
    """The address a window just opened shows once its first page loaded (switched into it); what it shows
    when that takes longer than `timeout` (about:blank: a window the app writes itself is not followed)."""
    driver.switch_to.window(handle)

    def loaded() -> str:
        url = str(driver.current_url or "")
        done = driver.execute_script("return document.readyState") == "complete"
        return url if url not in _BLANK and done else ""
    try:
        return wait_until(loaded, timeout=timeout, message="the window a tap opened to load")
    except TimeoutError:
        try:
            return str(driver.current_url or "")
        except WebDriverException:
            return ""


def _instrument(platform: "WebChromiumPlatform") -> None:
    """The followed window's page gets what the app's first window has (the instrumentation, the settle wait's
    script, the planted position: each set per window through DevTools); a page already loaded without them is
    loaded again (what it asked as it loaded counted as in any window of the app; its quiet measured)."""
    driver = platform.driver
    platform.instrument_window(followed=True)
    if not driver.execute_script("return !!window.__caInstalled"):
        driver.refresh()
        wait_until(lambda: driver.execute_script("return document.readyState") == "complete",
                   timeout=platform.timeout, message="the followed window to load again")


def after_tap(platform: "WebChromiumPlatform", home: str, before: set[str]) -> None:
    """After a tap in window `home` (the windows `before` it): the first window it opened on the app's origin
    followed, every other one it opened closed; none on the origin, `home` brought back and the app left."""
    driver = platform.driver
    opened = [h for h in driver.window_handles if h not in before]
    if not opened:
        return
    followed: str | None = None
    for handle in opened:
        url = _settled_url(driver, handle, platform.timeout)
        if followed is None and platform.on_origin(url):
            followed = handle
        else:
            driver.close()
    if followed is None:
        driver.switch_to.window(home)
        platform._left_in_window = True
        return
    driver.switch_to.window(followed)
    platform.openers = (*platform.openers, home)
    _instrument(platform)


def back(platform: "WebChromiumPlatform") -> bool:
    """The way back from a followed window with no page of its own to go back to: it is closed and the window
    that opened it shown (True). False where the browser's back is the way (the window's history, or no
    followed window)."""
    driver = platform.driver
    if not platform.openers or driver.execute_script(CAN_GO_BACK_JS):
        return False
    driver.close()
    driver.switch_to.window(platform.openers[-1])
    platform.openers = platform.openers[:-1]
    return True


def close_followed(platform: "WebChromiumPlatform") -> None:
    """Every followed window closed and the app's first window shown again (a launch starts there)."""
    if not platform.openers:
        return
    driver, first = platform.driver, platform.openers[0]
    for handle in driver.window_handles:
        if handle != first:
            driver.switch_to.window(handle)
            driver.close()
    driver.switch_to.window(first)
    platform.openers = ()

"""The embedded default platform: a mobile web app in Chromium's mobile emulation, via Appium's chromium driver."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from selenium.common.exceptions import NoSuchWindowException, UnexpectedAlertPresentException, WebDriverException
from selenium.webdriver.remote.webelement import WebElement

from ...errors import AutomationError
from ...waits import wait_until
from ..base import PERMISSIONS, STATES, Capture, Platform
from .dom import input_values, screen_from_dom
from . import clicks, frames, js_dialogs, painted, readings, sideways, touch, windows
from .instrumentation import INSTRUMENTATION_JS, SCHEDULED_JS
from .scripts import DEFAULT_POSITION, IN_VIEW_JS, VISIBLE_JS
from .snapshot_script import DOM_SNAPSHOT_JS
from .when_asked import WhenAsked


class WebChromiumPlatform(Platform):
    """Chromium via Appium: permissions by the DevTools protocol, relaunch by reloading the start URL."""

    name = "web-chromium"
    planted_location = DEFAULT_POSITION     # the position the browser reports: honey data of kind location

    def __init__(self, driver: Any, start: str, timeout: float = 10.0) -> None:
        super().__init__(driver, start, timeout)
        parts = urlsplit(start)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self._prompts_seen: dict[str, int] = {p: 0 for p in PERMISSIONS}
        driver.command_executor.add_command("caCdp", "POST", "/session/$sessionId/goog/cdp/execute")
        self._instrumented = False
        self.frame_places: dict[tuple, frames.FramePlace] = {}
        """(bounds, text) of an element captured inside a cross-origin frame → how to reach it (frames.py)."""
        self._viewport: tuple[tuple[int, int], str] = ((0, 0), start)   # the last capture's size and URL
        self._typed = False       # text typed into the open prompt dialog
        self.when_asked = WhenAsked(self.cdp)     # permissions the page reads undecided until it asks

    openers: tuple[str, ...] = ()
    """The windows the followed ones were opened from, the app's first window first (windows.py)."""

    def cdp(self, cmd: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.driver.execute("caCdp", {"cmd": cmd, "params": params or {}}).get("value", {}) or {}

    # --- lifecycle ---
    def _prepare(self) -> None:
        if not self._instrumented:
            self.instrument_window()
            self._instrumented = True

    window_scripts: tuple[str, ...] = ()
    """Scripts every window of the app gets before its own scripts, besides the instrumentation (the settle
    wait's: adapter.py), installed in the order added."""

    def add_window_script(self, source: str) -> None:
        """`source` installed into the window in front now and into every window followed later (windows.py)."""
        self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": source})
        self.window_scripts = (*self.window_scripts, source)

    def instrument_window(self, followed: bool = False) -> None:
        """The window in front gets the instrumentation and the planted position (DevTools sets both per window);
        a `followed` one also every window script (the first window got each as it was added)."""
        for source in (*self.window_scripts, *self.when_asked.scripts()) if followed else ():
            self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": source})
        self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": INSTRUMENTATION_JS})
        self.cdp("Emulation.setGeolocationOverride", DEFAULT_POSITION)

    def _load(self) -> None:
        windows.close_followed(self)
        self._prepare()
        self._prompts_seen = {p: 0 for p in PERMISSIONS}
        self._left_in_window = False
        self.frame_places = {}
        try:
            self.driver.get(self.start)
        except WebDriverException as exc:      # chromedriver reports a network error as an unknown error
            error = re.search(r"net::ERR_[A-Z_]+", str(exc))
            if error is None:
                raise
            raise AutomationError(f"{error.group(0)}: nothing answered at {self.start}; is the app served "
                                  "there?") from exc
        wait_until(self._ready, timeout=self.timeout, message=f"{self.start} to load")
        try:
            readings.check_loaded(self)
        except UnexpectedAlertPresentException:
            pass          # a dialog the page opened as it loaded: its first screen (capture)

    def _ready(self) -> bool:
        """Loaded, or stopped by a dialog of the browser the page opened as it loaded (it is the first screen)."""
        try:
            return bool(self.driver.execute_script("return document.readyState") == "complete")
        except UnexpectedAlertPresentException:
            return True

    def launch(self) -> None:
        self._load()

    def relaunch(self) -> None:
        js_dialogs.close_any(self.driver)      # a restarted app shows no dialog of the last run
        if self.when_asked.unasked:
            self.permission_requests()         # what this document asked for reads answered in the next
        self.driver.get("about:blank")
        self._load()

    def reset(self) -> None:
        windows.close_followed(self)
        js_dialogs.close_any(self.driver)
        self.driver.get("about:blank")
        self.cdp("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "all"})
        self.cdp("Browser.resetPermissions")
        for name, state in self.decided.items():
            self._set(name, state)
        self.when_asked.reset()

    def stored_state(self) -> dict[str, Any] | None:
        """What the app stored (readings.stored_state: cookies, web storage, a TCF CMP's answer); None unreadable."""
        return readings.stored_state(self)

    def in_foreground(self) -> bool:
        """Whether the tab still shows the app's origin. A closed window is the app gone (False); any other
        driver error is a dead session, never an app that 'exited': AutomationError."""
        try:
            return not getattr(self, "_left_in_window", False) and self.driver.current_url.startswith(self.origin)
        except NoSuchWindowException:
            return False
        except UnexpectedAlertPresentException:
            return True       # the app's page shows a dialog of the browser: still the app
        except WebDriverException as exc:
            raise AutomationError(f"the browser session stopped answering: {str(exc).strip().splitlines()[0][:200]}") from exc

    def identity(self) -> dict[str, Any]:
        """What was audited: {"kind": "web", "url", "title", "build", "user_agent"} (readings.identity)."""
        return readings.identity(self)

    def on_origin(self, url: str) -> bool:
        """Whether `url` is on the app's origin (scheme, host and port of the start address)."""
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    # --- permissions ---
    def _set(self, name: str, state: str) -> None:
        self.cdp("Browser.setPermission", {"permission": {"name": name}, "setting": state, "origin": self.origin})

    def decide_permission(self, name: str, state: str, when_asked: bool = False) -> None:
        """`state` set in the browser; `when_asked`: the page reads the permission undecided until it asks, then
        `state` (when_asked.py). Raises ValueError for an unknown permission or state."""
        if name not in PERMISSIONS or state not in STATES:
            raise ValueError(f"unknown permission decision {name}={state}")
        self._set(name, state)
        self.decided[name] = state
        self.when_asked.decide(name, when_asked and state != "prompt")

    def permission_requests(self) -> dict[str, int]:
        try:
            counts = self.driver.execute_script("return window.__caPrompts || null")
        except WebDriverException:
            counts = None
        self._counted(counts)
        return dict(self._prompts_seen)   # the last known counts once the app left its page

    def _counted(self, counts: dict[str, Any] | None) -> None:
        """The page's request counts (INSTRUMENTATION_JS), read in a capture or asked for; None: unread."""
        if counts:
            self._prompts_seen = {p: int(counts.get(p, 0)) for p in PERMISSIONS}
            self.when_asked.note(self._prompts_seen)

    def scheduled(self, recent: float = 0.0) -> float | None:
        """Seconds until the page's last pending timer of at most 2 s is due (INSTRUMENTATION_JS), 0.0 when none
        is; one that ran less than `recent` s ago counts as due `recent` s after it ran. None when the page cannot
        tell (gone, not instrumented, or with frames, whose timers are their own)."""
        if self.in_frame:          # the driver is inside a frame: the page has frames
            return None
        try:
            due = self.driver.execute_script(SCHEDULED_JS, int(recent * 1000))
        except WebDriverException:
            return None
        return None if due is None else max(0.0, float(due) / 1000.0)

    # --- finding ---
    def visible_element(self, scope: Any, locator: tuple[str, str], enabled: bool = False) -> WebElement | None:
        """One round trip for CSS locators (find + displayed + enabled), instead of three."""
        if locator[0] != "css selector":
            return super().visible_element(scope, locator, enabled)
        root = scope if isinstance(scope, WebElement) else None
        return self.driver.execute_script(VISIBLE_JS, root, locator[1], enabled)

    # --- screens and gestures ---
    def capture(self, screenshot: bool = True) -> Capture:
        """The page as a Screen; while a dialog of the browser is open, that dialog's screen (js_dialogs: no
        screenshot can be taken then). The dialog is asked for only when the page refuses to be read (asking
        first would cost a round trip on every capture)."""
        self.leave_frame()
        try:
            capture = self._capture_page(screenshot)
        except UnexpectedAlertPresentException:
            dialog = js_dialogs.open_dialog(self.driver)
            if dialog is None:        # answered by itself in between: the page as it is now
                return self._capture_page(screenshot)
            (size, url) = self._viewport
            return Capture(screen=js_dialogs.dialog_screen(dialog, size, url, self.origin, self._prompts_seen,
                                                           typed=self._typed), values=[])
        self._typed = False
        return capture

    def _capture_page(self, screenshot: bool) -> Capture:
        png = self.driver.get_screenshot_as_png() if screenshot else b""
        snap = self.driver.execute_script(DOM_SNAPSHOT_JS)
        if snap.get("semantics_on"):     # a painted UI's accessibility layer switched on: read what it shows
            snap = painted.read_again(self.driver, snap, DOM_SNAPSHOT_JS, self.timeout)
            png = self.driver.get_screenshot_as_png() if screenshot else b""
        # cross-origin frames (a CMP's dialog): read by switching into each, composed into the page's elements
        snap, places = frames.read(self.driver, snap, DOM_SNAPSHOT_JS)
        self.frame_places.update(places)
        self._counted(snap.get("prompts"))
        screen = screen_from_dom(snap, screenshot=png, origin=self.origin, prompts=self._prompts_seen)
        self._viewport = (screen.size, screen.location)
        return Capture(screen=screen, values=input_values(snap))

    def screenshot(self) -> bytes:
        """The screen as PNG; b"" while a dialog of the browser is open (none can be taken then: js_dialogs)."""
        try:
            return super().screenshot()
        except UnexpectedAlertPresentException:
            return b""

    def tap(self, element: WebElement) -> None:
        """Tap; a window the tap opened is followed when it shows the app's origin, else closed as the app left
        (windows.after_tap)."""
        if isinstance(element, js_dialogs.DialogControl):
            js_dialogs.answer(self.driver, element)
            return
        home, before = self.driver.current_window_handle, set(self.driver.window_handles)
        clicks.tap_through(self.driver, element)
        self.leave_frame()
        windows.after_tap(self, home, before)

    def back(self) -> None:
        """The browser's back; in a followed window with nothing to go back to, closing it (windows.back)."""
        if not windows.back(self):
            self.driver.back()

    def type_text(self, element: WebElement, text: str) -> None:
        if isinstance(element, js_dialogs.DialogControl):     # a prompt's field
            js_dialogs.answer(self.driver, element, text)
            self._typed = True
            return
        element.clear()
        element.send_keys(text)
        self.leave_frame()

    def choose_option(self, element: WebElement) -> str:
        """A native `<select>`: the first real option chosen as a user does (clicks.choose_first); AutomationError
        for a drop-down drawn otherwise or offering nothing."""
        try:
            return clicks.choose_first(element)
        finally:
            self.leave_frame()

    in_frame = False     # an element of a frame was located (the explorer's adapter switched into it)

    def enter_frame(self, place: "frames.FramePlace") -> None:
        """Into the frame an element captured there lives in (the gesture runs there; `leave_frame` after it)."""
        self.driver.switch_to.default_content()
        for el in place.chain:
            self.driver.switch_to.frame(el)
        self.in_frame = True

    def leave_frame(self) -> None:
        """Back to the page after a gesture inside a frame (the page is what is captured)."""
        if self.in_frame:
            self.driver.switch_to.default_content()
            self.in_frame = False

    def in_view(self, element: WebElement, container: WebElement | None = None) -> bool:
        """Whole inside the container's visible box (and the window), 1 CSS px of tolerance."""
        if isinstance(element, js_dialogs.DialogControl):
            return True
        return bool(self.driver.execute_script(IN_VIEW_JS, element, container))

    def beyond_side(self, element: WebElement, container: WebElement | None = None) -> str | None:
        """The side of the container's box (the window's) the element lies beyond (sideways.SIDE_JS)."""
        return None if isinstance(element, js_dialogs.DialogControl) else sideways.beyond_side(self.driver, element,
                                                                                                container)

    def long_press(self, element: WebElement, seconds: float) -> None:
        """A finger held on the element's centre for `seconds` (touch.hold)."""
        touch.hold(self.driver, element, seconds)
        self.leave_frame()

    def tap_point(self, x: int, y: int) -> None:
        """One touch at (x, y) in device pixels (touch.tap_at)."""
        touch.tap_at(self.driver, x, y)

    def swipe(self, container: WebElement | None, direction: str = "down") -> bool:
        """One swipe over the container (the page when None); True while it can move further (touch.swipe)."""
        return touch.swipe(self.driver, container, direction)

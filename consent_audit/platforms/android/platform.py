"""Android through UiAutomator2, built to the driver's documented contract (its `mobile:` commands) and
run on emulators and device farms.

App lifecycle: `mobile: activateApp` (as the launcher icon does) or `mobile: startActivity` for apps
configured by intent, `mobile: terminateApp`, `mobile: clearApp`. Permissions: `mobile: changePermissions`
and `mobile: getPermissions`; a denial the app asks about is answered in the system dialog, as a user does.
What the user sees: `mobile: getCurrentPackage` / `mobile: getCurrentActivity`. Identity: versionName and
versionCode from `mobile: shell` (dumpsys package) when the server allows the `uiautomator2:adb_shell`
feature, else versionCode from `mobile: listApps`, which needs no feature.

Permission requests since the (re)launch are counted two ways, the larger count per permission wins:
system dialogs the dialog page object answered (`note_dialog`), and the lines "ConsentAudit:
permission-request NAME" an instrumented app (the reference APK) writes to logcat for every request,
including those the system answers without a dialog.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.remote.webelement import WebElement

from ...errors import AutomationError, UsageError
from ...waits import wait_until
from ..base import PERMISSIONS, STATES, Capture, Platform
from ...screen import Screen
from .below_fold import fold_swipes, read_whole
from .dialog_reader import read_dialog
from .capture_checks import DialogNotDumped, check_dialog_dumped, note_pre_prompt, wait_out_anr
from .system_dialogs import system_dialog, system_words
from .uiautomator import PERMISSION_PROMPT_PACKAGES, field_values, screen_from_uiautomator_xml

from .runtime_permissions import ANDROID_PERMISSIONS, INSTRUMENTATION_TAG, RUNTIME_SINCE, RuntimePermissions

log = logging.getLogger(__name__)

_VERSION_NAME = re.compile(r"\bversionName=(\S+)")
_VERSION_CODE = re.compile(r"\bversionCode=(\d+)")
_RESOURCE_ID_XPATH = re.compile(r"//\*\[@resource-id=(['\"])([^'\"]+)\1\]")
KEYCODE_BACK = 4


def _zero() -> dict[str, int]:
    return {p: 0 for p in PERMISSIONS}


class AndroidPlatform(RuntimePermissions, Platform):
    """One UiAutomator2 session on an emulator or device; `start` is the app package."""

    name = "android-uiautomator2"

    def __init__(self, driver: Any, start: str, timeout: float = 10.0) -> None:
        super().__init__(driver, start, timeout)
        self.package = start
        self.launch_activity: str | None = None
        self.launch_extras: list[list[str]] = []
        self._dialogs_seen = _zero()
        self._requests_logged = _zero()
        self._pre_prompts = _zero()
        self.automation_events: list[dict[str, Any]] = []   # what the system did over the app (ANR dialogs …)
        self.pre_prompts: list[dict[str, Any]] = []         # the app's own rationales seen (detectors/blockers.py)
        self.last_pre_prompt: tuple[str, str] | None = None
        self._logcat = True
        self._api_level: int | None = None
        self._device: dict[str, Any] | None = None
        self._requested: set[str] | None = None
        self.fold_swipes = fold_swipes()    # swipes each way a capture looks beyond the screen (0: it does not)
        self.whole_source = ""              # the last capture's source with what lies beyond the screen merged in
        self.swiped_down: dict[str, int] = {}   # list bounds ("" the screen) -> the user's swipes down, net, since
        #                                         the launch: how far a capture looks up (below_fold.py)

    def _mobile(self, command: str, args: dict[str, Any] | None = None) -> Any:
        return self.driver.execute_script(f"mobile: {command}", args or {})

    # --- the device ---
    def device_info(self) -> dict[str, Any]:
        if self._device is None:
            self._device = dict(self._mobile("deviceInfo") or {})
        return self._device

    @property
    def api_level(self) -> int:
        """The device's API level: from the session's capabilities, else `mobile: deviceInfo`."""
        if self._api_level is None:
            caps = getattr(self.driver, "capabilities", None) or {}
            raw = (caps.get("deviceApiLevel") or caps.get("appium:deviceApiLevel")
                   or self.device_info().get("apiVersion"))
            try:
                self._api_level = int(str(raw))
            except (TypeError, ValueError):
                raise RuntimeError(f"the device reports no API level (got {raw!r})") from None
        return self._api_level

    # --- app lifecycle ---
    def use_launch_intent(self, activity: str, extras: list[list[str]] | None = None) -> None:
        """Launch this activity with these intent extras ([["s", name, value], …], as `mobile: startActivity`
        takes them) instead of the launcher icon: for apps configured by intent, like the reference APK."""
        self.launch_activity = activity
        self.launch_extras = [list(e) for e in extras or []]

    def _start(self) -> None:
        if self.launch_activity:
            intent = self.launch_activity if "/" in self.launch_activity else f"{self.package}/{self.launch_activity}"
            self._mobile("startActivity", {"intent": intent, "action": "android.intent.action.MAIN",
                                           "categories": "android.intent.category.LAUNCHER",
                                           "extras": self.launch_extras, "wait": True, "stop": True})
        else:
            self._mobile("activateApp", {"appId": self.package})

    def _fresh_counts(self) -> None:
        self._read_log()            # drain: what the app logged before this launch is not counted
        self.swiped_down = {}
        self._dialogs_seen, self._requests_logged, self._pre_prompts = _zero(), _zero(), _zero()

    def launch(self) -> None:
        """A new app process, as from the launcher (the session may have started one already)."""
        self._mobile("terminateApp", {"appId": self.package})
        self._fresh_counts()
        self._start()

    def relaunch(self) -> None:
        self._mobile("terminateApp", {"appId": self.package})
        self._fresh_counts()
        self._start()

    def reset(self) -> None:
        """Stop the app and clear its data (`pm clear` also resets its runtime permissions), then apply the
        decisions taken so far again."""
        self._mobile("terminateApp", {"appId": self.package})
        self._mobile("clearApp", {"appId": self.package})
        for name in self.decided:
            self._apply(name, self.applied(name))

    def current_package(self) -> str:
        return str(self._mobile("getCurrentPackage") or "")

    def current_activity(self) -> str:
        return str(self._mobile("getCurrentActivity") or "")

    def in_foreground(self) -> bool:
        """The app is what the user sees; a permission prompt it raised (any vendor's) and the system's "isn't
        responding" dialog over it (waited out) count as the app."""
        try:
            package = self.current_package()
        except WebDriverException as exc:   # a dead session is not an app that left: never measure it as one
            raise AutomationError(f"the device session stopped answering: {str(exc).strip().splitlines()[0][:200]}") from exc
        if package in system_words().anr_packages:   # the system's "isn't responding" dialog: wait it out
            package = self.current_package() if system_dialog(wait_out_anr(self, self._read(), self._read)) is None \
                else package
        if package == self.package:
            return True
        shown = self._read(False)
        if package in PERMISSION_PROMPT_PACKAGES and shown.location == self.package:
            return True                   # a prompt over the app that the dump misses (capture says so)
        # a permission dialog of any vendor is over the app; a controller's settings pages are not
        return shown.location == package and read_dialog(shown, app_package=self.package) is not None

    def identity(self) -> dict[str, Any]:
        info = self.device_info()
        return {"kind": "android", "package": self.package, "activity": self.current_activity(), **self._version(),
                "device": {k: info.get(k) for k in ("manufacturer", "model", "brand", "platformVersion",
                                                    "apiVersion", "locale")}}

    def _version(self) -> dict[str, Any]:
        try:
            out = str(self._mobile("shell", {"command": "dumpsys", "args": ["package", self.package]}))
            name, code = _VERSION_NAME.search(out), _VERSION_CODE.search(out)
            if name or code:
                return {"versionName": name.group(1) if name else None,
                        "versionCode": int(code.group(1)) if code else None,
                        "version_source": "mobile: shell dumpsys package"}
            shell = "dumpsys package shows no version"
        except WebDriverException as exc:
            shell = (exc.msg or str(exc)).splitlines()[0] if (exc.msg or str(exc)) else type(exc).__name__
        code = None
        try:
            entry = (self._mobile("listApps") or {}).get(self.package) or {}
            code = entry.get("versionCode")
        except WebDriverException as exc:
            log.info("mobile: listApps failed: %s", exc)
        return {"versionName": None, "versionCode": code, "version_source":
                f"mobile: listApps (versionName needs the server feature uiautomator2:adb_shell: {shell[:160]})"}

    # --- screens and gestures ---
    def _read(self, screenshot: bool = True) -> Screen:
        png = self.driver.get_screenshot_as_png() if screenshot else b""
        return screen_from_uiautomator_xml(self.driver.page_source, screenshot=png, app_package=self.package)

    def capture(self, screenshot: bool = True) -> Capture:
        """The screen now (capture_checks.py): an "isn't responding" dialog is waited out first; a permission
        dialog in front that the source misses raises DialogNotDumped; the app's rationale is counted. The values of
        filled text fields come beside it (only to redact secrets: an Element never holds a field's value)."""
        screen = wait_out_anr(self, self._read(screenshot), lambda: self._read(screenshot))
        check_dialog_dumped(self, screen)
        screen = self._whole(screen)
        note_pre_prompt(self, screen)
        screen.prompts = self.permission_requests()
        return Capture(screen=screen, values=field_values(screen.source))

    def _whole(self, screen: Screen) -> Screen:
        """The screen with what its vertical lists hold beyond it (below_fold.py): the suite's look, no user's
        step; the list is swiped back to where it stood."""
        def above(box: str) -> int:
            return self.swiped_down.get(box, 0) + self.swiped_down.get("", 0)
        whole = read_whole(screen.source, lambda: self.driver.page_source, self._swipe_at, self.fold_swipes,
                           above) if screen.in_app else screen.source
        self.whole_source = whole
        if whole is screen.source:
            return screen
        return screen_from_uiautomator_xml(whole, screenshot=screen.screenshot, app_package=self.package)

    def _swipe_at(self, box: str, direction: str) -> bool:
        found = self.driver.find_elements("xpath", f"//*[@scrollable='true'][@bounds='{box}']")
        return self._scroll_gesture(found[-1], direction) if found else False

    def scroll_direction(self, element: WebElement, container: WebElement | None = None) -> str:
        """"up" for a row merged from above where the list stands (below_fold.py), else "down"."""
        return str(getattr(element, "direction", "down"))

    def tap(self, element: WebElement) -> None:
        element.click()

    def type_text(self, element: WebElement, text: str) -> None:
        element.clear()
        element.send_keys(text)

    # The rows of an open Spinner's drop-down (UiAutomator2: the popup's ListView of CheckedTextView rows).
    _SPINNER_ROWS = ("xpath", "//android.widget.ListView/*[@clickable='true' or self::android.widget.CheckedTextView]")

    def choose_option(self, element: WebElement) -> str:
        """An Android Spinner has no select call in UiAutomator2: it is tapped open, and of the rows its popup
        lists the first whose words differ from what the closed Spinner showed (its "Choose…" placeholder) is
        tapped — inside one recorded choice. AutomationError when no row other than the placeholder appears
        within the timeout."""
        shown = " ".join((element.text or "").split())
        element.click()

        def rows() -> list[WebElement]:
            found = [r for r in self.driver.find_elements(*self._SPINNER_ROWS)
                     if " ".join((r.text or "").split()) not in ("", shown)]
            return found
        try:
            choices = wait_until(rows, timeout=self.timeout, interval=0.1, message="the drop-down's options")
        except TimeoutError:
            raise AutomationError("the drop-down opened no option to choose") from None
        words = " ".join((choices[0].text or "").split())
        choices[0].click()
        return words

    def swipe(self, container: WebElement | None, direction: str = "down") -> bool:
        """One `mobile: scrollGesture` (75 % of the area) over the container, else the middle 60 % of the
        screen; the driver answers whether the content can scroll further that way. Kept per list: how far the
        user's swipes moved it down since the launch (a capture looks up no further: an up-swipe at a list's
        top pulls a SwipeRefreshLayout's refresh)."""
        try:
            box = container.get_attribute("bounds") or "" if container is not None else ""
        except WebDriverException:
            box = ""
        self.swiped_down[box] = max(0, self.swiped_down.get(box, 0) + (1 if direction == "down" else -1))
        return self._scroll_gesture(container, direction)

    def _scroll_gesture(self, container: WebElement | None, direction: str) -> bool:
        args: dict[str, Any] = {"direction": direction, "percent": 0.75}
        if container is not None:
            args["elementId"] = container.id
        else:
            size = self.driver.get_window_size()
            args.update(left=0, top=int(size["height"] * 0.2), width=int(size["width"]),
                        height=int(size["height"] * 0.6))
        return bool(self._mobile("scrollGesture", args))

    def in_view(self, element: WebElement, container: WebElement | None = None) -> bool:
        """UiAutomator2 dumps only what is on screen: displayed is in view (a stale element is not)."""
        try:
            return bool(element.is_displayed())
        except (StaleElementReferenceException, WebDriverException):
            return False

    def back(self) -> None:
        self._mobile("pressKey", {"keycode": KEYCODE_BACK})

    def long_press(self, element: WebElement, seconds: float) -> None:
        """`mobile: longClickGesture` on the element with `duration` in milliseconds (UiAutomator2 driver)."""
        self._mobile("longClickGesture", {"elementId": element.id, "duration": int(round(seconds * 1000))})

    def tap_point(self, x: int, y: int) -> None:
        """`mobile: clickGesture` at (x, y), device pixels as in the page source's bounds."""
        self._mobile("clickGesture", {"x": int(x), "y": int(y)})

    @staticmethod
    def element_id_of(locator: tuple[str, str]) -> str | None:
        """The resource-id a locator names: `id` with a full id, or XPath `//*[@resource-id='…']`."""
        how, what = locator
        if how == "id":
            return what
        match = _RESOURCE_ID_XPATH.fullmatch(what) if how == "xpath" else None
        return match.group(2) if match else None

"""Android through UiAutomator2: built to the driver's documented contract, run on the device farm."""
from __future__ import annotations

import shutil
import subprocess
from typing import Any

from selenium.webdriver.remote.webelement import WebElement

from ..errors import UsageError
from ..screen import screen_from_uiautomator_xml
from .base import STATES, Capture, Platform

ANDROID_PERMISSIONS = {
    "geolocation": ["android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"],
    "notifications": ["android.permission.POST_NOTIFICATIONS"],
    "camera": ["android.permission.CAMERA"],
    "microphone": ["android.permission.RECORD_AUDIO"],
}


def check_android_device(timeout: float = 5.0) -> None:
    """Fail fast (seconds, not the driver's 20 s) when no device or emulator is attached."""
    adb = shutil.which("adb")
    if adb is None:
        raise UsageError("adb is not installed: install Android platform-tools (Debian: apt-get install adb) "
                         "and start an emulator (emulator -avd NAME), or use --appium-url for a device farm")
    try:
        out = subprocess.run([adb, "devices"], capture_output=True, text=True, timeout=timeout).stdout
    except (subprocess.TimeoutExpired, OSError) as exc:
        raise UsageError(f"`adb devices` did not answer ({exc}); restart adb (adb kill-server) or use --appium-url")
    devices = [line.split()[0] for line in out.splitlines()[1:] if line.strip().endswith("device")]
    if not devices:
        raise UsageError("no Android device attached (`adb devices` lists none): start an emulator "
                         "(emulator -avd NAME) or point --appium-url at a device farm")


class AndroidPlatform(Platform):
    """UiAutomator2: permissions through the real system dialog or `mobile: changePermissions`."""

    name = "android-uiautomator2"

    def __init__(self, driver: Any, start: str, timeout: float = 10.0) -> None:
        super().__init__(driver, start, timeout)
        self.package = start
        self._dialogs_seen: dict[str, int] = {p: 0 for p in ANDROID_PERMISSIONS}

    def launch(self) -> None:
        self.driver.execute_script("mobile: activateApp", {"appId": self.package})

    def relaunch(self) -> None:
        self.driver.execute_script("mobile: terminateApp", {"appId": self.package})
        self._dialogs_seen = {p: 0 for p in ANDROID_PERMISSIONS}
        self.launch()

    def reset(self) -> None:
        self.driver.execute_script("mobile: terminateApp", {"appId": self.package})
        self.driver.execute_script("mobile: clearApp", {"appId": self.package})

    def in_foreground(self) -> bool:
        return self.driver.current_package == self.package

    def identity(self) -> dict[str, Any]:
        info = self.driver.execute_script("mobile: getDeviceInfo") or {}
        return {"kind": "android", "package": self.package, "activity": self.driver.current_activity,
                "device": {k: info.get(k) for k in ("manufacturer", "model", "platformVersion", "apiVersion")}}

    def decide_permission(self, name: str, state: str) -> None:
        if name not in ANDROID_PERMISSIONS or state not in STATES:
            raise ValueError(f"unknown permission decision {name}={state}")
        if state != "prompt":
            self.driver.execute_script("mobile: changePermissions", {
                "permissions": ANDROID_PERMISSIONS[name], "appPackage": self.package,
                "action": "grant" if state == "granted" else "revoke"})
        self.decided[name] = state

    def note_dialog(self, permission: str) -> None:
        """The system permission dialog page object reports each dialog it sees for the app."""
        self._dialogs_seen[permission] = self._dialogs_seen.get(permission, 0) + 1

    def permission_requests(self) -> dict[str, int]:
        return dict(self._dialogs_seen)

    def capture(self, screenshot: bool = True) -> Capture:
        png = self.driver.get_screenshot_as_png() if screenshot else b""
        source = self.driver.page_source
        screen = screen_from_uiautomator_xml(source, screenshot=png, location=self.package,
                                             app_package=self.package)
        screen.prompts = dict(self._dialogs_seen)
        return Capture(screen=screen)

    def tap(self, element: WebElement) -> None:
        element.click()

    def type_text(self, element: WebElement, text: str) -> None:
        element.clear()
        element.send_keys(text)

    def scroll_into_view(self, element: WebElement, container: WebElement | None = None) -> None:
        self.driver.execute_script("mobile: scrollGesture", {
            "elementId": (container or element).id, "direction": "down", "percent": 1.0})

    def back(self) -> None:
        self.driver.execute_script("mobile: pressKey", {"keycode": 4})

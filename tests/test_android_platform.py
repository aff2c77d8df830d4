"""AndroidPlatform's calls against the UiAutomator2 driver's documented `mobile:` commands.

Unit level: a driver stand-in records every call and answers as the driver's README documents (no
Android runtime can run here; live sessions run on the farm, .github/workflows/nightly-farm.yml).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import WebDriverException

from consent_audit.platforms.registry import spec_named
from consent_audit.platforms.android import ANDROID_PERMISSIONS, AndroidPlatform

DATA = Path(__file__).parent / "data" / "android"
PKG = "org.consentaudit.refapp"
REQUESTED = ["android.permission.INTERNET", "android.permission.ACCESS_FINE_LOCATION",
             "android.permission.ACCESS_COARSE_LOCATION", "android.permission.CAMERA",
             "android.permission.POST_NOTIFICATIONS"]
DUMPSYS = """Packages:
  Package [org.consentaudit.refapp] (4f2a1c3):
    userId=10190
    pkg=Package{9a7e2b1 org.consentaudit.refapp}
    versionCode=1 minSdk=23 targetSdk=34
    versionName=1.0.0
    splits=[base]
"""


class RecordingDriver:
    """Records calls; answers like the UiAutomator2 driver would."""

    def __init__(self, api: int = 34, shell: bool = True, appops: bool = True) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.capabilities = {"deviceApiLevel": api, "platformName": "Android"}
        self.shell, self.appops = shell, appops
        self.package = PKG
        self.logcat: list[dict[str, Any]] = []
        self.scrolls_left = 3
        self.page_source = (DATA / "refapp-blocker-zh.xml").read_text(encoding="utf-8")

    def execute_script(self, script: str, args: dict | None = None) -> Any:
        self.calls.append((script, args))
        command = script.removeprefix("mobile: ")
        if command == "getPermissions":
            return REQUESTED if args["type"] == "requested" else ["android.permission.CAMERA"]
        if command == "getCurrentPackage":
            return self.package
        if command == "getCurrentActivity":
            return ".MainActivity"
        if command == "deviceInfo":
            return {"apiVersion": str(self.capabilities["deviceApiLevel"]), "platformVersion": "14",
                    "manufacturer": "Google", "model": "sdk_gphone64_x86_64", "brand": "google", "locale": "en_US"}
        if command == "shell":
            if not self.shell:
                raise WebDriverException("Potentially insecure feature 'adb_shell' has not been enabled. If you "
                                         "want to enable this feature and accept the security ramifications, please "
                                         "do so by following the documented instructions")
            return DUMPSYS
        if command == "listApps":
            return {PKG: {"packageName": PKG, "versionCode": 1}, "com.android.chrome": {"versionCode": 7}}
        if command == "changePermissions" and args.get("target") == "appops" and not self.appops:
            raise WebDriverException("Potentially insecure feature 'adb_shell' has not been enabled")
        if command == "scrollGesture":
            self.scrolls_left -= 1
            return self.scrolls_left > 0
        return None

    def get_log(self, kind: str) -> list[dict[str, Any]]:
        assert kind == "logcat"
        out, self.logcat = self.logcat, []
        return out

    def get_screenshot_as_png(self) -> bytes:
        return b""

    def get_window_size(self) -> dict[str, int]:
        return {"width": 1080, "height": 2400}

    def mobile(self, name: str) -> list[Any]:
        return [args for script, args in self.calls if script == f"mobile: {name}"]


def logged(*names: str) -> list[dict[str, Any]]:
    return [{"timestamp": 0, "level": "INFO",
             "message": f"11-28 16:00:00.123  4242  4242 I ConsentAudit: permission-request {n}"} for n in names]


def test_the_platform_is_registered() -> None:
    assert spec_named("android-uiautomator2").platform_class is AndroidPlatform


def test_grant_and_revoke_through_change_permissions() -> None:
    driver = RecordingDriver(api=34)
    platform = AndroidPlatform(driver, PKG)
    platform.decide_permission("geolocation", "granted")
    platform.decide_permission("notifications", "denied")
    platform.decide_permission("camera", "prompt")
    platform.decide_permission("microphone", "granted")       # not in the manifest: nothing to set
    assert driver.mobile("changePermissions") == [
        {"permissions": list(ANDROID_PERMISSIONS["geolocation"]), "appPackage": PKG, "action": "grant"},
        {"permissions": ["android.permission.POST_NOTIFICATIONS"], "appPackage": PKG, "action": "revoke"}]
    assert platform.decided == {"geolocation": "granted", "notifications": "denied", "camera": "prompt",
                                "microphone": "granted"}
    assert driver.mobile("getPermissions") == [{"type": "requested", "appPackage": PKG}]   # read once
    with pytest.raises(ValueError):
        platform.decide_permission("contacts", "granted")


def test_notifications_before_android_13_are_an_app_op() -> None:
    driver = RecordingDriver(api=30)
    AndroidPlatform(driver, PKG).decide_permission("notifications", "denied")
    assert driver.mobile("changePermissions") == [{"permissions": ["POST_NOTIFICATION"], "appPackage": PKG,
                                                   "action": "deny", "target": "appops"}]
    strict = AndroidPlatform(RecordingDriver(api=30, appops=False), PKG)
    strict.decide_permission("notifications", "granted")     # on by default: nothing lost
    with pytest.raises(RuntimeError, match="API 30 .*uiautomator2:adb_shell"):
        strict.decide_permission("notifications", "denied")


def test_read_permissions_from_the_os() -> None:
    platform = AndroidPlatform(RecordingDriver(), PKG)
    assert platform.permission_states() == {"geolocation": "denied", "notifications": "denied", "camera": "granted"}


def test_launch_by_intent_relaunch_and_reset() -> None:
    driver = RecordingDriver()
    platform = AndroidPlatform(driver, PKG)
    platform.use_launch_intent(".MainActivity", [["s", "org.consentaudit.refapp.URL", "http://127.0.0.1:8765/app/fair/"]])
    platform.launch()
    platform.relaunch()
    platform.decide_permission("camera", "granted")
    driver.calls.clear()
    platform.reset()
    start = {"intent": f"{PKG}/.MainActivity", "action": "android.intent.action.MAIN",
             "categories": "android.intent.category.LAUNCHER",
             "extras": [["s", "org.consentaudit.refapp.URL", "http://127.0.0.1:8765/app/fair/"]], "wait": True,
             "stop": True}
    assert driver.mobile("startActivity") == []          # reset does not start the app
    assert [c[0] for c in driver.calls] == ["mobile: terminateApp", "mobile: clearApp", "mobile: changePermissions"]
    other = RecordingDriver()
    plain = AndroidPlatform(other, "com.example.shop")
    plain.launch()
    assert [c for c in other.calls if c[0] in ("mobile: terminateApp", "mobile: activateApp")] == [
        ("mobile: terminateApp", {"appId": "com.example.shop"}), ("mobile: activateApp", {"appId": "com.example.shop"})]
    driver2 = RecordingDriver()
    intent = AndroidPlatform(driver2, PKG)
    intent.use_launch_intent(".MainActivity", start["extras"])
    intent.launch()
    assert driver2.mobile("startActivity") == [start]


def test_foreground_and_identity() -> None:
    driver = RecordingDriver()
    platform = AndroidPlatform(driver, PKG)
    assert platform.in_foreground()
    driver.package = "com.google.android.permissioncontroller"
    assert platform.in_foreground(), "its permission prompt is still the app"
    driver.package = "com.google.android.apps.nexuslauncher"
    assert not platform.in_foreground()
    who = platform.identity()
    assert (who["package"], who["activity"], who["versionName"], who["versionCode"]) == (PKG, ".MainActivity",
                                                                                        "1.0.0", 1)
    assert who["version_source"] == "mobile: shell dumpsys package" and who["device"]["apiVersion"] == "34"
    assert driver.mobile("shell") == [{"command": "dumpsys", "args": ["package", PKG]}]


def test_identity_without_the_shell_feature_uses_list_apps() -> None:
    who = AndroidPlatform(RecordingDriver(shell=False), PKG).identity()
    assert (who["versionName"], who["versionCode"]) == (None, 1)
    assert "uiautomator2:adb_shell" in who["version_source"] and "insecure feature" in who["version_source"]


def test_requests_counted_from_logcat_and_dialogs_since_the_launch() -> None:
    driver = RecordingDriver()
    platform = AndroidPlatform(driver, PKG)
    driver.logcat = logged("camera", "camera")              # before the launch: not counted
    platform.launch()
    driver.logcat = logged("geolocation", "notifications", "geolocation") + [
        {"timestamp": 0, "level": "INFO", "message": "11-28 16:00:01.000  1  1 I Other: permission-request camera"}]
    assert platform.permission_requests() == {"geolocation": 2, "notifications": 1, "camera": 0, "microphone": 0}
    platform.note_dialog("camera")
    platform.note_dialog("geolocation")
    assert platform.permission_requests() == {"geolocation": 2, "notifications": 1, "camera": 1, "microphone": 0}
    platform.relaunch()
    assert platform.permission_requests() == {"geolocation": 0, "notifications": 0, "camera": 0, "microphone": 0}


def test_without_logcat_dialogs_are_counted() -> None:
    driver = RecordingDriver()

    def no_logcat(kind: str) -> list:
        raise WebDriverException("log type logcat is not supported")
    driver.get_log = no_logcat  # type: ignore[method-assign]
    platform = AndroidPlatform(driver, PKG)
    platform.note_dialog("notifications")
    assert platform.permission_requests()["notifications"] == 1


def test_capture_reads_the_page_source_once() -> None:
    driver = RecordingDriver()
    platform = AndroidPlatform(driver, PKG)
    driver.logcat = logged("geolocation")
    capture = platform.capture(screenshot=True)
    assert capture.screen.location == PKG and capture.screen.in_app and capture.screen.source_kind == "xml"
    assert capture.screen.prompts["geolocation"] == 1
    assert capture.screen.find("blocker-retry") is not None


def test_gestures() -> None:
    driver = RecordingDriver()
    platform = AndroidPlatform(driver, PKG)

    class Box:
        id = "container-1"

        def get_attribute(self, name: str) -> str:
            return "[0,200][1080,2200]"
    assert [platform.swipe(Box(), "down") for _ in range(3)] == [True, True, False]   # False: at the end
    assert platform.swiped_down == {"[0,200][1080,2200]": 3}     # how far a capture may look up that list
    assert driver.mobile("scrollGesture")[0] == {"direction": "down", "percent": 0.75, "elementId": "container-1"}
    platform.back()
    assert driver.mobile("pressKey") == [{"keycode": 4}]
    platform.long_press(Box(), 2.5)          # a "hold to confirm" control: one long click of 2.5 s
    assert driver.mobile("longClickGesture") == [{"elementId": "container-1", "duration": 2500}]


def test_element_ids_of_android_locators() -> None:
    assert AndroidPlatform.element_id_of(("xpath", "//*[@resource-id='consent-accept']")) == "consent-accept"
    assert AndroidPlatform.element_id_of(("id", "com.android.permissioncontroller:id/permission_deny_button")) \
        == "com.android.permissioncontroller:id/permission_deny_button"
    assert AndroidPlatform.element_id_of(("xpath", "//*[@text='Allow']")) is None


# --- the calls above against the installed driver's own command table ---------------------------------

DRIVER = Path(__file__).resolve().parent.parent / ".appium" / "node_modules" / "appium-uiautomator2-driver"


def _params(body: str, kind: str, lists: dict[str, list[str]]) -> set[str]:
    import re
    spec = re.search(rf"{kind}: \[(.*?)\]", body, re.S)
    if spec is None:
        return set()
    out = set(re.findall(r"'([^']+)'", spec.group(1)))
    for spread in re.findall(r"\.\.\.(\w+)", spec.group(1)):
        out.update(lists[spread])
    return out


def driver_commands() -> dict[str, tuple[set[str], set[str]]]:
    """`mobile:` command → (required, optional) parameters, from the UiAutomator2 driver's execute-method maps."""
    import re
    tables = [DRIVER / "build" / "lib" / "execute-method-map.js",
              DRIVER / "node_modules" / "appium-android-driver" / "build" / "lib" / "execute-method-map.js"]
    found: dict[str, tuple[set[str], set[str]]] = {}
    for table in tables:
        text = table.read_text(encoding="utf-8")
        lists = {m.group(1): re.findall(r"'([^']+)'", m.group(2))
                 for m in re.finditer(r"const (\w+) = \[(.*?)\];", text, re.S)}
        for match in re.finditer(r"'mobile: (\w+)': \{(.*?)\n    \},", text, re.S):
            body = match.group(2)
            found.setdefault(match.group(1), (_params(body, "required", lists), _params(body, "optional", lists)))
    return found


@pytest.mark.skipif(not DRIVER.exists(), reason="the UiAutomator2 driver is not installed (make setup)")
def test_every_mobile_call_matches_the_installed_driver() -> None:
    commands = driver_commands()
    assert len(commands) > 80
    driver = RecordingDriver(api=30, shell=True)
    platform = AndroidPlatform(driver, PKG)
    platform.use_launch_intent(".MainActivity", [["s", "k", "v"]])
    platform.launch()
    platform.relaunch()
    platform.decide_permission("geolocation", "granted")
    platform.decide_permission("notifications", "denied")      # API 30: app-op
    platform.permission_states()
    platform.reset()
    platform.in_foreground()
    platform.identity()
    AndroidPlatform(RecordingDriver(shell=False), PKG).identity()
    platform.swipe(None, "down")
    platform.back()

    class Held:
        id = "button-1"
    platform.long_press(Held(), 3)
    bare = AndroidPlatform(driver, "com.example.shop")
    bare.launch()
    used = {script.removeprefix("mobile: "): args or {} for script, args in driver.calls}
    assert {"activateApp", "startActivity", "terminateApp", "clearApp", "changePermissions", "getPermissions",
            "getCurrentPackage", "getCurrentActivity", "deviceInfo", "shell", "scrollGesture", "pressKey",
            "longClickGesture"} <= set(used)
    for script, args in driver.calls:
        name = script.removeprefix("mobile: ")
        assert name in commands, f"{script} is not a command of the installed driver"
        required, optional = commands[name]
        assert required <= set(args or {}), (script, args)
        assert set(args or {}) <= required | optional, (script, sorted(set(args or {}) - required - optional))


def test_a_grant_given_when_asked_is_left_to_the_dialog_also_after_a_reset() -> None:
    """Decided when asked (the explorer's permissions discovery), a grant is not given through the OS: the app
    finds the permission not granted, asks, and the system dialog is answered as decided ("Allow") — at every fresh
    install (a reset applies the decisions again); a refusal when asked is the revoke it always was."""
    driver = RecordingDriver(api=34)
    platform = AndroidPlatform(driver, PKG)
    platform.decide_permission("geolocation", "granted", when_asked=True)
    platform.decide_permission("notifications", "denied", when_asked=True)
    assert driver.mobile("changePermissions") == [
        {"permissions": ["android.permission.POST_NOTIFICATIONS"], "appPackage": PKG, "action": "revoke"}]
    assert platform.decided == {"geolocation": "granted", "notifications": "denied"}
    driver.calls.clear()
    platform.reset()
    assert driver.mobile("changePermissions") == [
        {"permissions": ["android.permission.POST_NOTIFICATIONS"], "appPackage": PKG, "action": "revoke"}]
    platform.decide_permission("geolocation", "granted")      # in advance again: through the OS
    assert driver.mobile("changePermissions")[-1]["action"] == "grant"

"""What the product answers on the reproductions of issue #14 (one line per fault kind), on the page sources of
tests/data/android/ through the stand-in session of tests/android_device.py. Run from a checkout:
PYTHONPATH=. python tools/android_issue14_probe.py  (names a newer API missing on an older checkout as such)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from android_device import LOCATION, Device, source  # noqa: E402
from consent_audit.detectors.prominence import prominence  # noqa: E402
from consent_audit.detectors.text import classify_action  # noqa: E402
from consent_audit.explorer import permissions  # noqa: E402
from consent_audit.explorer.elements import targets  # noqa: E402
from consent_audit.masking import Masker  # noqa: E402
from consent_audit.page import AppContext  # noqa: E402
from consent_audit.platforms.android import AndroidPlatform, PermissionDialog, read_dialog  # noqa: E402
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml  # noqa: E402
from consent_audit.recorder import Recorder  # noqa: E402

APP = "com.example.shop"
REPRO = ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<hierarchy index=\"0\" class=\"hierarchy\" "
         "rotation=\"0\" width=\"1080\" height=\"2400\"><android.widget.FrameLayout index=\"0\" package=\"com.oem.perms\" "
         "class=\"android.widget.FrameLayout\" text=\"\" bounds=\"[63,900][1017,1400]\" displayed=\"true\"><android.widget"
         ".Button index=\"0\" package=\"com.oem.perms\" class=\"android.widget.Button\" text=\"Don't allow\" "
         "resource-id=\"com.oem.perms:id/permission_deny_button\" clickable=\"true\" enabled=\"true\" "
         "bounds=\"[126,1200][954,1326]\" displayed=\"true\" /></android.widget.FrameLayout></hierarchy>")


def screen(xml: str, app: str = APP):
    return screen_from_uiautomator_xml(xml if xml.startswith("<") else source(xml), app_package=app)


def dialog(xml: str):
    try:
        return read_dialog(screen(xml), app_package=APP)
    except TypeError:
        return read_dialog(screen(xml))


def context(device: Device) -> AppContext:
    platform = AndroidPlatform(device, APP, timeout=1.0)
    return AppContext(platform=platform, recorder=Recorder(platform, Path(tempfile.mkdtemp()), Masker()),
                      masker=Masker(), data={}, timeout=1.0)


class Walk:
    def __init__(self, name: str) -> None:
        self.current, self.taps, self.in_foreground = screen(name), [], True

    def screen(self):
        return self.current

    def targets(self, shown=None):
        return targets(shown or self.current)

    def tap(self, target):
        self.taps.append(target.label)
        if classify_action(target.label) in ("open_settings", "permission_request") and "setting" in target.label.lower():
            self.current, self.in_foreground = screen(source("blocker-settings-en.xml").replace(APP, "x.settings")), False
        return self.current


def kind(number: int, what):
    try:
        print(f"{number:>2}. {what()}")
    except Exception as exc:   # an older checkout lacks an API, or the product stops: say which
        print(f"{number:>2}. {type(exc).__name__}: {str(exc)[:160]}")


def k2() -> str:
    device = Device("permission-location-api29-es.xml", "home-bottom-nav-en.xml", asks=LOCATION)
    ctx = context(device)
    ctx.platform.decided["geolocation"] = "granted"
    step = PermissionDialog(ctx).answer()
    return (f"ES dialog (AOSP, API 29), geolocation decided granted → tapped "
            f"{device.taps[-1][1].rpartition('/')[2]}, permission {step.target['permission']}, "
            f"geolocation requests {ctx.platform.permission_requests()['geolocation']}")


def k4() -> str:
    walk = Walk("blocker-settings-en.xml")
    permissions.reach(walk, permissions.Core("none", frozenset({"none"})), 6, lambda: None)
    return f"deny walk on Go to settings / Retry / Exit taps {walk.taps}; still in the app: {walk.in_foreground}"


def k5() -> str:
    from consent_audit.detectors.blockers import read_blocker
    blocker = read_blocker(screen("blocker-dialog-zh.xml"))
    return f"blocker-dialog-zh (定位): {blocker.to_dict() if blocker else None}"


def k6() -> str:
    platform = AndroidPlatform(Device("rationale-continue-en.xml"), APP)
    shown = platform.capture().screen
    return f"rationale with only Continue: prompts {shown.prompts['geolocation']}, pre-prompts {getattr(platform, 'pre_prompts', 'n/a')}"


def k7() -> str:
    shown = AndroidPlatform(Device("home-bottom-nav-en.xml", current="com.google.android.permissioncontroller"),
                            APP).capture().screen
    return f"dialog not dumped: read the app screen underneath ({shown.location}, in_app {shown.in_app})"


def k9() -> str:
    platform = AndroidPlatform(Device("anr-over-app-en.xml", "home-bottom-nav-en.xml"), APP, timeout=1.0)
    shown = platform.capture().screen
    return (f"ANR over the app: in_app {screen('anr-over-app-en.xml').in_app}; capture → {shown.location}, "
            f"events {getattr(platform, 'automation_events', 'n/a')}")


def k10() -> str:
    words = {w: classify_action(w) for w in ("アカウントを削除", "削除する", "キャンセル", "Konto löschen", "Supprimer")}
    from consent_audit.detectors.destructive import confirm_word
    typed = screen("delete-confirm-ja-typed.xml")
    field = next(e for e in typed.elements if e.role == "textbox")
    return f"{words}; type-to-confirm word: {confirm_word(typed, field)!r}"


def k11() -> str:
    view = dialog("permission-location-api31-en-approximate-repeat.xml")
    from consent_audit.platforms.android.uiautomator import selected_tab
    return f"{view.facts()}; selected tab of profile-ja: {selected_tab(screen('profile-ja.xml'))}"


def k12() -> str:
    shown = screen("consent-textlink-en.xml")
    accept = next(e for e in shown.elements if e.text == "Accept all")
    reject = next(e for e in shown.elements if e.text == "No thanks")
    image = np.full((2400, 1080, 3), 255, np.uint8)
    for e in (accept, reject):
        x, y, w, h = e.bounds
        cv2.putText(image, "XXXXXX", (x + 20, y + h - 10), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (90, 90, 90), 4)
    try:
        look = prominence(image, accept.bounds, reject.bounds, accept.role, reject.role)
    except TypeError:
        look = prominence(image, accept.bounds, reject.bounds)
    return f"borderless Button 'Accept all' vs TextView 'No thanks': reject_is_text_link {look['reject_is_text_link']}"


if __name__ == "__main__":
    kind(1, lambda: f"repro: dialog {'yes' if dialog(REPRO) else 'none'}, in_app {screen(REPRO).in_app}")
    kind(2, k2)
    kind(3, lambda: {w: classify_action(w) for w in ("Retry", "重试", "再试一次")})
    kind(4, k4)
    kind(5, k5)
    kind(6, k6)
    kind(7, k7)
    kind(8, lambda: f"multi-window dump: location {screen('multiwindow-app-en.xml').location}")
    kind(9, k9)
    kind(10, k10)
    kind(11, k11)
    kind(12, k12)

"""Permission dialogs as real phones show them (issue #14, fault kinds 1, 2 and 11): vendor controllers,
any device language, ids stripped, and what the dialog tells beyond its buttons. On page sources written
here from the documented format (tests/data/android/, see tools/android_page_sources.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from android_device import LOCATION, Device, source
from consent_audit.errors import AutomationError
from consent_audit.masking import Masker
from consent_audit.page import AppContext
from consent_audit.platforms.android import AndroidPlatform, PermissionDialog, load_dialog_lexicon, read_dialog
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
from consent_audit.recorder import Recorder

APP = "com.example.shop"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<hierarchy index=\"0\" class=\"hierarchy\" " \
       "rotation=\"0\" width=\"1080\" height=\"2400\">"
# The reproduction, in a page source: a package nobody listed, the standard deny id, nothing else.
REPRO = HEAD + ('<android.widget.FrameLayout index="0" package="com.oem.perms" class="android.widget.FrameLayout" '
                'text="" bounds="[63,900][1017,1400]" displayed="true"><android.widget.Button index="0" '
                'package="com.oem.perms" class="android.widget.Button" text="Don\'t allow" '
                'resource-id="com.oem.perms:id/permission_deny_button" clickable="true" enabled="true" '
                'bounds="[126,1200][954,1326]" displayed="true" /></android.widget.FrameLayout></hierarchy>')


def view_of(xml: str, app: str | None = APP):
    return read_dialog(screen_from_uiautomator_xml(xml, app_package=app), load_dialog_lexicon(), app_package=app)


# --- 1. vendor permission controllers ------------------------------------------------------------------

def test_the_reproduction_a_vendor_dialog_is_a_dialog_over_the_app() -> None:
    view = view_of(REPRO)
    assert view is not None and view.package == "com.oem.perms"
    assert set(view.buttons) == {"deny"}
    assert screen_from_uiautomator_xml(REPRO, app_package=APP).in_app


@pytest.mark.parametrize("name, package, how", [
    ("permission-location-api34-oem-fr.xml", "com.oem.perms", "id"),
    ("permission-camera-api34-samsung-es.xml", "com.samsung.android.permissioncontroller", "id"),
    ("permission-location-api33-miui-zh.xml", "com.lbe.security.miui", "order"),
    ("permission-camera-api34-oem-ja-noids.xml", "com.oem.perms", "order"),
])
def test_vendor_dialogs_are_read_by_ids_or_by_their_structure(name: str, package: str, how: str) -> None:
    view = view_of(source(name))
    assert view is not None and view.package == package
    assert screen_from_uiautomator_xml(source(name), app_package=APP).in_app
    assert {view.read_by[c] for c in ("allow_foreground", "deny")} == {how}
    assert view.choice_for("granted", load_dialog_lexicon())[0] == "allow_foreground"
    assert view.choice_for("denied", load_dialog_lexicon())[0] == "deny"


def test_the_vendor_table_is_data() -> None:
    lexicon = load_dialog_lexicon()
    assert {"com.lbe.security.miui", "com.samsung.android.permissioncontroller"} <= set(lexicon.vendor_packages)
    assert "com.android.permissioncontroller" in lexicon.prompt_packages


def test_the_apps_own_allow_dialog_is_not_a_system_dialog() -> None:
    """An app's own question worded like the system's stays the app's (the app's window, no standard ids)."""
    xml = source("consent-dialog-de.xml").replace("Alle akzeptieren", "Allow").replace("Ablehnen", "Don’t allow")
    assert view_of(xml) is None


# --- 2. the device language does not decide the answer ------------------------------------------------

@pytest.mark.parametrize("name, permission, choices", [
    ("permission-camera-api26-fr-repeat.xml", "camera", {"allow", "deny", "dont_ask_checkbox"}),
    ("permission-location-api29-es.xml", "geolocation", {"allow_always", "allow_foreground", "deny"}),
    ("permission-microphone-api30-de.xml", "microphone", {"allow_foreground", "allow_one_time", "deny"}),
    ("permission-notifications-api35-ja.xml", "notifications", {"allow", "deny"}),
    ("permission-location-api35-de-noids.xml", "geolocation", {"allow_foreground", "allow_one_time", "deny"}),
    ("permission-location-api33-miui-zh.xml", "geolocation", {"allow_foreground", "allow_one_time", "deny"}),
])
def test_other_languages_read_the_permission_and_the_choices(name: str, permission: str, choices: set) -> None:
    view = view_of(source(name))
    assert view is not None and view.permission == permission and set(view.buttons) == choices


@pytest.fixture
def context_for(tmp_path: Path):
    def make(device: Device) -> AppContext:
        platform = AndroidPlatform(device, APP, timeout=2.0)
        masker = Masker()
        return AppContext(platform=platform, recorder=Recorder(platform, tmp_path, masker), masker=masker, data={},
                          timeout=2.0)
    return make


def unknown_words(xml: str) -> str:
    """The dialog in a language no lexicon knows (Korean here), ids kept."""
    return re.sub(r'(resource-id="[^"]*permission_message"[^>]*?)', r"\1", xml).replace(
        "Autoriser Shop à accéder à la position de cet appareil ?", "Shop에서 이 기기의 위치에 액세스하도록 허용하시겠습니까?") \
        .replace("Lorsque vous utilisez l'appli", "앱 사용 중에만 허용").replace("Uniquement cette fois-ci", "이번만 허용") \
        .replace("Ne pas autoriser", "허용 안함")


def test_granted_in_french_is_answered_allow(context_for) -> None:
    device = Device("permission-location-api34-oem-fr.xml", "home-bottom-nav-en.xml", asks=LOCATION)
    context = context_for(device)
    context.platform.decided["geolocation"] = "granted"       # decided, the OS not told: the app asks
    step = PermissionDialog(context).answer()
    assert device.taps == [("id", "com.oem.perms:id/permission_allow_foreground_only_button")]
    assert (step.target["permission"], step.target["decision"]) == ("geolocation", "granted")
    assert context.platform.permission_requests()["geolocation"] == 1


def test_an_unreadable_message_is_told_by_the_os_and_counted(context_for) -> None:
    """Words unknown: the permission is the one the app asks that is not granted (mobile: getPermissions)."""
    xml = unknown_words(source("permission-location-api34-oem-fr.xml"))
    assert view_of(xml).permission is None
    everything_but_location = {"android.permission.CAMERA", "android.permission.POST_NOTIFICATIONS",
                               "android.permission.RECORD_AUDIO"}
    device = Device(xml, "home-bottom-nav-en.xml", asks=LOCATION, granted=everything_but_location)
    context = context_for(device)
    context.platform.decide_permission("geolocation", "denied")
    step = PermissionDialog(context).answer()
    assert device.taps == [("id", "com.oem.perms:id/permission_deny_button")]
    assert step.target["permission"] == "geolocation" and step.target["permission_from"] == "os"
    assert context.platform.permission_requests()["geolocation"] == 1


def test_a_dialog_that_cannot_be_told_is_never_answered_against_the_decision(context_for) -> None:
    xml = unknown_words(source("permission-location-api34-oem-fr.xml"))
    device = Device(xml, "home-bottom-nav-en.xml", asks=LOCATION)
    context = context_for(device)
    context.platform.decided.update(geolocation="granted", camera="denied")
    with pytest.raises(AutomationError, match="cannot tell which permission.*geolocation.*camera"):
        PermissionDialog(context).answer()
    assert device.taps == []


def test_words_against_the_layout_stop_the_answer(context_for) -> None:
    """Ids stripped, and the labels say the opposite of the AOSP order: no guess, an automation error."""
    xml = source("permission-location-api35-de-noids.xml")
    swapped = xml.replace("Bei Nutzung der App", "@@").replace("Nicht zulassen", "Bei Nutzung der App") \
        .replace("@@", "Nicht zulassen")
    view = view_of(swapped)
    assert view.conflict
    with pytest.raises(AutomationError, match="disagree"):
        view.choice_for("granted", load_dialog_lexicon())


# --- 11. what the dialog tells besides its buttons -----------------------------------------------------

@pytest.mark.parametrize("name, variant, app, repeat, accuracy", [
    ("permission-location-api23-en.xml", "packageinstaller (Android 6-9)", "Shop", False, None),
    ("permission-camera-api26-fr-repeat.xml", "packageinstaller (Android 6-9)", "Shop", True, None),
    ("permission-location-api29-es.xml", "permissioncontroller (Android 10)", "Shop", False, None),
    ("permission-microphone-api30-de.xml", "permissioncontroller (Android 11+)", "Shop", False, None),
    ("permission-location-api31-en-approximate-repeat.xml", "permissioncontroller (Android 12+)", "Shop", True,
     "approximate"),
    ("permission-location-api34-en.xml", "permissioncontroller (Android 12+)", "Consent Audit RefApp", False, "precise"),
    ("permission-photos-api34-en.xml", "permissioncontroller (Android 14+)", "Shop", False, None),
    ("permission-notifications-api35-ja.xml", "permissioncontroller (Android 10+)", "Shop", False, None),
    ("permission-location-api34-zh.xml", "permissioncontroller (Android 12+)", "Consent Audit RefApp", False, "precise"),
])
def test_the_dialog_tells_its_variant_app_bounds_repeat_and_accuracy(name, variant, app, repeat, accuracy) -> None:
    view = view_of(source(name))
    assert (view.variant, view.app_name, view.repeat, view.accuracy) == (variant, app, repeat, accuracy)
    x, y, w, h = view.bounds
    assert x > 0 and y > 0 and w < 1080 and h > 300


def test_the_evidence_carries_them(context_for) -> None:
    device = Device("permission-location-api31-en-approximate-repeat.xml", "home-bottom-nav-en.xml", asks=LOCATION)
    context = context_for(device)
    context.platform.decide_permission("geolocation", "denied")
    step = PermissionDialog(context).answer()
    assert device.taps == [("id", "com.android.permissioncontroller:id/permission_deny_and_dont_ask_again_button")]
    dialog = step.target["dialog_facts"]
    assert dialog == {"package": "com.google.android.permissioncontroller",
                      "variant": "permissioncontroller (Android 12+)", "app_name": "Shop", "repeat_request": True,
                      "location_accuracy": "approximate", "bounds": list(view_of(source(
                          "permission-location-api31-en-approximate-repeat.xml")).bounds)}


def test_the_appium_1_page_source_shape_keeps_working() -> None:
    xml = source("appium1/permission-location-api28-en.xml")
    screen = screen_from_uiautomator_xml(xml, app_package=APP)
    assert screen.location == "com.android.packageinstaller" and screen.in_app
    view = view_of(xml)
    assert (view.permission, set(view.buttons)) == ("geolocation", {"allow", "deny"})
    assert view.read_by == {"allow": "id", "deny": "id"}


def test_the_os_corrects_a_misleading_message(context_for) -> None:
    """The message reads as location, but the OS says what the answer granted: camera. Counted there."""
    xml = source("permission-camera-api34-samsung-es.xml").replace("¿Permitir que Shop haga fotos y grabe vídeos?",
                                                                   "¿Permitir que Shop use tu ubicación?")
    device = Device(xml, "home-bottom-nav-en.xml", asks=("android.permission.CAMERA",))
    context = context_for(device)
    context.platform.decided.update(geolocation="granted", camera="granted")
    step = PermissionDialog(context).answer()
    assert (step.target["permission"], step.target["permission_from"]) == ("camera", "os")
    assert context.platform.permission_requests()["camera"] == 1
    assert context.platform.permission_requests()["geolocation"] == 0

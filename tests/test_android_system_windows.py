"""What the system puts over the app (issue #14, fault kinds 7, 8 and 9): a permission dialog UiAutomator2
does not dump, multi-window dumps led by the status bar, the "isn't responding" dialog. On page sources
written here from the documented format, through a stand-in session (tests/android_device.py)."""
from __future__ import annotations

import pytest

from android_device import Device, source
from consent_audit.errors import AutomationError
from consent_audit.platforms.android import AndroidPlatform, read_dialog
from consent_audit.platforms.android.platform import DialogNotDumped
from consent_audit.platforms.android.system_dialogs import system_dialog
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml, selected_tab

APP = "com.example.shop"


# --- 7. a dialog missing from the page source ------------------------------------------------------------

def test_a_dialog_the_dump_misses_is_an_automation_error_with_the_screenshot() -> None:
    device = Device("home-bottom-nav-en.xml", current="com.google.android.permissioncontroller")
    platform = AndroidPlatform(device, APP, timeout=2.0)
    with pytest.raises(DialogNotDumped, match="permissioncontroller.*not in the page source") as caught:
        platform.capture()
    assert isinstance(caught.value, AutomationError) and caught.value.screenshot == device.png


def test_a_vendor_controller_in_front_counts_too() -> None:
    device = Device("home-bottom-nav-en.xml", current="com.lbe.security.miui")
    with pytest.raises(DialogNotDumped):
        AndroidPlatform(device, APP, timeout=2.0).capture()
    assert AndroidPlatform(Device("home-bottom-nav-en.xml", current="com.lbe.security.miui"), APP).in_foreground()


def test_a_dumped_dialog_or_the_app_in_front_is_read_as_it_is() -> None:
    for name in ("permission-location-api34-oem-fr.xml", "home-bottom-nav-en.xml"):
        screen = AndroidPlatform(Device(name), APP, timeout=2.0).capture().screen
        assert screen.in_app


# --- 8. multi-window dumps -------------------------------------------------------------------------------

def test_the_focused_application_window_is_the_screen_not_the_status_bar() -> None:
    screen = screen_from_uiautomator_xml(source("multiwindow-app-en.xml"), app_package=APP)
    assert screen.location == APP and screen.in_app
    assert not any("systemui" in e.rid for e in screen.elements), "the status and navigation bars are not the app"
    assert any(e.text == "Find stores nearby" for e in screen.elements)


def test_a_dialog_window_over_the_app_in_a_multi_window_dump() -> None:
    screen = screen_from_uiautomator_xml(source("multiwindow-dialog-en.xml"), app_package=APP)
    assert screen.location == "com.google.android.permissioncontroller" and screen.in_app
    view = read_dialog(screen, app_package=APP)
    assert view is not None and view.permission == "geolocation" and "allow_foreground" in view.buttons


def test_the_trace_location_of_a_multi_window_capture() -> None:
    screen = AndroidPlatform(Device("multiwindow-app-en.xml"), APP, timeout=2.0).capture().screen
    assert screen.location == APP


# --- 9. the system's "isn't responding" dialog -------------------------------------------------------------

@pytest.mark.parametrize("name, message", [("anr-over-app-en.xml", "Shop isn’t responding"),
                                           ("anr-over-app-zh.xml", "“Shop”没有响应")])
def test_the_anr_dialog_is_recognised_and_not_leaving_the_app(name: str, message: str) -> None:
    screen = screen_from_uiautomator_xml(source(name), app_package=APP)
    assert screen.in_app
    found = system_dialog(screen)
    assert found is not None and (found.kind, found.message) == ("anr", message)
    assert found.wait is not None and found.wait.rid == "android:id/aerr_wait"


def test_the_anr_dialog_is_waited_out_and_recorded_as_an_automation_event() -> None:
    device = Device("anr-over-app-en.xml", "home-bottom-nav-en.xml")
    platform = AndroidPlatform(device, APP, timeout=2.0)
    screen = platform.capture().screen
    assert device.taps == [("id", "android:id/aerr_wait")]
    assert screen.location == APP and screen.in_app
    assert [(e["kind"], e["message"], e["action"]) for e in platform.automation_events] == [
        ("anr", "Shop isn’t responding", "Wait")]


def test_an_anr_that_stays_is_an_automation_error() -> None:
    device = Device("anr-over-app-en.xml", "anr-over-app-en.xml")
    with pytest.raises(AutomationError, match="isn’t responding"):
        AndroidPlatform(device, APP, timeout=0.5).capture()


# --- 11. the bottom navigation's selected tab -------------------------------------------------------------

@pytest.mark.parametrize("name, tab", [("profile-ja.xml", "マイページ"), ("home-bottom-nav-en.xml", "Home"),
                                       ("blocker-settings-en.xml", None)])
def test_the_selected_tab_of_a_bottom_navigation(name: str, tab: str | None) -> None:
    assert selected_tab(screen_from_uiautomator_xml(source(name), app_package=APP)) == tab


def test_an_unlisted_vendors_dialog_in_front_is_still_the_app() -> None:
    assert AndroidPlatform(Device("permission-location-api34-oem-fr.xml"), APP).in_foreground()
    assert not AndroidPlatform(Device("blocker-settings-en.xml", current="com.android.settings"), APP).in_foreground()


def test_a_permission_controllers_settings_page_is_not_the_app() -> None:
    """Where "Go to settings" leads: the controller's own page, radio buttons, no dialog."""
    name = "permission-settings-page-api34-en.xml"
    screen = screen_from_uiautomator_xml(source(name), app_package=APP)
    assert screen.location == "com.google.android.permissioncontroller" and not screen.in_app
    assert read_dialog(screen, app_package=APP) is None
    assert not AndroidPlatform(Device(name), APP).in_foreground()
    AndroidPlatform(Device(name), APP).capture()          # shown as it is: no DialogNotDumped


def test_the_selected_tab_goes_into_the_trace(tmp_path) -> None:
    from consent_audit.masking import Masker
    from consent_audit.recorder import Kind, Recorder
    platform = AndroidPlatform(Device("profile-ja.xml"), APP)
    recorder = Recorder(platform, tmp_path, Masker())
    step = recorder.act(Kind.TAP, "look", lambda: None)
    assert step.screen.tab == "マイページ" and step.to_dict()["tab"] == "マイページ"


def test_an_action_after_which_the_dialog_is_not_dumped_stops_the_audit_with_the_screenshot(tmp_path) -> None:
    from consent_audit.masking import Masker
    from consent_audit.recorder import Kind, Recorder
    device = Device("home-bottom-nav-en.xml", current="com.google.android.permissioncontroller")
    recorder = Recorder(AndroidPlatform(device, APP), tmp_path, Masker())
    with pytest.raises(DialogNotDumped):
        recorder.act(Kind.TAP, "Find stores nearby", lambda: None)
    step = recorder.steps[-1]
    assert step.screen.signature == "capture-failed" and (tmp_path / step.files["screenshot"]).read_bytes() == device.png

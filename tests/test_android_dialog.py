"""The Android permission dialog page object on recorded page sources: Android 9 (packageinstaller),
13 and 14 (permissioncontroller), English and Chinese, with ids and (ids stripped, as on OEM skins) by
text. The answering tests replay recordings through a stand-in driver that serves them in order and
evaluates the page objects' locators on them with ElementTree; no Android runtime runs here."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import cv2
import numpy as np
import pytest
from android_device import find_nodes, source
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

from consent_audit.masking import Masker
from consent_audit.page import AppContext
from consent_audit.platforms.android import AndroidPlatform, PermissionDialog, load_dialog_lexicon, read_dialog
from consent_audit.platforms.android.lexicon import LEXICON
from consent_audit.platforms.android.permission_dialog import locator_for
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
from consent_audit.recorder import Kind, Recorder
from refapp.server import RefAppServer

DATA = Path(__file__).parent / "data" / "android"
PC = "com.android.permissioncontroller:id/"




def without_ids(xml: str) -> str:
    return re.sub(r' resource-id="[^"]*"', "", xml)


CASES = {
    "permission-location-api28-en.xml": ("com.google.android.packageinstaller", "geolocation",
                                         {"allow": "ALLOW", "deny": "DENY", "dont_ask_checkbox": "Don't ask again"},
                                         {"granted": "allow", "denied": "deny", "prompt": "deny"}),
    "permission-location-api34-en.xml": ("com.google.android.permissioncontroller", "geolocation",
                                         {"allow_foreground": "While using the app",
                                          "allow_one_time": "Only this time", "deny": "Don’t allow"},
                                         {"granted": "allow_foreground", "once": "allow_one_time", "denied": "deny"}),
    "permission-location-api34-zh.xml": ("com.google.android.permissioncontroller", "geolocation",
                                         {"allow_foreground": "仅在使用该应用时允许", "allow_one_time": "仅限这一次",
                                          "deny": "不允许"},
                                         {"granted": "allow_foreground", "once": "allow_one_time", "denied": "deny"}),
    "permission-camera-api34-zh-repeat.xml": ("com.google.android.permissioncontroller", "camera",
                                              {"allow_foreground": "仅在使用该应用时允许",
                                               "allow_one_time": "仅限这一次", "deny_dont_ask": "不允许"},
                                              {"granted": "allow_foreground", "denied": "deny_dont_ask"}),
    "permission-notifications-api33-en.xml": ("com.google.android.permissioncontroller", "notifications",
                                              {"allow": "Allow", "deny": "Don’t allow"},
                                              {"granted": "allow", "once": "allow", "denied": "deny"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dialog_read_by_ids(name: str) -> None:
    package, permission, buttons, answers = CASES[name]
    lexicon = load_dialog_lexicon()
    view = read_dialog(screen_from_uiautomator_xml(source(name)), lexicon)
    assert view is not None
    assert (view.package, view.permission) == (package, permission)
    assert {k: e.text for k, e in view.buttons.items()} == buttons
    xml = source(name)
    for decision, choice in answers.items():
        chosen, element = view.choice_for(decision, lexicon)
        assert chosen == choice
        locator = locator_for(element)
        assert locator[0] == "id" and ":id/" in locator[1]
        assert [n.get("text") for n in find_nodes(xml, locator)] == [buttons[choice]]


@pytest.mark.parametrize("name", sorted(n for n in CASES if "api34" in n or "api33" in n))
def test_dialog_read_by_text_when_ids_are_missing(name: str) -> None:
    _, permission, buttons, answers = CASES[name]
    lexicon = load_dialog_lexicon()
    xml = without_ids(source(name))
    view = read_dialog(screen_from_uiautomator_xml(xml), lexicon)
    assert view is not None and view.permission == permission
    by_text = {k: e.text for k, e in view.buttons.items()}
    # by text alone "don't allow" after an earlier denial reads as the plain deny: both refuse
    expected = {("deny" if k == "deny_dont_ask" else k): v for k, v in buttons.items()}
    assert by_text == expected
    chosen, element = view.choice_for("denied", lexicon)
    assert chosen == "deny"
    locator = locator_for(element)
    assert locator[0] == "xpath"
    assert [n.get("text") for n in find_nodes(xml, locator)] == [element.text]


def test_the_app_and_its_web_dialogs_are_not_permission_dialogs() -> None:
    for name in ("refapp-consent-asymmetric-en.xml", "refapp-blocker-zh.xml", "refapp-delete-confirm-shaming-zh.xml"):
        assert read_dialog(screen_from_uiautomator_xml(source(name))) is None


def test_a_dialog_without_the_wanted_choice_says_what_it_shows() -> None:
    lexicon = load_dialog_lexicon()
    view = read_dialog(screen_from_uiautomator_xml(source("permission-notifications-api33-en.xml")), lexicon)
    disabled = {k: e for k, e in view.buttons.items() if k != "deny"}
    from dataclasses import replace
    with pytest.raises(LookupError, match="offers no choice for 'denied'.*allow"):
        replace(view, buttons=disabled).choice_for("denied", lexicon)


def test_lexicon_texts_cover_both_languages() -> None:
    lexicon = load_dialog_lexicon()
    for name in ("allow", "allow_foreground", "allow_one_time", "deny"):
        texts = lexicon.choices[name].texts
        assert any(re.search(r"[a-z]", t) for t in texts) and any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)
    assert lexicon.choice_by_text("Don’t allow").name == "deny"
    assert lexicon.choice_by_text("DENY").name == "deny"
    assert lexicon.choice_by_text("Allow all the time").name == "allow_always"


def test_a_malformed_lexicon_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "dialog.yaml"
    bad.write_text(LEXICON.read_text(encoding="utf-8")
                   .replace("denied: [deny, deny_dont_ask]", "denied: [deny, refuse_politely]"), encoding="utf-8")
    with pytest.raises(ValueError, match="answers.denied names unknown choices"):
        load_dialog_lexicon(bad)


# --- answering, through a stand-in driver replaying recordings -----------------------------------------

class RecordedElement:
    def __init__(self, device: "RecordedDevice", node: ET.Element, locator: tuple[str, str]) -> None:
        self.device, self.node, self.locator = device, node, locator
        self.version = device.position
        self.id = f"el-{device.position}-{node.get('bounds')}"

    def _check(self) -> None:
        if self.device.position != self.version:
            raise StaleElementReferenceException("the recorded screen moved on")

    def is_displayed(self) -> bool:
        self._check()
        return self.node.get("displayed") == "true"

    def is_enabled(self) -> bool:
        self._check()
        return self.node.get("enabled") == "true"

    @property
    def text(self) -> str:
        return self.node.get("text", "")

    def click(self) -> None:
        self._check()
        self.device.taps.append(self.locator)
        self.device.position = min(self.device.position + 1, len(self.device.sources) - 1)


class RecordedDevice:
    """Serves recorded page sources in order: each tap moves to the next one."""

    def __init__(self, *names: str, api: int = 34) -> None:
        self.sources = [source(n) for n in names]
        self.position = 0
        self.taps: list[tuple[str, str]] = []
        self.capabilities = {"deviceApiLevel": api}
        self.calls: list[tuple[str, Any]] = []
        ok, png = cv2.imencode(".png", np.full((240, 108, 3), 250, np.uint8))
        self.png = png.tobytes()

    @property
    def page_source(self) -> str:
        return self.sources[self.position]

    def find_elements(self, how: str, what: str) -> list[RecordedElement]:
        return [RecordedElement(self, n, (how, what)) for n in find_nodes(self.page_source, (how, what))]

    def find_element(self, how: str, what: str) -> RecordedElement:
        found = self.find_elements(how, what)
        if not found:
            raise NoSuchElementException(f"{how}={what}")
        return found[0]

    def get_screenshot_as_png(self) -> bytes:
        return self.png

    def get_log(self, kind: str) -> list[dict]:
        return []

    def execute_script(self, script: str, args: dict | None = None) -> Any:
        self.calls.append((script, args))
        if script == "mobile: getPermissions":
            return ["android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION",
                    "android.permission.CAMERA", "android.permission.POST_NOTIFICATIONS"]
        if script == "mobile: getCurrentPackage":
            return screen_from_uiautomator_xml(self.page_source).location
        return None


@pytest.fixture
def context_for(tmp_path: Path) -> Iterator[Any]:
    def make(device: RecordedDevice, data: dict | None = None) -> AppContext:
        platform = AndroidPlatform(device, "org.consentaudit.refapp", timeout=2.0)
        masker = Masker()
        return AppContext(platform=platform, recorder=Recorder(platform, tmp_path, masker), masker=masker,
                          data=data or {}, timeout=2.0)
    yield make


def test_answer_taps_dont_allow_for_a_denied_permission_and_records_it(context_for) -> None:
    device = RecordedDevice("permission-location-api34-en.xml", "refapp-blocker-zh.xml")
    context = context_for(device)
    context.platform.decide_permission("geolocation", "denied")
    step = PermissionDialog(context).answer()
    assert device.taps == [("id", PC + "permission_deny_button")]
    assert step.kind == Kind.PERMISSION and step.title == 'Answer the geolocation prompt: "Don’t allow"'
    assert (step.target["choice"], step.target["decision"], step.target["permission"]) == ("deny", "denied",
                                                                                           "geolocation")
    assert step.screen.location == "org.consentaudit.refapp" and step.screen.prompts["geolocation"] == 1
    assert (context.recorder.out_dir / step.files["screenshot"]).exists()
    assert ("mobile: changePermissions", {"permissions": ["android.permission.ACCESS_FINE_LOCATION",
                                                          "android.permission.ACCESS_COARSE_LOCATION"],
                                          "appPackage": "org.consentaudit.refapp", "action": "revoke"}) in device.calls


def test_answer_allows_while_using_for_a_granted_permission_in_chinese(context_for) -> None:
    device = RecordedDevice("permission-location-api34-zh.xml", "refapp-blocker-zh.xml")
    context = context_for(device)
    context.platform.decided["geolocation"] = "granted"
    PermissionDialog(context).answer()
    assert device.taps == [("id", PC + "permission_allow_foreground_only_button")]


def test_an_undecided_prompt_is_refused_even_without_ids(context_for, tmp_path: Path) -> None:
    (tmp_path / "oem.xml").write_text(without_ids(source("permission-notifications-api33-en.xml")), encoding="utf-8")
    device = RecordedDevice("permission-notifications-api33-en.xml", "refapp-blocker-zh.xml")
    device.sources[0] = (tmp_path / "oem.xml").read_text(encoding="utf-8")
    context = context_for(device)
    step = PermissionDialog(context).answer()
    assert device.taps == [("xpath", "//*[@clickable='true'][@text='Don’t allow']")]
    assert step.target["decision"] == "prompt" and context.platform.permission_requests()["notifications"] == 1


def test_reach_core_answers_the_prompt_then_gives_up_at_the_blocker(context_for) -> None:
    """forced-permissions on Android: location refused in the system dialog → blocker; one retry, then stop."""
    with RefAppServer() as server:
        device = RecordedDevice("permission-location-api34-zh.xml", "refapp-blocker-zh.xml", "refapp-blocker-zh.xml")
        context = context_for(device, {"refapp_url": server.url, "variant": "forced-permissions"})
        from refapp.pages.android import RefAppAndroid
        app = RefAppAndroid(context)
        context.platform.decide_permission("geolocation", "denied")
        assert context.platform.launch_extras == [["s", "org.consentaudit.refapp.URL",
                                                   f"{server.url}/app/forced-permissions/"]]
        assert app.reach_core(budget=8) is False
    kinds = [s.kind for s in context.recorder.steps]
    assert kinds == [Kind.PERMISSION, Kind.TAP]
    assert device.taps == [("id", PC + "permission_deny_button"), ("xpath", "//*[@resource-id='blocker-retry']")]
    assert context.recorder.steps[1].target["id"] == "blocker-retry"
    assert context.recorder.steps[1].title == 'Tap "去开启"'


def test_the_apk_page_objects_need_a_reachable_refapp_server(context_for) -> None:
    from refapp.pages.android import RefAppAndroid
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    context = context_for(RecordedDevice("refapp-blocker-zh.xml"),
                          {"refapp_url": f"http://127.0.0.1:{port}", "variant": "fair"})
    with pytest.raises(RuntimeError, match="adb reverse tcp:8765 tcp:8765"):
        RefAppAndroid(context)

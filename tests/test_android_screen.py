"""The Android screen model on recorded UiAutomator2 page sources (tests/data/android/*.xml).

The recordings are hand-written to the documented page-source format (no Android runtime can run on this
machine): the permission dialog of Android 9, 13 and 14 (EN, ZH), and three screens of the reference APK
whose WebView exposes the web app's HTML ids as resource-ids. The first test keeps them to that format.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from android_device import find_nodes, source

from consent_audit.detectors.prominence import prominence
from consent_audit.detectors.text import shaming_phrases
from consent_audit.measures import screen_actions
from consent_audit.policy import load_policy
from consent_audit.platforms.android.uiautomator import parse_bounds, png_size, screen_from_uiautomator_xml
from refapp.pages.web.structure import route_to_delete
from refapp.pages.android.app import RefAppAndroid
from refapp.pages.android.config import feature_labels, feature_state
from refapp.pages.android.screens import (BlockerPage, ConsentDialog, HomePage, MePage, RationaleDialog)
from refapp.pages.android.state import PACKAGE, AppState
from refapp.catalog import TRUTH_DIR, load_variants

DATA = Path(__file__).parent / "data" / "android"
RECORDINGS = sorted(DATA.glob("*.xml"))
ATTRIBUTE_ORDER = ["index", "package", "class", "text", "content-desc", "resource-id", "checkable", "checked",
                   "clickable", "enabled", "focusable", "focused", "long-clickable", "password", "scrollable",
                   "selected", "bounds", "displayed"]
ROOT = Path(__file__).resolve().parent.parent




# --- the recordings themselves -----------------------------------------------------------------------

@pytest.mark.parametrize("path", RECORDINGS, ids=[p.stem for p in RECORDINGS])
def test_recordings_follow_the_page_source_format(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<hierarchy index=\"0\" "
                           "class=\"hierarchy\" rotation=\"0\" width=\"")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "hierarchy" and int(root.get("width")) > 0 and int(root.get("height")) > 0
    for node in root.iter():
        if node is root:
            continue
        assert node.tag == node.get("class") and node.tag.count(".") >= 2
        keys = list(node.attrib)           # ElementTree keeps the document's attribute order
        known = [k for k in keys if k in ATTRIBUTE_ORDER]
        assert known == [k for k in ATTRIBUTE_ORDER if k in node.attrib], (path.name, keys)
        assert keys[:len(known)] == known, "documented attributes come first, newer ones after"
        assert "text" in node.attrib and node.get("displayed") == "true"
        assert node.get("resource-id", "x") and node.get("content-desc", "x"), "absent values are omitted"
        assert parse_bounds(node.get("bounds")) != (0, 0, 0, 0)


# --- parsing -------------------------------------------------------------------------------------------

def test_webview_consent_dialog_parses_to_the_neutral_model() -> None:
    screen = screen_from_uiautomator_xml(source("refapp-consent-asymmetric-en.xml"), app_package=PACKAGE)
    assert screen.size == (1080, 2400) and screen.source_kind == "xml"
    assert screen.location == PACKAGE and screen.in_app
    accept, manage = screen.find("consent-accept"), screen.find("consent-manage")
    assert accept is not None and manage is not None
    assert (accept.text, accept.role, accept.bounds, accept.clickable) == ("Accept all", "button",
                                                                          (126, 1358, 828, 147), True)
    assert manage.bounds == (424, 1526, 232, 63)
    assert screen.find("dlg-consent").role == "dialog"
    assert screen.find(f"{PACKAGE}:id/webview").role == "document"
    assert screen.find("consent-text").role == ""            # a generic element, as a <div> on the web
    assert "We value your privacy ❤" in screen.texts()
    assert screen_from_uiautomator_xml(source("refapp-consent-asymmetric-en.xml"),
                                       app_package="com.other.app").in_app is False


def test_permission_prompt_over_the_app_counts_as_in_app() -> None:
    screen = screen_from_uiautomator_xml(source("permission-location-api34-en.xml"), app_package=PACKAGE)
    assert screen.location == "com.google.android.permissioncontroller"
    assert screen.in_app, "the user has not left the app while its permission prompt is up"
    fine = screen.find("com.android.permissioncontroller:id/permission_location_accuracy_radio_fine")
    coarse = screen.find("com.android.permissioncontroller:id/permission_location_accuracy_radio_coarse")
    assert (fine.role, fine.checked, coarse.checked) == ("radio", True, False)


def test_fields_hint_password_checkable_and_hidden_nodes() -> None:
    xml = source("refapp-delete-confirm-shaming-zh.xml")
    screen = screen_from_uiautomator_xml(xml)
    sms = screen.find("sms-code")
    assert (sms.role, sms.text, sms.name) == ("textbox", "", "请输入6位验证码")
    assert sms.checked is None and not sms.secret_field
    secret = xml.replace('resource-id="sms-code" checkable="false" checked="false" clickable="true" enabled="true" '
                         'focusable="true" focused="false" long-clickable="false" password="false"',
                         'resource-id="sms-code" checkable="false" checked="false" clickable="true" enabled="true" '
                         'focusable="true" focused="true" long-clickable="false" password="true"')
    assert secret != xml
    field = screen_from_uiautomator_xml(secret).find("sms-code")
    assert field.secret_field and field.focused
    hidden = xml.replace('resource-id="dlg-delete-confirm" checkable="false" checked="false" clickable="false" '
                         'enabled="true" focusable="false" focused="false" long-clickable="false" password="false" '
                         'scrollable="false" selected="false" bounds="[0,118][1080,2337]" displayed="true"',
                         'resource-id="dlg-delete-confirm" checkable="false" checked="false" clickable="false" '
                         'enabled="true" focusable="false" focused="false" long-clickable="false" password="false" '
                         'scrollable="false" selected="false" bounds="[0,118][1080,2337]" displayed="false"')
    assert hidden != xml
    without = screen_from_uiautomator_xml(hidden)
    assert without.find("dlg-delete-confirm") is None and without.find("delete-confirm") is None
    assert without.find("delete-verify-next") is not None


def test_signature_is_structural() -> None:
    xml = source("refapp-blocker-zh.xml")
    base = screen_from_uiautomator_xml(xml).signature
    retexted = xml.replace("需要获取您的位置信息才能使用本应用，请开启定位权限。", "需要开启通知权限才能使用本应用。")
    assert screen_from_uiautomator_xml(retexted).signature == base
    other = screen_from_uiautomator_xml(source("refapp-consent-asymmetric-en.xml")).signature
    assert other != base
    # one more paragraph in a run of alike paragraphs: same shape
    consent = source("refapp-consent-asymmetric-en.xml")
    para = re.search(r"\n( *<android\.widget\.TextView index=\"1\"[^\n]*By tapping[^\n]*/>)\n", consent).group(1)
    longer = consent.replace(para, para + "\n" + para.replace('index="1"', 'index="2"'))
    assert screen_from_uiautomator_xml(longer).signature == other
    # a new button is a new screen
    button = re.search(r"\n( *<android\.widget\.Button [^\n]*blocker-exit[^\n]*/>)", xml).group(1)
    twin = button.replace('resource-id="blocker-exit"', 'resource-id="blocker-help"')
    more = xml.replace(button, button + "\n" + twin)
    assert screen_from_uiautomator_xml(more).signature != base


def test_bad_sources_are_one_clear_error() -> None:
    with pytest.raises(ValueError, match="not a UiAutomator2 page source"):
        screen_from_uiautomator_xml("<html><body/></html>")
    with pytest.raises(ValueError, match="not a UiAutomator2 page source"):
        screen_from_uiautomator_xml("<hierarchy><unclosed></hierarchy>")


def test_size_falls_back_to_the_screenshot() -> None:
    import cv2
    ok, png = cv2.imencode(".png", np.zeros((24, 10, 3), np.uint8))
    assert ok and png_size(png.tobytes()) == (10, 24)
    xml = source("refapp-blocker-zh.xml").replace(' width="1080" height="2400"', "")
    assert screen_from_uiautomator_xml(xml, screenshot=png.tobytes()).size == (10, 24)


# --- detectors on Android screens (they never branch on platform) --------------------------------------

def test_detectors_read_the_blocker_and_the_shaming_confirmation() -> None:
    blocker = screen_from_uiautomator_xml(source("refapp-blocker-zh.xml"), app_package=PACKAGE)
    assert screen_actions(blocker) == ["exit", "permission_request"]
    confirm = screen_from_uiautomator_xml(source("refapp-delete-confirm-shaming-zh.xml"), app_package=PACKAGE)
    truth = json.loads((TRUTH_DIR / "obstructed-deletion.json").read_text(encoding="utf-8"))
    assert shaming_phrases(confirm.texts()) == truth["deletion"]["shaming_text"]


def test_consent_choice_sizes_from_recorded_bounds_exceed_the_policy() -> None:
    screen = screen_from_uiautomator_xml(source("refapp-consent-asymmetric-en.xml"), app_package=PACKAGE)
    canvas = np.full((screen.size[1], screen.size[0], 3), 255, np.uint8)
    figures = prominence(canvas, screen.find("consent-accept").bounds, screen.find("consent-manage").bounds)
    assert figures["area_ratio"] == round((828 * 147) / (232 * 63), 3)
    assert figures["area_ratio"] > load_policy().section("consent")["max_area_ratio"]


# --- the APK's page objects on the recordings -----------------------------------------------------------

def state_of(name: str) -> AppState:
    return AppState.of(screen_from_uiautomator_xml(source(name), app_package=PACKAGE))


def test_app_state_tells_the_screens_apart() -> None:
    consent, blocker = state_of("refapp-consent-asymmetric-en.xml"), state_of("refapp-blocker-zh.xml")
    confirm, prompt = state_of("refapp-delete-confirm-shaming-zh.xml"), state_of("permission-location-api34-zh.xml")
    assert ConsentDialog.shown_in(consent) and not ConsentDialog.shown_in(blocker)
    assert ConsentDialog.reject_entry_in(consent) == "consent-manage"
    assert BlockerPage.shown_in(blocker) and not BlockerPage.shown_in(consent)
    assert not HomePage.shown_in(consent) and not HomePage.shown_in(blocker)
    assert not MePage.shown_in(confirm) and not RationaleDialog.shown_in(blocker)
    assert confirm.modal and not blocker.modal
    assert prompt.prompt and prompt.in_app and not prompt.app and not ConsentDialog.shown_in(prompt)
    for state, settled in ((consent, True), (blocker, True), (prompt, True), (confirm, False)):
        assert RefAppAndroid.settled_in(state) is settled


@pytest.mark.parametrize("name, locator, text", [
    ("refapp-consent-asymmetric-en.xml", ConsentDialog._accept, "Accept all"),
    ("refapp-consent-asymmetric-en.xml", ConsentDialog._manage, "Manage choices"),
    ("refapp-blocker-zh.xml", BlockerPage._retry, "去开启"),
    ("refapp-blocker-zh.xml", BlockerPage._exit, "退出"),
])
def test_apk_locators_find_one_element(name: str, locator: tuple[str, str], text: str) -> None:
    nodes = find_nodes(source(name), locator)
    assert [n.get("text") for n in nodes] == [text]
    assert nodes[0].get("class") == "android.widget.Button" and nodes[0].get("clickable") == "true"


def test_deletion_confirmation_locators_and_state() -> None:
    from refapp.pages.android.deletion import ConfirmStep
    step = next(s for s in load_variants()["obstructed-deletion"]["deletion"]["steps"] if s["type"] == "confirm")
    page = ConfirmStep.__new__(ConfirmStep)
    page.step = step
    xml = source("refapp-delete-confirm-shaming-zh.xml")
    assert page.shown_in(state_of("refapp-delete-confirm-shaming-zh.xml"))
    assert not page.shown_in(state_of("refapp-blocker-zh.xml"))
    assert [n.get("text") for n in find_nodes(xml, page.confirm_button)] == ["确认注销"]
    assert [n.get("text") for n in find_nodes(xml, page.cancel_button)] == ["我再想想"]


def test_route_to_delete_is_the_truths_menu_path() -> None:
    """The route the page objects derive from the app's menus (shared by web and Android) is the one the
    ground truth, written independently, walks after opening Me."""
    for name, config in load_variants().items():
        truth = json.loads((ROOT / "refapp" / "truth" / f"{name}.json").read_text(encoding="utf-8"))
        ids = [step["id"] for step in truth["deletion"]["path"]]
        route = [item["id"] for item in route_to_delete(config)]
        assert ids[0] == "tab-me" and ids[1:len(route) + 1] == route, name


def test_feature_labels_match_the_app() -> None:
    app_js = (ROOT / "refapp" / "static" / "app.js").read_text(encoding="utf-8")
    found = dict(zip(re.findall(r"state_on: '([^']+)'", app_js), re.findall(r"state_off: '([^']+)'", app_js),
                     strict=True))
    for language in ("en", "zh"):
        on, off = feature_labels({"language": language})
        assert found[on] == off
    assert feature_state("附近 未开启", ("已开启", "未开启")) == "off"
    assert feature_state("Nearby On", ("On", "Off")) == "on"
    assert feature_state("NearbyOff", ("On", "Off")) == "off"
    assert feature_state("Nearby", ("On", "Off")) is None
    assert feature_labels({"language": "en", "strings": {"state_on": "Enabled"}}) == ("Enabled", "Off")

"""Android text fields on hand-made UiAutomator2 page sources (tools/android_page_sources.py): a field showing only
its hint is told from a filled one, as the web tells an empty input from one holding a value.

On API 26+ an empty EditText's `text` is its hint (TextView.getTextForAccessibility) and the server dumps
`showing-hint` (AccessibilityNodeInfo.isShowingHintText) and `hint` (getHintText): the words alone cannot tell
"Password" the hint from "Password" typed. A filled field's value is never an Element's words (its label and key
stay the same before and after filling; the value goes to redaction only).
"""
from __future__ import annotations

from android_device import Device, source

from consent_audit.explorer.elements import targets
from consent_audit.explorer.permissions import Core
from consent_audit.platforms.android import AndroidPlatform
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml

APP = "com.example.shop"
SIGNIN = "signin-filled-api34-en.xml"


def field(screen, label: str):
    return next(t for t in targets(screen) if t.label == label)


def test_a_field_showing_only_its_hint_is_empty_and_one_holding_a_value_is_filled() -> None:
    screen = screen_from_uiautomator_xml(source(SIGNIN), app_package=APP)
    email, password = screen.find(f"{APP}:id/email"), screen.find(f"{APP}:id/password")
    assert (email.text, email.name, email.filled) == ("", "Email", True), "the address is a value, not its words"
    assert (password.text, password.name, password.filled, password.secret_field) == ("", "Password", False, True)
    city, reason = field(screen, "City"), field(screen, "Anything else? (optional)")
    assert (city.element.text, city.element.filled) == ("", True), "labelled by the words above it, not by «Lisbon»"
    assert (reason.element.filled, reason.element.multiline) == (False, True)   # TYPE_TEXT_FLAG_MULTI_LINE
    assert "ana@example.org" not in [t.label for t in targets(screen)]


def test_a_field_keeps_its_label_and_key_once_filled() -> None:
    filled = screen_from_uiautomator_xml(source(SIGNIN), app_package=APP)
    empty = screen_from_uiautomator_xml(source(SIGNIN).replace('text="Lisbon"', 'text=""')
                                        .replace('text="ana@example.org"', 'text="Email"')
                                        .replace('input-type="33" showing-hint="false"',
                                                 'input-type="33" showing-hint="true"'), app_package=APP)
    keys = lambda s: [(t.key, t.label) for t in targets(s)]   # noqa: E731
    assert keys(empty) == keys(filled)
    assert [e.filled for e in empty.elements if e.role == "textbox"] == [False] * 4


def test_a_field_the_app_filled_in_and_left_empty_once_refused_is_told() -> None:
    """permissions.Core: a pickup field the granted core showed filled ("your current location") there again
    empty once the permission is refused is a manual way in (corpus daftar on the web)."""
    granted = screen_from_uiautomator_xml(source(SIGNIN), app_package=APP)
    refused = screen_from_uiautomator_xml(source(SIGNIN).replace('text="Lisbon"', 'text=""'), app_package=APP)
    assert Core.of(granted, targets(granted)).by_hand(refused, targets(refused))
    assert not Core.of(granted, targets(granted)).by_hand(granted, targets(granted))


def test_a_dump_without_showing_hint_tells_the_hint_by_its_words() -> None:
    """A server that dumps `hint` but not `showing-hint` (the reference APK's WebView recording): a text equal to
    the hint, or none, is empty; another text is a value."""
    screen = screen_from_uiautomator_xml(source("refapp-delete-confirm-shaming-zh.xml"))
    sms, number = screen.find("sms-code"), screen.find("id-number")
    assert (sms.text, sms.name, sms.filled) == ("", "请输入6位验证码", False)
    assert (number.text, number.name, number.filled) == ("", "请输入本人身份证号", True)
    hinted = screen_from_uiautomator_xml(source("delete-confirm-fr-typed.xml").replace(
        'text="" resource-id="com.example.shop:id/confirm_input"',
        'text="SUPPRIMER" resource-id="com.example.shop:id/confirm_input"'))
    typed = hinted.find(f"{APP}:id/confirm_input")
    assert (typed.name, typed.filled) == ("SUPPRIMER", False)


def test_filled_values_are_kept_for_redaction_only() -> None:
    from consent_audit.platforms.android.uiautomator import field_values
    values = field_values(source(SIGNIN))
    assert values == [((42, 400, 996, 147), "ana@example.org"), ((42, 810, 996, 147), "Lisbon")]
    capture = AndroidPlatform(Device(SIGNIN), APP).capture(screenshot=False)
    assert capture.values == values
    assert not any("Lisbon" in (e.text + e.name) for e in capture.screen.elements)

"""Issue 13's structural decisions without a browser, on hand-made screens: what confirms a refusal (kind 18),
what answers an unknown modal at launch (kind 11), what opens a permission wall (kind 12), when an app's own
"Allow / Don't allow" is consent (kind 10), and that a locked box is never a box to untick (kind 4)."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import UNTICK, FormData, plan
from consent_audit.explorer.screens import allows_data_use, is_consent, modal_answer, wall_opener
from consent_audit.screen import Element, Screen


def screen(*items: tuple[str, str, bool], boxes: tuple[tuple[str, bool, bool], ...] = ()) -> Screen:
    """(text, role, clickable) rows stacked down the screen; boxes: (label, checked, enabled)."""
    elements, y = [], 10
    for text, role, clickable in items:
        elements.append(Element(text=text, role=role, bounds=(10, y, 300, 40), clickable=clickable))
        y += 50
    for label, checked, enabled in boxes:
        elements.append(Element(role="checkbox", name=label, bounds=(10, y, 30, 30), checked=checked,
                                enabled=enabled, clickable=True))
        y += 50
    return Screen(elements=elements, signature="s", size=(400, 800))


def button(text: str) -> tuple[str, str, bool]:
    return (text, "button", True)


def text(words: str) -> tuple[str, str, bool]:
    return (words, "", False)


def test_are_you_sure_after_a_refusal_is_confirmed_by_its_refusing_yes() -> None:
    s = screen(text("Are you sure?"), button("Yes, reject all"), button("Go back"))
    assert consent.confirms_refusal(s, targets(s)).label == "Yes, reject all"
    asked = screen(text("Do you really want to reject all cookies?"), button("Yes"), button("No"))
    assert consent.confirms_refusal(asked, targets(asked)).label == "Yes"
    banner = screen(text("We use cookies."), button("Accept all"), button("Reject all"))
    assert consent.confirms_refusal(banner, targets(banner)) is None


def test_an_unknown_modal_is_answered_by_its_close_decline_or_continue_never_by_agreeing_or_leaving() -> None:
    news = screen(text("What's new"), button("Got it"))
    assert modal_answer(news, targets(news), frozenset({99})).label == "Got it"
    rate = screen(text("Enjoying the app?"), button("Rate now"), button("Not now"))
    assert modal_answer(rate, targets(rate), frozenset({99})).label == "Not now"
    assert modal_answer(news, targets(news), frozenset()) is None          # nothing covered: no modal
    leave = screen(text("Update required"), button("Exit"))
    assert modal_answer(leave, targets(leave), frozenset({99})) is None


def test_a_wall_with_one_turn_on_is_opened_and_a_menu_is_not() -> None:
    wall = screen(text("Location needed"), button("Turn on"))
    assert wall_opener(wall, targets(wall)).label == "Turn on"
    zh = screen(text("需要定位权限"), button("去开启"))
    assert wall_opener(zh, targets(zh)).label == "去开启"
    menu = screen(button("Turn on alerts"), button("Home"), button("Settings"), button("Profile"))
    assert wall_opener(menu, targets(menu)) is None


def test_an_apps_own_allow_about_data_is_consent_about_a_device_feature_is_not() -> None:
    stats = screen(text("Send usage statistics? Anonymous usage data helps us improve."), button("Allow"),
                   button("Don't allow"))
    assert allows_data_use(stats, targets(stats)) and is_consent(stats, targets(stats))
    camera = screen(text("Allow access to your camera to scan parcels and share usage data?"), button("Allow"),
                    button("Don't allow"))
    assert not allows_data_use(camera, targets(camera))


def test_a_locked_ticked_box_is_mandatory_not_a_box_to_untick() -> None:
    layer = screen(text("Cookie settings"), button("Save choices"),
                   boxes=(("Strictly necessary", True, False), ("Audience measurement", True, True)))
    found = targets(layer)
    ticks = plan(layer, found, UNTICK, FormData(), True).ticks
    assert [t.label for t in ticks] == ["Audience measurement"]

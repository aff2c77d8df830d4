"""A toast on Android: the UiAutomator2 server adds the last toast's words as an `android.widget.Toast` node under
<hierarchy>, beside the app's window (UiElementSnapshot.addToastMsg: text, class, package, displayed; no bounds).
It was taken for a second window: the screen's structure changed with it (a new screen to the search) and its
words — "Account deleted" — were read nowhere."""
from __future__ import annotations

from android_device import source

from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml

APP = "com.example.shop"
TOAST = ('  <android.widget.Toast index="1" package="com.android.settings" class="android.widget.Toast" '
         'text="Account deleted" displayed="true" />\n</hierarchy>')


def test_a_toast_is_words_that_flashed_on_the_same_screen() -> None:
    xml = source("home-bottom-nav-en.xml")
    plain = screen_from_uiautomator_xml(xml, app_package=APP)
    toasted = screen_from_uiautomator_xml(xml.replace("</hierarchy>", TOAST), app_package=APP)
    assert toasted.flashed == ["Account deleted"]
    assert toasted.signature == plain.signature and toasted.elements == plain.elements
    assert (toasted.location, toasted.in_app, toasted.tab) == (APP, True, "Home")


def test_a_toast_beside_several_windows_is_not_one_of_them() -> None:
    xml = source("multiwindow-dialog-en.xml")
    plain = screen_from_uiautomator_xml(xml, app_package=APP)
    toasted = screen_from_uiautomator_xml(xml.replace("</hierarchy>", TOAST), app_package=APP)
    assert (toasted.signature, toasted.location, toasted.flashed) == (plain.signature, plain.location,
                                                                      ["Account deleted"])

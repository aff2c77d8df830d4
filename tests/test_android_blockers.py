"""Screens around a refused permission and decision screens in other languages (issue #14, fault kinds 3, 4,
5, 6, 10 and 12), on page sources written here from the documented format (tests/data/android/)."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from android_device import Device, source
from consent_audit.detectors.blockers import read_blocker, read_pre_prompt
from consent_audit.detectors.destructive import confirm_word, destructive_choice
from consent_audit.detectors.prominence import prominence
from consent_audit.detectors.text import classify_action
from consent_audit.explorer import permissions, refused_reach
from consent_audit.explorer.elements import targets
from consent_audit.explorer.screens import is_consent
from consent_audit.masking import Masker
from consent_audit.measures import screen_actions
from consent_audit.page import AppContext
from consent_audit.platforms.android import AndroidPlatform
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
from consent_audit.recorder import Recorder

APP = "com.example.shop"


def screen(name: str, app: str | None = None):
    app = app or ("org.consentaudit.refapp" if name.startswith("refapp") else APP)
    return screen_from_uiautomator_xml(source(name), app_package=app)


# --- 3. "Retry" is a cue ---------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Retry", "Try again", "重试", "再试一次", "Réessayer", "Reintentar",
                                   "Erneut versuchen", "再試行"])
def test_retry_is_a_kind_of_action(label: str) -> None:
    assert classify_action(label) == "retry"


def test_a_blockers_actions_are_named() -> None:
    assert screen_actions(screen("blocker-settings-en.xml")) == ["exit", "open_settings", "retry"]
    assert screen_actions(screen("blocker-dialog-zh.xml")) == ["exit", "open_settings", "retry"]


# --- 4. "Go to settings" is leaving, not a retry -----------------------------------------------------------

@pytest.mark.parametrize("label", ["Go to settings", "Open settings", "去设置", "前往设置", "Ouvrir les paramètres",
                                   "Einstellungen öffnen", "設定を開く"])
def test_going_to_settings_is_its_own_action(label: str) -> None:
    assert classify_action(label) == "open_settings"


class Walk:
    """The explorer's operator, on recorded screens: a tap on a control leads where `after` says
    (default: the same screen again); leaving for Settings shows the Settings app (not the app)."""

    def __init__(self, name: str, after: dict[str, str] | None = None) -> None:
        self.current = screen(name)
        self.after = after or {}
        self.taps: list[str] = []
        self.in_foreground = True

    def screen(self):
        return self.current

    def targets(self, shown=None):
        return targets(shown or self.current)

    def tap(self, target):
        self.taps.append(target.label)
        if classify_action(target.label) == "open_settings":
            self.current = screen_from_uiautomator_xml(source("blocker-settings-en.xml").replace(APP, "com.android.settings"),
                                                       app_package=APP)
            self.in_foreground = False
        elif target.label in self.after:
            self.current = screen(self.after[target.label])
        return self.current


NOT_THERE = permissions.Core("core-never-shown", frozenset({"the core screen"}))


@pytest.mark.parametrize("name, taps", [
    ("blocker-settings-en.xml", ["Retry"]),
    ("blocker-settings-fr.xml", ["Réessayer"]),
    ("blocker-dialog-zh.xml", ["再试一次"]),
    ("blocker-settings-only-en.xml", []),
    ("refapp-blocker-zh.xml", ["去开启"]),
])
def test_the_deny_walk_retries_in_the_app_and_never_leaves_for_settings(name: str, taps: list[str]) -> None:
    walk = Walk(name)
    assert refused_reach.reach(walk, NOT_THERE, budget=6, accept_consent=lambda: None) is False
    assert walk.taps == taps
    assert walk.in_foreground and walk.current.in_app, "blocked, not exited"
    assert read_blocker(walk.current) is not None


# --- 5. any app's blocker, and which permission it is about ----------------------------------------------

@pytest.mark.parametrize("name, permission, ways", [
    ("blocker-settings-en.xml", "geolocation", {"settings": "Go to settings", "retry": "Retry", "exit": "Exit"}),
    ("blocker-settings-only-en.xml", "notifications", {"settings": "Open settings", "exit": "Exit app"}),
    ("blocker-settings-fr.xml", "geolocation", {"settings": "Ouvrir les paramètres", "retry": "Réessayer",
                                                "exit": "Quitter"}),
    ("blocker-dialog-zh.xml", "geolocation", {"settings": "去设置", "retry": "再试一次", "exit": "退出"}),
    ("refapp-blocker-zh.xml", "geolocation", {"retry": "去开启", "exit": "退出"}),
])
def test_blockers_are_detected_on_any_app(name: str, permission: str, ways: dict) -> None:
    blocker = read_blocker(screen(name))
    assert blocker is not None and (blocker.permission, blocker.ways) == (permission, ways)
    assert blocker.message


@pytest.mark.parametrize("name", ["home-bottom-nav-en.xml", "consent-dialog-de.xml", "rationale-continue-en.xml",
                                  "permission-location-api34-en.xml", "delete-confirm-de.xml", "profile-ja.xml"])
def test_other_screens_are_not_blockers(name: str) -> None:
    assert read_blocker(screen(name)) is None


# --- 6. the app's own rationale is a pre-prompt, counted -------------------------------------------------

@pytest.mark.parametrize("name, message", [
    ("rationale-continue-en.xml", "To give you a better experience we need access to your location to show stores "
                                  "near you."),
    ("rationale-continue-zh.xml", "为了给您提供更好的服务，我们需要获取您的位置信息，用于推荐附近门店。"),
])
def test_a_rationale_with_only_continue_is_a_pre_prompt(name: str, message: str) -> None:
    pre = read_pre_prompt(screen(name))
    assert pre is not None and (pre.permission, pre.message) == ("geolocation", message)


def test_a_pre_prompt_counts_in_the_prompts_of_the_launch(tmp_path: Path) -> None:
    device = Device("rationale-continue-en.xml", "home-bottom-nav-en.xml")
    platform = AndroidPlatform(device, APP, timeout=2.0)
    first = platform.capture().screen
    again = platform.capture().screen                   # the same rationale still up: counted once
    assert first.prompts["geolocation"] == again.prompts["geolocation"] == 1
    assert platform.pre_prompts == [{"permission": "geolocation", "message": read_pre_prompt(first).message,
                                     "button": "Continue"}]
    platform.relaunch()
    assert platform.permission_requests()["geolocation"] == 0


@pytest.mark.parametrize("name", ["home-bottom-nav-en.xml", "blocker-settings-en.xml", "delete-confirm-de.xml",
                                  "consent-dialog-de.xml"])
def test_other_screens_are_not_pre_prompts(name: str) -> None:
    assert read_pre_prompt(screen(name)) is None


# --- 10. deletion and consent screens in other languages ------------------------------------------------

@pytest.mark.parametrize("name, entry", [("profile-ja.xml", "アカウントを削除")])
def test_the_way_to_delete_is_found_in_japanese(name: str, entry: str) -> None:
    labels = {t.label: classify_action(t.label) for t in targets(screen(name))}
    assert labels[entry] == "cancel_account" and labels["ログアウト"] == "log_out"


@pytest.mark.parametrize("name, destructive, cancel, word", [
    ("delete-confirm-ja-typed.xml", "削除する", "キャンセル", "削除"),
    ("delete-confirm-fr-typed.xml", "Supprimer", "Annuler", "SUPPRIMER"),
    ("delete-confirm-de.xml", "Konto löschen", "Abbrechen", None),
    ("delete-confirm-es.xml", "Eliminar cuenta", "Cancelar", None),
])
def test_deletion_confirms_in_other_languages(name: str, destructive: str, cancel: str, word: str | None) -> None:
    shown = screen(name)
    assert classify_action(destructive) in ("delete", "cancel_account") and classify_action(cancel) == "decline"
    field = next((e for e in shown.elements if e.role == "textbox"), None)
    assert (confirm_word(shown, field) if field else None) == word


def painted(shown, red: str) -> bytes:
    """A screenshot of the screen: white, grey outlines for the buttons, the `red` one drawn in red."""
    w, h = shown.size
    image = np.full((h, w, 3), 255, np.uint8)
    for e in shown.actionable():
        x, y, bw, bh = e.bounds
        colour = (40, 40, 220) if e.text == red else (90, 90, 90)          # BGR
        cv2.putText(image, "XXXXXX", (x + 20, y + bh - 30), cv2.FONT_HERSHEY_SIMPLEX, 2.0, colour, 6)
    return cv2.imencode(".png", image)[1].tobytes()


def test_the_destructive_button_is_told_by_its_colour_before_its_words() -> None:
    shown = screen("delete-confirm-ja-typed.xml")
    shown.screenshot = painted(shown, "削除する")
    assert destructive_choice(shown).text == "削除する"
    words_unknown = screen_from_uiautomator_xml(source("delete-confirm-ja-typed.xml").replace("削除する", "実行"),
                                                app_package=APP)
    words_unknown.screenshot = painted(words_unknown, "実行")
    assert destructive_choice(words_unknown).text == "実行"


@pytest.mark.parametrize("name", ["consent-dialog-de.xml", "consent-dialog-es.xml"])
def test_consent_dialogs_in_other_languages(name: str) -> None:
    shown = screen(name)
    assert is_consent(shown, targets(shown))
    assert {classify_action(t.label) for t in targets(shown)} >= {"agree", "decline"}


# --- 12. a text link or a button: the node class together with the pixels ------------------------------

def test_a_textview_beside_a_button_is_a_text_link_even_when_neither_is_filled() -> None:
    shown = screen("consent-textlink-en.xml")
    accept = next(e for e in shown.elements if e.text == "Accept all")
    reject = next(e for e in shown.elements if e.text == "No thanks")
    image = cv2.imdecode(np.frombuffer(painted(shown, ""), np.uint8), cv2.IMREAD_COLOR)
    assert (accept.role, reject.role) == ("button", "text")
    look = prominence(image, accept.bounds, reject.bounds, accept_role=accept.role, reject_role=reject.role)
    assert (look["accept_filled"], look["reject_filled"]) == (False, False)
    assert look["reject_is_text_link"] is True
    same = prominence(image, accept.bounds, reject.bounds, accept_role="button", reject_role="button")
    assert same["reject_is_text_link"] is False


@pytest.mark.parametrize("name, word", [("delete-confirm-ja-typed.xml", "削除"), ("delete-confirm-fr-typed.xml", "SUPPRIMER")])
def test_the_explorer_types_the_confirmation_word_back(name: str, word: str) -> None:
    from consent_audit.explorer.forms import FILL, FormData, plan
    shown = screen(name)
    found = targets(shown)
    planned = plan(shown, found, FILL, FormData(username="u", password="p"), sms_known=False)
    assert [kind for _, kind in planned.fields] == ["typed_back"] and not planned.missing
    assert classify_action(planned.submit.label) in ("delete", "cancel_account")


def test_a_word_set_apart_inside_a_sentence_is_the_word_to_type_back_in_any_script() -> None:
    """rotfai (th): «หากต้องการลบ ให้พิมพ์คำว่า <strong>ยืนยัน</strong> ลงในช่องด้านล่าง» above a field
    «พิมพ์คำยืนยัน» — no quotes, no capitals in Thai: before, no word was found and the form "wants 'พิมพ์คำยืนยัน'".
    A short text lying beside the sentence (not inside its box) is no such word."""
    from consent_audit.screen import Element, Screen
    sentence = Element(text="หากต้องการลบ ให้พิมพ์คำว่า ลงในช่องด้านล่าง", bounds=(40, 300, 1000, 120))
    word = Element(text="ยืนยัน", bounds=(620, 300, 110, 60))
    field = Element(name="พิมพ์คำยืนยัน", role="textbox", clickable=True, bounds=(40, 480, 1000, 110))
    title = Element(text="ลบบัญชีผู้ใช้", bounds=(40, 150, 600, 80))
    shown = Screen([title, sentence, word, field], "confirm")
    assert confirm_word(shown, field) == "ยืนยัน"
    apart = Screen([title, sentence, Element(text="ยืนยัน", bounds=(40, 430, 110, 40)), field], "confirm")
    assert confirm_word(apart, field) is None


def test_a_word_in_capitals_shown_alone_above_a_labelled_field_is_the_one_it_wants() -> None:
    """feira (pt-BR): «… digite a palavra abaixo:», the word in a chip of its own, then a field whose label names it
    only as "confirmation word" — the field's own hint did not stop the word being read."""
    from consent_audit.screen import Element, Screen
    sentence = Element(text="Para confirmar, digite a palavra abaixo:", bounds=(40, 300, 1000, 60))
    chip = Element(text="EXCLUIR", bounds=(40, 380, 200, 50))
    label = Element(text="Palavra de confirmação", bounds=(40, 450, 500, 40))
    field = Element(name="Palavra de confirmação", role="textbox", clickable=True, bounds=(40, 500, 1000, 100))
    assert confirm_word(Screen([sentence, chip, label, field], "confirm"), field) == "EXCLUIR"
    # a word in capitals elsewhere on the screen (a heading far above, a notice below) is not what a labelled field wants
    far = Element(text="ATENÇÃO", bounds=(40, 60, 300, 50))
    assert confirm_word(Screen([far, sentence, label, field], "confirm"), field) is None
    below = Element(text="EXCLUIR", bounds=(40, 640, 200, 50))
    assert confirm_word(Screen([sentence, label, field, below], "confirm"), field) is None

"""The browser's own dialogs (alert, confirm, prompt) as a screen of their own (platforms/web/js_dialogs.py), and
the deletion's measured decision never being one (decision.final_decision). The live path — a confirm answered
through Appium — is tests/data/verdicts/last_keep.html?ask=confirm (test_explorer_verdicts_e2e)."""
from __future__ import annotations

from typing import Any

from selenium.common.exceptions import NoAlertPresentException

from consent_audit.decision import final_decision
from consent_audit.model import Trail
from consent_audit.platforms.web import js_dialogs
from consent_audit.recorder import Kind, Step
from consent_audit.screen import Element, Screen


class _Alert:
    def __init__(self, text: str) -> None:
        self.text, self.answered, self.typed = text, "", ""

    def accept(self) -> None:
        self.answered = "accept"

    def dismiss(self) -> None:
        self.answered = "dismiss"

    def send_keys(self, text: str) -> None:
        self.typed = text


class _Driver:
    def __init__(self, alert: _Alert | None) -> None:
        self._alert = alert

    @property
    def switch_to(self) -> Any:
        driver = self

        class _To:
            @property
            def alert(self) -> _Alert:
                if driver._alert is None:
                    raise NoAlertPresentException("no such alert")
                return driver._alert
        return _To()


def test_the_mark_the_page_put_before_a_message_tells_its_kind_and_is_not_shown() -> None:
    for kind, mark in ((k, m) for m, k in js_dialogs.DIALOG_MARKS.items()):
        assert js_dialogs.open_dialog(_Driver(_Alert(mark + "Sure?"))) == js_dialogs.BrowserDialog(kind, "Sure?")
    # a page the suite could not instrument: a user can always cancel, so both buttons
    assert js_dialogs.open_dialog(_Driver(_Alert("Sure?"))) == js_dialogs.BrowserDialog("confirm", "Sure?")
    assert js_dialogs.open_dialog(_Driver(None)) is None


def _labels(screen: Screen) -> list[str]:
    return [e.text for e in screen.elements if e.role == "button"]


def test_a_confirm_is_a_modal_layer_with_its_message_and_two_alike_buttons_an_alert_one() -> None:
    confirm = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("confirm", "Delete your account?"), (1080, 2400),
                                       "http://127.0.0.1:1/app/", "http://127.0.0.1:1")
    assert confirm.drawn_by == "browser" and not confirm.screenshot and confirm.in_app
    assert confirm.elements[0].role == "dialog" and confirm.elements[0].bounds == (0, 0, 1080, 2400)
    assert "Delete your account?" in confirm.texts() and _labels(confirm) == ["Cancel", "OK"]
    ok, cancel = (next(e for e in confirm.elements if e.text == w) for w in ("OK", "Cancel"))
    assert ok.bounds[2:] == cancel.bounds[2:] and ok.bounds[1] == cancel.bounds[1]     # drawn alike, side by side
    assert "Delete your account?" in confirm.source and confirm.source.startswith("<browser-dialog")
    alert = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("alert", "Done."), (1080, 2400), "", "")
    assert _labels(alert) == ["OK"] and alert.signature != confirm.signature
    prompt = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("prompt", "Type DELETE"), (1080, 2400), "", "",
                                      typed=True)
    field = next(e for e in prompt.elements if e.role == "textbox")
    assert field.filled and _labels(prompt) == ["Cancel", "OK"]


def test_a_dialog_control_answers_the_open_dialog() -> None:
    confirm = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("prompt", "Type DELETE"), (1080, 2400), "", "")
    alert = _Alert("x")
    for element in confirm.elements:
        control = js_dialogs.control_for(element)
        if control is not None and control.answer == "type":
            js_dialogs.answer(_Driver(alert), control, "DELETE")
    ok = js_dialogs.control_for(next(e for e in confirm.elements if e.text == "OK"))
    assert ok is not None
    js_dialogs.answer(_Driver(alert), ok)
    assert (alert.typed, alert.answered) == ("DELETE", "accept")
    assert js_dialogs.control_for(Element(text="OK", rid="ok", role="button")) is None    # the app's own OK
    assert js_dialogs.close_any(_Driver(None)) is False


def _page(keep: Element, confirm: Element) -> Screen:
    return Screen(elements=[Element(text="Delete it?", bounds=(0, 100, 1080, 60)), keep, confirm], signature="page",
                  screenshot=b"png")


def test_the_measured_decision_is_the_apps_own_never_the_browsers_confirm_after_it() -> None:
    keep = Element(text="Keep my account", role="button", clickable=True, bounds=(40, 900, 1000, 160))
    erase = Element(text="Delete", role="link", clickable=True, bounds=(440, 1100, 200, 40))
    page = _page(keep, erase)
    dialog = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("confirm", "Sure?"), (1080, 2400), "", "")
    ok = next(e for e in dialog.elements if e.text == "OK")
    done = Screen(elements=[Element(text="Deleted")], signature="done")
    steps = [Step(index=1, kind=Kind.TAP, title='Tap "Delete"', target=erase.to_dict(), at="", seconds=0.1,
                  screen=dialog),
             Step(index=2, kind=Kind.TAP, title='Tap "OK"', target=ok.to_dict(), at="", seconds=0.1, screen=done)]
    trail = Trail(name="delete account", start=page, steps=steps)
    found = final_decision(trail)
    assert found is not None and found[0] is page and found[1] is keep and found[2] is erase


def test_the_browsers_confirm_after_a_refusal_is_carried_through_by_its_ok_never_its_cancel() -> None:
    from consent_audit.explorer.consent_confirm import confirms_refusal
    from consent_audit.explorer.elements import targets
    # "Cancel" reads as a refusal word: on the browser's confirm the refusal's own handler opened, it would undo it
    sure = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("confirm", "Are you sure? You will see less relevant ads."),
                                    (1080, 2400), "", "")
    chosen = confirms_refusal(sure, targets(sure))
    assert chosen is not None and chosen.label == "OK"
    told = js_dialogs.dialog_screen(js_dialogs.BrowserDialog("alert", "Saved."), (1080, 2400), "", "")
    only = confirms_refusal(told, targets(told))
    assert only is not None and only.label == "OK"

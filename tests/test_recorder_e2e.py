"""The recorder on a known page, through the real Appium server and Chromium (no mock)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plain_files import plain_bytes
from consent_audit.page import BasePage
from consent_audit.targets import Target, Value

pytestmark = pytest.mark.e2e

SECRET_ID = "110101199003074578"
SECRET_PASSWORD = "Tr0ub4dor&3-known"


class KnownPage(BasePage):
    _root_locator = ("css selector", "#screen-main")
    _open = ("css selector", "#open")
    _close = ("css selector", "#close")
    _dialog = ("css selector", "#dlg")
    _agree = ("css selector", "#agree")
    _name = ("css selector", "#name")
    _pin = ("css selector", "#pin")
    _password = ("css selector", "#password")
    _bottom = ("css selector", "#bottom")
    _div_action = ("css selector", "#div-action")

    @property
    def dialog_open(self) -> bool:
        return self.is_element_displayed(self._dialog)

    def open_dialog(self) -> "KnownPage":
        self.tap(self._open)
        self.wait(None).until(lambda _: self.dialog_open)
        return self

    def close_dialog(self) -> "KnownPage":
        self.tap(self._close)
        self.wait(None).until(lambda _: not self.dialog_open)
        return self


@pytest.fixture
def target_name() -> str:
    return "known-page"


@pytest.fixture
def target(masker) -> Target:
    known = Target(name="known-page", kind="web", platform="web-chromium", start="",
                   pages="tests.test_recorder_e2e:KnownPage",
                   account={"id_number": Value(SECRET_ID, secret=True), "password": Value(SECRET_PASSWORD, True)})
    for value in known.secrets():
        masker.add(value)
    return known


@pytest.fixture
def start_location(static_url: str) -> str:
    return f"{static_url}/known_page.html"


def test_recorder_counts_each_action_once(app_context, platform, recorder, test_dir: Path, run) -> None:
    platform.launch()
    page = KnownPage(app_context).wait_for_page_to_load()
    with recorder.journey("known") as trail:
        page.open_dialog().close_dialog()
        page.toggle(page._agree)
        page.type(page._name, "Ada")
        page.type(page._pin, SECRET_ID, name="ID number", secret=True)
        page.type(page._password, SECRET_PASSWORD, name="Password", secret=True)
        page.tap(page._div_action)
        page.scroll_to(page._bottom)
    assert trail.counts == {"steps": 7, "taps": 3, "text_inputs": 3, "toggles": 1, "scrolls": 1, "backs": 0}
    # main view and the dialog; ticking, typing, a grown list and scrolling make no new screen
    assert trail.distinct_screens == 2
    # one capture at the start, one after each of the 8 actions: never two for one state
    assert recorder._captures == 9
    assert [s.kind.value for s in trail.steps] == ["tap", "tap", "toggle", "text", "text", "text", "tap", "scroll"]
    assert trail.steps[0].title == 'Tap "Open dialog"'
    assert all((test_dir / f).exists() for f in trail.evidence())
    # the div with only a click listener is recognised as actionable
    div = trail.steps[-1].screen.find("div-action")
    assert div is not None and div.clickable


def test_secret_typed_in_a_flow_appears_in_no_file(app_context, platform, recorder, run) -> None:
    platform.launch()
    page = KnownPage(app_context).wait_for_page_to_load()
    with recorder.journey("secret"):
        page.type(page._pin, SECRET_ID, name="ID number", secret=True)
        page.type(page._password, SECRET_PASSWORD, name="Password", secret=True)
    recorder.write_trace()
    step = recorder.steps[0]
    assert step.title == 'Type "•••" into "ID number"'
    pin = step.screen.find("pin")
    assert pin is not None
    # the typed ID number is blacked out in the screenshot
    import cv2
    import numpy as np
    image = cv2.imdecode(np.frombuffer(step.screen.screenshot, np.uint8), cv2.IMREAD_COLOR)
    x, y, w, h = pin.bounds
    assert image[y:y + h, x:x + w].mean() < 80   # an unredacted field is white (mean > 200)
    # the whole run folder so far has neither secret in any form
    for path in run.dir.rglob("*"):
        if path.is_file():
            data = plain_bytes(path)
            assert SECRET_ID.encode() not in data, path
            assert SECRET_PASSWORD.encode() not in data, path

"""The capture the consent choices' prominence is measured on (consent_audit/choices_drawn.py): a bar at the end
of a long page (corpus rasa) is measured where the scroll to it drew it, never on the launch frame below which
its bounds lie."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from consent_audit.choices_drawn import choices_drawn
from consent_audit.detectors.prominence import prominence
from consent_audit.errors import AutomationError
from consent_audit.model import Kind, Step, Trail
from consent_audit.screen import Element, Screen

W, H = 540, 1200
ORANGE = (18, 156, 243)     # BGR


def _png(boxes: list[tuple[int, int, int, int]]) -> bytes:
    img = np.full((H, W, 3), 255, np.uint8)
    for x, y, w, h in boxes:
        if 0 <= y < H:
            cv2.rectangle(img, (x, y), (x + w - 1, y + h - 1), ORANGE, cv2.FILLED)
    return cv2.imencode(".png", img)[1].tobytes()


def _screen(y: int, shot: bool = True) -> Screen:
    """The page with its bar's two buttons at `y` (page scrolled so that it lies there)."""
    accept = Element(text="Terima", role="button", bounds=(20, y, 240, 70), clickable=True)
    reject = Element(text="Tolak", role="button", bounds=(280, y, 240, 70), clickable=True)
    return Screen(elements=[accept, reject], signature=f"s{y}", size=(W, H),
                  screenshot=_png([accept.bounds, reject.bounds]) if shot else b"")


def _find(screen: Screen) -> tuple[Element, Element]:
    accept = next((e for e in screen.elements if e.text == "Terima"), None)
    reject = next((e for e in screen.elements if e.text == "Tolak"), None)
    if accept is None or reject is None:
        raise AutomationError("not on the screen")
    return accept, reject


def _trail(name: str, start: Screen, scrolled: Screen | None, after_tap: Screen) -> Trail:
    steps = []
    if scrolled is not None:
        steps.append(Step(1, Kind.SCROLL, 'Scroll to "x"', {}, "", 0.0, scrolled))
    steps.append(Step(2, Kind.TAP, 'Tap "x"', {}, "", 0.0, after_tap))
    return Trail(name=name, start=start, steps=steps)


def test_a_bar_below_the_fold_is_measured_where_the_scroll_drew_it() -> None:
    """Failed before: the flow measured the launch frame with the bar's bounds 2900 px below it — ValueError
    'bounds … lie entirely outside the image', the consent goal broken (corpus rasa)."""
    launch, scrolled, gone = _screen(2900), _screen(1000), Screen(elements=[], signature="g", size=(W, H))
    image = cv2.imdecode(np.frombuffer(launch.screenshot, np.uint8), cv2.IMREAD_COLOR)
    with pytest.raises(ValueError, match="entirely outside"):          # what the flow did on the launch frame
        prominence(image, _find(launch)[0].bounds, _find(launch)[1].bounds)
    drawn = choices_drawn(launch, [_trail("accept", launch, scrolled, gone), _trail("reject", launch, scrolled, gone)],
                          _find)
    assert not isinstance(drawn, str)
    assert drawn.screen is scrolled and drawn.accept.bounds == (20, 1000, 240, 70)
    look = prominence(drawn.image, drawn.accept.bounds, drawn.reject.bounds, "button", "button")
    assert look["area_ratio"] == 1.0 and look["reject_filled"] and not look["reject_is_text_link"]


def test_a_dialog_on_screen_at_launch_is_measured_there() -> None:
    launch = _screen(900)
    drawn = choices_drawn(launch, [_trail("accept", launch, None, launch)], _find)
    assert not isinstance(drawn, str) and drawn.screen is launch


def test_never_drawn_is_unmeasured_with_why() -> None:
    launch, gone = _screen(2900), Screen(elements=[], signature="g", size=(W, H))
    drawn = choices_drawn(launch, [_trail("accept", launch, None, gone)], _find)
    assert isinstance(drawn, str) and "not both drawn" in drawn


def test_no_screenshot_says_so() -> None:
    launch = _screen(900, shot=False)
    drawn = choices_drawn(launch, [], _find)
    assert isinstance(drawn, str) and "--screenshot on" in drawn


def test_a_choice_half_off_the_edge_is_still_measured_clipped() -> None:
    """As before: no capture draws it whole, the launch frame shows part of it — measured clipped there."""
    launch = _screen(H - 30)
    drawn = choices_drawn(launch, [], _find)
    assert not isinstance(drawn, str) and drawn.screen is launch

"""The gesture service: each verb one recorded step, the scroll loops written once, secrets masked first.

A fake platform (a list of lines scrolled by swipes) and the real Recorder; no driver, no browser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import TimeoutException

from consent_audit.gestures import Gestures, ScrollError
from consent_audit.masking import Masker
from consent_audit.page import AppContext
from consent_audit.platforms.base import Capture, Platform
from consent_audit.recorder import Kind, Recorder
from consent_audit.screen import Element, Screen


class Line:
    """An element of the fake app: its position in a list the screen shows `window` lines of."""

    def __init__(self, position: int, text: str = "") -> None:
        self.position = position
        self.text = text
        self.value = ""


class Box:
    """A scroll container of `length` lines."""

    def __init__(self, length: int) -> None:
        self.length = length
        self.offset = 0


class FakePlatform(Platform):
    """Records primitives in `events`; a swipe moves a box by `step` lines."""

    name = "fake"

    def __init__(self, window: int = 5, step: int = 4, length: int = 40) -> None:
        super().__init__(driver=None, start="fake://app", timeout=2.0)
        self.window, self.step = window, step
        self.page = Box(length)
        self.events: list[str] = []
        self.texts: list[str] = []
        self.foreground = True

    def launch(self) -> None:
        self.events.append("launch")

    def relaunch(self) -> None:
        self.events.append("relaunch")

    def reset(self) -> None:
        self.events.append("reset")

    def in_foreground(self) -> bool:
        return self.foreground

    def identity(self) -> dict[str, Any]:
        return {"kind": "fake"}

    def decide_permission(self, name: str, state: str) -> None:
        self.decided[name] = state

    def permission_requests(self) -> dict[str, int]:
        return {}

    def capture(self, screenshot: bool = True) -> Capture:
        self.events.append("capture")
        elements = [Element(text=t, rid=f"line-{i}") for i, t in enumerate(self.texts)]
        return Capture(screen=Screen(elements=elements, signature=f"offset-{self.page.offset}",
                                     source=" ".join(self.texts), source_kind="html"))

    def tap(self, element: Any) -> None:
        self.events.append(f"tap {element.text}")

    def type_text(self, element: Any, text: str) -> None:
        element.value = text
        self.texts.append(text)
        self.events.append("type")

    def swipe(self, container: Any, direction: str = "down") -> bool:
        box = container or self.page
        end = max(0, box.length - self.window)
        box.offset = min(end, box.offset + self.step) if direction == "down" else max(0, box.offset - self.step)
        self.events.append(f"swipe {direction}")
        return box.offset < end if direction == "down" else box.offset > 0

    def in_view(self, element: Any, container: Any = None) -> bool:
        box = container or self.page
        return box.offset <= element.position < box.offset + self.window

    def back(self) -> None:
        self.events.append("back")


@pytest.fixture
def made(tmp_path: Path) -> tuple[Gestures, FakePlatform, Recorder, Masker]:
    platform = FakePlatform()
    masker = Masker()
    recorder = Recorder(platform, tmp_path, masker, screenshots="off")
    return Gestures(platform, recorder, masker, timeout=2.0), platform, recorder, masker


def test_each_verb_is_one_recorded_step_of_its_kind(made) -> None:
    gestures, platform, recorder, _ = made
    field = Line(0, "name")
    with recorder.journey("all verbs") as trail:
        gestures.launch()
        gestures.tap(Line(1, "Next"), "Next")
        gestures.toggle(Line(2, "I agree"), "I agree")
        gestures.type(field, "Ada", "Name")
        gestures.swipe(None, "down", "the page")
        gestures.scroll_into_view(Line(30), "line 30")
        gestures.back()
        gestures.relaunch()
    kinds = [s.kind for s in recorder.steps]
    assert kinds == [Kind.LAUNCH, Kind.TAP, Kind.TOGGLE, Kind.TEXT, Kind.SCROLL, Kind.SCROLL, Kind.BACK, Kind.RELAUNCH]
    assert [s.title for s in recorder.steps] == ["Launch the app", 'Tap "Next"', 'Toggle "I agree"',
                                                'Type "Ada" into "Name"', 'Swipe down over "the page"',
                                                'Scroll to "line 30"', "Back", "Relaunch the app"]
    assert trail.counts == {"steps": 3, "taps": 1, "text_inputs": 1, "toggles": 1, "scrolls": 2, "backs": 1}
    assert platform.events.count("capture") == 1 + len(kinds)      # the start screen, then once per step
    assert field.value == "Ada"


def test_a_secret_is_masked_in_the_title_the_record_and_the_capture(made) -> None:
    gestures, platform, recorder, masker = made
    step = gestures.type(Line(0), "246810", "Code", {"text": "246810"}, secret=True)
    assert masker.contains_secret("246810")
    assert step.title == 'Type "•••" into "Code"'
    assert "246810" not in str(step.target) and "246810" not in step.screen.source
    assert platform.texts == ["246810"]          # typed as is; only what is recorded is masked


def test_scroll_into_view_swipes_until_in_view_in_one_step(made) -> None:
    gestures, platform, recorder, _ = made
    step = gestures.scroll_into_view(Line(17), "line 17")
    assert platform.events.count("swipe down") == 4 and platform.page.offset == 16
    assert len(recorder.steps) == 1 and step.kind == Kind.SCROLL and step.screen.signature == "offset-16"
    gestures.scroll_into_view(Line(18), "line 18")     # already in view: no swipe, still one step
    assert platform.events.count("swipe down") == 4 and len(recorder.steps) == 2


def test_scroll_into_view_inside_a_container(made) -> None:
    gestures, platform, _, _ = made
    box = Box(12)
    gestures.scroll_into_view(Line(9), "line 9", container=box)
    assert box.offset == 7 and platform.page.offset == 0


def test_the_end_before_the_element_is_an_error_not_a_step(made) -> None:
    gestures, platform, recorder, _ = made
    with pytest.raises(ScrollError, match="still not in view"):
        gestures.scroll_into_view(Line(99), "line 99")
    assert platform.page.offset == 35 and recorder.steps == []


def test_scroll_to_end_swipes_until_the_end(made) -> None:
    gestures, platform, recorder, _ = made
    step = gestures.scroll_to_end(None, "the terms", {"name": "terms"})
    assert platform.page.offset == 35 and platform.events.count("swipe down") == 9
    assert step.title == "Scroll to the end of the terms" and step.target == {"name": "terms"}
    assert len(recorder.steps) == 1


def test_an_endless_container_is_an_error_unless_the_end_is_not_required(tmp_path: Path) -> None:
    platform = FakePlatform(length=10_000)
    masker = Masker()
    recorder = Recorder(platform, tmp_path, masker, screenshots="off")
    gestures = Gestures(platform, recorder, masker, timeout=2.0, max_swipes=5)
    with pytest.raises(ScrollError, match="after 5 swipes"):
        gestures.scroll_to_end(None, "the feed")
    step = gestures.scroll_to_end(None, "the feed", require_end=False)
    assert step.kind == Kind.SCROLL and platform.events.count("swipe down") == 10


def test_settle_then_read_then_quiet_run_inside_the_step_before_the_capture(made) -> None:
    gestures, platform, recorder, masker = made
    polls = iter([False, False, True])
    quieted = gestures.quieted(lambda: platform.events.append("quiet"))

    def settle() -> bool:
        platform.events.append("settle?")
        return next(polls)

    def read() -> None:
        platform.events.append("read")
        masker.add("135790")
        platform.texts.append("code 135790")
    step = quieted.tap(Line(1, "Send code"), "Send code", settle=settle, read=read)
    start = platform.events.index("tap Send code")
    assert platform.events[start:] == ["tap Send code", "settle?", "settle?", "settle?", "read", "quiet", "capture"]
    assert "135790" not in step.screen.source


def test_a_settle_that_never_comes_breaks_the_step(made) -> None:
    gestures, _, recorder, _ = made
    slow = Gestures(gestures.platform, recorder, gestures.masker, timeout=0.2)
    with pytest.raises(TimeoutException, match="settle"):
        slow.tap(Line(1, "Next"), "Next", settle=lambda: False)


def test_quiet_waits_after_user_gestures_only(made) -> None:
    gestures, platform, _, _ = made
    quiet: list[str] = []
    quieted = gestures.quieted(lambda: quiet.append("quiet"))
    quieted.launch()
    quieted.relaunch()
    assert quiet == []
    quieted.back()
    quieted.scroll_to_end(None, "the page")
    assert quiet == ["quiet", "quiet"]
    assert gestures.quiet is None              # the original service is unchanged


def test_launch_waits_until_settled_or_the_app_left(made) -> None:
    gestures, platform, _, _ = made
    polls = iter([False, False, True])
    gestures.launch(settled=lambda: next(polls))
    with pytest.raises(TimeoutError, match="settle after launch"):
        Gestures(platform, gestures.recorder, gestures.masker, timeout=0.2).relaunch(settled=lambda: False)
    platform.foreground = False
    step = gestures.relaunch(settled=lambda: False)      # the app exited: nothing more to wait for
    assert step.kind == Kind.RELAUNCH


def test_answer_permission_taps_and_waits_for_the_prompt_to_close(made) -> None:
    gestures, platform, recorder, _ = made
    button = Line(0, "Don't allow")
    closes = iter([False, True])
    step = gestures.answer_permission("camera", "Don't allow", find=lambda: button,
                                      closed=lambda tapped: tapped is button and next(closes),
                                      info={"decision": "denied"})
    assert step.kind == Kind.PERMISSION and step.title == 'Answer the camera prompt: "Don\'t allow"'
    assert "tap Don't allow" in platform.events and step.target == {"decision": "denied"}


def test_an_unknown_swipe_direction_is_refused(made) -> None:
    gestures, _, recorder, _ = made
    with pytest.raises(ValueError, match="diagonal"):
        gestures.swipe(None, "diagonal", "the page")
    assert recorder.steps == []


def test_page_objects_reach_the_gesture_service_through_their_context(made) -> None:
    gestures, platform, recorder, masker = made
    context = AppContext(platform=platform, recorder=recorder, masker=masker, data={}, timeout=3.0)
    assert (context.gestures.recorder, context.gestures.timeout) == (recorder, 3.0)
    step = context.launch(relaunch=True)
    assert step.kind == Kind.RELAUNCH and platform.events[-2:] == ["relaunch", "capture"]


class ShootingPlatform(FakePlatform):
    """A fake whose screenshots are counted: a PNG of one black pixel each."""

    def __init__(self) -> None:
        super().__init__()
        self.shots = 0

    def screenshot(self) -> bytes:
        import cv2
        import numpy as np
        self.shots += 1
        return cv2.imencode(".png", np.zeros((1, 1, 3), np.uint8))[1].tobytes()


def test_new_mode_keeps_one_screenshot_per_screen_structure_as_evidence_only(tmp_path: Path) -> None:
    """A goal the search did not reach must still show, in pictures, what it went through ("new": the first
    capture of each structural signature), without the search's decisions ever seeing a screenshot."""
    platform = ShootingPlatform()
    recorder = Recorder(platform, tmp_path, Masker(), screenshots="new")
    gestures = Gestures(platform, recorder, Masker(), timeout=2.0)
    gestures.launch()                                     # offset-0: first seen
    gestures.tap(Line(1, "Next"), "Next")                 # offset-0 again: no new picture
    gestures.swipe(None, "down", "the page")              # offset-4: first seen
    gestures.swipe(None, "up", "the page")                # offset-0 again
    shot = [bool(s.files.get("screenshot")) for s in recorder.steps]
    assert shot == [True, False, True, False] and platform.shots == 2
    assert all((tmp_path / s.files["screenshot"]).read_bytes().startswith(b"\x89PNG")
               for s in recorder.steps if s.files.get("screenshot"))
    assert all(not s.screen.screenshot for s in recorder.steps)     # decisions never read them
    recorder.screenshots = "off"
    gestures.swipe(None, "down", "the page")
    assert not recorder.steps[-1].files.get("screenshot") and platform.shots == 2

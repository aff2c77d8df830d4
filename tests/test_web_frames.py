"""Cross-origin frames composed into the page (consent_audit/platforms/web/frames.py): a frame's element bounds
moved into the page's device pixels (its viewport's place on the page, both scale factors), its elements, shape
and source put where the frame is, and a frame that cannot be read listed, never dropped in silence."""
from __future__ import annotations

from typing import Any

import pytest
from selenium.common.exceptions import WebDriverException

from consent_audit.platforms.web import frames
from consent_audit.platforms.web.dom import screen_from_dom


def test_a_frame_element_is_moved_by_the_frame_viewport_and_scaled_to_the_page() -> None:
    # the frame's viewport at (0, 552) CSS px of a page at 2.625, the frame at scale 1 (an out-of-process frame)
    assert frames.to_page([16, 81, 380, 43], 0, 552, 1.0, 2.625) == [42, 1662, 998, 113]
    # the same frame reporting the page's scale: the same place
    assert frames.to_page([42, 212.6, 997.5, 112.9], 0, 552, 2.625, 2.625) == [42, 1662, 998, 113]
    # a frame with a border and an offset: its viewport's left/top are where its elements start
    assert frames.to_page([0, 0, 10, 10], 12.5, 30, 1.0, 2.0) == [25, 60, 20, 20]


def _frame(el: Any = "IFRAME", **over: Any) -> dict[str, Any]:
    return {"el": el, "left": 0, "top": 552, "width": 412, "height": 300, "src": "http://localhost:1/cmp.html",
            "sandbox": None, "nested": False, **over}


PAGE = {"elements": [{"text": "Markets", "bounds": [42, 300, 200, 60]}, {"frame": 0},
                     {"text": "Footer", "bounds": [0, 2000, 100, 50]}],
        "shape": "body[](main[](a[link]),@frame0@,p[])", "dpr": 2.625, "frames": [_frame()],
        "source": "<html><body><main>Markets</main></body></html>", "url": "http://127.0.0.1:1/"}
CHILD = {"elements": [{"text": "Accept all", "bounds": [16, 81, 380, 43], "clickable": True}],
         "shape": "body[](button[button])", "dpr": 1, "source": "<html><body><button>Accept all</button></body></html>",
         "url": "http://localhost:1/cmp.html"}


def test_the_frame_elements_take_its_place_in_order_with_its_shape_and_source() -> None:
    out, places = frames.compose(PAGE, {0: CHILD}, {})
    assert [e["text"] for e in out["elements"]] == ["Markets", "Accept all", "Footer"]
    assert out["elements"][1]["bounds"] == [42, 1662, 998, 113]
    assert out["shape"] == "body[](main[](a[link]),iframe(body[](button[button])),p[])"
    assert out["source"].index("<button>Accept all</button>") < out["source"].index("</body></html>")
    assert 'data-ca-frame="http://localhost:1/cmp.html"' in out["source"]
    assert out["unread_frames"] == [] and "frames" not in out
    place = places[((42, 1662, 998, 113), "Accept all")]
    assert place.chain == ("IFRAME",) and place.bounds == (16, 81, 380, 43)   # found again by its own bounds


def test_a_frame_not_read_is_listed_with_its_address_and_why() -> None:
    out, places = frames.compose(PAGE, {}, {0: "javascript error: blocked"})
    assert [e["text"] for e in out["elements"]] == ["Markets", "Footer"] and places == {}
    assert out["unread_frames"] == ["the frame http://localhost:1/cmp.html (412x300 CSS px at (0, 552)) could not "
                                    "be read: javascript error: blocked"]
    assert "iframe[unread]" in out["shape"]
    assert "could not be read: javascript error: blocked -->" in out["source"]      # the evidence says it too
    screen = screen_from_dom(out)
    assert screen.unread_frames == out["unread_frames"]


class _Switch:
    def __init__(self, driver: "_Driver") -> None:
        self.d = driver

    def frame(self, el: Any) -> None:
        if el in self.d.refuse:
            raise WebDriverException("no such frame")
        self.d.context = (*self.d.context, el)

    def default_content(self) -> None:
        self.d.context = ()


class _Driver:
    """A driver whose contexts are chains of frame names; each context answers its snapshot."""

    def __init__(self, docs: dict[tuple, dict], refuse: tuple = ()) -> None:
        self.docs, self.refuse, self.context = docs, refuse, ()
        self.switch_to = _Switch(self)

    def execute_script(self, script: str) -> dict:
        return self.docs[self.context]


def test_frames_are_read_by_switching_in_recursively_and_the_driver_ends_on_the_page() -> None:
    inner = {"elements": [{"text": "Reject all", "bounds": [10, 20, 100, 40]}], "shape": "body[]", "dpr": 1,
             "source": "<body>R</body>", "url": "http://third/"}
    child = {**CHILD, "elements": [*CHILD["elements"], {"frame": 0}],
             "frames": [_frame("INNER", left=5, top=100, src="http://third/")]}
    driver = _Driver({(): PAGE, ("IFRAME",): child, ("IFRAME", "INNER"): inner})
    out, places = frames.read(driver, PAGE, "snapshot")
    assert driver.context == ()
    assert [e["text"] for e in out["elements"]] == ["Markets", "Accept all", "Reject all", "Footer"]
    # (5 + 10, 100 + 20) in the first frame, then (0, 552) on the page, at 2.625
    assert out["elements"][2]["bounds"] == [39, 1764, 262, 105]
    assert places[((39, 1764, 262, 105), "Reject all")].chain == ("IFRAME", "INNER")
    assert places[((39, 1764, 262, 105), "Reject all")].bounds == (10, 20, 100, 40)


@pytest.mark.parametrize("frame,refuse,why", [
    (_frame(), ("IFRAME",), "no such frame"),
    (_frame(nested=True, via=None), (), "inside a same-origin frame"),
])
def test_a_frame_that_cannot_be_entered_is_unread_and_the_driver_is_back_on_the_page(frame, refuse, why) -> None:
    page = {**PAGE, "frames": [frame]}
    driver = _Driver({(): page, ("IFRAME",): CHILD}, refuse=refuse)
    out, _ = frames.read(driver, page, "snapshot")
    assert driver.context == ()
    assert len(out["unread_frames"]) == 1 and why in out["unread_frames"][0]
    assert "Accept all" not in [e["text"] for e in out["elements"]]


class _Platform:
    """The platform's frame calls over a _Driver (enter_frame / leave_frame as WebChromiumPlatform's)."""

    def __init__(self, driver: Any, places: dict) -> None:
        self.driver, self.frame_places, self.in_frame = driver, places, False

    def enter_frame(self, place: frames.FramePlace) -> None:
        self.driver.switch_to.default_content()
        for el in place.chain:
            self.driver.switch_to.frame(el)
        self.in_frame = True

    def leave_frame(self) -> None:
        self.driver.switch_to.default_content()
        self.in_frame = False


class _Answers(_Driver):
    """Each context answers one value for any script (None: the script fails there)."""

    def execute_script(self, script: str, *args: Any) -> Any:
        value = self.docs[self.context]
        if value is None:
            raise WebDriverException("javascript error")
        return value(*args) if callable(value) else value


def test_the_wait_asks_each_frame_and_forgets_one_gone() -> None:
    places = {((1, 1, 1, 1), "a"): frames.FramePlace(("A",), (0, 0, 1, 1)),
              ((2, 2, 2, 2), "b"): frames.FramePlace(("GONE",), (0, 0, 1, 1))}
    busy = _Platform(_Answers({(): True, ("A",): False}, refuse=("GONE",)), dict(places))
    assert frames.settled_inside(busy, "settled?", 120) is False and busy.driver.context == ()
    quiet = _Platform(_Answers({(): True, ("A",): True}, refuse=("GONE",)), dict(places))
    assert frames.settled_inside(quiet, "settled?", 120) is True
    assert list(quiet.frame_places) == [((1, 1, 1, 1), "a")] and not quiet.in_frame


def test_hit_testing_inside_a_frame_uses_the_frame_bounds_and_ends_on_the_page() -> None:
    a, b = frames.FramePlace(("A",), (16, 81, 380, 43)), frames.FramePlace(("A",), (16, 132, 380, 23))
    seen: list = []

    def covered(boxes: list, frames_of: list) -> list[int]:
        seen.append(boxes)
        return [i for i, box in enumerate(boxes) if box == [16, 132, 380, 23]]   # b is covered inside the frame

    platform = _Platform(_Answers({(): [], ("A",): covered}), {})
    # index 0 is a page element; 1 and 2 live in frame A; 2 was already covered at the page's level
    assert frames.covered_inside(platform, "covered?", [None, a, b], {2}) == set()
    assert seen == [[[16, 81, 380, 43]]] and platform.driver.context == ()
    assert frames.covered_inside(platform, "covered?", [None, a, b], set()) == {2}


def test_a_frame_element_is_located_inside_its_frame_or_none_back_on_the_page() -> None:
    from consent_audit.screen import Element
    place = frames.FramePlace(("A",), (16, 81, 380, 43))
    element = Element(text="Accept all", role="button", bounds=(42, 1662, 998, 113))
    found = _Platform(_Answers({(): None, ("A",): lambda *a: ("EL",) + a}), {})
    assert frames.locate_inside(found, "locate", place, element) == ("EL", 16, 81, 380, 43, "", "Accept all", "button")
    assert found.in_frame and found.driver.context == ("A",)     # the tap runs in the frame
    gone = _Platform(_Answers({(): None, ("A",): None}), {})
    assert frames.locate_inside(gone, "locate", place, element) is None and gone.driver.context == ()


def test_a_frame_inside_a_same_origin_frame_is_reached_through_it() -> None:
    class Nested(_Driver):
        def execute_script(self, script: str, *args: Any) -> Any:
            if script == frames._NTH_FRAME_JS:
                return {("HOST",): ["XO"]}[self.context][args[0]]
            return self.docs[self.context]

    page = {**PAGE, "frames": [_frame(None, nested=True, via=["HOST", 0])]}
    driver = Nested({(): page, ("HOST", "XO"): CHILD})
    out, places = frames.read(driver, page, "snapshot")
    assert driver.context == () and out["unread_frames"] == []
    assert [e["text"] for e in out["elements"]] == ["Markets", "Accept all", "Footer"]
    assert places[((42, 1662, 998, 113), "Accept all")].chain == ("HOST", "XO")
    # no path (the frame lies in a shadow root of the same-origin frame): said, not read
    hidden = {**PAGE, "frames": [_frame(None, nested=True, via=None)]}
    out, _ = frames.read(Nested({(): hidden}), hidden, "snapshot")
    assert "shadow root" in out["unread_frames"][0]

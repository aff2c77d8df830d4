"""A control beyond a side of the screen (explorer/sideways.py, Operator.reveal): a tab of a strip scrolling sideways
(overflow-x) that lies past the right edge is swiped in first — one recorded, counted scroll through the gesture
service — and tapped where it then shows. Before, `fits` looked at the vertical axis only: corpus hlaup's settings
tabs Almennt · Tilkynningar · Persónuvernd · Einingar · Tengd tæki · Reikningur, «Reikningur» wholly beyond the
right edge of a 412 px screen, was tapped unswiped (the driver clicks an element outside the viewport; a user
cannot): the deletion's scroll went uncounted (scrolls 0, truth 1). A stand-in platform draws the strip."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from consent_audit.explorer.elements import fits
from consent_audit.explorer.operator import Operator
from consent_audit.explorer.sideways import fits_across
from consent_audit.masking import Masker
from consent_audit.page import AppContext
from consent_audit.platforms.android.scrolling import scroller_bounds
from consent_audit.platforms.base import Capture, Platform
from consent_audit.recorder import Kind, Recorder
from consent_audit.screen import Element, Screen

WIDTH, HEIGHT, TAB, GAP, STRIP_Y = 1080, 2400, 330, 20, 300
TABS = ["General", "Notifications", "Privacy", "Units", "Devices", "Account"]
END = len(TABS) * (TAB + GAP) + GAP - WIDTH      # how far the strip scrolls


class Strip(Platform):
    """A settings screen whose section tabs stand in one row wider than the screen (a strip scrolling sideways);
    `sideways`: whether the platform can tell what lies beyond the screen's sides (web) or not (a dump of what is
    on screen only)."""

    name = "stand-in"

    def __init__(self, sideways: bool = True) -> None:
        super().__init__(SimpleNamespace(), "app")
        self.offset, self.sideways, self.tapped = 0, sideways, []

    def x_of(self, label: str) -> int:
        return GAP + TABS.index(label) * (TAB + GAP) - self.offset

    def capture(self, screenshot: bool = True) -> Capture:
        tabs = [Element(text=t, role="tab", bounds=(self.x_of(t), STRIP_Y, TAB, 120), clickable=True) for t in TABS]
        title = Element(text="Settings", role="heading", bounds=(40, 60, 400, 100))
        return Capture(screen=Screen(elements=[title, *tabs], signature=f"settings-{self.offset}",
                                     size=(WIDTH, HEIGHT)))

    def screenshot(self) -> bytes:
        return b""

    def beyond_side(self, element: Any, container: Any = None) -> str | None:
        if not self.sideways:
            return super().beyond_side(element, container)
        middle = self.x_of(element.label) + TAB / 2
        return "right" if middle > WIDTH else "left" if middle < 0 else None

    def swipe(self, container: Any, direction: str = "down") -> bool:
        assert container == "strip" and direction in ("left", "right")
        step = int(WIDTH * 0.8) * (1 if direction == "right" else -1)
        self.offset = max(0, min(END, self.offset + step))
        return 0 < self.offset < END

    def in_view(self, element: Any, container: Any = None) -> bool:
        return True

    def tap(self, element: Any) -> None:
        middle = self.x_of(element.label) + TAB / 2
        self.tapped.append((element.label, 0 <= middle <= WIDTH))

    launch = relaunch = reset = type_text = decide_permission = lambda self, *a: None   # type: ignore[assignment]
    in_foreground = lambda self: True       # noqa: E731
    identity = permission_requests = lambda self: {}      # noqa: E731


class Adapter:
    """The explorer's adapter over the stand-in: a live element is its label; the tabs scroll in "strip"."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def prepare(self) -> None: ...

    def settle(self) -> None: ...

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def locate(self, element: Element) -> Any:
        return SimpleNamespace(label=element.text)

    def scroller_of(self, live: Any) -> Any:
        return None

    def across_scroller_of(self, live: Any) -> Any:
        self.asked.append(live.label)
        return "strip"


def operator(tmp_path: Path, platform: Strip) -> Operator:
    masker = Masker()
    context = AppContext(platform=platform, recorder=Recorder(platform, tmp_path, masker), masker=masker, data={},
                         timeout=2.0)
    return Operator(context, Adapter())      # type: ignore[arg-type]


def test_a_tab_beyond_the_right_edge_of_its_strip_is_swiped_in_with_one_counted_scroll(tmp_path: Path) -> None:
    """Before: tapped unswiped where it lay beyond the screen — one TAP, no SCROLL (what the browser's click
    scrolled went uncounted)."""
    platform = Strip()
    op = operator(tmp_path, platform)
    account = next(t for t in op.targets() if t.label == "Account")
    op.tap(account)
    assert [(s.kind, s.title) for s in op.recorder.steps] == [(Kind.SCROLL, 'Swipe to "Account"'),
                                                              (Kind.TAP, 'Tap "Account"')]
    assert platform.offset > 0 and platform.tapped == [("Account", True)]


def test_a_tab_shown_or_cut_by_the_edge_with_its_middle_shown_is_tapped_where_it_is(tmp_path: Path) -> None:
    platform = Strip()
    op = operator(tmp_path, platform)
    for label in ("Notifications", "Privacy"):        # Privacy: cut by the right edge, its middle shown
        op.tap(next(t for t in op.targets() if t.label == label))
    assert [s.kind for s in op.recorder.steps] == [Kind.TAP, Kind.TAP] and platform.offset == 0


def test_where_the_platform_shows_only_the_screen_the_tap_goes_unswiped_as_before(tmp_path: Path) -> None:
    """Android's contract: a UiAutomator2 dump holds no view beyond the screen (`Platform.beyond_side` None), so a
    capture judged beyond a side is tapped as it was — no swipe recorded that the app did not need."""
    platform = Strip(sideways=False)
    op = operator(tmp_path, platform)
    op.tap(next(t for t in op.targets() if t.label == "Account"))
    assert [s.kind for s in op.recorder.steps] == [Kind.TAP] and platform.offset == 0


@pytest.mark.parametrize("x, shown", [
    (20, True), (1080 - 330, True),
    (1080 - 170, True),         # cut by the right edge, its middle shown: tapped there
    (1080 - 160, False),        # its middle beyond the right edge: swiped in first
    (1400, False), (-170, False), (-160, True),
])
def test_a_control_reaches_across_with_its_middle_on_the_screen(x: int, shown: bool) -> None:
    tab = Element(text="Account", role="tab", bounds=(x, 300, 330, 120), clickable=True)
    screen = Screen(elements=[tab], signature="s", size=(WIDTH, HEIGHT))
    assert fits_across(screen, tab) is shown and fits(screen, tab) is shown
    assert fits(screen, tab, across=False)          # the vertical axis alone: in view


def test_a_tab_beyond_its_strip_s_box_inside_a_card_is_not_in_reach() -> None:
    """A strip inside a card narrower than the screen (`Element.view_across`): a tab past the card's right edge,
    still inside the screen, is hidden by the strip's clip."""
    tab = Element(text="Account", role="tab", bounds=(820, 300, 200, 120), clickable=True, view_across=(60, 900))
    assert not fits_across(Screen(elements=[tab], signature="s", size=(WIDTH, HEIGHT)), tab)


def test_android_finds_the_horizontal_scroll_view_a_tab_scrolls_in() -> None:
    """The Android adapter's `across_scroller_of` reads the dump: the nearest ancestor marked scrollable that scrolls
    sideways (a HorizontalScrollView around a wide row), not the vertical list around it."""
    xml = ('<hierarchy><node class="android.widget.ScrollView" scrollable="true" bounds="[0,0][1080,2400]">'
           '<node class="android.widget.HorizontalScrollView" scrollable="true" bounds="[0,200][1080,320]">'
           '<node class="android.widget.LinearLayout" bounds="[0,200][1080,320]">'
           '<node class="android.widget.TextView" text="General" bounds="[20,200][350,320]"/>'
           '<node class="android.widget.TextView" text="Privacy" bounds="[370,200][1080,320]"/>'
           '</node></node></node></hierarchy>')
    assert scroller_bounds(xml, "[370,200][1080,320]", "Privacy", across=True) == "[0,200][1080,320]"
    assert scroller_bounds(xml, "[370,200][1080,320]", "Privacy") == "[0,0][1080,2400]"

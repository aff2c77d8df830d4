"""Controls below the fold on Android (platforms/android/below_fold.py, folded.py): UiAutomator2 dumps only what
is on screen, so a «Delete account» at the end of a long native settings list was on no screen the explorer read
and the search, which does not scroll to look, never found it. A capture now reads the rest of a vertical list by
swiping it dump by dump (the suite's look, free), merges the new rows at their content position and swipes back;
a tap on a row found below the fold is preceded by the user's scroll (one counted step), the row found again by
its identity after it. The rows are a native settings list's: a clickable LinearLayout around its title, named by
the words TalkBack speaks for it (its title: before, nameless). Hand-made page sources served by a stand-in
device (no Android runtime here)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
from android_device import Node as StandInNode, find_nodes

from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import Operator, Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.masking import Masker
from consent_audit.page import AppContext
from consent_audit.platforms.android.adapter import AndroidAdapter
from consent_audit.platforms.android.below_fold import read_whole
from consent_audit.platforms.android.platform import AndroidPlatform
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
from consent_audit.recorder import Kind, Recorder

APP = "com.example.settings"
CONFIG = load_config()
DATA = FormData(username="tester@example.test", password="pw-secret-1")
TOP, VIEW, ROW, STEP = 200, 2000, 200, 1500      # the list's top and height, a row's height, one swipe (75 %)
ROWS = ["Notifications", "Privacy", "Language", "Appearance", "Storage", "Data saver", "Downloads", "Sounds",
        "Accessibility", "Payment methods", "Addresses", "Orders", "Coupons", "Gift cards", "Help centre",
        "Feedback", "Terms of service", "Licences", "About", "Rate the app", "Share the app", "Security",
        "Linked devices", "Sign out of other devices", "Delete account"]     # 25 rows: the last on the third dump
ATTRS = 'package="{p}" checkable="false" checked="false" enabled="true" focusable="{f}" focused="false" ' \
        'long-clickable="false" password="false" selected="false" displayed="true"'


def _node(cls: str, bounds: tuple[int, int, int, int], inner: str = "", text: str = "", rid: str = "",
          clickable: bool = False, scrollable: bool = False) -> str:
    x1, y1, x2, y2 = bounds
    attrs = ATTRS.format(p=APP, f=str(clickable).lower())
    head = (f'<{cls} index="0" class="{cls}" text="{text}" resource-id="{rid}" clickable="{str(clickable).lower()}" '
            f'scrollable="{str(scrollable).lower()}" {attrs} bounds="[{x1},{y1}][{x2},{y2}]"')
    return f"{head}>{inner}</{cls}>" if inner else head + " />"


def _page(inner: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><hierarchy rotation="0" width="1080" height="2400">'
            + _node("android.widget.FrameLayout", (0, 0, 1080, 2400), inner) + "</hierarchy>")


def settings(offset: int) -> str:
    """The settings screen with its list scrolled `offset` px: the rows on screen only, clipped to the list."""
    rows = []
    for i, words in enumerate(ROWS):
        top = TOP + i * ROW - offset
        y1, y2 = max(top, TOP), min(top + ROW, TOP + VIEW)
        if y2 <= y1:
            continue
        title = _node("android.widget.TextView", (42, max(top + 40, y1), 1038, max(min(top + 110, y2), y1)),
                      text=words, rid="android:id/title") if min(top + 110, y2) > max(top + 40, y1) else ""
        rows.append(_node("android.widget.LinearLayout", (0, y1, 1080, y2), title, clickable=True))
    title = _node("android.widget.TextView", (42, 60, 1038, 160), text="Settings", rid=f"{APP}:id/title")
    listed = _node("androidx.recyclerview.widget.RecyclerView", (0, TOP, 1080, TOP + VIEW), "".join(rows),
                   rid=f"{APP}:id/list", scrollable=True)
    return _page(title + listed)


OFFSETS = [0, STEP, len(ROWS) * ROW - VIEW]          # 0, 1500, 3000: «Delete account» only on the third
CONFIRM = _page(_node("android.widget.TextView", (60, 900, 1020, 1000), text="Delete your account?")
                + _node("android.widget.Button", (60, 1100, 500, 1220), text="Cancel", clickable=True)
                + _node("android.widget.Button", (580, 1100, 1020, 1220), text="Delete", clickable=True))
DONE = _page(_node("android.widget.TextView", (60, 900, 1020, 1000), text="Your account has been deleted"))


class Node(StandInNode):
    """A view of the stand-in below (`position` counts every change of the screen: a view read before is stale)."""

    def click(self) -> None:
        self._check()
        words = " ".join(n.get("text", "") for n in self.node.iter()).strip()
        self.device.taps.append(words)
        self.device.go({"Delete account": "confirm", "Delete": "done", "Cancel": "settings"}.get(words))


class Device:
    """The settings screen (its list at OFFSETS[at]), its deletion confirm and the end; `scrolls`: every swipe."""

    def __init__(self) -> None:
        self.screen, self.at, self.position = "settings", 0, 0
        self.taps: list[str] = []
        self.scrolls: list[str] = []
        self.capabilities = {"deviceApiLevel": 34}
        self.png = cv2.imencode(".png", np.full((240, 108, 3), 250, np.uint8))[1].tobytes()

    def go(self, screen: str | None) -> None:
        if screen:
            self.screen, self.position = screen, self.position + 1

    @property
    def page_source(self) -> str:
        return {"settings": settings(OFFSETS[self.at]), "confirm": CONFIRM, "done": DONE}[self.screen]

    def find_elements(self, how: str, what: str) -> list[Node]:
        return [Node(self, n, (how, what)) for n in find_nodes(self.page_source, (how, what))]

    def get_screenshot_as_png(self) -> bytes:
        return self.png

    def get_window_size(self) -> dict[str, int]:
        return {"width": 1080, "height": 2400}

    def get_log(self, kind: str) -> list[dict]:
        return []

    def execute_script(self, script: str, args: dict | None = None) -> Any:
        args = args or {}
        if script == "mobile: scrollGesture":
            self.scrolls.append(args["direction"])
            if self.screen == "settings":
                moved = max(0, min(len(OFFSETS) - 1, self.at + (1 if args["direction"] == "down" else -1)))
                self.position += moved != self.at
                self.at = moved
            return 0 < self.at < len(OFFSETS) - 1 or (self.at == 0) == (args["direction"] == "down")
        if script == "mobile: getCurrentPackage":
            return APP
        if script == "mobile: pressKey":
            self.go("settings")
        return None


def test_a_capture_reads_the_whole_list_at_content_positions_and_leaves_it_where_it_stood() -> None:
    device = Device()
    whole = screen_from_uiautomator_xml(read_whole(device.page_source, lambda: device.page_source,
                                                   lambda box, d: device.execute_script("mobile: scrollGesture",
                                                                                        {"direction": d}), 8),
                                        app_package=APP)
    texts = [e.text for e in whole.elements if e.text in ROWS]
    assert texts == ROWS
    last = next(e for e in whole.elements if e.name == "Delete account" and e.clickable)
    assert last.bounds[1] == TOP + 24 * ROW                   # its content position, below the screen
    assert device.at == 0 and device.scrolls == ["down", "down", "up", "up"]    # at its top: never swiped up


def test_a_screen_has_one_signature_wherever_the_user_moved_its_list() -> None:
    """A list the user swiped down is read up as far as they moved it, and left where it stood."""
    signatures, names = set(), set()
    for at in range(len(OFFSETS)):
        device = Device()
        platform = AndroidPlatform(device, APP, timeout=2.0)
        for _ in range(at):
            platform.swipe(None, "down")
        screen = platform.capture(screenshot=False).screen
        signatures.add(screen.signature)
        names.add(tuple(e.name for e in screen.elements if e.clickable))
        assert device.at == at
    assert len(signatures) == 1 and len(names) == 1 and len(next(iter(names))) == len(ROWS)


def test_the_search_finds_a_deletion_at_the_end_of_a_long_list_and_scrolls_to_it_before_its_tap(tmp_path: Path) \
        -> None:
    """Before: «Delete account» (third dump) was on no screen read; the search tapped the rows it saw and ended
    without the deletion."""
    device = Device()
    platform = AndroidPlatform(device, APP, timeout=2.0)
    masker = Masker()
    context = AppContext(platform=platform, recorder=Recorder(platform, tmp_path, masker), masker=masker, data={},
                         timeout=2.0)
    op = Operator(context, AndroidAdapter(platform, timeout=1.0))
    op.spend = Spend(Budget(30, 60))
    result = GoalSearch(op, DeletionGoal(CONFIG), DATA, CONFIG.search, op.spend).run()
    assert device.taps[:2] == ["Delete account", "Delete"], (device.taps, result.ending, result.detail)
    steps = [(s.kind, s.title) for s in context.recorder.steps]
    tap = next(i for i, (_, title) in enumerate(steps) if "Delete account" in title and "Scroll" not in title)
    assert steps[tap - 1] == (Kind.SCROLL, 'Scroll to "Delete account"'), steps
    assert op.spend.actions == 3, steps                 # the scroll, the row, the confirm: the look is not charged


def test_a_clickable_row_without_words_of_its_own_is_named_by_those_of_its_children() -> None:
    """Before: a settings row (a clickable LinearLayout around its title TextView) was nameless: the search saw
    '' and keyed it by its rank; a control inside it (a chip) keeps its own name and is left out."""
    screen = screen_from_uiautomator_xml(settings(OFFSETS[-1]), app_package=APP)
    row = next(e for e in screen.elements if e.clickable and e.role == "")
    assert row.name and row.name in ROWS and not row.text
    assert any(e.clickable and e.name == "Delete account" for e in screen.elements)


def test_a_row_above_where_the_user_left_the_list_is_scrolled_up_to(tmp_path: Path) -> None:
    """The list swiped to its end by the user: its first row is read (above the list's box) and revealed by
    swiping up, one counted scroll step, then found again in view by its identity."""
    device = Device()
    platform = AndroidPlatform(device, APP, timeout=2.0)
    platform.swipe(None, "down")
    platform.swipe(None, "down")
    masker = Masker()
    context = AppContext(platform=platform, recorder=Recorder(platform, tmp_path, masker), masker=masker, data={},
                         timeout=2.0)
    op = Operator(context, AndroidAdapter(platform, timeout=1.0))
    first = next(t for t in op.targets() if t.label == "Notifications")
    assert first.element.bounds[1] < TOP and device.at == len(OFFSETS) - 1
    shown = op.reveal(first)
    assert device.at == 0 and TOP <= shown.element.bounds[1] < TOP + VIEW
    assert [(s.kind, s.title) for s in context.recorder.steps] == [(Kind.SCROLL, 'Scroll to "Notifications"')]

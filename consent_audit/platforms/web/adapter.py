"""The explorer's adapter for web apps in Chromium: finding a captured element again, waiting until the
page is quiet (requests, short timers and DOM changes watched by an injected script), which containers
can scroll, and which elements an open dialog covers."""
from __future__ import annotations

import logging
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webelement import WebElement

from ...screen import Element, Screen
from ...waits import wait_until
from . import frames, js_dialogs
from .adapter_scripts import COVERED_JS, LOCATE_JS, SCROLLABLE_JS
from .scripts import SCROLLER_OF_JS
from .undrawn import UNDRAWN_JS
from .sideways import scroller_across
from .settle_scripts import LATE_PENDING_JS, SCROLL_LISTENED_JS, SETTLE_JS, SETTLED_JS

log = logging.getLogger(__name__)


class WebAdapter:
    """Chromium through the Appium chromium driver."""

    def __init__(self, platform: Any, quiet_ms: int = 120, timeout: float = 6.0, late_seconds: float = 0.0) -> None:
        self.platform = platform
        self.driver = platform.driver
        self.quiet_ms = quiet_ms
        self.timeout = timeout
        self.late_ms = int(late_seconds * 1000)
        self._installed = False

    def prepare(self) -> None:
        if not self._installed:
            self.platform.add_window_script(SETTLE_JS)     # a window the app opens gets it too (windows.py)
            self._installed = True

    def settled(self) -> bool:
        try:
            if not self.driver.execute_script(SETTLED_JS, self.quiet_ms):
                return False
        except WebDriverException:
            return True   # the page is gone (the app left): nothing more to wait for
        return frames.settled_inside(self.platform, SETTLED_JS, self.quiet_ms)

    def launch_settled(self) -> bool:
        """`settled`, and no timer of more than 2 s the app set is due within `late_seconds` of the page's
        start (a dialog the app shows a few seconds after load): a launch waits for it, an action does not."""
        try:
            if not self.driver.execute_script(SETTLED_JS, self.quiet_ms, self.late_ms):
                return False
        except WebDriverException:
            return True
        return frames.settled_inside(self.platform, SETTLED_JS, self.quiet_ms, self.late_ms)

    def clock(self) -> float | None:
        """The page's clock now (ms since its document began), None when it cannot be read (the page is gone)."""
        try:
            return float(self.driver.execute_script("return performance.now();"))
        except (WebDriverException, TypeError, ValueError):
            return None

    def answered_settled(self, since: float) -> bool:
        """`settled`, and no timer of more than 2 s the app set at or after `since` (page clock, ms: when a launch
        layer was answered) is due within `late_seconds` of its setting (a notice the app shows a few seconds after
        its promotion is skipped): what a launch waits for, counted from the answer."""
        try:
            if not self.driver.execute_script(SETTLED_JS, self.quiet_ms, self.late_ms, since):
                return False
        except WebDriverException:
            return True
        return frames.settled_inside(self.platform, SETTLED_JS, self.quiet_ms)

    def late_pending(self) -> int | None:
        """How many timers of more than 2 s the page still has pending (what it may yet show by itself,
        beyond the launch's wait); None when it cannot be read (the page is gone)."""
        try:
            return int(self.driver.execute_script(LATE_PENDING_JS) or 0)
        except WebDriverException:
            return None

    def scroll_listened(self) -> bool | None:
        """Whether the app listens for the user's scrolling of the page (scroll, wheel or touch-move listeners on
        the page, `onscroll`, observers of what comes into view) and the page can scroll: what it may show only
        once the user scrolls. None when it cannot be read (the page is gone)."""
        try:
            listeners, scrolls = self.driver.execute_script(SCROLL_LISTENED_JS) or (0, False)
        except WebDriverException:
            return None
        return bool(listeners) and bool(scrolls)

    def settle(self) -> None:
        try:
            wait_until(self.settled, timeout=self.timeout, interval=0.03, message="the app to settle")
        except TimeoutError:
            log.info("the app kept changing for %gs; going on", self.timeout)

    def locate(self, element: Element) -> WebElement | None:
        control = js_dialogs.control_for(element)       # a button of a dialog of the browser (alert, confirm)
        if control is not None:
            return control if js_dialogs.open_dialog(self.driver) is not None else None  # type: ignore[return-value]
        x, y, w, h = element.bounds
        place = getattr(self.platform, "frame_places", {}).get((tuple(element.bounds), element.text))
        if place is not None:       # captured inside a cross-origin frame: found there, by its bounds there
            return frames.locate_inside(self.platform, LOCATE_JS, place, element)
        try:
            found = self.driver.execute_script(LOCATE_JS, x, y, w, h, element.rid, element.text, element.role)
            if isinstance(found, dict) and found.get("frame") is not None:
                # inside a same-origin frame: the gesture runs in that frame (the platform returns to the page after it)
                self.driver.switch_to.frame(found["frame"])
                self.platform.in_frame = True
                found = self.driver.execute_script(LOCATE_JS, x, y, w, h, element.rid, element.text, element.role)
            return found if not isinstance(found, dict) else None
        except WebDriverException:
            return None

    def covered(self, screen: Screen) -> frozenset[int]:
        indexes = [i for i, e in enumerate(screen.elements) if e.clickable or e.role == "textbox"]
        if not indexes:
            return frozenset()
        places = getattr(self.platform, "frame_places", {})
        where = [places.get((tuple(screen.elements[i].bounds), screen.elements[i].text)) for i in indexes]
        try:
            hidden = set(self.driver.execute_script(COVERED_JS, [list(screen.elements[i].bounds) for i in indexes],
                                                    [p.chain[0] if p else None for p in where]) or [])
            hidden |= frames.covered_inside(self.platform, COVERED_JS, where, hidden)
        except WebDriverException:
            self.platform.leave_frame()
            return frozenset()
        return frozenset(indexes[k] for k in hidden)

    def scroll_containers(self) -> list[WebElement | None]:
        """Containers not yet at their end, the page itself as None (last); [] when nothing scrolls."""
        try:
            found = self.driver.execute_script(SCROLLABLE_JS) or []
        except WebDriverException:
            return []
        return [container for container, _last in found]

    def undrawn_scrollers(self) -> list[WebElement | None]:
        """Containers holding rows not drawn yet (a virtualised list: undrawn.py), the page as None; [] when none
        (also when the page cannot be asked)."""
        try:
            return list(self.driver.execute_script(UNDRAWN_JS) or [])
        except WebDriverException:
            return []

    def scroller_of(self, live: WebElement) -> WebElement | None:
        """The nearest ancestor of `live` that scrolls and holds more than it shows (across open shadow roots);
        None: the page (also when the page cannot be asked)."""
        try:
            return self.driver.execute_script(SCROLLER_OF_JS, live)
        except WebDriverException:
            return None

    def across_scroller_of(self, live: WebElement) -> WebElement | None:
        """The nearest ancestor of `live` that scrolls sideways and holds more than it shows across (a tab strip);
        None: the page (sideways.SCROLLER_ACROSS_JS)."""
        return scroller_across(self.driver, live)


__all__ = ["WebAdapter"]

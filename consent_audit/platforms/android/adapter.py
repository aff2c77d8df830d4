"""The explorer's adapter for Android apps through UiAutomator2: elements found again by bounds (by identity
once a list moved, a row beyond the screen by a stand-in scrolled to: folded.py), quiet when two hierarchy
dumps agree, scrollable views as the dump marks them."""
from __future__ import annotations

import logging
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webelement import WebElement

from ...screen import Element, Screen
from ...waits import wait_until
from .folded import Folded, find_shown, folded_in
from .scrolling import scrollable_across, scroller_bounds

log = logging.getLogger(__name__)


class AndroidAdapter:
    """UiAutomator2: elements by bounds, quiet when two hierarchy dumps agree, scrolls by gesture."""

    def __init__(self, platform: Any, quiet_ms: int = 120, timeout: float = 6.0, late_seconds: float = 0.0) -> None:
        self.platform = platform
        self.driver = platform.driver
        self.timeout = timeout
        self._last = ""

    def prepare(self) -> None:
        pass

    def settled(self) -> bool:
        try:
            source = self.driver.page_source
        except WebDriverException:
            return True
        same, self._last = source == self._last, source
        return same

    def launch_settled(self) -> bool:
        """As `settled`: what an app schedules for later cannot be read from a hierarchy dump."""
        return self.settled()

    def clock(self) -> float | None:
        """None: a hierarchy dump has no clock of the app's timers."""
        return None

    def answered_settled(self, since: float) -> bool:
        """As `settled` (what an app schedules cannot be read)."""
        return self.settled()

    def late_pending(self) -> int | None:
        """0: UiAutomator2 shows no timers, so a dialog an app shows seconds after launch is not waited for
        (docs/explorer.md, Limits)."""
        return 0

    def scroll_listened(self) -> bool | None:
        """None: a hierarchy dump does not say what an app does when the user scrolls."""
        return None

    def settle(self) -> None:
        self._last = ""
        try:
            wait_until(self.settled, timeout=self.timeout, interval=0.1, message="the app to settle")
        except TimeoutError:
            log.info("the screen kept changing for %gs; going on", self.timeout)

    def locate(self, element: Element) -> WebElement | Folded | None:
        """The live view drawn at the element's bounds (of several, the one showing its words); for a row the
        last capture merged from beyond the screen (below_fold.py), the view with its identity once the list shows
        it, else a `Folded` stand-in the gesture layer scrolls to (folded.py)."""
        x, y, w, h = element.bounds
        bounds = f"[{x},{y}][{x + w},{y + h}]"
        folded = folded_in(getattr(self.platform, "whole_source", ""), bounds, element.text)
        if folded is not None:
            box, wanted = folded
            shown = find_shown(self.driver, box, wanted)
            return shown if shown is not None else Folded(self.driver, element, box, wanted)
        found = self.driver.find_elements("xpath", f"//*[@bounds='{bounds}']")
        for candidate in found:
            if element.text and candidate.get_attribute("text") == element.text:
                return candidate
        return found[-1] if found else None

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()   # UiAutomator2 dumps the active window only: a dialog hides what is under it

    def undrawn_scrollers(self) -> list[WebElement | None]:
        """None here: each capture reads what a list holds beyond the screen itself (below_fold.py)."""
        return []

    def scroll_containers(self) -> list[WebElement | None]:
        """Views the dump marks scrollable that move up and down (a carousel is left out: scrolling.py),
        outermost first."""
        found = list(self.driver.find_elements("xpath", "//*[@scrollable='true']"))
        try:
            across = scrollable_across(self.driver.page_source)
        except (WebDriverException, ValueError):
            return found
        if len(across) != len(found):      # the screen changed between the two reads: every one, as found
            return found
        return [view for view, sideways in zip(found, across) if not sideways]

    def scroller_of(self, live: WebElement, across: bool = False) -> WebElement | None:
        """The nearest ancestor of `live` that the dump marks scrollable and that scrolls up and down (an inner
        list in a screen that does not move; scrolling.py) — with `across`, that scrolls sideways; None, the
        screen, when there is none or the device cannot be asked."""
        if isinstance(live, Folded):       # a row of a vertical list merged from beyond the screen
            found = [] if across else self.driver.find_elements("xpath",
                                                                f"//*[@scrollable='true'][@bounds='{live.box}']")
            return found[-1] if found else None
        try:
            bounds, text = live.get_attribute("bounds"), live.get_attribute("text") or ""
            box = scroller_bounds(self.driver.page_source, bounds or "", text, across)
            if box is None:
                return None
            found = self.driver.find_elements("xpath", f"//*[@scrollable='true'][@bounds='{box}']")
        except (WebDriverException, ValueError):
            return None
        return found[-1] if found else None

    def across_scroller_of(self, live: WebElement) -> WebElement | None:
        """The nearest ancestor of `live` the dump marks scrollable that scrolls sideways (a HorizontalScrollView,
        a row of side-by-side children: scrolling.scrolls_across); None, the screen. The platform's
        `beyond_side` is None (a dump holds only what is on screen), so nothing swipes it yet."""
        return self.scroller_of(live, across=True)


__all__ = ["AndroidAdapter"]

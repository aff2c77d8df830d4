"""The platform interface: launch, relaunch, permissions, capture, and the user's gestures."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.remote.webelement import WebElement

from ..errors import AutomationError
from ..screen import Bounds, Screen

PERMISSIONS = ("geolocation", "notifications", "camera", "microphone")
STATES = ("granted", "denied", "prompt")


@dataclass
class Capture:
    """A raw capture: the Screen plus the input values seen, used only to redact secrets."""

    screen: Screen
    values: list[tuple[Bounds, str]] = field(default_factory=list)


class Platform(ABC):
    """One driver session on one platform; flows, pages and detectors never branch on which."""

    name = "abstract"

    def __init__(self, driver: Any, start: str, timeout: float = 10.0) -> None:
        self.driver = driver
        self.start = start            # web: start URL; Android: app package
        self.timeout = timeout
        self.decided: dict[str, str] = {}

    # --- app lifecycle ---
    @abstractmethod
    def launch(self) -> None:
        """Open the app as a user would from the launcher (first launch of this session)."""

    @abstractmethod
    def relaunch(self) -> None:
        """Close and reopen the app, keeping its stored data."""

    @abstractmethod
    def reset(self) -> None:
        """Clear the app's data and permission decisions: the next launch is a fresh install."""

    @abstractmethod
    def in_foreground(self) -> bool:
        """Whether the app is still what the user sees (False once it exited)."""

    @abstractmethod
    def identity(self) -> dict[str, Any]:
        """What is audited: web URL, title, build; Android package, versionName, versionCode."""

    # --- permissions ---
    @abstractmethod
    def decide_permission(self, name: str, state: str, when_asked: bool = False) -> None:
        """Decide a permission before the app asks (web) or set it through the OS (Android); `when_asked`: the
        app finds it undecided until it asks, and the answer is `state` (a user answering the prompt)."""

    @abstractmethod
    def permission_requests(self) -> dict[str, int]:
        """How many times the app asked for each permission since the last (re)launch."""

    # --- what the app stored ---
    def stored_state(self) -> dict[str, Any] | None:
        """What the app keeps on the device (cookies, local storage, a TCF CMP's answer) to verify a consent
        answer by; None where the platform cannot read it (see consent_audit/readback.py)."""
        return None

    def scheduled(self, recent: float = 0.0) -> float | None:
        """Seconds until the last short timer the app has pending is due (0.0: none pending; one that ran less
        than `recent` s ago counts as due `recent` s after it ran: what it sent may not show yet), which the
        traffic capture waits for before it calls the network quiet (consent_audit.traffic.measure.settle); None
        where the platform cannot tell: the capture then waits its whole quiet window."""
        return None

    # --- screens and gestures ---
    @abstractmethod
    def capture(self, screenshot: bool = True) -> Capture:
        """Screenshot + page source + elements, in one go."""

    def screenshot(self) -> bytes:
        """A PNG of the screen as it is now, without reading the page source (evidence only)."""
        return self.driver.get_screenshot_as_png()

    # Primitives only: the gesture service (consent_audit.gestures) records them and writes the loops.
    @abstractmethod
    def tap(self, element: WebElement) -> None:
        """One tap on the element's centre."""

    @abstractmethod
    def type_text(self, element: WebElement, text: str) -> None:
        """Replace the field's value with `text`, as the keyboard would."""

    @abstractmethod
    def swipe(self, container: WebElement | None, direction: str = "down") -> bool:
        """One finger swipe over `container` (None: the screen) that moves the content `direction` (down:
        the finger moves up, showing what is below; up, left, right alike). Returns True while the content
        can move further that way, False once it is at its end (a swipe there moves nothing)."""

    @abstractmethod
    def in_view(self, element: WebElement, container: WebElement | None = None) -> bool:
        """Whether the element is shown whole inside `container` (None: the screen)."""

    def scroll_direction(self, element: WebElement, container: WebElement | None = None) -> str:
        """Which way `container` (None: the screen) is swiped to bring `element` into view: "down" (what is
        below), or "up" where the platform knows the element lies above what is shown."""
        return "down"

    def beyond_side(self, element: WebElement, container: WebElement | None = None) -> str | None:
        """"right" when the element lies beyond the right edge of `container`'s visible box (None: the screen's) —
        its middle there, or cut by the edge while the container can still move that way — "left" alike beyond
        the left edge, None when a finger reaches it across. None where the platform shows only what is on the
        screen (the default: a UiAutomator2 dump holds no view beyond its edges)."""
        return None

    def choose_option(self, element: WebElement) -> str:
        """Choose, in a drop-down (a web `<select>`, an Android Spinner), the first real option — not the
        empty placeholder ("Choose a reason…") it shows while nothing is chosen — as a careful user does: one
        user choice. Returns the option's words. Raises AutomationError when it offers no real option."""
        raise AutomationError(f"{type(self).__name__} cannot choose in a drop-down")

    def back(self) -> None:
        self.driver.back()

    def long_press(self, element: WebElement, seconds: float) -> None:
        """Press the element's centre, hold it `seconds` (a "press and hold to confirm" button), release: one
        gesture. Raises AutomationError on a platform that cannot hold a press."""
        raise AutomationError(f"{type(self).__name__} cannot press and hold")

    def tap_point(self, x: int, y: int) -> None:
        """One tap at a point of the screen, in the pixels of its screenshot and element bounds, on whatever is
        drawn there (a dialog's backdrop, outside its controls). Raises AutomationError on a platform that
        cannot tap a point."""
        raise AutomationError(f"{type(self).__name__} cannot tap a point of the screen")

    # --- finding (one place, so a platform can do it in fewer round trips) ---
    def visible_element(self, scope: Any, locator: tuple[str, str], enabled: bool = False) -> WebElement | None:
        """The element if it is displayed (and enabled, when asked), else None."""
        found = scope.find_elements(*locator)
        if not found:
            return None
        element = found[0]
        try:
            if not element.is_displayed() or (enabled and not element.is_enabled()):
                return None
        except StaleElementReferenceException:
            return None
        return element

    @staticmethod
    def element_id_of(locator: tuple[str, str]) -> str | None:
        """The DOM id / resource-id a locator names, when it names one directly."""
        how, what = locator
        if how == "css selector" and what.startswith("#") and all(c not in what for c in " .[:>"):
            return what[1:]
        if how == "id":
            return what
        return None

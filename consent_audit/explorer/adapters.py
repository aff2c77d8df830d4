"""What the explorer needs from a platform beyond `Platform`: finding a captured element in the live app
again, waiting until the app is quiet after an action, which containers can scroll (the gesture service
scrolls them), and which elements an open dialog covers. Each platform package brings its adapter (its
spec's `adapter_class`); the explorer keeps this protocol only and never branches on the platform."""
from __future__ import annotations

from typing import Any, Protocol

from selenium.webdriver.remote.webelement import WebElement

from ..screen import Element, Screen


class Adapter(Protocol):
    def prepare(self) -> None:
        """Install what `settled` needs (once per session)."""

    def settled(self) -> bool:
        """Whether the app is quiet now."""

    def launch_settled(self) -> bool:
        """Whether the app is quiet after a launch: `settled`, and nothing the app scheduled for the first
        `late_seconds` after its start (a consent dialog shown 3 s after load) still to come."""

    def clock(self) -> float | None:
        """The app's clock now (ms, what `answered_settled` takes), None when the platform has none."""

    def answered_settled(self, since: float) -> bool:
        """`settled`, and nothing the app scheduled at or after `since` (its clock) for the next `late_seconds`
        still to come: the launch's wait, counted from a launch layer's answer."""

    def late_pending(self) -> int | None:
        """How many longer timers (what the app may still show by itself) are pending; None: unreadable."""

    def scroll_listened(self) -> bool | None:
        """Whether the app listens for the user's scrolling of a page that can scroll (what it may show only
        once the user scrolls); None: the platform cannot tell."""

    def settle(self) -> None:
        """Wait (bounded) until the app is quiet; going on when it keeps changing."""

    def locate(self, element: Element) -> WebElement | None:
        """The live element a captured one is, or None."""

    def covered(self, screen: Screen) -> frozenset[int]:
        """Indexes of the screen's elements an open dialog covers."""

    def scroll_containers(self) -> list[WebElement | None]:
        """Containers not at their end (None: the page itself); [] when nothing scrolls."""

    def undrawn_scrollers(self) -> list[WebElement | None]:
        """Containers holding rows the app makes only as the user scrolls to them (a virtualised list; None: the
        page), [] when none or where the platform reads beyond the screen itself (Android: below_fold.py)."""

    def scroller_of(self, live: WebElement) -> WebElement | None:
        """The container a user scrolls to bring `live` into view: its nearest scrolling ancestor (an inner
        list in a page that does not move), None for the screen itself."""

    def across_scroller_of(self, live: WebElement) -> WebElement | None:
        """The container a user swipes sideways to bring `live` into view: its nearest ancestor scrolling across
        (a tab strip, a carousel), None for the screen itself."""


def adapter_for(platform: Any, quiet_ms: int = 120, timeout: float = 6.0, late_seconds: float = 0.0) -> Adapter:
    """The adapter of the platform's spec (found by the platform's name) for this session; UsageError for
    a platform the registry does not know. `late_seconds`: how long after a launch's start a timer the app set
    is waited for (explorer.yaml `settle.late_dialog_seconds`)."""
    from ..platforms.registry import spec_named
    return spec_named(platform.name).adapter_class(platform, quiet_ms=quiet_ms, timeout=timeout,
                                                   late_seconds=late_seconds)

"""The gesture service: the one caller of the recorder for user actions.

Page objects (consent_audit.page, the permission dialog, a target's own pages) and the explorer's operator
act on the app only through `Gestures`. Each verb is exactly one recorded step (the recorder counts and
captures it; flows never count). Platforms provide primitives only (`tap`, `type_text`, a one-finger
`swipe`, `in_view`, `back`, `launch`/`relaunch`); the scroll loops (until an element is in view, until a
container's end) are written here, once. Waits are explicit: conditions polled against a deadline.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from .errors import AutomationError
from .recorder import Kind, Step
from .waits import wait_until

if TYPE_CHECKING:
    from selenium.webdriver.remote.webelement import WebElement

    from .masking import Masker
    from .platforms.base import Platform
    from .recorder import Recorder

log = logging.getLogger(__name__)

Settle = Callable[[], Any]
"""A condition waited for after a gesture, inside its step: truthy once the app shows the result."""
Info = dict[str, Any]
DIRECTIONS = ("down", "up", "left", "right")
MAX_SWIPES = 30


class ScrollError(AutomationError):
    """Scrolling did not bring what was asked into view (the end came first, or too many swipes). Its message
    is a sentence for the user (said without the class name): what could not be scrolled to and why."""


@dataclass(frozen=True)
class Gestures:
    """The user's gestures on one app, each one recorded step.

    `timeout` (seconds) bounds every explicit wait and every scroll loop. `quiet`, when set (the explorer
    sets it), is called inside each gesture's step after the gesture, so the capture shows a quiet app.
    """

    platform: "Platform"
    recorder: "Recorder"
    masker: "Masker"
    timeout: float = 10.0
    quiet: Callable[[], None] | None = None
    max_swipes: int = MAX_SWIPES

    def quieted(self, quiet: Callable[[], None]) -> "Gestures":
        """The same service, waiting with `quiet()` after every user gesture (not after launches)."""
        return replace(self, quiet=quiet)

    # --- the one place that records ---
    def _step(self, kind: Kind, title: str, gesture: Callable[[], Any], info: Info | None,
              settle: Settle | None = None, read: Callable[[], None] | None = None) -> Step:
        """`gesture`, then wait for `settle`, then `read` (before the capture), then `quiet`: one step."""
        def run() -> None:
            gesture()
            if settle is not None:
                self._wait(settle, "the app to settle after the action")
            if read is not None:
                read()
            if self.quiet is not None:
                self.quiet()
        return self.recorder.act(kind, title, run, info)

    def _wait(self, condition: Settle, message: str) -> Any:
        """Poll `condition` every 50 ms until truthy; selenium's TimeoutException after `timeout` s."""
        wait = WebDriverWait(self.platform.driver, self.timeout, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        return wait.until(lambda _: condition(), message=message)

    # --- touching ---
    def tap(self, element: "WebElement", label: str, info: Info | None = None, settle: Settle | None = None,
            read: Callable[[], None] | None = None) -> Step:
        """Tap the element; `read` runs after it and before the capture (e.g. to register a code it shows)."""
        return self._step(Kind.TAP, f'Tap "{label}"', lambda: self.platform.tap(element), info, settle, read)

    def hold(self, element: "WebElement", label: str, seconds: float, info: Info | None = None,
             settle: Settle | None = None) -> Step:
        """Press and hold the element for `seconds`, then release: one TAP step (a long press is one gesture on
        one control, no choice or input in it), its `info` carrying `hold_seconds`."""
        return self._step(Kind.TAP, f'Press and hold "{label}" ({seconds:g} s)',
                          lambda: self.platform.long_press(element, seconds),
                          {**(info or {}), "hold_seconds": seconds}, settle)

    def toggle(self, element: "WebElement", label: str, info: Info | None = None, settle: Settle | None = None,
               read: Callable[[], None] | None = None) -> Step:
        """Tick or untick a box or switch (a tap, counted as a toggle); `read` as for `tap`."""
        return self._step(Kind.TOGGLE, f'Toggle "{label}"', lambda: self.platform.tap(element), info, settle,
                          read)

    def choose(self, element: "WebElement", label: str, info: Info | None = None) -> Step:
        """Choose the first real option of a drop-down (`Platform.choose_option`: a web `<select>`, an Android
        Spinner): one step, counted as a tap (a choice is a tap, as a radio's is). Raises AutomationError
        when the drop-down offers none."""
        def pick() -> None:
            log.info('chose "%s" in "%s"', self.platform.choose_option(element)[:60], label)
        return self._step(Kind.TAP, f'Choose an option of "{label}"', pick, info)

    def type(self, element: "WebElement", text: str, label: str, info: Info | None = None,
             secret: bool = False) -> Step:
        """Type `text` into a field. A secret value is registered with the masker first, so the title, the
        target record and every capture after it show it masked. What was typed is kept in the step's target as
        `typed` ("•••" for a secret): measures.own_identities reads the account's own address from it."""
        if secret:
            self.masker.add(text)
        shown = "•••" if secret else text
        return self._step(Kind.TEXT, f'Type "{shown}" into "{label}"',
                          lambda: self.platform.type_text(element, text), {**(info or {}), "typed": shown})

    def back(self) -> Step:
        """The system back (Android key, browser history)."""
        return self._step(Kind.BACK, "Back", self.platform.back, None)

    def tap_point(self, x: int, y: int, label: str, info: Info | None = None) -> Step:
        """Tap a point of the screen (screenshot pixels) rather than an element: what is drawn there gets it."""
        return self._step(Kind.TAP, f"Tap {label}", lambda: self.platform.tap_point(x, y),
                          {"point": [x, y], **(info or {})})

    # --- moving the content ---
    def swipe(self, container: "WebElement | None", direction: str, label: str, info: Info | None = None) -> Step:
        """One finger swipe over `container` (None: the screen) moving the content `direction`."""
        _check_direction(direction)
        return self._step(Kind.SCROLL, f'Swipe {direction} over "{label}"',
                          lambda: self.platform.swipe(container, direction), info)

    def scroll_into_view(self, element: "WebElement", label: str, container: "WebElement | None" = None,
                         info: Info | None = None) -> Step:
        """Swipe `container` (None: the screen) down (up when the platform says it lies above:
        `Platform.scroll_direction`) until `element` is in view: one step however many swipes. Raises
        ScrollError when the end comes first or the swipes or the timeout run out."""
        def scroll() -> None:
            try:
                swipes = self._scroll(container, lambda: self.platform.in_view(element, container),
                                      self.platform.scroll_direction(element, container))
            except ScrollError as exc:
                raise ScrollError(f'"{label}" cannot be brought into view by scrolling: {exc}') from None
            log.debug("%d swipes to bring %s into view", swipes, label)
        return self._step(Kind.SCROLL, f'Scroll to "{label}"', scroll, info)

    def scroll_across_into_view(self, element: "WebElement", label: str, container: "WebElement | None" = None,
                                info: Info | None = None) -> Step:
        """Swipe `container` (None: the screen) sideways, towards the side `element` lies beyond
        (`Platform.beyond_side`: a tab of a strip wider than the screen), until it no longer does: one step however
        many swipes. Raises ScrollError when the end comes first or the swipes or the timeout run out."""
        def scroll() -> None:
            side = self.platform.beyond_side(element, container) or "right"
            try:
                swipes = self._scroll(container, lambda: self.platform.beyond_side(element, container) is None,
                                      side)
            except ScrollError as exc:
                raise ScrollError(f'"{label}" cannot be brought into view by swiping sideways: {exc}') from None
            log.debug("%d sideways swipes to bring %s into view", swipes, label)
        return self._step(Kind.SCROLL, f'Swipe to "{label}"', scroll, info)

    def scroll_to_end(self, container: "WebElement | None", what: str, info: Info | None = None,
                      require_end: bool = True) -> Step:
        """Swipe `container` (None: the screen) down until it is at its end: one step. When the end does not
        come within `max_swipes` or `timeout` (an endless feed), ScrollError, or with `require_end=False`
        a log line and the step as it is."""
        def scroll() -> None:
            try:
                self._scroll(container, None)
            except ScrollError as exc:
                if require_end:
                    raise
                log.info("%s did not reach its end: %s", what, exc)
        return self._step(Kind.SCROLL, f"Scroll to the end of {what}", scroll, info)

    def _scroll(self, container: "WebElement | None", until: Callable[[], bool] | None,
                direction: str = "down") -> int:
        """Swipe until `until()` holds (None: until the content is at its end); the number of swipes."""
        deadline = time.monotonic() + self.timeout
        swipes = 0
        while until is None or not until():
            if swipes >= self.max_swipes or time.monotonic() > deadline:
                raise ScrollError(f"still scrolling after {swipes} swipes ({self.timeout:g}s)")
            swipes += 1
            if not self.platform.swipe(container, direction):      # at the end now
                if until is None or until():
                    return swipes
                raise ScrollError("the content the suite scrolled reached its end and the element is still "
                                  "not in view (an inner scroll container it did not scroll may hold it)")
        return swipes

    # --- the app's lifecycle ---
    def launch(self, settled: Settle | None = None) -> Step:
        """Launch the app as one recorded step; `settled()` is waited for (or the app leaving) before the
        capture. Raises TimeoutError when it neither settles nor leaves within `timeout`."""
        return self._lifecycle(Kind.LAUNCH, "Launch the app", self.platform.launch, settled)

    def relaunch(self, settled: Settle | None = None) -> Step:
        """Close and reopen the app (its data kept) as one recorded step; waits as `launch`."""
        return self._lifecycle(Kind.RELAUNCH, "Relaunch the app", self.platform.relaunch, settled)

    def _lifecycle(self, kind: Kind, title: str, start: Callable[[], None], settled: Settle | None) -> Step:
        def go() -> None:
            start()
            if settled is not None:
                wait_until(lambda: not self.platform.in_foreground() or settled(), timeout=self.timeout,
                           interval=0.05, message="the app to settle after launch")
        return self.recorder.act(kind, title, go, None)

    # --- the system's permission prompt ---
    def answer_permission(self, permission: str, label: str, find: Callable[[], "WebElement"],
                          closed: Callable[["WebElement"], bool], info: Info | None = None) -> Step:
        """Tap the prompt's button `find()` returns, then wait until `closed(button)` (the prompt went or
        another replaced it): one PERMISSION step. Raises TimeoutException when the prompt stays."""
        def answer() -> None:
            button = find()
            self.platform.tap(button)
            self._wait(lambda: closed(button), "the permission dialog to close")
        return self._step(Kind.PERMISSION, f'Answer the {permission} prompt: "{label}"', answer, info)


def _check_direction(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown swipe direction '{direction}'; one of {', '.join(DIRECTIONS)}")


__all__ = ["Gestures", "ScrollError", "Settle", "DIRECTIONS", "MAX_SWIPES"]

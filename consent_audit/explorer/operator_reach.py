"""The operator's reach (explorer/operator.py's `Operator` holds it): a control brought into view before a
gesture — the page or its inner list scrolled, a strip swiped sideways (explorer/sideways.py), each one
recorded, charged scroll — the same control found again when the live app moved on since its capture, and a
container scrolled to its end."""
from __future__ import annotations

from typing import Any, Callable

from ..gestures import ScrollError
from ..recorder import Step
from ..screen import Element, Screen
from .elements import Target, fits, targets
from .sideways import fits_across


class NotOnScreen(Exception):
    """A step of a known path is not on the screen the app shows."""


class Reach:
    """The reaching half of `Operator`: it uses the operator's `adapter`, `platform`, `gestures`, `recorder`,
    `screen`, `find`, `covered`, `answer_over`, `_charged`, `_live` and `_info`."""

    def reveal(self, target: Target) -> Target:
        """Scroll the page until the target is in view (one recorded scroll) when it lies outside; then, when it
        lies beyond a side (a tab of a strip scrolling sideways: sideways.py) and the live app says so too, swipe
        its strip until it shows (one more recorded scroll)."""
        screen = self.screen()
        if fits(screen, target.element):
            return target
        if not fits(screen, target.element, across=False):
            # an inner list in a page that does not move: it is swiped
            target = self._revealed(target, self.adapter.scroller_of, self.gestures.scroll_into_view)
            if fits_across(self.screen(), target.element):
                return target
        live = self._live(target.element)
        strip = self.adapter.across_scroller_of(live)
        if self.platform.beyond_side(live, strip) is None:
            return target           # the platform shows no more than the screen (Android) or it is reached
        return self._revealed(target, lambda _live: strip, self.gestures.scroll_across_into_view)

    def _revealed(self, target: Target, scroller: Callable[[Any], Any], verb: Callable[..., Step]) -> Target:
        """`verb` (a scroll of the gesture service) over the container `scroller` names for the target's live
        element, charged; the target found again on the screen after it. NotOnScreen when no scroll reaches it
        or it went."""
        live = self._live(target.element)
        box = scroller(live)
        try:
            after = self._charged(lambda: verb(live, target.label[:60], box, self._info(target)))
        except ScrollError as exc:      # drawn where no scroll reaches (a closed sheet parked off the page)
            raise NotOnScreen(f"'{target.label}' is out of reach: {exc}") from None
        again = next((t for t in targets(after, self.covered(after)) if t.key == target.key), None)
        if again is None and self.answer_over(after):   # the scroll brought a layer over it (show-on-scroll)
            again = self.find(target.key)
        if again is None:
            raise NotOnScreen(f"'{target.label}' went away while scrolling to it")
        return again

    def _again(self, target: Target) -> tuple[Target, Any]:
        """The target and its live element; when the live app no longer holds it where it was captured (the
        screen changed between the capture and the gesture: a sheet still moving, a layer drawn late), the app
        is let settle, captured again and the same control found by its key. NotOnScreen when it is gone."""
        live = self.adapter.locate(target.element)
        if live is not None:
            return target, live
        self.adapter.settle()
        self.recorder.invalidate()
        again = self.find(target.key, self.screen())
        if again is None:
            raise NotOnScreen(f"'{target.label}' is no longer on the screen")
        return again, self._live(again.element)

    def scroll_to_end(self, why: str, inner_only: bool = False, of: Element | None = None) -> Screen | None:
        """Scroll a container (or the page; with `inner_only` never the page) that is not at its end to its
        end — with `of`, the one that element scrolls in (`Adapter.scroller_of`, never the page): one recorded
        scroll. None when there is none."""
        live = self.adapter.locate(of) if of is not None else None
        scroller = self.adapter.scroller_of(live) if live is not None else None
        containers = [c for c in self.adapter.scroll_containers() if c is not None or not inner_only] \
            if of is None else [] if scroller is None else [scroller]
        if not containers:
            return None
        return self._charged(lambda: self.gestures.scroll_to_end(containers[0], why[:60], {"name": why},
                                                                 require_end=False))

    def scroll_undrawn(self, why: str) -> Screen | None:
        """One recorded scroll of the innermost container holding rows not drawn yet (`Adapter.undrawn_scrollers`:
        a virtualised list) to its end; None (no gesture) when there is none."""
        containers = self.adapter.undrawn_scrollers()
        if not containers:
            return None
        return self._charged(lambda: self.gestures.scroll_to_end(containers[-1], why[:60], {"name": why},
                                                                 require_end=False))

    def undrawn(self) -> bool:
        """Whether the screen shown holds a list with rows not drawn yet (`scroll_undrawn` would scroll it)."""
        return bool(self.adapter.undrawn_scrollers())

    def scroll_page(self, why: str) -> Screen | None:
        """One recorded scroll of the page itself to its end, when the app listens for the user's scrolling
        (`Adapter.scroll_listened`); None (no gesture) otherwise."""
        if not self.adapter.scroll_listened() or None not in self.adapter.scroll_containers():
            return None
        return self._charged(lambda: self.gestures.scroll_to_end(None, why[:60], {"name": why}, require_end=False))

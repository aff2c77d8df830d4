"""The explorer's hands: every gesture goes through the gesture service (one recorded step, counted and
captured as page objects' are, then a wait until the app is quiet); the operator keeps only the budget
accounting while searching."""
from __future__ import annotations

import logging
from typing import Any, Callable

from ..errors import TapIntercepted
from ..gestures import Gestures
from ..page import AppContext
from ..recorder import Step
from ..screen import Element, Screen
from ..waits import wait_until
from .adapters import Adapter
from .codes import wait_for_code
from .covers import Covers, StaleScreen
from .elements import Target, Use, moved_on, step_label, targets
from .held_back import layer_control_shown
from .operator_reach import NotOnScreen, Reach
from .spend import OutOfBudget, Spend

log = logging.getLogger(__name__)

__all__ = ["NotOnScreen", "Operator", "OutOfBudget", "Spend", "StaleScreen"]

RECAPTURES = 2     # captures made again, at most, of a screen the live page moved on from (`Operator.screen`)


def hooked(op: Any, before: Screen, label: str, after: Screen) -> bool:
    """`op.after_tap(before, label, after)` once a tap is done (False without a hook, or while the hook itself
    answers: its own taps are not hooked); whether the hook answered something (the screen is then read again).
    `op` has `after_tap` and `_answering` (the Operator, or a stand-in driving a fake app the same way)."""
    if op.after_tap is None or op._answering:
        return False
    op._answering = True
    try:
        return bool(op.after_tap(before, label, after))
    finally:
        op._answering = False


class Operator(Reach):
    """Recorded, settled gestures on the live app (reaching a control: explorer/operator_reach.py)."""

    def __init__(self, context: AppContext, adapter: Adapter, code_wait: float = 6.0) -> None:
        self.context = context
        self.recorder = context.recorder
        self.platform = context.platform
        self.masker = context.masker
        self.adapter = adapter
        self.gestures: Gestures = context.gestures.quieted(adapter.settle)
        self.code_wait = code_wait
        self.held_wait = 0.0       # seconds a control disabled when read is waited for (explorer/held_back.py)
        self.held_probe = 0.0      # seconds watched first for a countdown running (nothing moves: no wait)
        self.spend: Spend | None = None
        self.last_code: str | None = None    # the one-time code the app showed last (a secret)
        self._covers = Covers(adapter.covered, lambda: self.recorder.last_screen)   # explorer/covers.py
        self._looked: Screen | None = None    # the last capture `screen` checked against the live page
        self.after_launch: Callable[[], None] | None = None
        self.after_relaunch: Callable[[], None] | None = None   # then, on a relaunch: a launch modal never seen
        self.consent_keys: frozenset[str] = frozenset()   # a consent dialog told by structure: its buttons' keys
        self.looked_long: bool | None = True   # the last launch's look saw all the app had scheduled (see launch)
        self.consent_answered = False    # the consent dialog answered since the last fresh install (kept by the app)
        self.installs = 0    # fresh installs and launches from scratch (explorer/modal_returns.py: one install's)
        self.consent_data_question = False   # the dialog answered was an app's own question about its data use
        # answers a layer that came over a control between the capture and the tap (True when it answered it)
        self.on_cover: Callable[[Screen], bool] | None = None
        # after a tap: answers a consent layer that came by itself (before, the tapped label, after); True if so
        self.after_tap: Callable[[Screen, str, Screen], bool] | None = None
        self._answering = False
        self.session: Any = None     # the test account's session once reached (explorer/session.py)
        # what was done since the app's last launch (its launch answers aside): each plain tap as (key, words),
        # None for any other gesture (a toggle, text, a hold, the system back) — the use that raised what shows
        # now, replayable as taps when it holds no None (explorer/asked_in_use.py)
        self.walked: list[tuple[str, str] | None] = []
        self.walk_fresh = False      # whether that launch followed a fresh install (`fresh`): a replay's own start
        self._installed = False

    # --- what is on screen ---
    def screen(self) -> Screen:
        """What the app shows: the last capture if nothing happened since, else a new one; one the live page
        moved on from by itself (`elements.moved_on`: an advert that ended during a slow capture) is made again
        once the app is quiet, at most RECAPTURES times — never is a gone layer answered, learnt or measured."""
        screen = self.recorder.observe()
        for _ in range(RECAPTURES):
            if screen is self._looked or not moved_on(screen, self.covered(screen)):
                break
            log.info("the app moved on since its capture (none of its controls reachable): captured again")
            self.adapter.settle()
            self.recorder.invalidate()
            screen = self.recorder.observe()
        self._looked = screen
        return screen

    def covered(self, screen: Screen) -> frozenset[int]:
        """Indexes of `screen`'s elements a layer covers (`covers.Covers.of`: measured while `screen` is the last
        capture, kept for the recent ones; StaleScreen for an older one never measured)."""
        return self._covers.of(screen)

    def targets(self, screen: Screen | None = None) -> list[Target]:
        screen = screen or self.screen()
        return targets(screen, self.covered(screen))

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    # --- gestures (budget accounting around the gesture service) ---
    def _charged(self, gesture: Callable[[], Step], charge: bool = True) -> Screen:
        """Check the budget, make the gesture (one recorded step), charge it; the screen after it."""
        if self.spend is not None:
            self.spend.check()
        step = gesture()
        if self.spend is not None and charge:
            self.spend.charge()
        return self.screen() if step.screen is self.recorder.last_screen else step.screen

    def _live(self, element: Element) -> Any:
        live = self.adapter.locate(element)
        if live is None:
            raise NotOnScreen(f"'{element.text or element.name or element.rid}' is no longer on the screen")
        return live

    @staticmethod
    def _info(target: Target) -> dict[str, Any]:
        info = target.element.to_dict()
        if not info.get("name") and not info.get("text"):
            info["name"] = target.label       # what the user reads beside an unnamed control
        info["key"] = target.key
        return info

    def answer_over(self, screen: Screen) -> bool:
        """`on_cover` for a layer over the app on `screen` (not re-entered while one is answered): answered as a
        launch modal is (the consent dialog accepted); True when answered, False when nothing answers it."""
        if self.on_cover is None or self._answering:
            return False
        self._answering = True
        try:
            return self.on_cover(screen)
        finally:
            self._answering = False

    def tap(self, target: Target, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        """Tap (a tick box: toggle) the target; with `peek_code`, read the one-time code the tap makes the
        app show and register it as a secret before the screen is captured.

        A tap the app refuses because a layer came over the target since the capture (a consent sheet sliding
        up seconds after load) is no crash: the screen is captured again once quiet, `on_cover` answers the new
        layer as a launch modal is answered, and the tap is made again on the target found there. Raises
        TapIntercepted (saying what covers it) when nothing answers the layer or the target stays covered;
        NotOnScreen when the target went with it."""
        try:
            return self._tap(target, peek_code, exclude)
        except TapIntercepted as exc:
            exc.target = exc.target or target.label
            if self.on_cover is None or self._answering:
                raise
            self.adapter.settle()
            self.recorder.invalidate()
            log.info("'%s' was covered by a layer that came since the capture (%s): answering it", target.label,
                     exc.cover)
            if not self.answer_over(self.screen()):
                raise
            again = self.find(target.key)
            if again is None:
                raise NotOnScreen(f"'{target.label}' is no longer on the screen once the layer that covered it "
                                  f"({exc.cover}) was answered") from None
            try:
                return self._tap(again, peek_code, exclude)
            except TapIntercepted as still:       # covered again: said with the control's name
                still.target = still.target or target.label
                raise

    def _tap(self, target: Target, peek_code: bool, exclude: set[str] | None) -> Screen:
        before = self.recorder.last_screen      # what the tap was chosen on (no capture of its own)
        after = self._gesture_tap(target, peek_code, exclude)
        return self.screen() if before is not None and hooked(self, before, target.label, after) else after

    def _gesture_tap(self, target: Target, peek_code: bool, exclude: set[str] | None) -> Screen:
        target, live = self._again(self.reveal(target))
        label, info = step_label(target), self._info(target)
        read = (lambda: self._peek_code(exclude or set())) if peek_code else None
        verb = self.gestures.toggle if target.use == Use.TOGGLE else self.gestures.tap
        screen = self._charged(lambda: verb(live, label, info, read=read))
        self.walked.append((target.key, target.label) if target.use == Use.TAP else None)
        return screen

    def hold(self, target: Target, seconds: float) -> Screen:
        """Press and hold the target `seconds` (one recorded, charged TAP step: `Gestures.hold`)."""
        target, live = self._again(self.reveal(target))
        self.walked.append(None)
        return self._charged(lambda: self.gestures.hold(live, step_label(target), seconds, self._info(target)))

    def choose(self, target: Target) -> Screen:
        """Choose the first real option of a drop-down target (Use.SELECT): one recorded step, a tap."""
        target, live = self._again(self.reveal(target))
        self.walked.append(None)
        return self._charged(lambda: self.gestures.choose(live, step_label(target), self._info(target)))

    def type(self, target: Target, value: str, secret: bool, gave: str | None = None) -> Screen:
        """Type `value` into the field (one recorded step); `gave`: the kind of data the explorer chose to give
        there (forms.py: "reason", …), kept in the step's target as "gave" — what the step demanded where the
        field's own words name nothing."""
        if secret:
            self.masker.add(value)
        target, live = self._again(self.reveal(target))
        info = self._info(target)
        if gave:
            info["gave"] = gave
        self.walked.append(None)
        return self._charged(lambda: self.gestures.type(live, value, step_label(target), info, secret=secret))

    def launch(self, relaunch: bool = False) -> Screen:
        """Launch (or relaunch) the app, waiting as a careful user's first look does — until it is quiet and
        what it set a timer for within `settle.late_dialog_seconds` of its start has shown (a consent dialog
        3 s after load) and a layer over it with nothing to tap yet shows a control (an advert's × after its
        countdown: held_back.layer_control_shown); then `after_launch` (the answers to modals learnt at launch: a splash advert's skip, a
        what's-new) runs, on every launch, the search's own relaunches included — and on a relaunch
        `after_relaunch` (a launch modal never seen before, answered as at launch: one place for every goal's
        relaunches). `looked_long` says whether that look saw all the app had scheduled (False: a longer timer
        is still pending; None: unreadable)."""
        self.adapter.prepare()
        verb = self.gestures.relaunch if relaunch else self.gestures.launch
        self.installs += 0 if relaunch else 1     # a flow's launch follows its own platform reset, not `fresh`
        screen = layer_control_shown(self, self._charged(lambda: verb(self.adapter.launch_settled), charge=relaunch))
        pending = self.adapter.late_pending()
        self.looked_long = None if pending is None else pending == 0
        hooks = [self.after_launch] + ([self.after_relaunch] if relaunch else [])
        for hook in (h for h in hooks if h is not None):
            hook()
            screen = self.screen()
        self.walked = []
        self.walk_fresh, self._installed = getattr(self, "_installed", False) and not relaunch, False
        return screen

    def relaunch(self) -> Screen:
        return self.launch(relaunch=True)

    def clock(self) -> float | None:
        """The app's clock now (ms; `Adapter.clock`), None when the platform (or a stand-in adapter) has none."""
        clock = getattr(self.adapter, "clock", None)
        return clock() if clock is not None else None

    def look_late(self, since: float) -> None:
        """After a launch layer was answered at `since` (the app's clock): wait, as a launch's first look does,
        until what the app set a timer for since then within `settle.late_dialog_seconds` has shown (a cookie
        notice scheduled once a promotion is skipped), bounded by the launch's timeout; the next capture is fresh.
        No wait when the app set no such timer."""
        try:
            wait_until(lambda: not self.in_foreground or self.adapter.answered_settled(since),
                       timeout=self.gestures.timeout, interval=0.05, message="the app to settle after a launch answer")
        except TimeoutError:
            log.info("the app kept changing after a launch answer; going on")
        self.recorder.invalidate()

    def back(self) -> Screen:
        self.walked.append(None)
        return self._charged(self.gestures.back)

    def tap_point(self, x: int, y: int, label: str) -> Screen:
        """Tap a point (screenshot pixels), e.g. a dialog's backdrop outside its controls."""
        self.walked.append(None)
        return self._charged(lambda: self.gestures.tap_point(x, y, label))

    def fresh(self) -> None:
        """A fresh install: storage and permission decisions cleared (the next launch starts over)."""
        self.platform.reset()
        self.recorder.invalidate()
        self._installed = True
        self.installs += 1
        self.consent_answered = False
        if self.session is not None:
            self.session.held = False     # the account's session is cleared with the rest

    # --- one-time codes ---
    def _peek_code(self, exclude: set[str]) -> None:
        code = wait_for_code(self.platform, exclude, self.code_wait)
        if code is None:
            return
        self.masker.add(code)
        self.last_code = code
        log.info("a one-time code appeared on screen (masked from here on)")

    @property
    def in_foreground(self) -> bool:
        """Whether the app is still what the user sees (a dead session raises AutomationError: it is not an
        app that left, and must never be measured as one)."""
        return bool(self.platform.in_foreground())

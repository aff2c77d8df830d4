"""The operator's reading of the screen: what covers a screen is measured on the live app only while that screen is
the last capture, and kept for the screens a caller may still hold."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer.operator import Operator, StaleScreen
from consent_audit.screen import Element, Screen


def screen(name: str) -> Screen:
    return Screen(elements=[Element(text=name, role="button", bounds=(0, 0, 100, 40), clickable=True)],
                  signature=name, size=(400, 900))


class Adapter:
    """Hit-tests only the screen the app shows now: the first element of the last capture is covered."""

    def __init__(self) -> None:
        self.measured: list[str] = []

    def settle(self) -> None:
        pass

    def covered(self, s: Screen) -> frozenset[int]:
        self.measured.append(s.signature)
        return frozenset({0})


def test_a_cover_measured_while_a_screen_was_shown_is_kept_and_an_unmeasured_old_screen_raises() -> None:
    """Before, the operator kept one screen's cover: asked again for the launch screen once the consent probe had
    shown others, it answered an empty set ("nothing covers it"), and a screen never measured got an empty set too."""
    recorder = SimpleNamespace(last_screen=None)
    adapter = Adapter()
    op = Operator(SimpleNamespace(recorder=recorder, platform=None, masker=None,  # type: ignore[arg-type]
                                  gestures=SimpleNamespace(quieted=lambda settle: None)), adapter)  # type: ignore[arg-type]
    launch, later, never = screen("launch"), screen("later"), screen("never")
    recorder.last_screen = launch
    assert op.covered(launch) == {0}
    recorder.last_screen = later
    assert op.covered(later) == {0}
    assert op.covered(launch) == {0} and adapter.measured == ["launch", "later"]
    with pytest.raises(StaleScreen):
        op.covered(never)


# --- a disabled control on a replayed tap: waited for only while something counts down ---

import time                                                           # noqa: E402

from consent_audit.explorer.elements import targets                  # noqa: E402
from consent_audit.explorer.moves import Move, perform               # noqa: E402


class Replayed:
    """An operator-like over a screen whose «Submit» is disabled; `ticks`: the label it shows at each capture
    (a countdown) — None: it never changes (a submit awaiting a field)."""

    def __init__(self, ticks: list[str] | None) -> None:
        self.ticks, self.captures, self.tapped = ticks, 0, []
        self.held_wait, self.held_probe = 3.0, 0.6
        self.platform = SimpleNamespace(capture=self._capture)
        self.recorder = SimpleNamespace(invalidate=lambda: None)

    def _now(self) -> Screen:
        ticks = self.ticks or ["Submit"]
        label = ticks[min(self.captures, len(ticks) - 1)]
        return Screen(elements=[Element(text=label, role="button", bounds=(0, 0, 100, 40), clickable=True,
                                        enabled=self.ticks is not None and label == ticks[-1])],
                      signature="form", size=(400, 900))

    def _capture(self, screenshot: bool = True) -> SimpleNamespace:
        self.captures += 1
        return SimpleNamespace(screen=self._now())

    def screen(self) -> Screen:
        return self._now()

    def targets(self, screen: Screen | None = None) -> list:
        return targets(screen or self._now())

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.tapped.append((target.label, target.element.enabled))
        return self._now()


def test_a_control_disabled_for_good_is_tapped_at_once_not_after_the_countdown_patience() -> None:
    """Before, every disabled target of a replayed tap was waited for `settle.held_back_seconds` (8 s): a submit
    awaiting a field cost 8 s each time the search or a walk met it."""
    op = Replayed(None)
    move = Move("tap", op.targets()[0].key, "Submit")
    began = time.monotonic()
    perform(op, move, None)   # type: ignore[arg-type]
    assert time.monotonic() - began < 2.0 and op.tapped == [("Submit", False)]


def test_a_control_held_back_by_a_countdown_is_still_waited_for_and_tapped_enabled() -> None:
    op = Replayed(["Reject all (3)", "Reject all (2)", "Reject all (1)", "Reject all"])
    op.captures = 0
    move = Move("tap", op.targets()[0].key, "Reject all (3)")
    perform(op, move, None)   # type: ignore[arg-type]
    assert op.tapped == [("Reject all", True)]


# --- what was done since the launch: begun at a fresh install or at a relaunch ---

def test_a_walk_is_told_begun_at_a_fresh_install_only_after_fresh_and_a_launch(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Operator.walk_fresh` (explorer/asked_in_use.py: such a walk is its own replay from a fresh install): True
    after `fresh()` then a launch; False after a relaunch, or a launch no fresh install came before."""
    from consent_audit.explorer import operator as operator_module

    monkeypatch.setattr(operator_module, "layer_control_shown", lambda op, shown: shown)
    shown = screen("home")
    step = SimpleNamespace(screen=shown)
    recorder = SimpleNamespace(last_screen=None, invalidate=lambda: None, steps=[])
    gestures = SimpleNamespace(quieted=lambda settle: None, launch=lambda settled: step, relaunch=lambda settled: step)
    adapter = SimpleNamespace(prepare=lambda: None, late_pending=lambda: 0, launch_settled=None, settle=None,
                              covered=lambda s: frozenset())
    op = Operator(SimpleNamespace(recorder=recorder, platform=SimpleNamespace(reset=lambda: None),  # type: ignore[arg-type]
                                  masker=None, gestures=gestures), adapter)  # type: ignore[arg-type]
    op.gestures = gestures      # type: ignore[assignment]
    op.launch()
    assert not op.walk_fresh              # no fresh install before it
    op.fresh()
    op.launch()
    assert op.walk_fresh
    op.relaunch()
    assert not op.walk_fresh
    op.fresh()
    op.relaunch()
    op.launch()
    assert not op.walk_fresh              # the install was spent by the relaunch after it

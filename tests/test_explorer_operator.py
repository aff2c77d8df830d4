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

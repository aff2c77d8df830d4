"""A step of a learnt path whose control is not there says why: on the page but under a layer nobody answered, or
gone (fresh tester, corpus shonar: «"আমার পাতা" is not on the screen» while the consent popup lay over the tab)."""
from __future__ import annotations

import pytest

from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.moves import Move, perform
from consent_audit.explorer.operator import NotOnScreen
from consent_audit.screen import Element, Screen

TAB = Element(text="Settings", role="link", bounds=(0, 700, 200, 100), clickable=True)
POPUP = Element(text="Accept all", role="button", bounds=(0, 300, 400, 80), clickable=True)


class _Op:
    """The operator as moves.perform sees it: the tab under the popup's layer (covered), or gone."""

    def __init__(self, elements: list[Element], covered: frozenset[int]) -> None:
        self._screen = Screen(elements=elements, signature="s", size=(400, 800))
        self._covered = covered

    def screen(self) -> Screen:
        return self._screen

    def targets(self, screen: Screen | None = None):
        return targets(screen or self._screen, self._covered)

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)


def _tab_move() -> Move:
    screen = Screen(elements=[TAB], signature="t", size=(400, 800))
    return Move.tap(next(t for t in targets(screen) if t.label == "Settings"))


def test_a_control_under_an_unanswered_layer_is_said_covered_not_gone() -> None:
    op = _Op([TAB, POPUP], covered=frozenset({0}))
    with pytest.raises(NotOnScreen, match="on the page but covered"):
        perform(op, _tab_move(), FormData())


def test_a_control_gone_from_the_page_is_said_not_on_the_screen() -> None:
    op = _Op([POPUP], covered=frozenset())
    with pytest.raises(NotOnScreen, match="is not on the screen"):
        perform(op, _tab_move(), FormData())

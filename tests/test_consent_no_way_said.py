"""«no way to reject on the consent screen» named no screen: a new user could not tell which layer of which
dialog it meant. The message now names the screen's own controls and the moves made to reach it."""
from __future__ import annotations

import pytest

from consent_audit.explorer import consent
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import NotOnScreen
from consent_audit.screen import Element, Screen
from test_explorer_structure import LayerApp


class AcceptOnly:
    """A fixed banner whose one answer is «Accept all» beside a «Cookie policy» link: no refusal anywhere."""

    in_foreground = True

    def screen(self) -> Screen:
        return Screen(elements=[Element(text="Home", bounds=(40, 200, 1000, 80)),
                                Element(bounds=(0, 1800, 1080, 600), fixed=True),
                                Element(text="We use cookies to improve your visit and to show ads.",
                                        bounds=(40, 1840, 1000, 120)),
                                Element(text="Accept all", role="button", clickable=True, bounds=(40, 2100, 1000, 110)),
                                Element(text="Cookie policy", role="link", clickable=True, bounds=(40, 2250, 300, 60))],
                      signature="banner", size=(1080, 2400))

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset({0})

    targets, find = LayerApp.targets, LayerApp.find


def test_the_missing_way_names_the_screens_controls() -> None:
    with pytest.raises(NotOnScreen, match=r"no way to reject on the consent screen \(its controls «Accept all»"):
        consent.answer(AcceptOnly(), consent.REJECT, FormData())    # type: ignore[arg-type]

"""A relaunch whose consent dialog is drawn under another launch layer counts it shown (helper fixCV, ferenj).

ferenj's second launch: the rating prompt (five ★, በኋላ, a role=dialog over a dimming backdrop) lies over the
cookie bar. `consent.shown` leaves a covered dialog out (it cannot be answered there), so the relaunch read
None when the launch was not watched long enough, and 0 — a false "no" — when it was: prompts.consent
[None, 1, 1] against the truth's [1, 1, 1]. The dialog's own control, drawn where the dialog drew it, under the
layer, is told by structure: shown at this launch; the layer above is not answered to see it.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer.app import ExploredApp
from consent_audit.explorer.consent import ConsentPath
from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move
from consent_audit.flows.test_permissions import _consent_at_launch
from consent_audit.screen import Element, Screen

AGREE = Element(text="እስማማለሁ", role="button", clickable=True, bounds=(794, 2234, 193, 79))
BAR = [Element(role="", fixed=True, bounds=(0, 1790, 1082, 612)),
       Element(text="ኩኪዎችን እንጠቀማለን", bounds=(90, 1900, 800, 60)), AGREE]
RATING = [Element(role="dialog", bounds=(76, 892, 930, 618)),
          Element(text="ፈረንጅን ይወዱታል?", bounds=(200, 1000, 600, 60))] + [
    Element(text="★", name=f"{n} ኮከብ", role="button", clickable=True, bounds=(320 + 90 * n, 1270, 80, 80))
    for n in range(1, 6)] + [Element(text="በኋላ", role="button", clickable=True, bounds=(480, 1390, 120, 60))]
HOME = [Element(text="በአቅራቢያዬ ያሉ መደብሮች", role="button", clickable=True, bounds=(42, 310, 520, 118))]


class Relaunched:
    """What the permission flow asks an explored app about a relaunch (ExploredApp.consent_at_launch's inputs):
    the cookie bar's accept path learnt (accept-only, no refusal), the screen as the relaunch left it."""

    consent_at_launch = ExploredApp.consent_at_launch
    _untold_layer = ExploredApp._untold_layer

    def __init__(self, elements: list[Element], covered: set[int], looked_long: bool) -> None:
        screen = Screen(elements=elements, signature="s", size=(1082, 2402))
        self.consent_shown = False               # nothing of the bar can be touched: not answerable now
        self.op = SimpleNamespace(looked_long=looked_long, screen=lambda: screen, covered=lambda s: frozenset(covered),
                                  targets=lambda s=None: targets(screen, frozenset(covered)), consent_keys=frozenset())
        agree = next(t for t in targets(Screen(elements=BAR, signature="bar")) if t.label == "እስማማለሁ")
        self.accept = ConsentPath("accept", [Move.tap(agree)], entry=AGREE)
        self.reject = None
        self.answered_at_launch: list = []
        self.launch_kinds: dict = {}
        self.structure_tried: list = []


@pytest.mark.parametrize("looked_long", [True, False])
def test_the_cookie_bar_under_a_rating_prompt_was_shown_at_that_launch(looked_long: bool) -> None:
    elements = HOME + BAR + RATING
    under = {i for i, e in enumerate(elements) if e in HOME or e in BAR}
    assert _consent_at_launch(Relaunched(elements, under, looked_long)) == 1


def test_a_rating_prompt_alone_is_no_consent_dialog() -> None:
    elements = HOME + RATING
    assert _consent_at_launch(Relaunched(elements, {0}, looked_long=True)) == 0


def test_the_same_words_elsewhere_under_a_layer_are_not_the_dialog() -> None:
    """The learnt control's key drawn somewhere else (another screen's button with the same words) is not the
    dialog's: where the dialog drew it is part of what tells it."""
    moved = Element(text="እስማማለሁ", role="button", clickable=True, bounds=(40, 500, 193, 79))
    elements = HOME + [moved] + RATING
    assert _consent_at_launch(Relaunched(elements, {0, 1}, looked_long=True)) == 0

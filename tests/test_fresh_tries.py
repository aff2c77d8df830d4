"""Controls of the start screen the permissions search could not reach again, used from a fresh start
(explorer/fresh_tries.py), without a browser: corpus kaas shows its own sheet «Meldingen aanzetten?» (Nu niet /
Aanzetten) until it is answered; the search tapped «Nu niet», the sheet went for good and «Aanzetten» — the answer
that asks for notifications — was "not searched": not_found. From a fresh start the sheet is back and its agreeing
answer's request is seen."""
from __future__ import annotations

from consent_audit.explorer.beyond_found import Beyond
from consent_audit.explorer.elements import targets
from consent_audit.explorer.fresh_tries import tried_fresh
from consent_audit.explorer.moves import Move
from consent_audit.screen import Element, Screen

SAID = "'Aanzetten' on the screen via the start (that screen could not be reached again to tap it there)"


def start_screen(sheet: bool, asked: int = 0) -> Screen:
    elements = [Element(text="Voorpagina", bounds=(0, 0, 390, 40))]
    if sheet:
        elements += [Element(text="Nu niet", role="button", clickable=True, bounds=(16, 760, 170, 44)),
                     Element(text="Aanzetten", role="button", clickable=True, bounds=(200, 760, 170, 44))]
    return Screen(elements=elements, signature=f"home{sheet}", size=(390, 844), prompts={"notifications": asked})


class FreshOp:
    """A fresh start shows the sheet; «Aanzetten» asks for notifications (when `asks`) and takes the sheet away."""

    in_foreground = True

    def __init__(self, asks: bool) -> None:
        self.asks, self.shown, self.starts = asks, start_screen(False), 0

    def start(self) -> None:
        self.starts += 1
        self.shown = start_screen(True)

    def screen(self) -> Screen:
        return self.shown

    def targets(self, screen: Screen | None = None):
        return targets(screen or self.shown)

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.shown = start_screen(False, 1 if self.asks else 0)
        return self.shown


def beyond_with_the_answer_left() -> tuple[Beyond, Move]:
    move = Move.tap(next(t for t in targets(start_screen(True)) if t.label == "Aanzetten"))
    beyond = Beyond({}, 3, 5, unsearched=[SAID], unreached_core=[(move, SAID)])
    return beyond, move


def test_the_answer_left_on_a_sheet_gone_for_good_is_used_from_a_fresh_start_and_its_request_seen() -> None:
    beyond, move = beyond_with_the_answer_left()
    op = FreshOp(asks=True)
    tried_fresh(op, op.start, None, beyond)
    assert op.starts == 1 and beyond.unsearched == [] and beyond.unreached_core == []
    assert beyond.features["notifications"].key == move.key


def test_an_answer_that_asks_nothing_and_leaves_the_app_elsewhere_stays_said() -> None:
    beyond, _ = beyond_with_the_answer_left()
    op = FreshOp(asks=False)
    tried_fresh(op, op.start, None, beyond)
    assert beyond.features == {} and len(beyond.unsearched) == 1 and "used from a fresh start" in beyond.unsearched[0]

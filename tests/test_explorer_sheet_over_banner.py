"""An app's own sheet laid over its consent banner at launch is not the consent dialog (verdict page
tests/data/verdicts/sheet_over_banner.html; its e2e run in test_explorer_verdicts_e2e.py).

Recorded data (tests/data/screens/consent-sheet-over-banner.json): the launch screen as the explorer captured it —
an invitation sheet («Anna invited you to her team»: Accept invitation / Later) on a veil over the whole page and
a fair cookie banner under it (Accept all / Reject all). The live hit test (`Operator.covered`) tests controls
only: it marks the banner's buttons; the banner's sentence about cookies is marked covered by the capture
(`Element.covered`). Before: the texts a user reads (`screens.shown_texts`) kept that covered sentence, so the
sheet was the consent dialog shown (`consent.shown`) and answered as one; and the structural probe's candidate
layer (`launch_layer.area`, every dialog box on screen) read the banner's words as the sheet's, so «Accept
invitation» / «Later», storing the invitation's answer, were the accept and the reject — a false
visual_interference either way."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from consent_audit.explorer import consent, consent_structure
from consent_audit.explorer.consent_layer import lies_over_consent
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.launch_layer import layer
from consent_audit.explorer.launch_modals import LaunchModals
from consent_audit.explorer.soft_ask import SoftAsks
from consent_audit.screen import Element, Screen

RECORDED = json.loads((Path(__file__).parent / "data" / "screens" / "consent-sheet-over-banner.json")
                      .read_text(encoding="utf-8"))
COVERED = frozenset(RECORDED["covered"])
SHEET = Screen(elements=[Element(**{k: tuple(v) if k == "bounds" else v for k, v in e.items()})
                         for e in RECORDED["elements"]],
               signature="sheet", size=tuple(RECORDED["size"]), location="http://app/")
VEIL = next(i for i, e in enumerate(SHEET.elements) if e.fixed and e.role != "dialog")
# the sheet answered: the veil and what it holds gone, nothing covered any more
BANNER = Screen(elements=[replace(e, covered=False) for e in SHEET.elements[:VEIL]], signature="banner",
                size=SHEET.size, location="http://app/")


class Teamboard:
    """An operator-like over the recorded launch: the sheet over the banner until «Later» or «Accept
    invitation» (each stores the invitation's answer), then the banner alone."""

    consent_keys: frozenset = frozenset()
    consent_answered = False
    consent_data_question = False
    in_foreground = True
    recorder = type("R", (), {"invalidate": lambda _: None})()

    def __init__(self) -> None:
        self.now, self.stored, self.taps, self.launches = SHEET, {}, [], 0

    def screen(self) -> Screen:
        return self.now

    def covered(self, screen: Screen) -> frozenset[int]:
        return COVERED if screen is SHEET else frozenset()

    def targets(self, screen: Screen | None = None) -> list[Target]:
        screen = screen or self.now
        return targets(screen, self.covered(screen))

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if self.now is SHEET:
            self.now, self.stored = BANNER, {**self.stored, "tb-invite": target.label}
        return self.now

    def launch(self) -> Screen:
        self.launches += 1
        self.now = SHEET
        return self.now

    @property
    def platform(self):
        return type("P", (), {"stored_state": lambda _: {"local": dict(self.stored)}})()


class Harness(LaunchModals):
    def __init__(self, op: Teamboard) -> None:
        self.op, self.data, self.at_launch = op, FormData(), False
        self.launch_moves, self.passed_layers, self.launch_kinds = [], [], {}
        self.soft_asks, self.structure_checked = SoftAsks(), False
        self._holding = self._in_reach = False
        self.context = type("C", (), {"platform": None})()


def test_the_banners_covered_words_are_not_read_with_the_sheets_controls() -> None:
    op = Teamboard()
    assert SHEET.elements[VEIL + 1].role == "dialog" and not consent.shown(op, SHEET)
    assert consent.shown(op, BANNER)             # the sheet answered: the banner is the dialog on screen


def test_the_sheet_is_a_layer_over_the_consent_dialog_never_tried_as_the_dialog() -> None:
    first = layer(SHEET, targets(SHEET, COVERED), COVERED)
    assert first is not None and [t.label for t in first.buttons] == ["Accept invitation", "Later"]
    assert not any("cookies" in text for text in first.texts)      # the covered banner's words are not its own
    assert lies_over_consent(SHEET, COVERED, first)
    op = Teamboard()
    assert consent_structure.learn(op, op.launch, shown=SHEET) is None and op.taps == [] and op.launches == 0


def test_the_sheet_is_answered_at_launch_and_the_banner_left_for_the_consent_goal() -> None:
    """Before: left on screen for the structural probe (a candidate layer of 2 buttons), which took it for
    the dialog — or, with its answer unstored, told no consent dialog at all («no consent dialog was
    recognised at launch»)."""
    harness = Harness(Teamboard())
    harness._answer_new_modals()
    assert harness.op.taps == ["Later"] and [m.label for m in harness.launch_moves] == ["Later"]
    assert harness.op.now is BANNER and consent.shown(harness.op)


def test_a_layer_that_speaks_of_consent_over_another_is_the_dialogs_own_and_a_sheet_over_the_app_is_a_candidate() -> None:
    first = layer(SHEET, targets(SHEET, COVERED), COVERED)
    assert first is not None
    # a second layer of the dialog's own (its purposes, in its words) over the first layer: still the dialog's
    assert not lies_over_consent(SHEET, COVERED, replace(first, texts=first.texts + ("Your cookie choices",)))
    # the same sheet over an app whose page says nothing of consent: a candidate the probe tries
    plain = Screen(elements=[replace(e, text="Tasks of the week") if "cookies" in e.text else
                             replace(e, name="This week") if e.name == "Cookies" else e
                             for e in SHEET.elements], signature="plain", size=SHEET.size)
    assert not lies_over_consent(plain, COVERED, first)

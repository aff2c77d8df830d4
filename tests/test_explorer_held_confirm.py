"""A deletion's last confirm disabled behind a countdown on its face («حذف کریں (10)», corpus daftar): the search
waits for it (explicitly, on its state, bounded by `settle.held_back_seconds`) instead of filing the dialog "no way
forward" and relaunching; the wait is no step. A confirm disabled for good (nothing moves) is not waited for.
Simulated app (no browser), the stand-in operator of tests/test_explorer_signup_refusal.py with a platform that
reads the screen without a screenshot."""
from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.screen import Element, Screen

from tests.test_explorer_signup_refusal import CONFIG, DATA, Op

COUNT = 2.0     # seconds the confirm stays disabled


class CountdownApp:
    """Profile → «Delete account» → a dialog whose «Delete (n)» is disabled for COUNT s (its face ticking each
    0.25 s); tapped enabled it deletes. `ticking`: False — the confirm stays disabled for good, its face still."""

    def __init__(self, ticking: bool = True, sized: bool = False) -> None:
        self.at, self.ticking, self.opened, self.taps = "home", ticking, 0.0, []
        self.sized = sized      # the confirm sized to its words, left-aligned: narrower once the count is gone
        self.deleted = False

    def _left(self) -> float:
        return COUNT - (time.monotonic() - self.opened) if self.ticking else COUNT

    def screen(self) -> Screen:
        rows: list[Element] = [Element(text=self.at.upper(), bounds=(0, 0, 400, 40))]
        if self.at == "home":
            rows.append(Element(text="Profile", role="button", clickable=True, bounds=(10, 60, 380, 44)))
        elif self.at == "profile":
            rows.append(Element(text="Delete account", role="button", clickable=True, bounds=(10, 60, 380, 44)))
        elif self.at == "confirm":
            left = self._left()
            face = "Delete" if left <= 0 else f"Delete ({int(left * 4) + 1})"
            width = 12 * len(face) if self.sized else 380
            rows += [Element(text="Are you sure?", bounds=(10, 60, 380, 30)),
                     Element(text=face, role="button", clickable=True, enabled=left <= 0, bounds=(10, 120, width, 44))]
        else:
            rows.append(Element(text="Your account has been deleted.", bounds=(10, 60, 380, 30)))
        return Screen(elements=rows, signature=self.at, size=(400, 2000))

    def tap(self, label: str) -> None:
        if self.at == "home" and label == "Profile":
            self.at = "profile"
        elif self.at == "profile" and label == "Delete account":
            self.at, self.opened = "confirm", time.monotonic()
        elif self.at == "confirm" and label == "Delete" and self._left() <= 0:
            self.at, self.deleted = "done", True      # a disabled confirm does nothing


class CountdownOp(Op):
    def __init__(self, app: CountdownApp, spend: Spend) -> None:
        super().__init__(app, spend)   # type: ignore[arg-type]
        self.held_wait, self.held_probe = 4.0, 1.0
        self.platform = SimpleNamespace(capture=lambda screenshot=True: SimpleNamespace(screen=app.screen()))
        self.recorder.invalidate = self._read_again      # type: ignore[attr-defined]

    def _read_again(self) -> None:
        self._screen = self.app.screen()

    def tap(self, target: Any, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        self.app.tap(target.element.text)
        return self._act(target.element.text)

    def relaunch(self) -> Screen:
        self.app.at = "home"
        return self._act("relaunch")


def _search(ticking: bool, sized: bool = False) -> tuple[Any, CountdownApp, CountdownOp]:
    app = CountdownApp(ticking, sized)
    op = CountdownOp(app, Spend(Budget(30, 60)))
    return GoalSearch(op, DeletionGoal(CONFIG), DATA, CONFIG.search, op.spend).run(), app, op  # type: ignore[arg-type]


def test_a_confirm_counting_down_is_waited_for_and_tapped_once_enabled() -> None:
    """Before: «Delete (8)» disabled, the dialog filed "no way forward" (dead end 'Delete account'), the search
    relaunched and ended not found; now the confirm is waited for and tapped: the deletion reached in 3 taps, the
    wait charged no step."""
    result, app, op = _search(ticking=True)
    assert result.ending == "reached" and app.deleted, (result.detail, app.taps, result.dead_ends)
    assert app.taps == ["Profile", "Delete account", "Delete"], app.taps
    assert op.recorder.steps == ["Profile", "Delete account", "Delete"]
    assert not any(d["kind"] == "no way forward" for d in result.dead_ends), result.dead_ends


def test_a_confirm_disabled_for_good_is_not_waited_for() -> None:
    """Nothing moves on the dialog: only the probe's second is spent there, never the whole patience."""
    began = time.monotonic()
    result, app, _ = _search(ticking=False)
    assert result.ending != "reached" and not app.deleted
    assert time.monotonic() - began < 3.5


def test_a_confirm_sized_to_its_countdown_is_the_same_control_once_enabled() -> None:
    """Corpus zvezda: «Izbriši (10)» → «Izbriši», a button as wide as its words, left-aligned — neither its key nor
    its box stays; before, the wait never saw it enabled (the same control was told by key or by the very same
    box), ran out, and the screen was read while still counting: the search filed another screen with the same
    form and kept no way to the deletion. Now the same control in the same row (its box overlapping) is it."""
    result, app, op = _search(ticking=True, sized=True)
    assert result.ending == "reached" and app.deleted, (result.detail, app.taps, result.dead_ends)
    assert op.recorder.steps == ["Profile", "Delete account", "Delete"]


def test_a_path_walked_again_waits_for_its_control_still_counting() -> None:
    """A path's move names the control as the search tapped it («Delete», enabled); walked again, the app shows
    it counting («Delete (8)», disabled): waited for on its state, then tapped — before, "not on the screen"."""
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import TAP, Move, perform
    app = CountdownApp(ticking=True, sized=True)
    op = CountdownOp(app, Spend(Budget(30, 60)))
    app.at, app.opened = "confirm", time.monotonic()
    op._read_again()
    perform(op, Move(TAP, "button|delete|0", "Delete", role="button"), FormData())
    assert app.deleted and op.recorder.steps == ["Delete"], op.recorder.steps


class BoxedCountdownApp(CountdownApp):
    """The confirm as a form (corpus hlaup): a required «I understand» box above the counting «Delete (n)»."""

    def __init__(self) -> None:
        super().__init__(ticking=True)
        self.ticked = False

    def screen(self) -> Screen:
        screen = super().screen()
        if self.at == "confirm":
            box = Element(text="I understand", role="checkbox", clickable=True, checked=self.ticked, required=True,
                          bounds=(10, 95, 380, 20))
            submit = screen.elements[2]      # by its id, as the page names it whatever its face says
            submit = Element(text=submit.text, role="button", clickable=True, enabled=submit.enabled, rid="confirm",
                             bounds=submit.bounds)
            screen = Screen(elements=screen.elements[:2] + [box, submit], signature="confirm", size=(400, 2000))
        return screen

    def tap(self, label: str) -> None:
        if self.at == "confirm" and label == "I understand":
            self.ticked = not self.ticked
        elif self.at == "confirm" and label == "Delete" and not self.ticked:
            return
        else:
            super().tap(label)


def test_a_forms_submit_counting_down_is_sent_once_enabled() -> None:
    """Corpus hlaup (fresh18): the deletion's confirm is a form — a required box, then a submit counting down.
    The path's form move ticked the box and tapped «Staðfesta eyðingu (5)» at once, disabled: nothing was sent,
    the relaunch found the account still signed in and the audit reported a false deletion_not_effective (and
    the search filed the form "rejected"). The form's submit is now waited for as a tapped control is."""
    from consent_audit.explorer.form_data import FILL
    from consent_audit.explorer.moves import FORM, Move, perform
    app = BoxedCountdownApp()
    op = CountdownOp(app, Spend(Budget(30, 60)))
    app.at, app.opened = "confirm", time.monotonic()
    op._read_again()
    perform(op, Move(FORM, "#confirm", "Delete", FILL, role="button", rid="confirm"), DATA)
    assert app.deleted, (app.taps, op.recorder.steps)

"""A way on inside a deletion that silently changes nothing (corpus sahel: «Supprimer» drawn enabled-looking enough
to tap, ignoring taps until a box is ticked) is a refusal by the app: said in the goal's dead ends ("changed
nothing"), never lost (before: the search tapped it, nothing changed, and nothing said so). Simulated app, the
stand-in operator of tests/test_explorer_held_confirm.py."""
from __future__ import annotations

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.screen import Element, Screen

from tests.test_explorer_held_confirm import CountdownApp, CountdownOp
from tests.test_explorer_signup_refusal import CONFIG, DATA


class SilentApp(CountdownApp):
    """Profile → «Delete account» → «Are you sure?» whose «Delete» looks enabled and ignores every tap."""

    def screen(self) -> Screen:
        if self.at != "confirm":
            return super().screen()
        return Screen(elements=[Element(text="CONFIRM", bounds=(0, 0, 400, 40)),
                                Element(text="Are you sure?", bounds=(10, 60, 380, 30)),
                                Element(text="Delete", role="button", clickable=True, bounds=(10, 120, 380, 44))],
                      signature="confirm", size=(400, 2000))


def test_a_confirm_that_silently_changes_nothing_is_said_as_a_dead_end() -> None:
    app = SilentApp(ticking=False)
    op = CountdownOp(app, Spend(Budget(20, 60)))
    result = GoalSearch(op, DeletionGoal(CONFIG), DATA, CONFIG.search, op.spend).run()  # type: ignore[arg-type]
    assert result.ending != "reached" and not app.deleted
    assert "Delete" in op.recorder.steps
    assert any(d["kind"] == "changed nothing" and d["label"] == "Delete" for d in result.dead_ends), result.dead_ends

"""What one search of the delete-account goal learns orders the next one's unscored controls (explorer/hints.py):
each search starts with an empty map, and where no word scores a control (corpus song, reactcc-fair: Vietnamese
and Hindi tabs) every search tried the start screen's controls in the same order — 8 taps repeated three times.
Hints never skip a control: they only order those the fallback tries."""
from __future__ import annotations

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.hints import LEADS, NOWHERE, Hints
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from test_explorer_units import CONFIG, DATA, Sim, SimOperator

APP = {                        # no word a lexicon knows, but the log-in behind the third tab
    "home": [("Zorbu", "home"), ("Quelna", "quel"), ("Miraq", "me")],
    "quel": [("Back", "home")],
    "me": [("Log in", "login")],
    "login": [],
}


def logged_out_search(hints: Hints) -> tuple[list[str], DeletionGoal]:
    sim = Sim(APP)
    spend = Spend(Budget(40, 60))
    goal = DeletionGoal(CONFIG)
    goal.without_account, goal.hints = True, hints
    result = GoalSearch(SimOperator(sim, spend), goal, DATA, CONFIG.search, spend).run()  # type: ignore[arg-type]
    hints.learn(result)
    return sim.taps, goal


def test_the_next_search_takes_the_way_to_the_accounts_first_and_what_led_nowhere_last() -> None:
    hints = Hints()
    first, goal = logged_out_search(hints)
    assert goal.stopped and first[-1] == "Miraq" and {"Zorbu", "Quelna"} <= set(first)   # all three tried
    assert _labelled(hints) == {"Zorbu": NOWHERE, "Quelna": NOWHERE, "Miraq": LEADS}
    again, goal = logged_out_search(hints)
    assert goal.stopped and again == ["Miraq"]                 # before: the same taps as the first search
    assert len(again) < len(first)


def test_without_hints_nothing_changes() -> None:
    assert logged_out_search(Hints())[0] == logged_out_search(Hints())[0]


def _labelled(hints: Hints) -> dict[str, float]:
    """Hints by the control's words (keys are role|words|rank)."""
    return {key.split("|")[1].capitalize() if "|" in key else key: p for key, p in hints.points.items()}

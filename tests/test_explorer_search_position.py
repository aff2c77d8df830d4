"""The search is where the app is (fresh7 findings 22-23, corpus shonar-enkeep on the suite of stop 28).

A deletion entered by structure (the password asked again) is verified by logging in again once a screen of it asks
nothing: that relaunches the app and walks the log-in path. The search still believed it stood on the screen the tap
had shown — shonar's last decision «Keep my account» / «Delete» — so its next tap there found no «Delete» on the
(logged-in Settings) screen the app really showed: 'could not go on: "Delete" is not on the screen', the confirm
never tapped again, and the search went on from the wrong place (it tapped «লগ আউট» next). After every move tried,
the search's position is the screen the app shows now.
"""
from __future__ import annotations

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch

from test_explorer_signup_refusal import CONFIG, DATA, FormApp, Op
from test_explorer_structural_deletion import _delete, app_of, log_in_again


def _checked(app: FormApp) -> str:
    """The password asked again, checked: on to the last decision (nothing deleted yet)."""
    if app.values.get("Kodo") != DATA.password:
        app.message = "Kodo mal."
        return "zap"
    return "fora"


def test_after_logging_in_again_to_verify_the_search_goes_on_from_where_the_app_is() -> None:
    app = app_of(logged_in=True)
    app.pages["zap"] = lambda a: [("text", "Zap feno"), ("field", "Kodo", True), ("tap", "Zap mek fora", _checked)]
    # the last decision: a big keep that goes home, a small confirm that deletes (no word of either is known)
    app.pages["fora"] = lambda a: [("text", "Zap feno?"), ("tap", "Plim nu", lambda b: "home", (380, 64)),
                                   ("tap", "Zook zap", _delete, (60, 18))]
    spend = Spend(Budget(120, 60))
    op = Op(app, spend)

    def verify() -> str:
        """As the explorer's verify_deletion: relaunch, log in along the path learnt — the app moves."""
        answer = log_in_again(app)
        op._act("relaunch and log in again")
        return answer
    result = GoalSearch(op, DeletionGoal(CONFIG, verify), DATA, CONFIG.search, spend).run()   # type: ignore[arg-type]
    # before: the first control tried on the decision after the log-in was looked for on the Vrask screen
    lost = [d for d in result.dead_ends if d["kind"].startswith("could not go on")]
    assert not lost, lost
    assert "Zook zap" in app.taps and (DATA.username, DATA.password) not in app.accounts, (app.taps, result.detail)

"""The account search's path when the account is reached only after a relaunch into a start screen that changed
(a one-time notice at the first launch gone, an update installed): the path is reported from where a relaunch
leads, not dropped. Corpus daftar: the sign-up made after a relaunch was reached, but no seen way led there from
the first launch's screen — `paths.account` was [], so the deletion's re-walk started logged out and broke
("'⋮' is not on the screen")."""
from __future__ import annotations

from consent_audit.explorer import forms
from consent_audit.explorer.account import AccountGoal
from consent_audit.explorer.graph import Edge, ScreenGraph
from consent_audit.explorer.moves import TAP, Move

from test_explorer_signup_refusal import CONFIG, DATA, VELD, FormApp, Row, search


def _welcome(app: FormApp) -> list[Row]:
    """The first launch's start screen: a one-time notice over the log-in; every relaunch shows `home`."""
    return [("text", "Nieuw in versie 4.2: sneller overschrijven."), ("text", "Bankieren zonder gedoe."),
            ("tap", "Geldautomaat zoeken", lambda a: "atm", (380, 60)),
            ("tap", "Inloggen", lambda a: "inloggen", (180, 44))]


def test_an_account_reached_after_a_relaunch_into_a_changed_start_screen_keeps_its_path() -> None:
    """Before: `GoalSearch._result` looked for the path only from the first launch's screen (the root); the sign-up
    made from the relaunched start screen had none from there: reached, with no moves to re-walk."""
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(FormApp({**VELD, "welcome": _welcome}, at="welcome"), goal)     # a relaunch: "home"
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert "relaunch" in app.taps and app.user == DATA.username, app.taps
    assert [str(m) for m in result.moves] == ['tap "Rekening openen"', 'fill the form and submit "Rekening openen"']


def test_the_way_to_a_screen_is_from_the_start_else_from_where_a_relaunch_leads() -> None:
    """`ScreenGraph.way_to`: the shortest seen way from the root; none from there, the one from `launched`; None
    when neither reaches it (a path to report is never made up)."""
    graph = ScreenGraph("first")
    for ident in ("first", "home", "profile", "form", "lost"):
        graph.nodes[ident] = None    # type: ignore[assignment]   # only the edges matter here
    step = Move(TAP, "k", "Profiel")
    graph.add(Edge("home", (step,), "profile", 1))
    graph.add(Edge("profile", (step,), "form", 1))
    assert graph.way_to("form") is None          # no relaunch seen yet: only the root's ways count
    graph.relaunched("home")
    assert [e.target for e in graph.way_to("form") or []] == ["profile", "form"]
    graph.add(Edge("first", (step,), "form", 1))
    assert [e.target for e in graph.way_to("form") or []] == ["form"]      # from the start, when there is one
    assert graph.way_to("lost") is None

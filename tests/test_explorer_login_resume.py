"""The search's own log-ins start where the app is (explorer/account_journeys.py `log_in(resume=True)`): a deletion
verified by logging in again, and a log-out told by its effect undone, were each walked from a relaunch — the
relaunch and the taps to the log-in form spent again although the app already showed the way (corpus notice-only:
«Odhlásiť sa» redraws «Profil» logged out with «Prihlásiť sa» on it; kadai: «வெளியேறு» lands on the settings tab
that holds «கணக்கு»; gcn-dark: the deletion's end screen keeps the tab bar). A user logs in from there. The flow's
measured log-in after the deletion still starts from a relaunch. Simulated apps (no browser), the stand-in
operator of tests/test_explorer_signup_refusal.py."""
from __future__ import annotations

from consent_audit.explorer.account_journeys import AccountJourneys
from consent_audit.explorer.config import Budget
from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import Spend

from tests.test_explorer_signup_refusal import DATA, FormApp, Op

FORM = "prihlasenie"


def _submit(app: FormApp) -> str:
    if (app.values.get("E-mail"), app.values.get("Heslo")) in app.accounts:
        app.user = app.values["E-mail"]
        return "home"
    app.message = "Nesprávny e-mail alebo heslo."
    return FORM


def _app() -> FormApp:
    """Home › Profil › «Prihlásiť sa» › a credentials form whose submit has the row's words (one key for both)."""
    tabs = [("tap", "Domov", lambda a: "home", (180, 44)), ("tap", "Profil", lambda a: "profil", (180, 44), "beside")]
    return FormApp({
        "home": lambda app: [("text", "Zastávky")] + tabs,
        "profil": lambda app: ([("tap", "Moje lístky", lambda a: "profil")] if app.user else
                               [("tap", "Prihlásiť sa", lambda a: FORM)]) + tabs,
        FORM: lambda app: [("field", "E-mail", False), ("field", "Heslo", True),
                           ("tap", "Prihlásiť sa", _submit)],
        "done": lambda app: [("text", "Váš účet bol zrušený.")] + tabs,
        "lost": lambda app: [("text", "Nič tu nie je.")],
    })


def _journeys(app: FormApp) -> tuple[AccountJourneys, Op]:
    """The log-in path learnt by walking it once: Profil, «Prihlásiť sa», the form sent."""
    op = Op(app, Spend(Budget(60, 60)))
    moves = []
    for page, label in (("home", "Profil"), ("profil", "Prihlásiť sa")):
        app.at = page
        moves.append(Move.tap(next(t for t in targets(app.screen()) if t.label == label)))
    app.at = FORM
    submit = next(t for t in targets(app.screen()) if t.label == "Prihlásiť sa")
    moves.append(Move.form(submit, "account"))
    journeys = AccountJourneys()
    journeys.op, journeys.data, journeys.login_moves, journeys.account_mode = op, DATA, moves, "sign_up"
    return journeys, op


def _at(app: FormApp, op: Op, page: str) -> None:
    app.at, app.taps[:] = page, []
    op._screen = app.screen()


def test_a_log_in_to_verify_a_deletion_starts_from_the_tab_on_the_end_screen_not_a_relaunch() -> None:
    """Before: relaunch, Profil, «Prihlásiť sa», two fields, send — 6 actions; now 5 (no relaunch)."""
    app = _app()
    journeys, op = _journeys(app)
    _at(app, op, "done")
    spent = op.spend.actions
    assert journeys.verify_deletion() == "rejected"
    assert "relaunch" not in app.taps and app.taps[0] == "Profil", app.taps
    assert op.spend.actions - spent == 5


def test_a_log_out_that_shows_the_log_in_row_is_undone_from_that_row() -> None:
    """Logged out on the profile (the log-out redraws it with «Prihlásiť sa»): the row, then the form — no
    relaunch, no «Profil» (2 actions saved); the account logs in again."""
    app = _app()
    app.accounts.add((DATA.username, DATA.password))
    journeys, op = _journeys(app)
    _at(app, op, "profil")
    assert journeys.log_in(resume=True) == "accepted"
    assert app.taps[0] == "Prihlásiť sa" and "relaunch" not in app.taps and "Profil" not in app.taps, app.taps


def test_the_form_is_sent_at_once_only_on_a_credentials_form() -> None:
    """The submit shares its words and key with the row that opens the form: on the profile the row is the
    path's second step, not the form's submit."""
    app = _app()
    journeys, op = _journeys(app)
    _at(app, op, "profil")
    assert journeys.resume_at() == 1
    _at(app, op, FORM)
    assert journeys.resume_at() == 2
    _at(app, op, "lost")
    assert journeys.resume_at() is None


def test_nothing_of_the_path_on_screen_logs_in_from_a_relaunch() -> None:
    app = _app()
    journeys, op = _journeys(app)
    _at(app, op, "lost")
    assert journeys.log_in(resume=True) == "rejected"
    assert app.taps[0] == "relaunch", app.taps


def test_a_path_broken_on_the_way_from_where_the_app_was_is_walked_again_from_a_relaunch() -> None:
    """«Profil» on screen leads elsewhere here (no «Prihlásiť sa» there): the log-in is walked again from a
    relaunch, never told from the broken walk."""
    app = _app()
    journeys, op = _journeys(app)
    app.pages["odd"] = lambda a: [("tap", "Profil", lambda x: "lost")]
    _at(app, op, "odd")
    assert journeys.log_in(resume=True) == "rejected"
    assert app.taps[:2] == ["Profil", "relaunch"], app.taps


def test_the_flows_measured_log_in_still_starts_from_a_relaunch() -> None:
    app = _app()
    journeys, op = _journeys(app)
    _at(app, op, "done")
    assert journeys.log_in() == "rejected"
    assert app.taps[0] == "relaunch", app.taps


def test_a_path_broken_where_the_session_is_still_stored_says_still_in_without_a_relaunch() -> None:
    """kadai: the keep answered («கணக்கை வைத்திரு» → the settings tab), the log-in that verifies it went to the
    account screen, which offers no log-in (still signed in): before, a relaunch and the path again to find the
    same. Every record the log-in stored still stored: the account is in — 'accepted' from there."""
    from types import SimpleNamespace

    from consent_audit.explorer.session import Session

    app = _app()
    journeys, op = _journeys(app)
    app.user = DATA.username
    store = {"token": "t-1-opaque-token"}
    op.session = Session(keys=frozenset({"local:token"}))                      # type: ignore[attr-defined]
    op.platform = SimpleNamespace(stored_state=lambda: {"local": dict(store)})  # type: ignore[attr-defined]
    _at(app, op, "home")
    assert journeys.log_in(resume=True) == "accepted"
    assert app.taps == ["Profil"], app.taps
    store.clear()                       # the records gone: not told here — from a relaunch, as before
    journeys.logged_out_node = journeys.logged_in_signature = journeys.logged_out_signature = None
    _at(app, op, "home")
    journeys.log_in(resume=True)
    assert app.taps[:2] == ["Profil", "relaunch"], app.taps

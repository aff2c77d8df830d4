"""A log-out told by its effect, not its words (corpus apps vstup, ktiv, grafis: «Odhlásit se», «התנתקות»,
«Αποσύνδεση» tapped by the deletion search because no lexicon named them, the session lost, actions wasted and
the search ending on a misleading "stopped at a form: it wants 'אימייל' (not given)"). Here the log-out is worded
as nothing any lexicon knows («Qvzrt plonk»): the records the log-in stored vanish, or (storage unreadable) the
logged-out start screen shows again. Simulated apps (no browser), the stand-in operator of
tests/test_explorer_signup_refusal.py with a platform that reads the app's storage."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.explorer.session import Session
from consent_audit.screen import Element, Screen

from tests.test_explorer_signup_refusal import CONFIG, DATA, FormApp, Op

LOG_OUT = "Qvzrt plonk"       # words no lexicon has


def _log_out(app: FormApp) -> str:
    app.user = None
    return "welcome"


def _pages(app_store: dict[str, str]) -> dict[str, Any]:
    def home(app: FormApp) -> list:
        return [("text", "Vítejte zpět"), ("tap", "Profil", lambda a: "profil"), ("tap", "Zprávy", lambda a: "home")]

    def gone(app: FormApp) -> str:
        app.user = None
        app_store.clear()
        return "!done"

    def out(app: FormApp) -> str:
        app_store.pop("token", None)
        return _log_out(app)

    return {
        "home": lambda app: home(app) if app.user else [("tap", "Přihlásit se", lambda a: "welcome")],
        "welcome": lambda app: [("text", "Účet"), ("tap", "Přihlásit se", lambda a: "welcome")],
        # the log-out first, as on vstup's profile: tried before the settings row by the fallback's order
        "profil": lambda app: [("tap", LOG_OUT, out), ("tap", "Bezpečnost", lambda a: "sec")],
        "sec": lambda app: [("tap", "Delete account", lambda a: "confirm")],
        "confirm": lambda app: [("text", "Are you sure?"), ("tap", "Delete", gone)],
        "!done": lambda app: [("text", "Your account has been deleted.")],
    }


@dataclass
class Platform:
    store: dict[str, str]
    readable: bool = True

    def stored_state(self) -> dict[str, Any] | None:
        return {"local": dict(self.store), "session": {}, "cookies": {}} if self.readable else None


def _search(app: FormApp, op: Op, goal: object) -> Any:
    return GoalSearch(op, goal, DATA, CONFIG.search, op.spend).run()   # type: ignore[arg-type]


def _setup(readable: bool = True, relogin: bool = True) -> tuple[FormApp, Op, dict[str, str], list[str]]:
    store = {"token": "t-1-opaque-token", "consent": "yes", "news": "1"}
    app = FormApp(_pages(store))
    app.user = DATA.username
    op = Op(app, Spend(Budget(60, 60)))
    op.platform = Platform(store, readable)          # type: ignore[attr-defined]
    logins: list[str] = []

    def log_back_in() -> bool:
        logins.append("in")
        app.user, app.at = DATA.username, "home"
        store["token"] = "t-2-opaque-token"
        op._screen = app.screen()
        return True

    before = {"local": {"consent": "yes"}}
    after = {"local": {"consent": "yes", "token": "t-1-opaque-token", "news": "1"}}   # a preference the form stored too
    op.session = Session.learnt(before, after, logged_out="welcome", logged_in="home",     # type: ignore[attr-defined]
                                relogin=log_back_in if relogin else None)
    return app, op, store, logins


def test_a_tap_that_removes_what_the_log_in_stored_is_a_log_out_and_the_search_logs_back_in() -> None:
    """Before: «Qvzrt plonk» (no lexicon's word) was an ordinary control: tapped, the session was lost and the
    search went on logged out; now it is recorded as "logged out", the account logged back in, the deletion
    reached — and a later goal's search never taps it again."""
    app, op, store, logins = _setup()
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert app.taps.count(LOG_OUT) == 1 and logins == ["in"], app.taps
    assert op.session.log_outs and list(op.session.log_outs.values()) == [LOG_OUT]
    assert any(d["label"] == LOG_OUT and d["kind"] == "logged out" and d["tried"] for d in result.dead_ends)
    # another goal, the same app and operator: the control is a log-out from the start
    app.user, app.at, app.taps[:] = DATA.username, "home", []
    store["token"] = "t-3-opaque-token"
    op._screen = app.screen()
    again = _search(app, op, DeletionGoal(CONFIG))
    assert LOG_OUT not in app.taps and again.ending == "reached", (again.detail, app.taps)
    assert any(d["label"] == LOG_OUT and d["kind"] == "log out" for d in again.dead_ends)


def test_logged_out_with_no_way_back_in_the_deletion_says_so_not_that_a_form_wants_data() -> None:
    """Before: the search went on logged out and ended "stopped at a form: it wants …" (ktiv)."""
    app, op, _, _ = _setup(relogin=False)
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "exhausted"
    assert result.detail.startswith(f"logged out by '{LOG_OUT}'") and "log back in" in result.detail, result.detail
    assert app.taps[-1] == LOG_OUT     # no action spent logged out


def test_a_tap_that_keeps_the_session_is_no_log_out_and_a_deletion_ending_it_is_none() -> None:
    """The deletion's own last tap removes the session too: it is the goal reached, never a log-out."""
    app, op, store, _ = _setup()
    op.session.log_outs.clear()
    app.pages["profil"] = lambda a: [("tap", "Bezpečnost", lambda x: "sec")]
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "reached" and not op.session.log_outs
    assert not any(d["kind"] == "logged out" for d in result.dead_ends)


def test_where_storage_cannot_be_read_the_logged_out_start_screen_tells_it() -> None:
    """Android (no storage read back): the app's start screen without an account shows again after the tap —
    while the account was held; after a fresh install (not held) the same screen tells nothing."""
    app, op, _, logins = _setup(readable=False)
    op.session = Session(logged_out="welcome", logged_in="home", relogin=op.session.relogin)   # type: ignore[attr-defined]
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "reached" and list(op.session.log_outs.values()) == [LOG_OUT] and logins == ["in"]
    session = Session(logged_out="welcome", logged_in="home", held=False)
    was, now = Screen([Element(text="x")], "profil"), Screen([Element(text="y")], "welcome")
    assert session.ended(None, None, was, now, set()) is None
    session.held = True
    assert session.ended(None, None, was, now, set()) == "the app's start screen without an account shows again"
    assert Session(logged_out="home", logged_in="home").ended(None, None, was, Screen([], "home"), set()) is None


def test_a_log_out_that_keeps_the_account_e_mail_stored_is_still_a_log_out() -> None:
    """fresh8 kadai: the sign-up stored a token and the account's e-mail; «வெளியேறு» removed the token only, so
    "every record gone" never held, the log-out went untold and the search went on logged out."""
    app, op, store, logins = _setup()
    store["user"] = DATA.username + "-remembered"
    op.session = Session.learnt({"local": {"consent": "yes"}},
                                {"local": {"consent": "yes", "token": "t-1-opaque-token", "user": store["user"]}},
                                logged_out="welcome", logged_in="home", relogin=op.session.relogin)
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert app.taps.count(LOG_OUT) == 1 and logins == ["in"], app.taps
    assert list(op.session.log_outs.values()) == [LOG_OUT]

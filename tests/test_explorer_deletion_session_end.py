"""A deletion done told by structure, not by its end screen's words (corpus daftar, one-change copy
daftar-nocountdown): the last confirm deleted the account and logged out — the records the sign-up stored gone,
the logged-out start shown, the end line «آپ کا اکاؤنٹ حذف کر دیا گیا ہے۔» in words no lexicon has — but no log-in
path was learnt to ask the server, so the tap was filed "no way forward" and the search went on. Inside the
deletion flow, a tap that ends the session is the deletion done (unverified) even when logging in again cannot be
asked; a control whose words say log out stays a log-out. Simulated app: the stand-ins of
tests/test_explorer_logout_effect.py."""
from __future__ import annotations

from typing import Any

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.explorer.session import Session

from tests.test_explorer_logout_effect import Platform
from tests.test_explorer_signup_refusal import CONFIG, DATA, FormApp, Op

END = "آپ کا اکاؤنٹ حذف کر دیا گیا ہے۔"      # "your account has been deleted", in words no lexicon has


def _app(store: dict[str, str], last: str) -> FormApp:
    def gone(app: FormApp) -> str:
        app.user = None
        store.clear()
        return "home"

    return FormApp({
        "home": lambda app: ([("tap", "Profile", lambda a: "profile")] if app.user
                             else [("text", END)] if not store else [("tap", "Log in", lambda a: "home")]),
        "profile": lambda app: [("tap", "Delete account", lambda a: "confirm")],
        "confirm": lambda app: [("text", "Are you sure?"), ("tap", last, gone)],
    })


def _signed_in(last: str) -> tuple[Any, FormApp, dict[str, str]]:
    """The app signed in (its session's records learnt) whose confirm is `last`: (operator, app, its store)."""
    store = {"token": "t-1-opaque-token", "consent": "yes"}
    app = _app(store, last)
    app.user = DATA.username
    op = Op(app, Spend(Budget(30, 60)))
    op.platform = Platform(store)          # type: ignore[attr-defined]
    op.session = Session.learnt({"local": {"consent": "yes"}},      # type: ignore[attr-defined]
                                {"local": {"consent": "yes", "token": "t-1-opaque-token"}},
                                logged_out="home", logged_in="home")
    return op, app, store


def _search(last: str) -> tuple[Any, FormApp, dict[str, str]]:
    op, app, store = _signed_in(last)
    result = GoalSearch(op, DeletionGoal(CONFIG), DATA, CONFIG.search, op.spend).run()   # type: ignore[arg-type]
    return result, app, store


def test_a_confirm_that_ends_the_session_inside_the_flow_is_the_deletion_done() -> None:
    """Before: 'حذف کریں' filed "no way forward", the search went on and ended not found."""
    result, app, store = _search("حذف کریں")
    assert result.ending == "reached", (result.detail, app.taps, result.dead_ends)
    assert app.taps == ["Profile", "Delete account", "حذف کریں"] and not store
    assert not any(d["label"] == "حذف کریں" for d in result.dead_ends), result.dead_ends


def test_a_log_out_inside_the_flow_is_still_no_deletion() -> None:
    result, app, _ = _search("Log out")
    assert result.ending != "reached", (result.detail, app.taps)


def _verified_search(last: str) -> tuple[Any, FormApp, list[str]]:
    """The same app with a log-in path learnt: `verify` stands for logging in again (six actions on the corpus:
    relaunch, the way to the form, two fields, its submit), refused since the account is gone."""
    asked: list[str] = []
    op, app, _ = _signed_in(last)
    goal = DeletionGoal(CONFIG, lambda: asked.append(last) or "rejected")
    result = GoalSearch(op, goal, DATA, CONFIG.search, op.spend).run()   # type: ignore[arg-type]
    return result, app, asked


def test_a_confirm_worded_as_the_deletion_that_ends_the_session_is_not_logged_into_again() -> None:
    """Corpus rotfai «ลบบัญชีถาวร», safar «حذف برای همیشه»: the flow entered by its words, its last control
    worded as the deletion itself, the session gone after it — a user reads it done; the log-in again (six
    actions) only tells what the words already say (and the flow's re-walk measures it anyway)."""
    result, app, asked = _verified_search("Delete permanently")
    assert result.ending == "reached" and result.detail == "done", (result.detail, app.taps)
    assert app.taps == ["Profile", "Delete account", "Delete permanently"] and asked == []
    # a confirm whose words do not name the deletion ("Yes, I am sure"): logging in again still tells it
    result, app, asked = _verified_search("Yes, I am sure")
    assert result.ending == "reached" and asked == ["Yes, I am sure"], (result.detail, app.taps)

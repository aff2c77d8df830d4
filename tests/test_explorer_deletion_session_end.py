"""A deletion the search carried out, told by its effect when its done screen says nothing a lexicon knows
(corpus one-change copies rotfai-delete-first-no-typing, safar-one-confirm: «ลบบัญชีถาวร» → «ลบบัญชีแล้ว»,
«حذف برای همیشه» → «حساب حذف شد»): the session the log-in stored is gone right after the tap, and logging in
again with the test account is refused (or pending) — the deletion; accepted — a log-out. Before, the first was
read as a log-out ("logged out by 'ลบบัญชีถาวร' … no way to log back in") or, inside the flow, not noticed at all
(the search went on and ended "stopped at a form"). Simulated apps (no browser), the harness of
tests/test_explorer_logout_effect.py."""
from __future__ import annotations

from typing import Any

from consent_audit.explorer.deletion import DeletionGoal

from tests.test_explorer_logout_effect import LOG_OUT, _search, _setup
from tests.test_explorer_signup_refusal import CONFIG, FormApp

GONE = "Wrrp zonk"      # the done screen's words: none a lexicon has


def _erase(store: dict[str, str]) -> Any:
    def act(app: FormApp) -> str:
        app.user = None
        store.clear()
        return "welcome"      # the app shows its logged-out start, as rotfai does
    return act


def _silent(app: FormApp, store: dict[str, str], entry: str) -> None:
    """The profile's deletion entry `entry` leads to a confirmation whose way on erases the account and whose
    done screen says nothing known."""
    app.pages["profil"] = lambda a: [("tap", entry, lambda x: "confirm")]
    app.pages["confirm"] = lambda a: [("text", GONE), ("tap", "Delete", _erase(store))]


def test_a_tap_on_the_way_to_deletion_that_ends_the_session_and_the_log_in_is_refused_is_the_deletion() -> None:
    """Outside any flow a lexicon names (the entry «Qorp konto»): before, "logged out by 'Delete'"."""
    app, op, store, _ = _setup()
    _silent(app, store, "Qorp konto")
    asked: list[str] = []
    goal = DeletionGoal(CONFIG, lambda: asked.append("login") or "rejected")
    result = _search(app, op, goal)
    assert result.ending == "reached" and result.detail == "done", (result.detail, app.taps)
    assert asked == ["login"] and not op.session.log_outs
    assert [m.label for m in result.moves][-1] == "Delete"


def test_inside_the_flow_a_silent_done_screen_is_told_by_the_refused_log_in() -> None:
    """Inside the flow («Delete account»): before, the session's end was not watched and the search went on."""
    app, op, store, _ = _setup()
    _silent(app, store, "Delete account")
    goal = DeletionGoal(CONFIG, lambda: "pending")
    result = _search(app, op, goal)
    assert result.ending == "reached" and result.detail == "pending", (result.detail, app.taps)
    assert app.taps[-1] == "Delete"


def test_a_session_end_the_log_in_accepts_again_is_a_log_out_never_the_deletion() -> None:
    """The log-out worded as nothing known: logging in again is accepted — a log-out, the account in again, and
    the deletion found further on."""
    app, op, store, logins = _setup()

    def accepted() -> str:
        app.user, app.at = "tester@veld.test", "home"
        store["token"] = "t-2-opaque-token"
        op._screen = app.screen()
        return "accepted"

    result = _search(app, op, DeletionGoal(CONFIG, accepted))
    assert list(op.session.log_outs.values()) == [LOG_OUT] and logins == []     # no second log-in
    assert result.ending == "reached", (result.detail, app.taps)
    assert any(d["label"] == LOG_OUT and d["kind"] == "logged out" for d in result.dead_ends)


def test_a_full_screen_confirmation_with_two_unnamed_buttons_is_a_step_not_a_dead_end() -> None:
    """safar: «حذف حساب (۱ از ۳)» with «ادامه» / «انصراف», deep in the app (no fallback there): before, filed
    "no way forward". Now each unnamed control of a step is tried; the one that goes back to the deletion's
    entry is a way back and the other leads on, to the deletion."""
    app, op, store, _ = _setup()
    app.pages["profil"] = lambda a: [("tap", "Bezpečnost", lambda x: "sec")]
    app.pages["sec"] = lambda a: [("tap", "Delete account", lambda x: "step1")]
    app.pages["step1"] = lambda a: [("text", "Delete account (1/2)"), ("tap", "Qlorp", lambda x: "step2"),
                                    ("tap", "Znarf", lambda x: "sec")]
    app.pages["step2"] = lambda a: [("text", "Delete account (2/2)"), ("tap", "Znarf", lambda x: "sec"),
                                    ("tap", "Vlim", lambda x: "confirm")]
    result = _search(app, op, DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert [m.label for m in result.moves][-3:] == ["Qlorp", "Vlim", "Delete"], result.moves

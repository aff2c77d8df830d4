"""A deletion whose words no lexicon has, ending in a bare question one level past the search's fallback depth
(corpus notice-only, Slovak: Profil › Nastavenia účtu › Zrušiť účet → «Naozaj chcete zrušiť účet?» with «Nie,
späť» / «Áno, zrušiť účet» side by side): before, the question's answers were never tried — the screen was filed
"no way forward" and the search ended "nothing promising left to try", a wrong not_found. A screen that is one
question and its two or three answers (nothing to fill; two of them side by side in one row, or a text asking a
question) has its answers tried wherever it lies; a deep menu of plain rows still is not. Simulated apps (no
browser), the harness of tests/test_explorer_logout_effect.py (a session the log-in stored, read back)."""
from __future__ import annotations

from typing import Any

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.echo import names_again
from consent_audit.explorer.screens import bare_question

from tests.test_explorer_logout_effect import _search, _setup
from tests.test_explorer_signup_refusal import CONFIG, FormApp

QUESTION = "Zorp blim mek?"      # words no lexicon has


def _erase(store: dict[str, str]) -> Any:
    def act(app: FormApp) -> str:
        app.user = None
        store.clear()
        return "!gone"
    return act


def _deep(app: FormApp, store: dict[str, str], question: list) -> None:
    """Profil (a word the lexicon knows) › Plonk › Vlork (unscored) → the question, three levels down."""
    app.pages["profil"] = lambda a: [("tap", "Plonk", lambda x: "set"), ("tap", "Trask", lambda x: "trask")]
    app.pages["trask"] = lambda a: [("text", "Trask")]
    app.pages["set"] = lambda a: [("tap", "Glim", lambda x: "glim"), ("tap", "Vlork", lambda x: "q")]
    app.pages["glim"] = lambda a: [("text", "Glim")]
    app.pages["q"] = lambda a: question
    app.pages["!gone"] = lambda a: [("text", "Wrrp zonk.")]


def test_a_bare_question_past_the_fallback_depth_is_answered_and_its_deletion_told_by_the_log_in() -> None:
    app, op, store, _ = _setup()
    _deep(app, store, [("text", QUESTION), ("tap", "Nu, bak", lambda x: "set", (180, 44)),
                       ("tap", "Ja, zorp", _erase(store), (180, 44), "beside")])
    asked: list[str] = []
    result = _search(app, op, DeletionGoal(CONFIG, lambda: asked.append("login") or "rejected"))
    assert result.ending == "reached" and result.detail == "done", (result.detail, app.taps)
    assert [m.label for m in result.moves] == ["Profil", "Plonk", "Vlork", "Ja, zorp"], result.moves
    assert asked == ["login"]
    assert not any(d["label"] == "Vlork" and d["kind"] == "no way forward" for d in result.dead_ends)


def test_a_deep_menu_of_plain_rows_is_not_tried_past_the_fallback_depth() -> None:
    """The cost stays bounded: two stacked rows, no question asked, three levels down — not tried."""
    app, op, store, _ = _setup()
    _deep(app, store, [("text", "Zorp blim"), ("tap", "Nu, bak", lambda x: "set"), ("tap", "Ja, zorp", _erase(store))])
    result = _search(app, op, DeletionGoal(CONFIG, lambda: "rejected"))
    assert result.ending != "reached" and "Ja, zorp" not in app.taps, (result.detail, app.taps)


def test_what_a_bare_question_is() -> None:
    app, _, store, _ = _setup()
    _deep(app, store, [])
    cases = (
        ([("text", QUESTION), ("tap", "Nu", lambda x: "q"), ("tap", "Ja", lambda x: "q")], True),      # stacked, asked
        ([("text", "Zorp blim"), ("tap", "Nu", lambda x: "q", (180, 44)),
          ("tap", "Ja", lambda x: "q", (180, 44), "beside")], True),                                   # a pair in a row
        ([("text", "Zorp blim"), ("tap", "Nu", lambda x: "q"), ("tap", "Ja", lambda x: "q")], False),  # a menu
        ([("text", QUESTION), ("tap", "Ja", lambda x: "q")], False),                                   # one control
        ([("text", QUESTION), ("field", "Kodo", True), ("tap", "Nu", lambda x: "q"),
          ("tap", "Ja", lambda x: "q")], False),                                                       # a form
        ([("text", QUESTION)] + [("tap", w, lambda x: "q") for w in ("A", "B", "C", "D")], False),     # a list
    )
    for rows, expected in cases:
        app.pages["q"] = lambda a, rows=rows: rows
        app.at = "q"
        screen = app.screen()
        assert bare_question(screen, targets(screen), frozenset()) is expected, rows


def test_the_answer_that_names_the_deed_again_is_tried_before_the_other() -> None:
    """A bare question's answers in words no lexicon has: the one repeating a word of the control that asked it
    («Zrušiť účet» → «Nie, späť» / «Áno, zrušiť účet») goes on, the other goes back — tried first, whatever its
    place (before: the first in the page's order, «Nie, späť», then the entry again: two actions)."""
    app, op, store, _ = _setup()
    _deep(app, store, [("text", QUESTION), ("tap", "Nu, bak", lambda x: "set", (180, 44)),
                       ("tap", "Ja, vlork", _erase(store), (180, 44), "beside")])
    result = _search(app, op, DeletionGoal(CONFIG, lambda: "rejected"))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Nu, bak" not in app.taps, app.taps


def test_a_word_every_answer_repeats_tells_nothing() -> None:
    assert names_again("Áno, zrušiť účet", "Zrušiť účet", ("Nie, späť",))
    assert not names_again("No, keep account", "Delete account", ("Yes, delete account",))
    assert names_again("Yes, delete account", "Delete account", ("No, keep account",))


def test_a_way_that_led_nowhere_says_what_its_screen_offered() -> None:
    """Before: the dead end read {label: Vlork, kind: "no way forward"} and nothing more — a new user could not
    tell what the screen behind it held (stop 33's notes). It lists the controls there, each with why the search
    did not take it."""
    app, op, store, _ = _setup()
    _deep(app, store, [("text", "Zorp blim"), ("tap", "Nu, bak", lambda x: "set"), ("tap", "Ja, zorp", _erase(store))])
    result = _search(app, op, DeletionGoal(CONFIG, lambda: "rejected"))
    nowhere = [d for d in result.dead_ends if d["label"] == "Vlork" and d["kind"] == "no way forward"]
    assert nowhere and {"Nu, bak", "Ja, zorp"} <= {o.split(" (")[0] for o in nowhere[0]["offered"]}, result.dead_ends
    assert all(o.endswith(")") for o in nowhere[0]["offered"])


def test_a_word_written_with_vowel_signs_is_one_word() -> None:
    """Words of a script whose vowels are combining marks (Tamil, Hindi, Thai …) are whole words, marks and all:
    before, `\\w` stopped at each vowel sign, so «நீக்கு» held no word of three letters and no answer written so
    ever named the deed again."""
    assert names_again("நீக்கு", "கணக்கை நீக்கு", ("கணக்கை வைத்திரு",))
    assert not names_again("கணக்கை வைத்திரு", "நீக்கு", ("நீக்கு",))
    assert names_again("हाँ, हटाएँ", "खाता हटाएँ", ("नहीं, रखें",))


def test_the_answer_naming_the_deed_the_flow_was_entered_by_goes_on_first() -> None:
    """Corpus kadai: Profil › «Konto» › «Kontoa zorpu» (no word known: entered by structure, the password asked
    again) › its submit «Gonn» → a bare question whose big first answer «Kontoa haltu» keeps the account (it goes
    back to the account screen) and whose small «Zorpu» deletes it. The question was asked by «Gonn», which
    neither answer repeats; the deed is what the flow's entry added to the way there — «zorpu» («Kontoa» only
    repeats the place, «Konto», in another ending). Before, «Kontoa haltu» was tapped first (the page's order):
    a log-in to tell it deleted nothing, the flow walked again — six actions."""
    app, op, store, _ = _setup()
    app.pages["profil"] = lambda a: [("tap", "Konto", lambda x: "konto")]
    app.pages["konto"] = lambda a: [("tap", "Kontoa zorpu", lambda x: "entry")]
    app.pages["entry"] = lambda a: [("text", "Blim blam."), ("field", "Pasko", True), ("tap", "Gonn", lambda x: "q")]
    app.pages["q"] = lambda a: [("text", "Zorpi mek?"), ("tap", "Kontoa haltu", lambda x: "konto", (380, 50)),
                                ("tap", "Zorpu", _erase(store), (120, 30))]
    app.pages["!gone"] = lambda a: [("text", "Wrrp zonk.")]
    result = _search(app, op, DeletionGoal(CONFIG, lambda: "rejected" if app.user is None else "accepted"))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Kontoa haltu" not in app.taps, app.taps
    assert [m.label for m in result.moves][-1] == "Zorpu", result.moves

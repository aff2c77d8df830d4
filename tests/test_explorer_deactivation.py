"""A deactivation beside the deletion (corpus zvezda, Slovenian: Račun offers a big filled «Deaktiviraj račun» — it
only logs out, the next log-in brings everything back — over a small grey «Izbriši trajno»). Both are deletion words
to the lexicon (cancel_account, weight 100, against `delete` 45 for «Izbriši»): the decoy was tapped first, the
session's end told a log-out by logging in again (five actions) and the way walked again to the real deletion (three
more). Deactivating is not deleting: a label the goals lexicon also calls `deactivate` scores below a deletion
word on the same screen, and inside the flow such a tap that ends the session is told by logging in again, never
taken for the deletion on its words. Simulated apps (no browser), the harness of
tests/test_explorer_logout_effect.py."""
from __future__ import annotations

from consent_audit.detectors.lexicon import load_lexicon
from consent_audit.explorer import cues
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import TAP, Move
from consent_audit.screen import Screen

from tests.test_explorer_deep_question import _erase
from tests.test_explorer_logout_effect import _search, _setup
from tests.test_explorer_signup_refusal import CONFIG, DATA, FormApp

DEACTIVATE = "Deaktiviraj račun"
DELETE = "Izbriši trajno"


def _logs_out(store: dict[str, str]):
    def act(app: FormApp) -> str:
        store.pop("token", None)
        app.user = None
        return "welcome"
    return act


def test_the_deletion_word_is_tapped_before_the_deactivation_word_on_the_same_screen() -> None:
    """Before: «Deaktiviraj račun» (cancel_account, 100) was tapped before «Izbriši trajno» (delete, 45)."""
    app, op, store, logins = _setup()
    app.pages["profil"] = lambda a: [("tap", "Račun", lambda x: "racun")]
    app.pages["racun"] = lambda a: [("tap", DEACTIVATE, _logs_out(store)), ("tap", DELETE, lambda x: "geslo")]
    app.pages["geslo"] = lambda a: [("text", "Ste prepričani?"), ("tap", "Izbriši", _erase(store))]
    app.pages["!gone"] = lambda a: [("text", "Your account has been deleted.")]

    def log_in_again() -> str:
        """Logging in again: refused once the account is erased, else accepted (the account back, logged in)."""
        if not store:
            return "rejected"
        app.user, app.at, store["token"] = DATA.username, "home", "t-2-opaque-token"
        op._screen = app.screen()
        return "accepted"

    result = _search(app, op, DeletionGoal(CONFIG, log_in_again))
    assert result.ending == "reached" and not store, (result.detail, app.taps)
    assert DEACTIVATE not in app.taps and logins == [], app.taps


def test_deactivation_words_are_their_own_category_beside_the_deletion_and_score_below_it() -> None:
    for label in (DEACTIVATE, "Deactivate account", "Deactivate my account", "Desativar conta"):
        assert cues.has(label, "deactivate") and cues.has(label, "cancel_account"), label
        assert load_lexicon("goals").best(label) == "cancel_account", label    # classify_action's reading kept
    for label in ("Delete account", "Izbriši račun", DELETE, "Zapri račun"):
        assert not cues.has(label, "deactivate"), label
    goal = DeletionGoal(CONFIG)
    for in_flow in (False, True):
        node = Node("n", Screen(elements=[], signature="s"), 1, in_flow=in_flow)
        assert 0 < goal.score(node, DEACTIVATE) < goal.score(node, DELETE), in_flow
        assert goal.score(node, "Delete account") > goal.score(node, "Deactivate account"), in_flow


def test_a_deactivation_that_ends_the_session_inside_the_flow_is_told_by_logging_in_again() -> None:
    """Its words name no deletion done: logging in again tells (accepted: no deletion); a deletion word still
    needs no log-in (corpus rotfai, safar: tests/test_explorer_deletion_session_end.py)."""
    asked: list[str] = []
    goal = DeletionGoal(CONFIG, lambda: asked.append("in") or "accepted")
    assert goal.session_ended(_tap(DEACTIVATE),
                              in_flow=True) == "accepted"
    assert asked == ["in"]
    assert goal.session_ended(_tap("Delete permanently"), in_flow=True) == "deleted" and asked == ["in"]


def _tap(label: str) -> Move:
    return Move(TAP, f"#{label}", label)

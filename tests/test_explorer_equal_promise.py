"""Equal promise, the control at hand first (corpus kadai, the deletion searched logged out in words no lexicon
has): the search stood on «கணக்கு» (two levels down: «உள்நுழை», «பதிவு செய்», never tried) and the start screen's
tab «அட்டை» was worth the same — one level shallower per route step charged — and the map's order (the start
screen first) walked it away: the card tab, its scan, three settings rows, and back to the account screen it had
left, nine actions before the log-in form the next tap there showed. Simulated app (no browser), the harness of
tests/test_explorer_logout_effect.py."""
from __future__ import annotations

from consent_audit.explorer.deletion import DeletionGoal

from tests.test_explorer_logout_effect import _search, _setup
from tests.test_explorer_signup_refusal import CONFIG


def _app() -> tuple:
    app, op, store, _ = _setup()
    app.user = None
    tabs = [("tap", "Homo", lambda x: "home", (120, 44)), ("tap", "Setto", lambda x: "set", (120, 44), "beside"),
            ("tap", "Kard", lambda x: "kard", (120, 44), "beside")]
    app.pages["home"] = lambda a: [("text", "Wilkom")] + tabs
    app.pages["set"] = lambda a: [("tap", "Zelto", lambda x: "zelto"), ("tap", "Blip", lambda x: "blip")] + tabs
    app.pages["zelto"] = lambda a: [("tap", "Zorg", lambda x: "form"), ("tap", "Zarg", lambda x: "form")] + tabs
    app.pages["kard"] = lambda a: [("text", "Kard"), ("tap", "Skan", lambda x: "kard")] + tabs
    app.pages["blip"] = lambda a: [("text", "Blip blip")] + tabs
    app.pages["form"] = lambda a: [("field", "Mel", False), ("field", "Pasko", True), ("tap", "Gonn", lambda x: "form")]
    op._screen = app.screen()
    return app, op


def test_a_tie_goes_to_the_control_on_the_screen_the_search_stands_on() -> None:
    """Homo (the tab of the screen it is on), Setto › Zelto: Zorg here and the start screen's Kard a tap away
    are worth the same; Zorg is tried, the credentials form shows and the search logged out stops there (before:
    Kard, Skan, Setto, Blip, Setto, Zelto, then Zorg — seven more taps)."""
    app, op = _app()
    goal = DeletionGoal(CONFIG, None)
    goal.without_account = True
    result = _search(app, op, goal)
    assert goal.stopped, (result.detail, app.taps)
    assert app.taps == ["Homo", "Setto", "Zelto", "Zorg"], app.taps



def test_on_the_account_s_screen_the_control_naming_its_place_goes_before_the_others() -> None:
    """Corpus kadai, as an account holder (no lexicon reads Tamil): «அமைப்புகள்» › «கணக்கு» offers «வெளியேறு» (a
    log-out) above «கணக்கை நீக்கு»; the page's order tapped the log-out first — the session lost, five actions to
    log back in. The deletion names what it deletes, the place the way there named («கணக்கை» is «கணக்கு» in
    another ending): among unscored controls outside the flow, the one repeating a word of the way goes first —
    an order only, nothing skipped."""
    app, op, store, logins = _setup()

    def out(a: object) -> str:
        store.pop("token", None)
        app.user = None
        return "home"

    app.pages["home"] = lambda a: [("text", "Wilkom"), ("tap", "Zelto", lambda x: "zelto")] if a.user else [
        ("text", "Wilkom"), ("tap", "Zelto", lambda x: "welcome")]
    app.pages["zelto"] = lambda a: [("text", "tester"), ("tap", "Qvzrt plonk", out), ("tap", "Zeltoa pinn", lambda x: "q")]
    app.pages["q"] = lambda a: [("text", "Zorpi mek?"), ("tap", "Nu", lambda x: "zelto", (180, 44)),
                                ("tap", "Pinnu", _gone(store, app), (180, 44), "beside")]
    app.pages["!gone"] = lambda a: [("text", "Wrrp zonk.")]
    op._screen = app.screen()
    result = _search(app, op, DeletionGoal(CONFIG, lambda: "rejected" if app.user is None else "accepted"))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Qvzrt plonk" not in app.taps and logins == [], app.taps


def _gone(store: dict, app: object) -> object:
    def act(a: object) -> str:
        app.user = None      # type: ignore[attr-defined]
        store.clear()
        return "!gone"
    return act


def test_the_log_in_s_words_with_another_prefix_are_a_log_out_tried_last() -> None:
    """Corpus notice-only (Slovak, no lexicon): the account logged in by «Prihlásiť sa», its profile offers
    «Odhlásiť sa» — the same words, another prefix — tapped by the page's order before the account's settings:
    the session lost, six actions to log back in. Such a control goes last (`echo.opposite`), never skipped."""
    app, op, store, logins = _setup()

    def out(a: object) -> str:
        store.pop("token", None)
        app.user = None
        return "home"

    app.pages["home"] = lambda a: [("text", "Wilkom"), ("tap", "Zelto", lambda x: "zelto")]
    app.pages["zelto"] = lambda a: [("tap", "Odglomp sa", out), ("tap", "Blerg", lambda x: "blerg")]
    app.pages["blerg"] = lambda a: [("tap", "Zorpi", lambda x: "q")]
    app.pages["q"] = lambda a: [("text", "Zorpi mek?"), ("tap", "Nu", lambda x: "blerg", (180, 44)),
                                ("tap", "Pinnu", _gone(store, app), (180, 44), "beside")]
    app.pages["!gone"] = lambda a: [("text", "Wrrp zonk.")]
    op._screen = app.screen()
    goal = DeletionGoal(CONFIG, lambda: "rejected" if app.user is None else "accepted")
    goal.log_in = ("Priglomp sa", "Priglomp sa")
    result = _search(app, op, goal)
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Odglomp sa" not in app.taps and logins == [], app.taps


def test_what_an_opposite_is() -> None:
    from consent_audit.explorer.echo import opposite
    for a, b in (("Prihlásiť sa", "Odhlásiť sa"), ("Anmelden", "Abmelden"), ("Σύνδεση", "Αποσύνδεση"),
                 ("Inloggen", "Uitloggen"), ("Zaloguj się", "Wyloguj się"), ("Přihlásit se", "Odhlásit se"),
                 ("Prijava", "Odjava")):     # a short root (voznja: 4 of 7 letters in common; tried before the menu)
        assert opposite(a, b), (a, b)
    for a, b in (("Profil", "Profily"), ("Profil", "Profil"), ("Create account", "Delete account"),
                 ("Account", "My account"), ("Konto", "Mein Konto"), ("Prihlásiť sa", "Zrušiť účet"),
                 ("உள்நுழை", "வெளியேறு")):
        assert not opposite(a, b), (a, b)

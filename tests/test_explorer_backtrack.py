"""Back from a dead end, the deletion search tries the dead end's neighbours first (explorer/backtrack.py; corpus
notice-only: after «Zmena hesla», «Profil» › «Ochrana súkromia» and «Profil» › «Nastavenia účtu» walked again before
«Zrušiť účet», beside «Zmena hesla» all along; after «Moje lístky», the start screen's «Zastávky v mojom okolí»
before «Nastavenia účtu», its neighbour)."""
from __future__ import annotations

from consent_audit.explorer.backtrack import dead_end
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.graph import Candidate, Node
from consent_audit.explorer.moves import Move
from consent_audit.screen import Screen

from test_explorer_current_tab import TabbedApp
from test_explorer_signup_refusal import CONFIG, search


def _bar(app: TabbedApp) -> list[tuple]:
    return [("tap", "Ghar", lambda a: "home"), ("tap", "Tikat", lambda a: "tikat"), ("tap", "Profa", lambda a: "profa")]


def _app() -> TabbedApp:
    """Words no lexicon knows down to the deletion's own screen: the fallback combs the menus."""
    return TabbedApp({
        "home": lambda app: [("text", "Bas dhoondo"), ("tap", "Paas ke stop", lambda a: "home")] + _bar(app),
        "tikat": lambda app: [("text", "Koi tikat nahin")] + _bar(app),
        "profa": lambda app: [("text", "tester@daftar.test"), ("tap", "Mere tikat", lambda a: "tikat"),
                              ("tap", "Khata", lambda a: "khata"), ("tap", "Nijta", lambda a: "nijta")] + _bar(app),
        "nijta": lambda app: [("text", "Hum aapka data rakhte hain.")] + _bar(app),
        "khata": lambda app: [("tap", "Password badlo", lambda a: "password"), ("tap", "Aur", lambda a: "aur")]
        + _bar(app),
        "password": lambda app: [("text", "Link e-mail se aayega.")] + _bar(app),
        "aur": lambda app: [("tap", "Delete account", lambda a: "confirm")] + _bar(app),
        "confirm": lambda app: [("text", "Delete your account?"), ("tap", "Cancel", lambda a: "aur"),
                                ("tap", "Delete", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Your account has been deleted.")],
    })


def test_back_from_a_dead_end_its_neighbours_come_first() -> None:
    """Before: after «Password badlo» (a dead end) the menu one level up («Profa» › «Nijta», another dead end) and
    the way down again («Profa» › «Khata») before «Aur», beside it all along — 15 taps; now 13."""
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Nijta" not in app.taps, app.taps
    assert app.taps[app.taps.index("Password badlo"):] == ["Password badlo", "Profa", "Khata", "Aur", "Delete account",
                                                           "Delete"], app.taps


def test_a_dead_end_offers_nothing_its_parent_does_not() -> None:
    def node(ident: str, keys: list[str], tried: tuple[str, ...] = (), depth: int = 2) -> Node:
        made = Node(ident, Screen(elements=[], signature=ident), depth)
        for key in keys:
            made.candidates[key] = Candidate(Move("tap", key, key), 0.0, tried=key in tried)
        return made

    menu = node("menu", ["row a", "row b", "tab 1", "tab 2"], depth=1)
    assert dead_end(menu, node("page", ["tab 1", "tab 2"]))
    assert dead_end(menu, node("page", ["tab 1", "more"], tried=("more",)))
    assert not dead_end(menu, node("sub", ["tab 1", "row c"]))          # a row of its own: a way on
    assert not dead_end(menu, menu)
    assert not dead_end(menu, node("menu+a", ["row a", "row b", "tab 1"], depth=1))   # unfolded in place: its level

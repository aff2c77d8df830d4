"""The tab a tab bar marks as the current one (web aria-current / aria-selected, Android `selected`) is where the user
is, not a way on (corpus daftar: «سفر» aria-current="page" tapped on its own screen by the deletion search's
fallback, twice — once in the account search, once in the deletion's; a tap that changes nothing, then a tap back).
It is not tapped there; from the other screens it is the way back to its screen (one tap, no relaunch)."""
from __future__ import annotations

from dataclasses import replace

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.platforms.web.dom import elements_from_dom
from consent_audit.screen import Screen

from test_explorer_signup_refusal import CONFIG, FormApp, search

TABS = ("Ghar", "Tikat", "Profa")     # words no lexicon knows: the fallback tries them


class TabbedApp(FormApp):
    """Every page but the deletion's own carries the tab bar; the tab of the page shown is marked current."""

    def screen(self) -> Screen:
        shown = super().screen()
        current = {"home": "Ghar", "results": "Ghar", "tikat": "Tikat", "profa": "Profa"}.get(self.at)
        shown.elements = [replace(e, selected=True) if e.text == current and e.role == "button" else e
                          for e in shown.elements]
        return shown


def _home(app: FormApp) -> str:
    """The home tab: from another tab's screen it shows the home screen; on its own screens (the home screen, the
    results shown below its form) it does nothing (daftar's «سفر» after «بسیں تلاش کریں»)."""
    app.boxes["Ghar tapped on " + app.at] = True      # boxes outlive a relaunch (values do not)
    return app.at if app.at in ("home", "results") else "home"


def _bar(app: FormApp) -> list[tuple]:
    return [("tap", "Ghar", _home), ("tap", "Tikat", lambda a: "tikat"), ("tap", "Profa", lambda a: "profa")]


def _app() -> TabbedApp:
    return TabbedApp({
        "home": lambda app: [("text", "Bas dhoondo")] + _bar(app),
        "results": lambda app: [("text", "Bas dhoondo"), ("text", "7:30 Lahore"), ("text", "13:15 Lahore")] + _bar(app),
        "tikat": lambda app: [("text", "Koi tikat nahin")] + _bar(app),
        "profa": lambda app: [("text", "tester@daftar.test"), ("tap", "Delete account", lambda a: "confirm")]
        + _bar(app),
        "confirm": lambda app: [("text", "Delete your account?"), ("tap", "Cancel", lambda a: "profa"),
                                ("tap", "Delete", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Your account has been deleted.")],
    })


def test_the_current_tab_is_not_tapped_on_its_own_screen() -> None:
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    # before: «Ghar» tapped first on the home screen it marks (a tap that changes nothing); now only as the way
    # back home from «Tikat» (where «Profa» is tried: its shallowest screen)
    tapped_on = [k.rsplit(" ", 1)[1] for k in app.boxes if k.startswith("Ghar tapped on ")]
    assert "home" not in tapped_on and "results" not in tapped_on, app.taps
    assert app.taps[0] != "Ghar", app.taps


def test_the_current_tab_is_no_way_back_from_a_screen_of_its_own() -> None:
    """The home tab's results screen (its tab still current) is left by another way than the home tab, which does
    nothing there (before: the home screen's current tab predicted as the way back from every screen — tapped on the
    results, nothing changed, tapped again)."""
    app = _app()
    pages = dict(app.pages)
    pages["home"] = lambda a: [("text", "Bas dhoondo"), ("tap", "Dhoondo", lambda b: "results")] + _bar(a)
    app.pages = pages
    result, app = search(app, DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Dhoondo" in app.taps, app.taps
    tapped_on = [k.rsplit(" ", 1)[1] for k in app.boxes if k.startswith("Ghar tapped on ")]
    assert "home" not in tapped_on and "results" not in tapped_on, app.taps
    assert app.taps[-2:] == ["Delete account", "Delete"], app.taps


def test_the_current_tab_is_the_way_back_to_its_screen() -> None:
    """Mapped on its own screen, the current tab leads there from every other screen offering it (a predicted edge
    of one tap): the map knows the way home from «Tikat» without having tapped «Ghar» anywhere."""
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    graph = result.graph
    assert graph is not None
    home = graph.root
    ways = [e for e in graph.edges.values() if e.target == home and [m.label for m in e.moves] == ["Ghar"]]
    assert ways and all(e.cost == 1 for e in ways), [(e.source, [m.label for m in e.moves]) for e in ways]


def test_web_reads_the_current_one_of_a_set_as_selected() -> None:
    """The DOM snapshot's `selected` (aria-current other than "false", aria-selected="true") reaches the element."""
    items = [{"text": "سفر", "role": "button", "clickable": True, "selected": True},
             {"text": "ٹکٹ", "role": "button", "clickable": True}]
    elements, _ = elements_from_dom(items)
    assert [e.selected for e in elements] == [True, False]

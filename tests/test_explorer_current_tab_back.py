"""The current tab as the way back to its tab's screen from a page below it (corpus meltemi: after each row of
«Λογαριασμός» — Γλώσσα, Βοήθεια, Ειδοποιήσεις — the search went back through the start screen, «Αρχική» then
«Λογαριασμός», two taps, where «Λογαριασμός», still marked current on the page the row opened, is one).

A page a row opened (it offers none of its tab screen's own controls) is left by its current tab, predicted to lead
to the screen the tab was seen to lead to — and where the tab leads changes with the app's state (a log-in: the
tab showed the log-in first, the account after), the map follows what it was last seen to do. The other side of
the line, a tab's screen shown with more below it (results under its form), is kept by
tests/test_explorer_current_tab.py::test_the_current_tab_is_no_way_back_from_a_screen_of_its_own."""
from __future__ import annotations

from dataclasses import replace

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.screen import Screen

from test_explorer_signup_refusal import CONFIG, FormApp, search

ROWS = ("Yek", "Do", "Teen")       # words no lexicon knows: the fallback tries them one by one
PAGES = ("zaban", "madad", "khata")   # the pages they open (their names are their headings here)
UNDER = {"home": "Ghar", "tikat": "Tikat", "vorod": "Profa", "profa": "Profa", "zaban": "Profa", "madad": "Profa",
         "khata": "Profa"}


class RowsApp(FormApp):
    """A tab bar on every page but the deletion's own; the tab of the page shown (or of the tab it lies under) is
    marked current. The profile tab shows a log-in until «Vorod» is tapped, then the profile."""

    def screen(self) -> Screen:
        shown = super().screen()
        current = UNDER.get(self.at)
        shown.elements = [replace(e, selected=True) if e.text == current and e.role == "button" else e
                          for e in shown.elements]
        return shown


def _bar(app: FormApp) -> list[tuple]:
    return [("tap", "Ghar", lambda a: "home"), ("tap", "Tikat", lambda a: "tikat"),
            ("tap", "Profa", lambda a: "profa" if a.user else "vorod")]


def _log_in(app: FormApp) -> str:
    app.user = "tester"
    return "profa"


def _app(log_in: bool) -> RowsApp:
    pages = {
        "home": lambda app: [("text", "Bas dhoondo")] + _bar(app),
        "tikat": lambda app: [("text", "Koi tikat nahin")] + _bar(app),
        "vorod": lambda app: [("text", "Aap bahar hain")] + [("tap", "Vorod", _log_in)] + _bar(app),
        "profa": lambda app: [("text", "tester@daftar.test")] + [("tap", r, lambda a, p=p: p) for r, p in zip(ROWS, PAGES)]
        + _bar(app),
        "zaban": lambda app: [("text", "Urdu")] + _bar(app),
        "madad": lambda app: [("text", "Madad 0800")] + _bar(app),
        "khata": lambda app: [("text", "Khata")] + [("tap", "Delete account", lambda a: "confirm")] + _bar(app),
        "confirm": lambda app: [("text", "Delete your account?"), ("tap", "Cancel", lambda a: "khata"),
                                ("tap", "Delete", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Your account has been deleted.")],
    }
    app = RowsApp(pages)
    app.user = None if log_in else "tester"
    return app


def _after_rows(taps: list[str]) -> list[str]:
    first = min(taps.index(r) for r in ROWS if r in taps)
    return taps[first:]


def test_a_page_a_row_opened_is_left_by_its_current_tab() -> None:
    result, app = search(_app(log_in=False), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    walked = _after_rows(app.taps)
    # before: «Ghar», «Profa» (or a relaunch, «Profa») after each row's page
    assert "Ghar" not in walked and "relaunch" not in walked, app.taps
    assert walked[-2:] == ["Delete account", "Delete"], app.taps


def test_the_current_tab_leads_where_it_was_last_seen_to_after_a_log_in() -> None:
    """The profile tab led to the log-in, then (logged in) to the profile: the way back from a row's page is that
    tab, to the profile — not the log-in the tab first showed (before: the start screen, then the tab)."""
    result, app = search(_app(log_in=True), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "Vorod" in app.taps, app.taps
    walked = _after_rows(app.taps)
    assert "Ghar" not in walked and "relaunch" not in walked and "Vorod" not in walked, app.taps

"""Sections unfolded in place (explorer/unfold.py): paczka (fresh10 finding 7) keeps «Usuń konto» in the last of
four collapsed `<details>` on «Ustawienia konta» (Dane konta, Prywatność, Powiadomienia, Strefa niebezpieczna, no
goal word in any). Each section opened was a screen one level deeper, past the search's depth bound, so its
siblings were not tried there: the page was left through the drawer and reached again for each (37 actions for 12).
A section unfolded in place is the page it was opened on, at its level."""
from __future__ import annotations

from test_explorer_signup_refusal import CONFIG, FormApp, Row, search

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.unfold import unfolded
from consent_audit.screen import Element, Screen

SECTIONS = ("Dane konta", "Prywatność", "Powiadomienia", "Strefa niebezpieczna")


def _page(open_: str = "", fixed_bar: bool = True) -> list:
    bar = [Element(text="☰", role="button", clickable=True, fixed=fixed_bar, bounds=(0, 0, 60, 50))]
    rows, y = [], 60
    for title in SECTIONS:
        rows.append(Element(text=title, clickable=True, bounds=(0, y, 400, 50)))
        y += 60
        if title == open_:
            rows.append(Element(text="Zmień ustawienie", role="button", clickable=True, bounds=(20, y, 200, 40)))
            y += 50
    return targets(Screen(elements=bar + rows, signature="s", size=(400, 800)))


def test_a_section_opened_under_its_summary_pushing_the_rest_down_is_unfolded() -> None:
    before = _page()
    key = next(t.key for t in before if t.label == "Prywatność")
    assert unfolded(before, key, _page("Prywatność"))
    last = next(t.key for t in before if t.label == "Strefa niebezpieczna")
    assert unfolded(before, last, _page("Strefa niebezpieczna"))       # nothing below: the new control under it


def test_a_screen_replaced_covered_or_scrolled_is_not_unfolded() -> None:
    before = _page()
    key = next(t.key for t in before if t.label == "Prywatność")
    assert not unfolded(before, key, before[:2])                           # the page's controls gone (a new screen)
    assert not unfolded(before, key, before)                               # nothing changed
    scrolled = targets(Screen(elements=[Element(text=t.element.text, role=t.element.role, clickable=True,
                                                fixed=t.element.fixed, bounds=(t.bounds[0], t.bounds[1] - 30,
                                                                                t.bounds[2], t.bounds[3]))
                                        for t in _page("Prywatność")], signature="s", size=(400, 800)))
    assert not unfolded(before, key, scrolled)


# --- the search: the sections of one page opened there, one after the other, never left through the drawer

def _settings(app: FormApp) -> list[Row]:
    rows: list[Row] = []
    for title in SECTIONS:
        rows.append(("tap", title, lambda a, t=title: _toggle(a, t)))
        if title in app.boxes:
            rows.append(("tap", "Usuń konto", lambda a: "usun") if title == SECTIONS[-1]
                        else ("text", f"{title}: brak zmian"))
    return rows


def _toggle(app: FormApp, title: str) -> str:
    app.boxes[title] = True
    return "ustawienia+" + "+".join(sorted(app.boxes))      # a page of its own structure, as <details open> is


PACZKA = {"home": lambda app: [("tap", "Menu", lambda a: "menu")],
          "menu": lambda app: [("tap", "Moje przesyłki", lambda a: "przesylki"), ("tap", "Paczkomaty", lambda a: "mapa"),
                               ("tap", "Ustawienia konta", lambda a: "ustawienia")],
          "przesylki": lambda app: [("text", "Brak przesyłek"), ("tap", "Menu", lambda a: "menu")],
          "mapa": lambda app: [("text", "Mapa"), ("tap", "Menu", lambda a: "menu")],
          "ustawienia": _settings,
          "usun": lambda app: [("tap", "Usuń konto na zawsze", lambda a: "koniec")],
          "koniec": lambda app: [("text", "Your account has been deleted.")]}


def test_the_sections_of_one_page_are_opened_there_before_the_page_is_left() -> None:
    """Before: Menu › Ustawienia konta › one section, then the drawer's Moje przesyłki and Paczkomaty, and the
    search gave up ('nothing promising left to try'). With the sections unfolded at the page's level but kept in
    the path, the bench's paczka counted 10 deletion steps (truth 6)."""
    result, app = search(FormApp(_Pages(PACZKA)), DeletionGoal(CONFIG), actions=40)
    assert result.ending == "reached", (result.detail, app.taps)
    at = app.taps.index("Ustawienia konta") + 1
    assert sorted(app.taps[at:at + len(SECTIONS)]) == sorted(SECTIONS), app.taps
    assert "Moje przesyłki" not in app.taps and "Paczkomaty" not in app.taps, app.taps
    # the sections tried and left open on the way are no steps of the path reported and re-walked
    assert [str(m) for m in result.moves] == ['tap "Menu"', 'tap "Ustawienia konta"', 'tap "Strefa niebezpieczna"',
                                              'tap "Usuń konto"', 'tap "Usuń konto na zawsze"'], result.moves


class _Pages(dict):
    """Every "ustawienia+<open sections>" page is the settings page drawn with those sections open."""

    def __missing__(self, key: str):
        return _settings if key.startswith("ustawienia+") else None

"""A content area listening for clicks on behalf of its rows (one delegated listener) is no control on a view of
text alone (explorer/areas.py; corpus notice-only: «Lístky Nemáte žiadny platný lístok…» and «Ochrana súkromia
Zastávka uchováva…» tapped by the deletion search's fallback — two taps that changed nothing, 30/10 actions)."""
from __future__ import annotations

from dataclasses import dataclass

from consent_audit.explorer.areas import WHY, is_area, sweep, wrapping_areas
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Candidate, Node
from consent_audit.explorer.moves import Move
from consent_audit.screen import Element, Screen

from test_explorer_signup_refusal import CONFIG, FormApp, search

AREA = (0, 100, 400, 1000)     # the <div> every view is rendered into, between the header and the tab bar


@dataclass
class AreaApp(FormApp):
    """Every view's rows and words are drawn inside one role-less element that listens for clicks (the app's
    delegated listener); tapping it where no row is under the finger changes nothing."""

    def screen(self) -> Screen:
        shown = super().screen()
        words = " ".join(e.text for e in shown.elements if e.text not in ("Odchody", "Profil"))   # all it holds
        area = Element(text=words, rid="obsah", bounds=AREA, clickable=True)
        tabs = [Element(text=t, role="link", clickable=True, bounds=(i * 130, 1900, 130, 80))
                for i, t in enumerate(("Odchody", "Profil"))]
        rows = [Element(text=e.text, role=e.role, clickable=e.clickable, bounds=(10, 120 + 60 * i, 380, 44))
                for i, e in enumerate(x for x in shown.elements[1:] if x.text not in ("Odchody", "Profil"))]
        self.actions[words] = lambda app: app.at                    # the page's words: nothing happens
        self.actions["Odchody"], self.actions["Profil"] = (lambda app: "home"), (lambda app: "profil")
        return Screen(elements=[shown.elements[0], area, *rows, *tabs], signature=self.at, size=(400, 2000))


def _app() -> AreaApp:
    return AreaApp({
        "home": lambda app: [("text", "Najblizsie spoje"), ("tap", "Zastavky", lambda a: "home")],
        "profil": lambda app: [("text", "tester@zastavka.test"), ("tap", "Moje listky", lambda a: "listky"),
                               ("tap", "Nastavenia uctu", lambda a: "nastavenia")],
        "listky": lambda app: [("text", "Listky"), ("text", "Nemate ziadny platny listok.")],
        "nastavenia": lambda app: [("tap", "Delete account", lambda a: "zrusit")],
        "zrusit": lambda app: [("text", "Delete your account?"), ("tap", "Cancel", lambda a: "nastavenia"),
                               ("tap", "Delete", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Your account has been deleted.")],
    }, at="home")


def test_the_area_wrapping_rows_is_their_rows_and_on_a_view_of_words_no_control() -> None:
    app = _app()
    app.at = "profil"
    profil = app.screen()
    assert [t.label for t in targets(profil)][:2] == ["Moje listky", "Nastavenia uctu"]    # the rows, not the area
    areas = wrapping_areas(profil)
    app.at = "listky"
    listky = app.screen()
    area = next(t for t in targets(listky) if t.element.rid == "obsah")     # alone, it is read as one control
    assert is_area(area, listky, areas) and not is_area(area, listky, set())
    # a control of its own (a role) or one wrapping a row is never the area
    assert not any(is_area(t, profil, areas) for t in targets(profil))


def test_the_search_never_taps_the_page_s_words() -> None:
    """Before: the fallback tapped the area on «listky» (the control at hand, one level down) — a tap that changed
    nothing — before going on to «Nastavenia uctu»; the start screen's own area (seen before any view showed it wrapping rows)
    is not tapped either."""
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    assert not any(t.startswith("LISTKY") for t in app.taps), app.taps


def test_a_view_of_words_listed_before_the_area_was_known_is_swept() -> None:
    """A view of text alone seen first (its area listed as a control), the area then seen wrapping rows: the
    candidate already listed is marked, never tried."""
    app = _app()
    app.at = "listky"
    listky = app.screen()
    node = Node("listky", listky, 1)
    for t in targets(listky):
        node.candidates[t.key] = Candidate(Move.tap(t), 0.0)
    app.at = "profil"
    sweep([node], wrapping_areas(app.screen()))
    assert node.candidates["#obsah"].why_not == WHY
    assert not any(c.why_not for k, c in node.candidates.items() if k != "#obsah")


def test_a_role_less_element_with_no_id_is_never_taken_for_an_area_seen_elsewhere() -> None:
    """An area is known by its DOM id (and place): by place alone, a list's first row without an id on one view
    matched the content area of another (the e2e app chengzi: «账号与安全» taken for the page's words, its deletion
    never reached — not_found)."""
    wrapper = Element(text="我的收藏 设置", bounds=AREA, clickable=True)                 # no id: a row list's box
    row = Element(text="我的收藏", clickable=True, bounds=(10, 120, 380, 44))
    seen = wrapping_areas(Screen(elements=[wrapper, row], signature="me", size=(400, 2000)))
    assert seen == set()
    first_row = Element(text="账号与安全", clickable=True, bounds=AREA)                   # same place, no id
    screen = Screen(elements=[first_row], signature="settings", size=(400, 2000))
    assert not is_area(targets(screen)[0], screen, {("", *AREA[:3])})

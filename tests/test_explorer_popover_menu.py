"""A menu laid over the page (an HTML `popover`, a top-layer sheet) whose items are the same over every page, on a
simulated app shaped as corpus feira's screens were captured (fresh9 finding 2): the account avatar (icon-only, «?»)
opens a popover of «Entrar» / «Criar conta» at the top right; the page beneath stays usable beside it (no modal:
its controls are still offered, none moved), the log-in page itself offers «Entrar» and «Criar conta» too.

Before: the same menu over another page was a new screen one level deeper each time (home › ? › Entrar › ? …), so
the permission coverage search ("two levels deep") never covered it and a clean app ended not_found ("not
searched: a screen 3 taps deep (via ? › Entrar › ?)"). Now a layer whose opener stays put while it lays two or more
plain controls over a page that did not move is one region: its items tried once are tried from under every page,
the page's own controls beside it are the page's, and its opener closes it back to the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from consent_audit.explorer import beyond_core
from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.navigation import opens_nav_layer
from consent_audit.explorer.operator import Spend
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

CONFIG = load_config()
AVATAR = (980, 20, 80, 80)        # bounds in device pixels, as captured (a 1080-wide viewport)
BACK = (20, 20, 80, 80)
MENU_ITEMS = [("Entrar", "entrar"), ("Criar conta", "criar")]
# page → its controls: (label, where) — 'field' a text field, 'secret' a password field, 'stay' changes nothing
PAGES: dict[str, list[tuple[str, str]]] = {
    "inicio": [("Ver", "anuncio"), ("Ver", "anuncio"), ("Favoritos", "favoritos")],
    "anuncio": [("Fazer oferta", "stay")],
    "favoritos": [],
    "entrar": [("E-mail", "field"), ("Senha", "secret"), ("Entrar", "stay"), ("Criar conta", "criar")],
    "criar": [("E-mail", "field"), ("Senha", "secret"), ("Criar conta", "stay")],
}


@dataclass
class PopoverApp:
    """One page at a time under a header (back ‹ when not home, the avatar); the avatar toggles a popover menu
    of `MENU_ITEMS` over the top right of whatever page is shown. A tap beside the open menu closes it and acts."""

    at: str = "inicio"
    menu: bool = False
    moved: bool = False            # an accordion instead: the page's rows pushed down under the new ones
    taps: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    def screen(self) -> Screen:
        elements = [Element(text="?", name="Menu da conta", role="button", clickable=True, bounds=AVATAR),
                    Element(text=self.at.title(), bounds=(120, 30, 400, 60))]
        if self.at != "inicio":
            elements.append(Element(text="‹", name="Voltar", role="button", clickable=True, bounds=BACK))
        if self.menu:       # in the page before <main>: the menu's items come first
            elements += [Element(text=label, role="button", clickable=True, bounds=(620, 130 + 110 * i, 440, 100))
                         for i, (label, _) in enumerate(MENU_ITEMS)]
        y = 380 if self.moved and self.menu else 160
        for label, going in PAGES[self.at]:
            if going in ("field", "secret"):
                elements.append(Element(name=label, role="textbox", clickable=True, bounds=(20, y, 560, 90),
                                        secret_field=going == "secret"))
            else:
                elements.append(Element(text=label, role="button", clickable=True, bounds=(20, y, 560, 90)))
            y += 120
        elements += [Element(text=f"{self.at} texto {n}", bounds=(20, y + 60 * n, 560, 40)) for n in (1, 2)]
        return Screen(elements=elements, signature=self.at + ("+menu" if self.menu else ""), size=(1080, 2400))

    def tap(self, label: str) -> None:
        self.taps.append(label)
        if label == "?":
            self.menu = not self.menu
            return
        if self.menu and label in dict(MENU_ITEMS):
            self.menu, self.at = False, dict(MENU_ITEMS)[label]
            return
        self.menu = False           # light dismiss: the tap beside the menu closes it and reaches the page
        if label == "‹":
            self.at = "inicio"
            return
        going = dict(PAGES[self.at]).get(label, "stay")
        if going != "stay":
            self.at = going


class Op(StandInOperator):
    def tap(self, target: Target, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        self.app.tap(target.element.text or target.element.name)
        return self._act(target.label)

    def relaunch(self) -> Screen:
        self.app.at, self.app.menu, self.app.values = "inicio", False, {}
        return self._act("relaunch")


def _opened(at: str, moved: bool = False) -> tuple[Screen, set[str], Target, Screen]:
    app = PopoverApp(at=at, moved=moved)
    before = app.screen()
    avatar = next(t for t in targets(before) if t.label == "?")
    app.tap("?")
    return before, {t.key for t in targets(before)}, avatar, app.screen()


def test_a_menu_laid_beside_a_page_that_did_not_move_is_a_layer_and_an_accordion_is_not() -> None:
    for page in ("inicio", "entrar"):
        before, offered, avatar, after = _opened(page)
        assert opens_nav_layer(before, offered, avatar, after, targets(after)), page
    before, offered, avatar, after = _opened("inicio", moved=True)     # the page's rows pushed down: in place
    assert not opens_nav_layer(before, offered, avatar, after, targets(after))


def test_the_same_menu_over_another_page_is_covered_once_and_a_clean_app_is_fully_searched() -> None:
    app = PopoverApp()
    spend = Spend(Budget(80, 80))
    found = beyond_core.search(Op(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    # before: "a screen 3 taps deep (via ? › Entrar › ?): 1 control(s)" — the menu over the log-in page
    assert found.unsearched == [], found.unsearched
    assert not found.features
    # each item of the menu is tried once (from the first page it was opened over), not again under every page
    items = [t for t in app.taps if t in dict(MENU_ITEMS)]
    assert items.count("Entrar") <= 2 and items.count("Criar conta") <= 2, app.taps
    assert len(app.taps) <= 16, app.taps

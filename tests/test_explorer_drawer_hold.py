"""Issue 13 on corpus lapis's kinds, on simulated apps (no browser):

- a global navigation control — a header button whose tap lays a drawer of links over whatever screen it was tapped
  on — reaches the drawer's screens one level deep from anywhere, as a tab bar does; before, each screen the ☰ was
  opened on added a level, so a permission asked two taps below a drawer item lay beyond `search.permission_depth`
  and the coverage search never used it;
- a control that must be pressed and held (a tap only shows «Przytrzymaj przycisk przez 2 sekundy…») is held, once,
  as one tap step, and the deletion is told by its effect (logging in again refused); before, the explorer only
  tapped, and the deletion was never reached;
- an account search finds the sign-up behind the drawer once the log-in was refused there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from consent_audit.explorer import beyond_core
from consent_audit.explorer.account import AccountGoal
from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.hold import hold_seconds, wants_hold
from consent_audit.explorer.moves import TAP, Move
from consent_audit.explorer.navigation import opens_nav_layer
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.gestures import Gestures
from consent_audit.masking import Masker
from consent_audit.recorder import Kind, Recorder
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

CONFIG = load_config()
MENU = (8, 8, 44, 44)            # the ☰, at the same place on every screen
HINT = "Przytrzymaj przycisk przez 2 sekundy, aby potwierdzić."


@dataclass
class DrawerApp:
    """Screens of (label → where, or 'ask:<permission>', 'hint', 'hold', 'form:<kind>'), reached only through a
    drawer of `items` opened by an icon-only header button; the screen stays below the open drawer, covered."""

    screens: dict[str, list[tuple[str, str]]]
    items: list[tuple[str, str]]
    at: str = "home"
    drawer: bool = False
    asked: dict[str, int] = field(default_factory=dict)
    taps: list[str] = field(default_factory=list)
    message: str = ""
    values: dict[str, str] = field(default_factory=dict)
    accounts: set[str] = field(default_factory=set)
    user: str | None = None

    def screen(self) -> Screen:
        covered = self.drawer
        elements = [Element(text="", name="Menu", rid="", role="button", clickable=not covered, bounds=MENU),
                    Element(text=self.at.title(), bounds=(60, 8, 200, 44))]
        y = 80
        for label, going in self.screens[self.at]:
            if going.startswith("field:"):
                elements.append(Element(name=label, role="textbox", clickable=not covered, bounds=(10, y, 380, 40),
                                        secret_field=going == "field:secret"))
            else:
                elements.append(Element(text=label, role="button", clickable=not covered, bounds=(10, y, 380, 44)))
            y += 60
        for text in [f"{self.at} text one", f"{self.at} text two"] + ([self.message] if self.message else []):
            elements.append(Element(text=text, bounds=(10, y, 380, 30)))
            y += 40
        if self.drawer:
            elements += [Element(text=label, role="link", clickable=True, bounds=(0, 100 + 50 * i, 300, 44))
                         for i, (label, _) in enumerate(self.items)]
        return Screen(elements=elements, signature=self.at + ("+drawer" if self.drawer else ""), size=(400, 800),
                      prompts=dict(self.asked))

    def tap(self, label: str) -> None:
        self.taps.append(label)
        if label == "Menu":
            self.drawer = True
            return
        if self.drawer:
            self.drawer, self.at, self.message = False, dict(self.items)[label], ""
            return
        going = dict(self.screens[self.at])[label]
        if going.startswith("ask:"):
            self.asked[going[4:]] = self.asked.get(going[4:], 0) + 1
        elif going == "hint":
            self.message = HINT
        elif going.startswith("submit:"):
            self.submit(going[7:])
        else:
            self.at, self.message = going, ""

    def submit(self, kind: str) -> None:
        name = self.values.get("E-mail", "")
        if kind == "signup" and name and name not in self.accounts:
            self.accounts.add(name)
            self.user, self.at, self.message = name, "home", ""
        elif kind == "login" and name in self.accounts:
            self.user, self.at, self.message = name, "home", ""
        else:
            self.message = "Nieprawidłowy e-mail lub hasło."


class Op(StandInOperator):
    """The operator's contract on the simulated app: one charged action per tap, hold, input and relaunch."""

    def __init__(self, app: DrawerApp, spend: Spend) -> None:
        super().__init__(app, spend)
        self.held: list[tuple[str, float]] = []

    def tap(self, target: Target, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        self.app.tap(target.element.text or target.element.name)
        return self._act(target.label)

    def hold(self, target: Target, seconds: float) -> Screen:
        self.held.append((target.label, seconds))
        self.app.taps.append(f"hold {target.label}")
        going = dict(self.app.screens[self.app.at])[target.label]
        if going == "hint" and seconds >= 2:
            self.app.accounts.discard(self.app.user or "")
            self.app.user, self.app.at, self.app.message = None, "koniec", ""
        return self._act(f"hold {target.label}")

    def relaunch(self) -> Screen:
        self.app.at, self.app.drawer, self.app.message, self.app.asked, self.app.values = "home", False, "", {}, {}
        return self._act("relaunch")


ITEMS = [("Pulpit", "home"), ("Przelewy", "transfers"), ("Karty", "cards"), ("Ustawienia", "settings")]
SCREENS: dict[str, list[tuple[str, str]]] = {
    "home": [], "transfers": [], "cards": [],
    "settings": [("Alerty", "alerts"), ("Język", "language")],
    "alerts": [("Włącz", "ask:notifications")],
    "language": [],
}


def test_a_drawer_behind_a_header_button_is_told_by_what_its_tap_opens() -> None:
    app = DrawerApp(SCREENS, ITEMS)
    before = app.screen()
    offered = {t.key for t in targets(before)}
    menu = next(t for t in targets(before) if t.label == "Menu")
    app.tap("Menu")
    after = app.screen()
    assert opens_nav_layer(before, offered, menu, after, targets(after))
    # a screen that replaced the last one (its words gone) is no layer, nor a two-button question over it
    app.drawer, app.at = False, "settings"
    moved = app.screen()
    assert not opens_nav_layer(before, offered, menu, moved, targets(moved))


def test_the_drawers_screens_are_one_level_deep_from_anywhere_so_a_permission_two_taps_below_is_found() -> None:
    app = DrawerApp(SCREENS, ITEMS)
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Op(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    feature = found.features["notifications"]        # before: Alerty was 3 levels deep and never used
    assert [m.label for m in feature.route] == ["Menu", "Ustawienia", "Alerty"] and feature.label == "Włącz"
    assert not any("taps deep" in u for u in found.unsearched), found.unsearched


def test_a_drawer_opened_on_a_deeper_screen_is_at_the_level_of_the_start_screen() -> None:
    app = DrawerApp(SCREENS, ITEMS)
    spend = Spend(Budget(60, 60))
    op = Op(app, spend)
    goal = beyond_core.PermissionGoal(CONFIG.weights("deny-permissions"), frozenset(), 2)
    engine = GoalSearch(op, goal, FormData(username="u", password="p"), CONFIG.search, spend)  # type: ignore[arg-type]
    graph = engine.run().graph
    assert graph is not None
    depths = {n.ident: n.depth for n in graph.nodes.values()}
    assert depths["home+drawer"] == 0 and depths["settings"] == 1 and depths["alerts"] == 2
    assert all(d == 0 for ident, d in depths.items() if ident.endswith("+drawer")), depths
    assert engine.nav == {next(iter(engine.nav))} and next(iter(engine.nav)).startswith("button|menu")


# --- press and hold ---

HOLD_SCREENS: dict[str, list[tuple[str, str]]] = {
    **SCREENS,
    "settings": [("Prywatność", "privacy")],
    "privacy": [("Usuń konto", "delete")],
    "delete": [("Przytrzymaj, aby usunąć", "hint")],
    "koniec": [],
}


@pytest.mark.parametrize("label, taps_first", [("Przytrzymaj, aby usunąć", False), ("Usuń", True)])
def test_a_control_asking_to_be_held_is_held_once_as_one_tap_and_told_by_its_effect(label: str,
                                                                                    taps_first: bool) -> None:
    """Its own words ask for a hold: held at once; only the hint its tap shows does: tapped, then held."""
    screens = {**HOLD_SCREENS, "delete": [(label, "hint")]}
    app = DrawerApp(screens, ITEMS, user="tester@lapis.test", accounts={"tester@lapis.test"})
    spend = Spend(Budget(60, 60))
    op = Op(app, spend)
    logins: list[str] = []

    def verify() -> str:
        logins.append("log in")
        return "accepted" if app.user or "tester@lapis.test" in app.accounts else "rejected"

    goal = DeletionGoal(CONFIG, verify)
    result = GoalSearch(op, goal, FormData(username="u", password="p"), CONFIG.search, spend).run()  # type: ignore[arg-type]
    assert result.ending == "reached", result.detail
    moves = result.moves
    assert [m.label for m in moves] == ["Menu", "Ustawienia", "Prywatność", "Usuń konto", label]
    assert moves[-1].kind == TAP and moves[-1].hold == 3.0        # one tap, held 3 s ("2 sekundy" + 1, or the default)
    assert op.held == [(label, 3.0)] and logins == ["log in"]      # the end screen says nothing: logged in again
    assert (label in app.taps) == taps_first
    assert moves[-1].to_dict()["hold_seconds"] == 3.0 and str(moves[-1]).startswith("press and hold")


def test_a_tap_that_changed_nothing_without_words_asking_to_hold_is_never_held() -> None:
    before = Screen(elements=[Element(text="Usuń teraz", role="button", clickable=True, bounds=(0, 0, 10, 10))],
                    signature="s")
    after = Screen(elements=before.elements + [Element(text="Spróbuj ponownie.", bounds=(0, 20, 10, 10))],
                   signature="s")
    move = Move(TAP, "button|usuń teraz|0", "Usuń teraz")
    assert not wants_hold(move, before, after)
    hinted = Screen(elements=before.elements + [Element(text=HINT, bounds=(0, 20, 10, 10))], signature="s")
    assert wants_hold(move, before, hinted) and not wants_hold(move.held(3), before, hinted)
    assert hold_seconds([HINT], CONFIG.search) == 3.0 and hold_seconds(["长按确认"], CONFIG.search) == 3.0
    assert hold_seconds(["Hold for 30 seconds"], CONFIG.search) == 10.0


class HoldPlatform:
    name = "fake"

    def __init__(self) -> None:
        self.events: list[str] = []

    def long_press(self, element: Any, seconds: float) -> None:
        self.events.append(f"hold {element} {seconds:g}")

    def capture(self, screenshot: bool = True) -> Any:
        from consent_audit.platforms.base import Capture
        return Capture(screen=Screen(elements=[], signature="x"), values=[])


def test_a_hold_is_one_recorded_tap_step_with_its_seconds(tmp_path: Path) -> None:
    platform = HoldPlatform()
    masker = Masker()
    recorder = Recorder(platform, tmp_path, masker, screenshots="off")  # type: ignore[arg-type]
    gestures = Gestures(platform, recorder, masker, timeout=2.0)  # type: ignore[arg-type]
    with recorder.journey("hold") as trail:
        step = gestures.hold("the button", "Hold to delete", 2.5)
    assert platform.events == ["hold the button 2.5"]
    assert step.kind == Kind.TAP and step.target["hold_seconds"] == 2.5 and "Press and hold" in step.title
    assert trail.counts["taps"] == 1 and trail.counts["steps"] == 1


# --- the sign-up behind the drawer ---

ACCOUNT_ITEMS = ITEMS + [("Zaloguj się", "login"), ("Załóż konto", "signup")]
ACCOUNT_SCREENS = {**SCREENS,
                   "login": [("E-mail", "field:text"), ("Hasło", "field:secret"), ("Zaloguj", "submit:login")],
                   "signup": [("E-mail", "field:text"), ("Hasło", "field:secret"), ("Utwórz konto", "submit:signup")]}


def test_the_sign_up_behind_the_drawer_is_found_once_the_log_in_there_was_refused() -> None:
    """As explore runs it on lapis: the start screen names no log-in, the deletion search met one behind the drawer,
    so the account is combed for (explorer/exploring.py); the drawer opened on the refused log-in form is the same
    layer, its sign-up one level deep: used there, not after a relaunch (before: 3 levels deep, a relaunch)."""
    app = DrawerApp(ACCOUNT_SCREENS, ACCOUNT_ITEMS)
    spend = Spend(Budget(60, 60))
    goal = AccountGoal(CONFIG, FormData(username="tester@lapis.test", password="pw-secret-1"))
    goal.comb = True
    engine = GoalSearch(Op(app, spend), goal, goal.data, CONFIG.search, spend)  # type: ignore[arg-type]
    goal.search = engine
    result = engine.run()
    assert result.ending == "reached" and goal.mode == "sign_up", result.detail
    assert [m.label for m in result.moves] == ["Menu", "Załóż konto", "Utwórz konto"]
    assert app.user == "tester@lapis.test"
    assert "relaunch" not in app.taps[:app.taps.index("Załóż konto")]   # the drawer opened on the form is used


def test_a_dialog_of_decisions_over_the_screen_is_no_navigation_layer() -> None:
    """A consent dialog opened from a settings row (Accept all / Reject all / Manage over the screen) is a
    decision, not a drawer: its screens are one level deeper, as any other's."""
    app = DrawerApp(SCREENS, [("Accept all", "home"), ("Reject all", "home"), ("Manage options", "home")])
    before = app.screen()
    offered = {t.key for t in targets(before)}
    menu = next(t for t in targets(before) if t.label == "Menu")
    app.tap("Menu")
    after = app.screen()
    assert not opens_nav_layer(before, offered, menu, after, targets(after))

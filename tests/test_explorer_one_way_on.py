"""Corpus hlaup (fresh18, is): three kinds that kept the deletion and permissions goals from the app.

1. The consent bar read by its words («Við notum vafrakökur»), its accept by none («Samþykkja allt»): every goal
   but the consent goal ended at once, 0 actions, «no way to accept on the consent screen» — while the consent
   goal of the same run found the accept by the structural probe. Now the probe tells it there too.
2. A full-page location rationale whose one control («Halda áfram») asks for the permission: no wall's words, so
   it became the search's start screen (every screen a level deeper) and, refused, a screen the way back to the
   app did not pass («blocked»: a false forced_permission). A screen whose one control is all a user can do is
   passed as a wall is, and a refusal passes it once.
3. Settings sections as WAI-ARIA tabs (role=tab): each tab's panel a screen a level deeper, so the last tab's
   rows lay past the search's depth bound. A tab shows its panel in place, at its tab list's level."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from test_explorer_signup_refusal import CONFIG, FormApp, search

from consent_audit.explorer import permissions, refused_reach
from consent_audit.explorer.consent_told import ToldByStructure
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.operator import NotOnScreen
from consent_audit.explorer.screens import only_way_on
from consent_audit.screen import Element, Screen

TABS = ("Heim", "Saga", "Prófíll")


def _screen(*controls: Element, texts: tuple[str, ...] = ()) -> Screen:
    words = [Element(text=t, bounds=(40, 200 + 80 * i, 1000, 60)) for i, t in enumerate(texts)]
    return Screen(elements=words + list(controls), signature="s", size=(1080, 2400))


def _button(text: str, y: int = 1000, enabled: bool = True) -> Element:
    return Element(text=text, role="button", clickable=True, enabled=enabled, bounds=(60, y, 960, 130))


def test_a_screen_whose_one_control_is_all_a_user_can_do_is_passed() -> None:
    rationale = _screen(_button("Halda áfram"), texts=("Hlaup notar staðsetningu þína",))
    assert only_way_on(rationale, targets(rationale)).label == "Halda áfram"
    for other in (_screen(_button("Log in")),                                      # a log-in: a gate's
                  _screen(_button("Halda áfram"), _button("Síðar", 1200)),        # two ways: a question
                  _screen(_button("Halda áfram"), Element(name="Netfang", role="textbox", clickable=True,
                                                          bounds=(60, 600, 960, 100))),
                  _screen(_button("Halda áfram", enabled=False)),
                  _screen(Element(name="Profil", role="button", clickable=True, bounds=(980, 20, 80, 80)),
                          texts=("V okolí", "Farmářské trhy na Náplavce"))):     # vstup: a home, its one icon
        assert only_way_on(other, targets(other)) is None


class Rationale:
    """hlaup at launch: the rationale (one «Halda áfram», which asks for the location), then the home screen
    whose «Hefja hlaup» is disabled while the location is refused; `wall` keeps the rationale on screen after a
    refusal (an app that blocks)."""

    in_foreground = True
    recorder = SimpleNamespace(invalidate=lambda: None, last_screen=None)

    def __init__(self, granted: bool, wall: bool = False) -> None:
        self.at, self.granted, self.wall, self.taps = "rationale", granted, wall, []

    def screen(self) -> Screen:
        tabs = [Element(text=t, role="button", clickable=True, bounds=(360 * i, 2300, 360, 100))
                for i, t in enumerate(TABS)]
        if self.at == "rationale":
            return _screen(_button("Halda áfram"), texts=("Hlaup notar staðsetningu þína",))
        return Screen(elements=tabs + [_button("Hefja hlaup", enabled=self.granted)], signature="home",
                      size=(1080, 2400))

    def targets(self, screen: Screen | None = None) -> list[Target]:
        return targets(screen or self.screen())

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Halda áfram" and (self.granted or not self.wall):
            self.at = "home"
        return self.screen()

    find = lambda self, key, screen=None: next((t for t in self.targets(screen) if t.key == key), None)  # noqa: E731


@pytest.mark.parametrize(("wall", "reached"), [(False, True), (True, False)], ids=["lets-in", "blocks"])
def test_a_refusal_passes_the_one_way_on_once_and_an_app_that_keeps_it_is_blocked(wall: bool, reached: bool) -> None:
    granted = Rationale(granted=True)
    granted.tap(granted.find(granted.targets()[0].key))
    core = permissions.Core.of(granted.screen(), granted.targets())
    refused = Rationale(granted=False, wall=wall)
    assert refused_reach.reach(refused, core, budget=4, accept_consent=lambda: None) is reached
    assert refused.taps.count("Halda áfram") == 1


class _App(ToldByStructure):
    """What `_accept_past` asks of the explored app: the walk by words fails; the structural probe may tell the
    accept (`probe_tells`)."""

    def __init__(self, probe_tells: bool) -> None:
        self.accept = None
        self.structure_checked = False
        self.probe_tells = probe_tells
        self.probes = 0

    def accept_consent(self) -> None:
        if self.accept is None:
            raise NotOnScreen("no way to accept on the consent screen")

    def _consent_by_structure(self, shown: Screen | None = None) -> bool:
        self.probes += 1
        self.structure_checked = True
        if self.probe_tells:
            self.accept = object()
        return self.probe_tells


def test_an_accept_no_word_names_is_told_by_the_probe_and_walked_from_a_fresh_start() -> None:
    app, starts = _App(probe_tells=True), []
    assert app._accept_past(lambda: starts.append("again")) is True
    assert starts == ["again"] and app.probes == 1
    nothing = _App(probe_tells=False)
    with pytest.raises(NotOnScreen):
        nothing._accept_past(lambda: starts.append("never"))
    with pytest.raises(NotOnScreen):        # once per app: a second goal does not probe again
        nothing._accept_past(lambda: starts.append("never"))
    assert nothing.probes == 1 and starts == ["again"]


# --- the search: the last of six tabs holds the deletion, worded in no lexicon's words (only the fallback tries
# it, up to the search's depth bound); the tabs' panels are shown in place

SECTIONS = ("Almennt", "Tilkynningar", "Persónuvernd", "Einingar", "Tengd tæki", "Reikningur")


def _settings(shown: str):
    def page(app: FormApp) -> list:
        rows = [("tab", s, lambda a, s=s: f"stillingar-{s}") for s in SECTIONS]
        body = {"Reikningur": [("tap", "Breyta lykilorði", lambda a: "lykilord"),
                               ("tap", "Eyða reikningi", lambda a: "eyda")]}.get(shown, [("text", f"{shown}: ekkert")])
        return rows + body
    return page


class _Pages(dict):
    def __missing__(self, key: str):
        return _settings(key.split("-", 1)[1]) if key.startswith("stillingar-") else None


HLAUP = {"home": lambda app: [("tap", "Hefja hlaup", lambda a: "hlaup"), ("tap", "Prófíll", lambda a: "profill")],
         "hlaup": lambda app: [("text", "Hlaup í gangi"), ("tap", "Heim", lambda a: "home")],
         "profill": lambda app: [("tap", "Markmið", lambda a: "markmid"), ("tap", "Stillingar", lambda a: "stillingar-Almennt")],
         "markmid": lambda app: [("text", "10 km"), ("tap", "Heim", lambda a: "home")],
         "lykilord": lambda app: [("text", "Nýtt lykilorð"), ("tap", "Heim", lambda a: "home")],
         "eyda": lambda app: [("tap", "Delete account permanently", lambda a: "farid")],
         "farid": lambda app: [("text", "Your account has been deleted.")]}


def test_the_panels_of_a_tab_list_are_at_its_level_so_the_last_tab_is_searched() -> None:
    result, app = search(FormApp(_Pages(HLAUP)), DeletionGoal(CONFIG), actions=40)
    assert result.ending == "reached", (result.detail, app.taps)
    assert app.taps[-1] == "Delete account permanently", app.taps
    # the tabs tried one after the other where they are; before, each tab's panel was a level deeper and the
    # next tab was tried from the settings page reached again by a relaunch (27 actions for 16)
    after = app.taps[app.taps.index("Stillingar") + 1:app.taps.index("Reikningur")]
    assert "relaunch" not in app.taps and set(after) <= set(SECTIONS), app.taps

"""A setting switched on that asks for a permission (a voice coach's microphone, a "notify me" switch's
notifications) is a feature the deny-permissions search must find: before, it tapped only buttons and links
(`Use.TAP`), so a permission asked from a settings switch was never seen and the verdict rested on a search that
had not used it (corpus begimas: «Balso treneris» under Profilis › Nustatymai, its microphone unmeasured)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from consent_audit.explorer import beyond_core
from consent_audit.explorer.elements import Target
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.config import Budget
from consent_audit.screen import Element, Screen

from test_explorer_beyond_core import CONFIG, App, Op


@dataclass
class SwitchApp(App):
    """App, and rows 'switch:<permission>' drawn as a switch (off) that asks for the permission once switched
    on, and 'switch' a switch that asks nothing; a switch on stays on."""

    on: set[str] = field(default_factory=set)
    rows: bool = False          # each switch inside a clickable row saying its words (a settings row)
    buttons: frozenset[str] = frozenset()     # labels drawn as buttons (a form's submit)
    beside: bool = False        # each switch beside its label (a `<label>` to its left), not inside a row

    def screen(self) -> Screen:
        shown = super().screen()
        rows = self.screens[self.at]
        elements = [shown.elements[0]] + [
            Element(text=label, role="switch", clickable=True, checked=(self.at, label) in self.on,
                    bounds=(e.bounds[0] + (400 if self.beside else 200), e.bounds[1] + 5, 90, 50))
            if going.startswith("switch") else e
            for (label, going), e in zip(rows, shown.elements[1:])]
        elements += [Element(text=label, clickable=True, bounds=e.bounds)      # the row around each switch
                     for (label, going), e in zip(rows, shown.elements[1:]) if self.rows and going.startswith("switch")]
        elements = [replace(e, role="button") if e.text in self.buttons and e.clickable and not e.role else e
                    for e in elements]
        return Screen(elements=elements, signature=self.at, size=shown.size, prompts=shown.prompts)


class SwitchOp(Op):
    def tap(self, target: Target) -> Screen:
        going = dict(self.app.screens[self.app.at])[target.label]
        if going.startswith("switch") and target.element.role != "switch":
            return self._row(target)
        if not going.startswith("switch"):
            return super().tap(target)
        self.spend.check()
        self.spend.charge()
        self.recorder.steps.append(target.label)
        self.app.taps.append(target.label)
        self.app.on ^= {(self.app.at, target.label)}
        if going.startswith("switch:") and (self.app.at, target.label) in self.app.on:
            permission = going.split(":", 1)[1]
            self.app.asked[permission] = self.app.asked.get(permission, 0) + 1
        self._screen = self.app.screen()
        return self._screen


    def _row(self, target: Target) -> Screen:
        """The row around a switch: a tap on it does nothing (its switch is the control)."""
        self.spend.check()
        self.spend.charge()
        self.app.taps.append("row " + target.label)
        return self._screen


RUNS = {
    "home": [("Start a run", "home"), ("Settings", "settings")],
    "settings": [("Voice coach", "switch:microphone"), ("Auto-pause", "switch"), ("‹ Back", "home")],
}


def _run(app: SwitchApp, op: type[SwitchOp] = SwitchOp) -> beyond_core.Beyond:
    spend = Spend(Budget(60, 60))
    return beyond_core.search(op(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                              FormData(username="u", password="p"))


def _search(screens: dict, rows: bool = False, beside: bool = False) -> tuple[beyond_core.Beyond, SwitchApp]:
    app = SwitchApp(screens, rows=rows, beside=beside)
    return _run(app), app


def test_a_permission_asked_by_switching_a_setting_on_is_found_with_its_route() -> None:
    found, app = _search(RUNS)
    feature = found.features["microphone"]
    assert feature.label == "Voice coach" and [m.label for m in feature.route] == ["Settings"]
    assert "Auto-pause" in app.taps            # every switch that is off is used once, like a button
    assert found.unsearched == []


def test_a_switch_already_on_is_never_switched_off() -> None:
    app = SwitchApp(RUNS, on={("settings", "Voice coach")})
    found = _run(app)
    assert "Voice coach" not in app.taps and "microphone" not in found.features
    assert found.unsearched == []              # a setting on owes nothing: switching it off asks for nothing


@pytest.mark.parametrize("beside", [False, True])
def test_the_row_or_label_saying_a_switch_s_words_is_not_used_beside_the_switch(beside: bool) -> None:
    """The row around a switch (begimas) or its label beside it (voznja: «Obavijesti o vožnjama» tapped, its
    switch then left untried and said "not searched": a right clean read not_found)."""
    found, app = _search(RUNS, rows=True, beside=beside)
    assert "microphone" in found.features and not [t for t in app.taps if t.startswith("row ")], app.taps
    assert found.unsearched == []



class LayerOp(SwitchOp):
    """The settings shown as a layer over the app (something of it covered): a consent platform's purposes
    opened again from the app's menu look so (corpus gcn-dark's modal, meltemi's sheet)."""

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset({0}) if screen.signature == "settings" else frozenset()


def test_the_switches_of_a_layer_over_the_app_are_not_used() -> None:
    app = SwitchApp(RUNS)
    found = _run(app, LayerOp)
    assert "Voice coach" not in app.taps and "Auto-pause" not in app.taps, app.taps


def test_a_log_in_inside_the_app_is_said_in_the_searched_sentence() -> None:
    """corpus begimas: Profilis shows «Prisijungti» / «Registruotis» forms; the signed-in settings behind them (a
    microphone switch) were never searched, and the clean detail said «nothing reached was left unsearched». The
    search reports the credentials forms it reached inside the app (`Beyond.log_ins`), and the sentence says the
    signed-in app behind them was not searched."""
    from types import SimpleNamespace

    from consent_audit.explorer.permissions_exploring import PermissionExplorations

    screens = {**RUNS, "home": [("Start a run", "home"), ("Profile", "profile")],
               "profile": [("Log in", "login"), ("‹ Back", "home")],
               "login": [("E-mail", "field"), ("Password", "field"), ("Log in", "login"), ("‹ Back", "profile")]}
    app = SwitchApp(screens, buttons=frozenset({"Log in"}))
    found = _run(app)
    assert found.log_ins == ["Profile › Log in"] and found.gate == []
    me = SimpleNamespace(launch_moves=[], soft_asks=SimpleNamespace(tried=[], alternatives={}), gate_moves=[],
                         gate_mode=None, consent_walled=False, config=SimpleNamespace(search={"permission_depth": 2}))
    said = PermissionExplorations._searched(me, 0, found)
    assert "a log-in inside the app not passed (Profile › Log in)" in said
    assert "nothing reached was left unsearched" not in said


def test_a_feature_on_a_switch_is_used_again_when_its_refusal_is_measured() -> None:
    """The refusal's measure uses the feature as the search did: a switch, not only a button (before,
    `permissions.use` looked for a tap target only, so a switch's feature was «not on screen», None — and the
    flow called the refused microphone «usable» on begimas, truth «degraded»)."""
    from consent_audit.explorer import permissions

    found, app = _search(RUNS)
    feature = found.features["microphone"]
    app.on.clear()
    op = SwitchOp(app, Spend(Budget(60, 60)))
    op.relaunch()
    assert permissions.use(op, feature) is True

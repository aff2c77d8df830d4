"""A switch's label (a `<label for>` beside an `<input role=switch>`) or the row saying its words is that switch:
a tap on it toggles the setting and goes nowhere. The goal searches other than the one switching settings on
took it for a way on (corpus voznja, deletion 22/10 alone, 31/10 in a full run: «Obavijesti o vožnjama» tapped
under Postavke, the settings entered again after it, before the profile's ⋮ menu was opened)."""
from __future__ import annotations

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.screen import Element, Screen

from test_explorer_signup_refusal import CONFIG, FormApp, search

BELL = "Obavijesti o vožnjama"


class SwitchApp(FormApp):
    """FormApp, and ("switch", label) rows: a clickable role-less label and, beside it, the switch it names
    (a tap on either toggles the setting and shows a line of words; the page stays)."""

    def screen(self) -> Screen:
        rows = self.pages[self.at](self)
        kept = {**self.pages}
        self.pages = {**self.pages, self.at: lambda app: [r for r in rows if r[0] != "switch"]}
        try:
            shown = super().screen()
        finally:
            self.pages = kept
        y = shown.elements[-1].bounds[1] + 60
        for row in (r for r in rows if r[0] == "switch"):
            on = self.boxes.get(row[1], False)
            shown.elements += [Element(text=row[1], clickable=True, bounds=(60, y, 250, 30)),
                               Element(name=row[1], role="switch", clickable=True, checked=on, bounds=(330, y, 60, 30))]
            self.actions[row[1]] = _toggle(row[1])
            y += 60
        return shown


def _toggle(label: str):
    def act(app: FormApp) -> str:
        app.boxes[label] = not app.boxes.get(label, False)
        app.message = "Obavijesti su uključene." if app.boxes[label] else ""
        return app.at
    return act


def _bar() -> list[tuple]:
    return [("tap", "Početna", lambda a: "home"), ("tap", "Vožnje", lambda a: "voznje"),
            ("tap", "Profil", lambda a: "profil")]


def _app() -> SwitchApp:
    return SwitchApp({
        "home": lambda app: [("text", "Zagreb → Split")] + _bar(),
        "voznje": lambda app: [("text", "Još nemate vožnji.")] + _bar(),
        "profil": lambda app: [("tap", "Više mogućnosti", lambda a: "meni", (60, 60)),
                               ("tap", "Postavke", lambda a: "postavke")] + _bar(),
        "postavke": lambda app: [("switch", BELL), ("tap", "Jezik", lambda a: "jezik")] + _bar(),
        "jezik": lambda app: [("text", "Hrvatski")] + _bar(),
        "meni": lambda app: [("tap", "Uredi profil", lambda a: "uredi"), ("tap", "Izbriši račun", lambda a: "potvrda")],
        "uredi": lambda app: [("text", "Uskoro.")] + _bar(),
        "potvrda": lambda app: [("text", "Izbrisati račun?"), ("tap", "Odustani", lambda a: "profil"),
                                ("tap", "Izbriši", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Vaš račun je izbrisan.")],
    })


def test_the_deletion_search_never_taps_a_switch_s_label_as_a_way_on() -> None:
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    assert BELL not in app.taps and not app.boxes.get(BELL), app.taps
    assert app.taps[-2:] == ["Izbriši račun", "Izbriši"], app.taps


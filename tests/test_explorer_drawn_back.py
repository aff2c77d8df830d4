"""A back control drawn as an icon no word names (corpus vstup: «Zpět», an aria-label on a chevron in the top left
corner of every screen below the start) is the way back, not a way on: the deletion search's fallback tapped it on
the profile screen it had just opened (a tap back to the start, a tap to the profile again). Offered by a screen one
level down in its top left corner, not by the screen before, it leads back there (a predicted edge) and is not tried."""
from __future__ import annotations

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.screen import Element, Screen

from test_explorer_signup_refusal import CONFIG, FormApp, search


class IconApp(FormApp):
    """Every page but the start carries an unworded back icon «Zpet» in its top left corner."""

    def screen(self) -> Screen:
        shown = super().screen()
        up = {"profa": "home", "osobni": "profa", "bezpeci": "profa"}.get(self.at)
        if up is not None:
            shown.elements.insert(1, Element(name="Zpet", role="button", clickable=True, bounds=(8, 8, 40, 40)))

            def back(app: FormApp, page: str = self.at) -> str:
                app.boxes["Zpet tapped on " + page] = True     # boxes outlive a relaunch (values do not)
                return up
            self.actions["Zpet"] = back
        return shown


def _app() -> IconApp:
    return IconApp({
        "home": lambda app: [("text", "Vitejte"), ("tap", "Profa", lambda a: "profa")],
        "profa": lambda app: [("text", "tester@vstup.test"), ("tap", "Osobni", lambda a: "osobni"),
                              ("tap", "Bezpeci", lambda a: "bezpeci")],
        "osobni": lambda app: [("text", "E-mail: tester@vstup.test")],
        "bezpeci": lambda app: [("tap", "Delete account", lambda a: "confirm")],
        "confirm": lambda app: [("text", "Delete your account?"), ("tap", "Cancel", lambda a: "bezpeci"),
                                ("tap", "Delete", lambda a: "!gone")],
        "!gone": lambda app: [("text", "Your account has been deleted.")],
    })


def test_an_unworded_back_icon_is_not_tried_as_a_way_on() -> None:
    result, app = search(_app(), DeletionGoal(CONFIG, None))
    assert result.ending == "reached", (result.detail, app.taps)
    # before: «Zpet» tapped first on the profile screen (back to the start), then «Profa» again
    assert "Zpet tapped on profa" not in app.boxes, app.taps
    assert app.taps.count("Profa") == 1, app.taps


def test_only_an_icon_in_the_top_left_corner_is_drawn_as_a_back_control() -> None:
    from consent_audit.explorer.search_map import drawn_back
    screen = Screen(elements=[], signature="s", size=(1080, 2400))
    icon = Element(name="Zpět", role="button", clickable=True, bounds=(20, 40, 120, 120))
    assert drawn_back(screen, icon)
    assert not drawn_back(screen, Element(name="Sdílet", role="button", clickable=True, bounds=(940, 40, 120, 120)))
    assert not drawn_back(screen, Element(text="Zpět", role="button", clickable=True, bounds=(20, 40, 120, 120)))
    assert not drawn_back(screen, Element(name="Zpět", role="button", clickable=True, bounds=(20, 1200, 120, 120)))

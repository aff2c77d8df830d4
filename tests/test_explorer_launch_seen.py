"""The consent goal's not_found says what the launch showed instead of one sentence for every cause (fresh1,
fresh2: ktiv's full-page consent, vstup's banner behind a log-in, grafis's canvas, vstup-x3's answers followed by a
permission request all read "no consent dialog was recognised at launch"). Hand-built launch screens."""
from __future__ import annotations

from consent_audit.explorer.consent_structure import Tried
from consent_audit.explorer.launch_layer import layer
from consent_audit.explorer.elements import Target, Use, targets
from consent_audit.explorer.launch_seen import _labels, launch_seen
from consent_audit.screen import Element, Screen


def _button(text: str, y: int, x: int = 20) -> Element:
    return Element(text=text, role="button", clickable=True, bounds=(x, y, 160, 44))


def _dialog(*labels: str) -> Screen:
    box = Element(role="dialog", bounds=(0, 1400, 400, 600))
    prose = Element(text="Používáme soubory cookie k měření a reklamě.", bounds=(10, 1420, 380, 60))
    buttons = [_button(label, 1500 + 60 * i) for i, label in enumerate(labels)]
    return Screen([Element(text="Vstup", bounds=(0, 0, 400, 40)), box, prose, *buttons], "launch", size=(400, 2000))


def _tried(screen: Screen, **what: object) -> list[Tried]:
    found = targets(screen)
    candidate = layer(screen, found, frozenset())
    assert candidate is not None
    out = []
    for button in candidate.buttons:
        t = Tried(button, gone=True)
        for name, value in what.items():
            setattr(t, name, value(button.label) if callable(value) else value)
        out.append(t)
    return out


def _seen(screen: Screen, tried: list[Tried] | None, readable: bool = True) -> str:
    return launch_seen(screen, targets(screen), frozenset(), tried, readable)


def test_a_dialog_tried_says_its_buttons_and_what_their_answers_did() -> None:
    screen = _dialog("Přijmout vše", "Odmítnout vše", "Nastavení")
    nothing = _seen(screen, _tried(screen))
    assert nothing.startswith("a dialog with 3 buttons ('Přijmout vše', 'Odmítnout vše', 'Nastavení') was tried")
    assert "stored nothing" in nothing
    asked = _seen(screen, _tried(screen, left=lambda label: label == "Přijmout vše"))
    assert "'Přijmout vše' left the app or asked for a permission" in asked
    other = _seen(screen, _tried(screen, stored=lambda label: {f"local:{label[:3]}": "1"}))
    assert "stored different records" in other and "local:Při" in other
    same = _seen(screen, _tried(screen, stored={"local:c": '{"a": true}'}))
    assert "the same choice" in same
    assert "could not be read" in _seen(screen, [], readable=False)


def test_a_full_page_a_log_in_first_and_nothing_readable_are_told_apart() -> None:
    page = Screen([Element(text="Souhlasíte se zpracováním údajů?", bounds=(10, 100, 380, 60)),
                   _button("מסכים וממשיכים", 300), _button("לתשלום", 360)], "consent-page", size=(400, 2000))
    assert _seen(page, None).startswith("a full page with 2 buttons ('מסכים וממשיכים', 'לתשלום') was tried as a "
                                        "consent dialog")       # a consent page before the app is a candidate
    menu = Screen([Element(text="Vítejte", bounds=(10, 100, 380, 60))] + [_button(f"Položka {n}", 300 + 60 * n)
                                                                        for n in range(4)], "menu", size=(400, 2000))
    assert _seen(menu, None).startswith("a full page with 4 buttons ('Položka 0', 'Položka 1', 'Položka 2', "
                                        "'Položka 3') and no layer over it")
    login = Screen([Element(text="Vstup", bounds=(0, 0, 400, 40)), _button("Log in", 300), _button("Sign up", 360)],
                   "welcome", size=(400, 2000))
    assert _seen(login, None).startswith("the launch shows a log-in or sign-up first ('Log in', 'Sign up')")
    form = Screen([Element(name="Heslo", role="textbox", clickable=True, secret_field=True, bounds=(10, 100, 380, 40)),
                   Element(name="E-mail", role="textbox", clickable=True, bounds=(10, 40, 380, 40)),
                   _button("Pokračovat", 200)], "form", size=(400, 2000))
    assert "log-in or sign-up first" in _seen(form, None)
    canvas = Screen([Element(role="canvas", bounds=(0, 0, 400, 2000))], "canvas", size=(400, 2000))
    assert _seen(canvas, None).startswith("nothing to tap was read on the launch screen (1 element, 0 fields)")
    assert _seen(Screen([], "x", in_app=False), None) == "the launch did not show the app"


def test_a_dialog_that_is_no_consent_choice_by_structure_says_so() -> None:
    screen = _dialog("A", "B", "C", "D")
    assert _seen(screen, None).startswith("a dialog with 4 buttons ('A', 'B', 'C', 'D') that is no consent choice")


def test_a_button_without_words_is_named_as_such_in_the_sentence() -> None:
    """fresh4's gcn-dark: the settings layer's × is an empty <button>; the not-found sentence ended "… stayed on
    screen after ." — the control is said, never left out."""
    empty = Target(Element(text="", role="button", clickable=True), "button||0", "", Use.TAP)
    worded = Target(Element(text="OK", role="button", clickable=True), "button|ok|0", "OK", Use.TAP)
    assert _labels([empty]) == "an unlabelled button"
    assert _labels([worded, empty]) == "'OK', an unlabelled button"


def test_an_answer_that_stored_nothing_is_said_apart_from_the_one_that_stored() -> None:
    """fresh7 #1/#15 (shonar): «সেটিংস» replaced the first layer by a second read with no control and stored
    nothing, «সব মেনে নিন» stored the consent record — said as "every answer stored the same choice". What
    each answer stored is said."""
    screen = _dialog("সেটিংস", "সব মেনে নিন")
    said = _seen(screen, _tried(screen, stored=lambda label: {"local:rcc-popup-consent": "[1,2,3]"}
                                if label == "সব মেনে নিন" else {}))
    assert "same choice" not in said
    assert "only 'সব মেনে নিন' stored a record (local:rcc-popup-consent); 'সেটিংস' stored nothing" in said


def _fixed(bounds: tuple[int, int, int, int]) -> Screen:
    x, y, w, h = bounds
    box = Element(bounds=bounds, fixed=True)
    prose = Element(text="Wir verwenden Cookies für Statistik und Werbung.", bounds=(x + 10, y + 10, w - 20, 60))
    buttons = [_button("Alle akzeptieren", y + 80), _button("Einstellungen", y + 140)]
    return Screen([Element(text="Zeitung", bounds=(0, 0, 400, 40)), box, prose, *buttons], "launch", size=(400, 2000))


def test_a_layer_that_stays_put_is_said_by_its_place_a_wall_is_no_bar() -> None:
    """A new user read "a fixed bar with 2 buttons" for both a full-screen wall and a bottom sheet (fresh12)."""
    assert _seen(_fixed((0, 0, 400, 2000)), None).startswith("a full-screen fixed layer with 2 buttons")
    assert _seen(_fixed((0, 1700, 400, 300)), None).startswith("a fixed bar at the foot of the screen with 2 buttons")
    assert _seen(_fixed((0, 40, 400, 300)), None).startswith("a fixed bar at the top of the screen with 2 buttons")


def test_links_are_said_as_links_not_buttons() -> None:
    """A new user read «a full page with 11 buttons» on a page of links and looked for eleven buttons."""
    def link(text: str, y: int) -> Element:
        return Element(text=text, role="link", clickable=True, bounds=(20, y, 160, 44))
    page = Screen([Element(text="Vítejte", bounds=(10, 100, 380, 60))] + [link(f"Odkaz {n}", 300 + 60 * n)
                  for n in range(5)] + [_button("Hledat", 700)], "links", size=(400, 2000))
    assert _seen(page, None).startswith("a full page with 6 controls (1 button, 5 links) ('Odkaz 0'")
    only = Screen([Element(text="Vítejte", bounds=(10, 100, 380, 60))] + [link(f"Odkaz {n}", 300 + 60 * n)
                  for n in range(4)], "links", size=(400, 2000))
    assert _seen(only, None).startswith("a full page with 4 links (")

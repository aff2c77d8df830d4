"""Two forms asking for the same fields under other headings are two screens (explorer/graph.py screen_words):
corpus veld's log-in «Inloggen» and sign-up «Rekening openen» both ask «E-mailadres» and «Wachtwoord». Once a
field's <label> stopped being a control of its own (its words are the field's name, stop 32), those labels
counted as headings, the two forms' headings were "much the same" (2 of 3) and the sign-up was taken for the
refused log-in: never filled, deletion not_found (truth deletion_not_in_app)."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Node, ScreenGraph, screen_words
from consent_audit.screen import Element, Screen

TABS = [Element(text=t, role="link", bounds=(i * 360, 2300, 360, 100), clickable=True)
        for i, t in enumerate(["Overzicht", "Betalen", "Profiel"])]


def form(heading: str, submit: str) -> Screen:
    elements = [Element(text=heading, role="heading", bounds=(40, 40, 800, 80)),
                Element(text="E-mailadres", bounds=(40, 200, 400, 40)),
                Element(name="E-mailadres", role="textbox", bounds=(40, 250, 1000, 90), clickable=True),
                Element(text="Wachtwoord", bounds=(40, 380, 400, 40)),
                Element(name="Wachtwoord", role="textbox", secret_field=True, bounds=(40, 430, 1000, 90),
                        clickable=True),
                Element(text=submit, role="button", bounds=(40, 560, 1000, 100), clickable=True)] + TABS
    return Screen(elements=elements, signature="form", size=(1080, 2400))


def test_a_log_in_and_a_sign_up_asking_the_same_fields_are_two_screens() -> None:
    graph = ScreenGraph("start")
    login, signup = form("Inloggen", "Inloggen"), form("Rekening openen", "Rekening openen")
    _, titles = screen_words(signup, targets(signup))
    assert "e-mailadres" not in titles and "wachtwoord" not in titles
    first = graph.identify(login.signature, *screen_words(login, targets(login)))
    graph.nodes[first] = Node(ident=first, screen=login, depth=1, labels=screen_words(login, targets(login))[0],
                              titles=screen_words(login, targets(login))[1])
    assert graph.identify(signup.signature, *screen_words(signup, targets(signup))) != first
    assert graph.identify(login.signature, *screen_words(login, targets(login))) == first

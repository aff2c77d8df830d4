"""A consent banner whose sentence names its answers as links — «Click Necessary only to continue… Manage
preferences… or Accept all.» — above buttons carrying the same words (the PIE cookie banner, corpus fiets and its
English copy, fresh11 finding 7): the answers walked and measured are the buttons, never the links set in the
notice's sentence. Before, the first control with the words (the link in the sentence) was taken for both
answers, so `prominence` compared link with link (area 0.644, no fill either side) and the filled orange accept
over the outlined reject was never measured: a false clean (exit 0)."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.consent_layer import answering, in_sentence
from consent_audit.explorer.forms import FormData
from consent_audit.screen import Element, Screen
from test_explorer_structure import LayerApp

SENTENCE = ("We use our own and third party cookies and other tech to enhance and personalise your user experience "
            "(read our ). Necessary cookies are always set. Click  to continue without accepting more. Click  to "
            "share your preferences or .")


def _control(text: str, bounds: tuple[int, int, int, int]) -> Element:
    """A custom element's host (no role of its own, its words slotted) that answers a click."""
    return Element(text=text, bounds=bounds, clickable=True)


class Banner:
    """The app under a fixed banner at the bottom: a heading, the sentence with four inline links, and three
    buttons under it (recorded as the fiets-en snapshot has them, device px). Driven like an Operator."""

    def __init__(self, sentence_only: bool = False) -> None:
        self.shown, self.sentence_only = True, sentence_only
        self.in_foreground = True
        self.taps: list[tuple[str, tuple[int, int, int, int]]] = []

    def screen(self) -> Screen:
        elements = [Element(text="Fietsen in de buurt", bounds=(47, 211, 987, 87)),
                    _control("Fiets zoeken", (47, 896, 987, 137))]
        if self.shown:
            elements += [Element(bounds=(0, 1352, 1082, 1050), fixed=True),
                         Element(text="Cookies", bounds=(0, 1394, 1082, 53)),
                         Element(text=SENTENCE, bounds=(42, 1457, 998, 504)),
                         _control("Statement", (710, 1646, 221, 63)),
                         _control("Necessary only", (42, 1772, 320, 63)),
                         _control("Manage preferences", (291, 1835, 429, 63)),
                         _control("Accept all", (361, 1898, 206, 63))]
            if not self.sentence_only:
                elements += [_control("Accept all", (42, 2003, 998, 105)),
                             _control("Necessary only", (42, 2150, 998, 105)),
                             _control("Manage preferences", (298, 2297, 485, 63))]
        return Screen(elements=elements, signature=f"s-{self.shown}", size=(1082, 2402))

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset({1}) if self.shown else frozenset()

    targets, find = LayerApp.targets, LayerApp.find

    def tap(self, target) -> Screen:
        self.taps.append((target.label, target.bounds))
        if target.label in ("Accept all", "Necessary only"):
            self.shown = False
        return self.screen()


def test_the_answers_are_the_buttons_not_the_links_in_the_sentence() -> None:
    """Before: «Accept all» at (361, 1898) and «Necessary only» at (42, 1772), the sentence's links."""
    for mode, words in ((consent.ACCEPT, "Accept all"), (consent.REJECT, "Necessary only")):
        app = Banner()
        path = consent.answer(app, mode, FormData())
        assert [m.label for m in path.moves] == [words]
        assert path.entry is not None and path.entry.bounds[2:] == (998, 105), path.entry    # the button
        assert app.taps == [(words, path.entry.bounds)]


def test_a_link_only_the_sentence_offers_stays_an_answer() -> None:
    """No button says the words: the sentence's link is the only way to give that answer, and is taken."""
    app = Banner(sentence_only=True)
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Necessary only"]
    assert path.entry is not None and path.entry.bounds == (42, 1772, 320, 63)


def test_what_is_set_in_a_sentence() -> None:
    app = Banner()
    screen = app.screen()
    found = app.targets(screen)
    inline = sorted(t.bounds for t in found if in_sentence(screen, t))
    assert inline == [(42, 1772, 320, 63), (291, 1835, 429, 63), (361, 1898, 206, 63), (710, 1646, 221, 63)]
    kept = {(t.label, t.bounds) for t in answering(screen, found)}
    assert ("Statement", (710, 1646, 221, 63)) in kept           # no button says it: the link stays
    assert ("Accept all", (42, 2003, 998, 105)) in kept and ("Accept all", (361, 1898, 206, 63)) not in kept

"""A layer's answers revealed only once its own text, scrolling inside the layer, is read to its end (corpus
mtsvane, ka: a bottom banner fixed above the tab bar, six paragraphs in a 110 px box scrolling inside it,
«ვეთანხმები» shown at once, «უარვყოფ» display:none until the box is at its end). Before, the launch showed one
answer: the bar was tried as a one-answer notice ("every answer stored the same choice"), the consent goal ended
not_found. Told by structure (a text whose scroll container shows it only in part — `Element.view` — inside a
layer that stays put), never by its words. Hand-made screens shaped as the web platform captured mtsvane's
launch (Pixel 7, 1082×2402)."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer import consent
from consent_audit.explorer.consent_choice import candidate
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.layer_scroll import unread
from consent_audit.explorer.moves import Move, perform
from consent_audit.screen import Element, Screen

SIZE = (1082, 2402)
BOX = (1790, 2079)          # the span the banner's text box shows (device px)
WORDS = ["მწვანე იყენებს ქუქი-ფაილებს და მსგავს ტექნოლოგიებს, რათა აპლიკაცია იმუშაოს.",
         "თქვენი თანხმობით ჩვენ ასევე ვაგროვებთ ანონიმურ სტატისტიკას.",
         "ჩვენი სარეკლამო პარტნიორები შეიძლება იყენებდნენ საკუთარ იდენტიფიკატორებს.",
         "მონაცემებს ვინახავთ არაუმეტეს 13 თვისა."]


def _app() -> list[Element]:
    news = [Element(text=f"სტატია {n}", role="link", clickable=True, bounds=(0, 160 + 150 * n, 1082, 140))
            for n in range(7)]
    tabs = [Element(rid="tabs", fixed=True, bounds=(0, 2250, 1082, 152))] + [
        Element(text=t, clickable=True, bounds=(360 * i, 2252, 360, 150))
        for i, t in enumerate(["მთავარი", "რჩეული", "პარამეტრები"])]
    return [Element(text="მწვანე", bounds=(0, 0, 1082, 136), fixed=True), *news, *tabs]


def _banner(read: bool, shown_in_full: bool = False) -> list[Element]:
    """The banner; `read`: its text scrolled to its end (the refusal shown beside the accept)."""
    shift = 380 if read else 0
    paragraphs = [Element(text=w, bounds=(42, 1790 + 130 * n - shift, 998, 120),
                          view=(BOX[0], BOX[0] + (520 if shown_in_full else BOX[1] - BOX[0])))
                  for n, w in enumerate(WORDS)]
    buttons = ([Element(text="უარვყოფ", rid="b-reject", clickable=True, bounds=(42, 2108, 494, 110))] if read
               else []) + [Element(text="ვეთანხმები", rid="b-accept", clickable=True,
                                   bounds=(546 if read else 42, 2108, 494 if read else 998, 110))]
    return [Element(rid="banner", fixed=True, bounds=(0, 1660, 1082, 590)),
            Element(text="ქუქი-ფაილები და თქვენი არჩევანი", bounds=(42, 1700, 998, 60)), *paragraphs, *buttons]


def _screen(read: bool, **kw: bool) -> Screen:
    return Screen(_app() + _banner(read, **kw), "read" if read else "launch", size=SIZE)


class _Op:
    """The operator's contract `perform`, `known` and `read_layer` use, over the banner: a scroll of the text's
    own container (`of`) reads it (the refusal shows); a tap is recorded."""

    held_wait = 0.0

    def __init__(self) -> None:
        self.read, self.steps = False, []
        self.consent_keys = frozenset({"#b-accept", "#b-reject"})

    def screen(self) -> Screen:
        return _screen(self.read)

    def targets(self, screen: Screen | None = None) -> list[Target]:
        return targets(screen or self.screen())

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    def scroll_to_end(self, why: str, inner_only: bool = False, of: Element | None = None) -> Screen | None:
        if of is None or of.view is None:
            return None
        self.read = True
        self.steps.append("scroll")
        return self.screen()

    def tap(self, target: Target) -> Screen:
        self.steps.append(f"tap {target.element.rid}")
        return self.screen()


def test_the_layers_text_not_yet_read_is_told_by_structure() -> None:
    """A paragraph reaching below the span its container shows, inside the fixed banner holding a control."""
    screen = _screen(False)
    found = unread(screen, targets(screen))
    assert found is not None and found.text == WORDS[2]
    assert unread(_screen(False, shown_in_full=True), targets(screen)) is None      # shown in full: nothing to read
    page = Screen(_app(), "page", size=SIZE)      # the page's own rows scroll with the page: no layer's text
    assert unread(page, targets(page)) is None


def test_a_layer_read_to_its_end_shows_both_answers() -> None:
    """What `consent_structure.learn` counts: one answer at launch (the bar read as a notice); two once read."""
    launch, read = _screen(False), _screen(True)
    assert [b.label for b in candidate(launch, targets(launch), frozenset()).buttons] == ["ვეთანხმები"]
    assert [b.label for b in candidate(read, targets(read), frozenset()).buttons] == ["უარვყოფ", "ვეთანხმები"]


def test_the_dialog_holding_an_answer_back_until_read_is_known() -> None:
    """Before: `known` wanted two of the dialog's buttons on screen, so the consent journey's launch (the refusal
    not shown yet) read "no consent dialog was recognised after the first launch"."""
    op = _Op()
    screen = op.screen()
    assert consent.known(op, targets(screen), screen)       # type: ignore[arg-type]
    plain = Screen(_app() + _banner(False, shown_in_full=True), "plain", size=SIZE)
    assert not consent.known(op, targets(plain), plain)      # type: ignore[arg-type]


def test_the_reject_path_reads_the_layer_then_taps_its_refusal() -> None:
    """Before: the reject move's control was not on the launch screen: NotOnScreen (the journey broke). Now the
    layer's text is scrolled to its end (one scroll, counted apart) and the refusal tapped."""
    op = _Op()
    perform(op, Move("tap", "#b-reject", "უარვყოფ", rid="b-reject"), FormData())      # type: ignore[arg-type]
    assert op.steps == ["scroll", "tap b-reject"]

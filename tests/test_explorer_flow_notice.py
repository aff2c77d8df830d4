"""A consent notice in the page's flow (corpus sudar): a plain block at the very top of the document, no layer (not
fixed, no role, no backdrop: it pushes the header and the content down), its accept and reject two inline links in
its sentence and a × after it. Before, no candidate was ever looked for outside a layer: the consent goal ended
"no consent dialog was recognised at launch: a full page with 11 buttons …" (not found, all three goals). Screens
built on sudar's launch geometry (device px, 1082 × 2402); the page's ordinary content stays no candidate."""
from __future__ import annotations

from test_explorer_structure import LayerApp

from consent_audit.explorer import consent_structure
from consent_audit.explorer.elements import targets
from consent_audit.explorer.flow_notice import flow_notice, in_flow
from consent_audit.explorer.launch_layer import layer
from consent_audit.explorer.launch_seen import launch_seen
from consent_audit.screen import Element, Screen

SENTENCE = ("சமையல் குறிப்புகளைப் பரிந்துரைக்கவும் செயலியின் பயன்பாட்டை அளவிடவும் குக்கீகளைப் பயன்படுத்துகிறோம் — "
            "அல்லது .")
SIZE = (1082, 2402)


def _banner(top: int = 0) -> list[Element]:
    """The band: its box (an id, no words of its own), the sentence's paragraph, two inline links and the ×."""
    return [Element(rid="banner", bounds=(0, top, 1082, 282)),
            Element(text=SENTENCE, bounds=(42, top + 30, 998, 222)),
            Element(text="ஏற்கிறேன்", role="link", clickable=True, bounds=(437, top + 138, 171, 45)),
            Element(text="மறுக்கிறேன்", role="link", clickable=True, bounds=(765, top + 138, 200, 45)),
            Element(text="×", name="மூடு", role="button", clickable=True, bounds=(46, top + 190, 45, 60))]


def _page(top: int = 0) -> list[Element]:
    """The app under it: the header's title, the scan button, the recipe cards (a link and a line each)."""
    cards = []
    for i, (name, line) in enumerate([("வெண் பொங்கல்", "பச்சரிசி, பாசிப்பருப்பு, மிளகு, சீரகம், நெய். 25 நிமிடம்."),
                                      ("தக்காளி ரசம்", "தக்காளி, புளி, ரசப்பொடி, கொத்தமல்லி. 20 நிமிடம்.")]):
        y = top + 620 + 330 * i
        cards += [Element(text=name, role="link", clickable=True, bounds=(42, y, 345, 60)),
                  Element(text=line, bounds=(42, y + 100, 998, 130))]
    return [Element(text="சமையல் குறிப்புகள்", bounds=(42, top + 40, 998, 90)),
            Element(text="சமையல் அட்டையை ஸ்கேன் செய்", role="button", rid="scan", clickable=True,
                    bounds=(42, top + 212, 998, 130))] + cards


def _tabs() -> list[Element]:
    return [Element(bounds=(0, 2274, 1082, 128), fixed=True)] + [
        Element(text=t, role="link", clickable=True, bounds=(360 * i, 2275, 360, 126))
        for i, t in enumerate(["முகப்பு", "அமைப்புகள்", "கணக்கு"])]


def _screen(*parts: list[Element]) -> Screen:
    return Screen([e for part in parts for e in part], "launch", size=SIZE)


def _labels(screen: Screen) -> list[str] | None:
    found = layer(screen, targets(screen), frozenset())
    return None if found is None else [b.label for b in found.buttons]


def test_a_band_at_the_top_of_the_flow_is_a_candidate() -> None:
    """sudar's launch: before, None (no dialog, no fixed bar, nothing covered: «a full page with 11 buttons»)."""
    screen = _screen(_banner(), _page(top=282), _tabs())
    assert _labels(screen) == ["ஏற்கிறேன்", "மறுக்கிறேன்", "×"]
    said = launch_seen(screen, targets(screen), frozenset(), [], True)
    assert said.startswith("a notice in the page's flow with 3 controls (1 button, 2 links)"), said


def test_the_same_band_at_the_foot_of_the_document_is_a_candidate() -> None:
    screen = _screen(_page(), _banner(top=1400), _tabs())
    assert _labels(screen) == ["ஏற்கிறேன்", "மறுக்கிறேன்", "×"]


def test_the_page_without_the_band_has_no_candidate() -> None:
    """Answered: the header is first in the flow, its title no sentence, the scan button and the cards below."""
    assert _labels(_screen(_page(), _tabs())) is None


def test_the_band_in_the_middle_of_the_content_is_none() -> None:
    """A paragraph with two links between the page's blocks (content above and below it) is the page's own."""
    middle = [Element(text="உதவி", bounds=(42, 20, 998, 60))] + _banner(top=100) + _page(top=400)
    assert flow_notice(_screen(middle, _tabs()), targets(_screen(middle, _tabs()))) is None


def test_a_title_bar_with_two_icons_at_the_top_is_none() -> None:
    """A header at the top whose heading is short and two icon buttons beside it: no sentence of its own."""
    header = [Element(rid="top", bounds=(0, 0, 1082, 160)),
              Element(text="Municipal Library", bounds=(150, 40, 700, 80)),
              Element(name="Menu", role="button", clickable=True, bounds=(20, 40, 100, 80)),
              Element(name="Search", role="button", clickable=True, bounds=(960, 40, 100, 80))]
    assert _labels(_screen(header, _page(top=160), _tabs())) is None


def test_a_page_holding_nothing_but_the_band_is_no_flow_notice() -> None:
    """With nothing else in the flow it is the page itself (launch_layer's own-page case), not a band beside it."""
    screen = _screen(_banner(), _tabs())
    assert flow_notice(screen, targets(screen)) is None


def test_a_band_with_four_links_is_none() -> None:
    """A block of the page's links (a menu of four under a line of words) is no notice of 2–3 answers."""
    extra = [Element(text="உதவி", role="link", clickable=True, bounds=(640, 190, 150, 60))]
    screen = _screen(_banner() + extra, _page(top=282), _tabs())
    assert _labels(screen) is None


def test_a_homes_content_under_its_title_is_none() -> None:
    """vue-dark's home as read at launch: the header's title, then the content block (a line and two cards, each
    with a button) last in the flow over the tab bar — nothing of the page but a title beside it: its content,
    no band (before this rule, flow_notice took it for a notice at the foot)."""
    content = [Element(rid="ukurasa", bounds=(0, 200, 1082, 900)),
               Element(text="Salio: TSh 0. Ongeza pesa au lipa kwa QR.", bounds=(42, 240, 998, 60)),
               Element(text="Mawakala karibu", bounds=(42, 340, 460, 60)),
               Element(text="Tafuta wakala wa kutoa pesa.", bounds=(42, 420, 460, 120)),
               Element(text="Tafuta mawakala", role="button", clickable=True, bounds=(42, 560, 460, 110)),
               Element(text="Lipa kwa QR", bounds=(580, 340, 460, 60)),
               Element(text="Piga picha ya msimbo wa duka.", bounds=(580, 420, 460, 120)),
               Element(text="Changanua QR", role="button", clickable=True, bounds=(580, 560, 460, 110))]
    screen = _screen([Element(text="Mkoba", bounds=(42, 40, 998, 90))], content, _tabs())
    assert flow_notice(screen, targets(screen)) is None


class _WelcomeApp(LayerApp):
    """A consent dialog over an app whose page starts with a welcome band: a sentence and two links (the page's
    own, never a layer), the app's tab below. «Later» hides the dialog storing nothing."""

    BAND = [Element(rid="welcome", bounds=(0, 0, 400, 120)),
            Element(text="Welcome to the shop: read the guide first or write to us any time", bounds=(10, 10, 380, 60)),
            Element(text="Guide", role="link", clickable=True, bounds=(10, 80, 100, 30)),
            Element(text="Contact", role="link", clickable=True, bounds=(150, 80, 100, 30))]

    def screen(self) -> Screen:
        base = super().screen()
        return Screen(self.BAND + base.elements, base.signature, size=base.size)

    def covered(self, s: Screen) -> frozenset[int]:
        if not any(e.role == "dialog" for e in s.elements):
            return frozenset()
        return frozenset(i for i, e in enumerate(s.elements) if e.text in ("Guide", "Contact", "მთავარი"))

    def tap(self, target) -> Screen:
        if self.at is None:
            self.taps.append(target.label)
            return self.screen()
        return super().tap(target)


def test_the_pages_first_block_left_by_an_answer_is_no_further_step() -> None:
    """An answer that stores nothing and takes the dialog away leaves the page, whose first block is shaped like a
    notice in the flow: no «are you sure?» layer in the dialog's place — its links are never tried as further steps
    of that answer (before: «Guide» and «Contact» were tapped after «Later», each from a fresh launch)."""
    app = _WelcomeApp({"first": {"texts": ["ჩვენ ვიყენებთ ქუქი-ფაილებს ..."],
                                 "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                             "Later": (None, None, False)}}})
    app.at = None       # the page once the dialog went: its band is shaped like a notice in the flow
    page = app.screen()
    assert in_flow(page, app.targets(page), frozenset({"link|guide|0"}))
    app.restart()
    consent_structure.learn(app, app.restart, [])
    assert "Guide" not in app.taps and "Contact" not in app.taps, app.taps

"""A notice with ONE answer, fixed at the foot of the app and leaving it usable, is a candidate consent dialog
(corpus ferenj, am: hb-cookie-law-banner 0.76.5 — role=alert in an open shadow root, «እስማማለሁ» its only button,
no refusal anywhere). Before, a fixed bar needed 2–3 buttons, so the bar was none; the bar lying over the last
product card's button then made the whole page read as "a layer covering the app with 9 buttons". A full-screen
advert with its one × is a wall over the app, not a notice beside it: no one-answer candidate. Screens built
from what the web platform captured of ferenj's launch (after the advert's ×)."""
from __future__ import annotations

from consent_audit.explorer.consent_trials import Tried
from consent_audit.explorer.consent_answers import sole_answer
from consent_audit.explorer.elements import targets
from consent_audit.explorer.launch_layer import layer
from consent_audit.explorer.launch_seen import launch_seen
from consent_audit.screen import Element, Screen

SIZE = (1082, 2402)


def _button(text: str, bounds: tuple[int, int, int, int], covered: bool = False) -> Element:
    return Element(text=text, role="button", clickable=True, covered=covered, bounds=bounds)


def _app() -> list[Element]:
    """ferenj's home: a sticky tab bar (no prose), a button, four product cards — the last under the bar."""
    tabs = [Element(bounds=(0, 142, 1082, 126), fixed=True)] + [
        _button(t, (270 * i, 142, 270, 123)) for i, t in enumerate(["መነሻ", "ጋሪ", "መገለጫ", "ቅንብሮች"])]
    cards = []
    for n, (name, price) in enumerate([("የቆዳ ጫማ", "1,250 ብር"), ("የሀገር ባህል ቀሚስ", "2,800 ብር"),
                                       ("የቡና ስኒ ስብስብ", "640 ብር"), ("የጀርባ ቦርሳ", "980 ብር")]):
        y, under = 664 + 418 * n, n == 3
        cards += [Element(text=name, covered=under, bounds=(74, y, 200, 50)),
                  Element(text=price, covered=under, bounds=(74, y + 99, 935, 63)),
                  _button("ወደ ጋሪ ጨምር", (74, y + 204, 329, 118), covered=under)]
    return [Element(text="ፈረንጅ", bounds=(42, 32, 998, 79)), *tabs,
            _button("በአቅራቢያዬ ያሉ መደብሮች", (42, 310, 521, 118)), *cards]


def _bar() -> list[Element]:
    return [Element(rid="cookiealert", role="alert", fixed=True, bounds=(0, 1792, 1082, 610)),
            Element(text="ኩኪዎችን እንጠቀማለን", bounds=(95, 1902, 893, 59)),
            Element(text="ፈረንጅ ለትንታኔ፣ ለማስታወቂያ እና ግዢዎን ለማሻሻል ኩኪዎችን ይጠቀማል። መተግበሪያውን መጠቀምዎን "
                         "በመቀጠል በዚህ ይስማማሉ።", bounds=(95, 1982, 893, 189)),
            _button("እስማማለሁ", (794, 2234, 193, 79))]


def _covered(screen: Screen) -> frozenset[int]:
    return frozenset(i for i, e in enumerate(screen.elements) if e.covered)


def test_a_fixed_notice_with_one_answer_is_a_candidate() -> None:
    """ferenj: the bar's one «እስማማለሁ» is the candidate, whatever it lies over (before: None — the bar held
    one button, not 2–3, and the covered card made the whole page the layer: 9 buttons)."""
    screen = Screen(_app() + _bar(), "launch", size=SIZE)
    found = layer(screen, targets(screen), _covered(screen))
    assert found is not None and [b.label for b in found.buttons] == ["እስማማለሁ"]
    said = launch_seen(screen, targets(screen), _covered(screen), None, True)
    assert said.startswith("a fixed bar at the foot of the screen with 1 button ('እስማማለሁ') was tried")


def test_a_full_screen_advert_with_one_close_is_no_one_answer_candidate() -> None:
    """The launch advert: fixed over the whole screen, its words and one ×. A wall over the app is no notice
    beside it: one answer does not make it a candidate (it stays a launch modal to answer)."""
    advert = [Element(rid="ad", fixed=True, bounds=(0, 0, 1082, 2402)),
              Element(text="የበዓል ቅናሽ!", bounds=(200, 1000, 600, 80)),
              Element(text="በሁሉም ጫማዎች እና ልብሶች ላይ እስከ 50% ቅናሽ። ዛሬ ብቻ።", bounds=(30, 1150, 1000, 60)),
              Element(name="ዝጋ", text="×", role="button", clickable=True, bounds=(950, 21, 105, 105))]
    app = [Element(e.text, e.name, e.rid, e.role, e.bounds, e.clickable, covered=True) for e in _app()]
    screen = Screen(app + advert, "launch", size=SIZE)
    assert layer(screen, targets(screen), _covered(screen)) is None


def test_a_bar_with_one_button_and_no_sentence_is_none() -> None:
    """A fixed bar holding one button and no prose of its own (an app's floating action bar) is no notice."""
    bare = [Element(fixed=True, bounds=(0, 2200, 1082, 202)), _button("ወደ ጋሪ ሂድ", (42, 2230, 998, 140))]
    screen = Screen(_app()[:6] + bare, "launch", size=SIZE)
    assert layer(screen, targets(screen), frozenset()) is None


def test_the_one_answer_of_a_bar_a_consent_library_ids_is_told_by_that_id() -> None:
    """Structure before words: «ኩኪዎችን» is in no lexicon, but the bar's id names a consent library's dialog
    (lexicons consent_controls consent_id: «cookiealert»), so its one answer storing a record is the accept."""
    from consent_audit.explorer.modal_kind import layer_about_consent
    screen = Screen(_app() + _bar(), "launch", size=SIZE)
    found = layer(screen, targets(screen), _covered(screen))
    assert found is not None and layer_about_consent(screen, found)
    accept = Tried(found.buttons[0], gone=True, stored={"local:cookielaw": "yes"})
    assert sole_answer([accept], True) is accept


def test_a_bar_overlapping_a_card_hides_no_app_a_backdrop_does() -> None:
    """The bar lies over the last card's «ወደ ጋሪ ጨምር» (hit-tested covered): a control under a bar beside the usable
    app is under no layer (before: the launch read "a layer over the app", its controls tried to lift it, and the
    notice told a consent wall). A dimmed backdrop under a sheet hides the app: its controls are under a layer."""
    from consent_audit.explorer.launch_layer import hidden, under_layer
    screen = Screen(_app() + _bar(), "launch", size=SIZE)
    assert _covered(screen) and hidden(screen, _covered(screen)) == frozenset()
    assert under_layer(screen, _covered(screen)) == set()
    app = [Element(e.text, e.name, e.rid, e.role, e.bounds, e.clickable, covered=e.clickable, fixed=e.fixed)
           for e in _app()]      # the backdrop over everything, the sticky tab bar's buttons too
    sheet = [Element(fixed=True, bounds=(0, 0, 1082, 2402)),
             Element(role="dialog", fixed=True, bounds=(0, 1500, 1082, 902)),
             Element(text="ኩኪዎችን እንጠቀማለን፤ ይስማማሉ?", bounds=(40, 1540, 1000, 80)),
             _button("እስማማለሁ", (40, 2200, 480, 120)), _button("አልስማማም", (560, 2200, 480, 120))]
    dimmed = Screen(app + sheet, "launch", size=SIZE)
    assert len(under_layer(dimmed, _covered(dimmed))) == 9


def test_a_tab_bar_a_banner_docks_over_stays_hidden_under_it() -> None:
    """chaguan: a banner docked over the tab bar — the tabs stay put under it (inside a fixed element of their
    own, whose controls are all covered): no scroll brings them out, they are hidden (a card in the page's flow
    under ferenj's bar is not)."""
    from consent_audit.explorer.launch_layer import hidden
    tabs = [Element(fixed=True, bounds=(0, 2268, 1082, 134)),
            Element(text="መነሻ", role="button", clickable=True, covered=True, bounds=(0, 2271, 360, 131))]
    screen = Screen(_app()[:6] + tabs + _bar(), "launch", size=SIZE)
    assert hidden(screen, _covered(screen)) == frozenset({7})

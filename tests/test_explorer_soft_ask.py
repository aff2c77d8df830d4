"""Two wrong permission verdicts a fresh tester found on the corpus (issue 13), on recorded screens:

- corpus hanami: the app's own pre-prompt at launch (「通知を受け取りますか？」 後で / 受け取る) was only ever
  answered by 後で, so no permission was seen asked and the audit ended clean, exit 0 — even on a copy that blocks
  when notifications are refused after 受け取る. The modal's agreeing control is now known (`agreeing_control`),
  tried once in the discovery and kept when it made the app ask (`SoftAsks`), and taken when that permission is
  refused under test (end to end: tests/data/verdicts/soft_ask.html in test_explorer_verdicts_e2e.py);
- corpus veld: with location refused, the ATM screen said so above a Postcode field, the app's tab bar still
  there; `reach` found no decline / retry / next and concluded blocked (forced_permission). The app's own
  navigation the core screen had, still reachable, is a way back (`way_back`); a block over the whole app leaves
  none (tests/data/verdicts/atm_fallback.html)."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move
from consent_audit.explorer.permissions import Core
from consent_audit.explorer.refused_reach import reach, way_back
from consent_audit.explorer.screens import modal_answer
from consent_audit.explorer.soft_ask import SoftAsks, agreeing_control, increments
from consent_audit.screen import Element, Screen


def _button(text: str, y: int, x: int = 10, w: int = 300) -> Element:
    return Element(text=text, role="button", bounds=(x, y, w, 40), clickable=True)


def sheet(*answers: str) -> tuple[Screen, frozenset[int]]:
    """hanami's launch: its home (covered by the sheet's backdrop) and a role=dialog bottom sheet."""
    home = [Element(text="今日のレシピ", bounds=(10, 10, 300, 30)), _button("レシピを探す", 60), _button("マイページ", 740)]
    layer = [Element(role="dialog", name="通知を受け取りますか？", bounds=(0, 560, 400, 240)),
             Element(text="通知を受け取りますか？", bounds=(10, 580, 380, 30))]
    layer += [_button(label, 640 + 50 * i, 20, 360) for i, label in enumerate(answers)]
    return Screen(elements=home + layer, signature="sheet", size=(400, 800)), frozenset({1, 2})


def test_a_launch_modal_dismissed_by_its_decline_has_its_agreeing_control_known() -> None:
    screen, covered = sheet("後で", "受け取る")
    found = targets(screen, covered)
    answer = modal_answer(screen, found, covered)
    assert answer is not None and answer.label == "後で"
    agreeing = agreeing_control(screen, found, answer)
    assert agreeing is not None and agreeing.label == "受け取る"     # no word of it known: the only other way


def test_a_modal_with_nothing_but_its_answer_or_two_unknown_ways_has_no_agreeing_control() -> None:
    screen, covered = sheet("Got it")
    found = targets(screen, covered)
    assert agreeing_control(screen, found, modal_answer(screen, found, covered)) is None
    screen, covered = sheet("後で", "レシピを見る", "友達に教える")     # two unknowns: no guess between them
    found = targets(screen, covered)
    assert agreeing_control(screen, found, modal_answer(screen, found, covered)) is None
    screen, covered = sheet("Not now", "Exit app", "Allow")            # a way out is no agreeing answer
    found = targets(screen, covered)
    agreeing = agreeing_control(screen, found, modal_answer(screen, found, covered))
    assert agreeing is not None and agreeing.label == "Allow"


def test_the_agreeing_control_is_tried_once_and_kept_only_when_the_app_asked() -> None:
    later, receive = Move("tap", "button|後で", "後で"), Move("tap", "button|受け取る", "受け取る")
    soft = SoftAsks(alternatives={later: receive})
    assert soft.to_try(later) is None                 # outside the discovery pass: the learnt answer
    soft.trying = True
    assert soft.to_try(later) == receive
    assert soft.to_try(later) is None                 # once
    asked = increments({"notifications": 0, "camera": 1}, {"notifications": 1, "camera": 1})
    assert dict(asked) == {"notifications": 1}        # told by the platform's counters, not by words
    soft.asks[later] = (receive, frozenset(asked))
    assert soft.under_test(later, {"notifications"}) == receive
    assert soft.under_test(later, {"camera"}) is None  # not under test: dismissed as learnt
    assert soft.permissions() == {"notifications"}


def atm(*, refused: bool, blocked: bool = False) -> tuple[Screen, frozenset[int]]:
    """veld's ATM screen: granted a list, refused a message above a Postcode field; its tab bar at the bottom.
    With `blocked`, a layer over the whole app with only Riprova (the tab bar under it)."""
    elements = [Element(text="Geldautomaat zoeken", bounds=(10, 10, 300, 30))]
    elements += [Element(text="Je locatie is niet gedeeld." if refused else "Bij jou in de buurt", bounds=(10, 50, 300, 30)),
                 Element(role="textbox", name="Postcode", bounds=(10, 100, 300, 40), clickable=True),
                 _button("Zoeken", 150)]
    elements += [_button("Overzicht", 740, 0, 130), _button("Betalen", 740, 130, 130), _button("Profiel", 740, 260, 130)]
    covered = frozenset()
    if blocked:
        elements += [_button("Riprova", 400)]
        covered = frozenset(range(len(elements) - 1))
    return Screen(elements=elements, signature="atm", size=(400, 800)), covered


def home() -> Screen:
    return Screen(elements=[Element(text="Overzicht", bounds=(10, 10, 300, 30)), _button("Geldautomaat zoeken", 60),
                            _button("Overzicht", 740, 0, 130), _button("Betalen", 740, 130, 130),
                            _button("Profiel", 740, 260, 130)], signature="home", size=(400, 800))


class Walk:
    """An operator-like over recorded screens: a tap leads where `leads` says (else stays)."""

    def __init__(self, start: tuple[Screen, frozenset[int]], leads: dict[str, Screen]) -> None:
        self.current, self.leads, self.taps = start, leads, []
        self.in_foreground = True

    def screen(self) -> Screen:
        return self.current[0]

    def targets(self, screen: Screen | None = None) -> list:
        screen = screen or self.current[0]
        return targets(screen, self.current[1] if screen is self.current[0] else frozenset())

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label in self.leads:
            self.current = (self.leads[target.label], frozenset())
        return self.current[0]


def test_a_refusal_screen_that_keeps_the_apps_navigation_is_a_way_back_not_a_block() -> None:
    core = Core.of(home(), targets(home()))
    screen, covered = atm(refused=True)
    back = way_back(core, targets(screen, covered), set())
    assert back is not None and back.label == "Overzicht"
    walk = Walk(atm(refused=True), {"Overzicht": home(), "Betalen": screen})
    assert reach(walk, core, 8, accept_consent=lambda: None)
    assert walk.taps == ["Overzicht"]        # never the refusal's words: where the app's own control leads


def test_a_block_over_the_whole_app_stays_blocked() -> None:
    core = Core.of(home(), targets(home()))
    screen, covered = atm(refused=True, blocked=True)
    assert way_back(core, targets(screen, covered), set()) is None
    walk = Walk((screen, covered), {"Overzicht": home()})
    assert not reach(walk, core, 8, accept_consent=lambda: None)
    assert walk.taps == ["Riprova"]          # retried once, then nothing left: blocked


def test_a_sub_screen_with_its_own_back_control_is_a_way_back() -> None:
    core = Core.of(home(), targets(home()))
    sub = Screen(elements=[_button("‹", 10, 0, 40), Element(text="Je locatie is niet gedeeld.", bounds=(10, 50, 300, 30)),
                           Element(role="textbox", name="Postcode", bounds=(10, 100, 300, 40), clickable=True),
                           _button("Zoeken", 150)], signature="sub", size=(400, 800))
    walk = Walk((sub, frozenset()), {"‹": home()})
    assert reach(walk, core, 8, accept_consent=lambda: None)
    assert walk.taps == ["‹"]


def test_a_refused_feature_replaced_by_a_manual_field_beside_the_apps_controls_is_the_core_screen() -> None:
    """fresh1 vstup: a home with one control (Profil); with the location refused its nearby list becomes a city
    field and «Hledat». Before: another structure with 1 of 2 labels shared (< 80 %) — read as blocked, a wrong
    forced_permission. Every control of the core screen is still offered and a text field is new: degraded."""
    granted = Screen(elements=[Element(text="V okolí", bounds=(10, 10, 300, 30)), _button("Profil", 740),
                               Element(text="Kavárna U Mostu", bounds=(10, 60, 300, 30))], signature="home", size=(400, 800))
    core = Core.of(granted, targets(granted))
    manual = Screen(elements=[Element(text="V okolí", bounds=(10, 10, 300, 30)), _button("Profil", 740),
                              Element(role="textbox", name="Město", bounds=(10, 60, 300, 40), clickable=True),
                              _button("Hledat", 110)], signature="home-city", size=(400, 800))
    assert core.matches(manual, targets(manual))
    wall = Screen(elements=[Element(text="Bez polohy Vstup nefunguje", bounds=(10, 10, 300, 30)),
                            _button("Otevřít nastavení", 110)], signature="wall", size=(400, 800))
    assert not core.matches(wall, targets(wall))               # the app's own control gone: blocked
    gone = Screen(elements=[Element(role="textbox", name="Město", bounds=(10, 60, 300, 40), clickable=True),
                            _button("Hledat", 110)], signature="city-only", size=(400, 800))
    assert not core.matches(gone, targets(gone))               # a field alone, the app's controls gone: not the core


def paczka(title: str, *controls: Element) -> Screen:
    """corpus paczka: a header with ☰ (its only navigation: a side drawer) and the screen's title beside it."""
    return Screen(elements=[Element(text="☰", name="Menu", role="button", bounds=(10, 10, 40, 40), clickable=True),
                            Element(text=title, bounds=(60, 10, 300, 40)), *controls], signature=title,
                  size=(400, 800))


def test_a_drawer_opened_on_the_way_back_leads_home_by_the_item_named_as_the_core_screens_title() -> None:
    """fresh10 finding 6 once the consent refusal was found: the camera refused, «Skanuj kod» shows a code field
    (degraded); the way back ☰ opened the drawer, where nothing had the core screen's controls' words — read as
    blocked, a false forced_permission. The drawer's «Moje przesyłki» is what the core screen titled itself."""
    granted = paczka("Moje przesyłki", Element(text="PX-2041 W drodze", bounds=(10, 60, 380, 40)),
                     _button("Skanuj kod", 120))
    core = Core.of(granted, targets(granted))
    refused = paczka("Skanuj kod", Element(text="Brak dostępu do aparatu.", bounds=(10, 60, 380, 30)),
                     Element(role="textbox", name="Kod odbioru", bounds=(10, 100, 380, 40), clickable=True),
                     _button("Otwórz skrytkę", 160))
    drawer = Screen(elements=[*refused.elements, Element(role="navigation", bounds=(0, 0, 300, 800)),
                              *[_button(label, 60 + 50 * i, 0, 300) for i, label in
                                enumerate(("Paczkomaty w pobliżu", "Zaloguj się", "Moje przesyłki"))]],
                    signature="drawer", size=(400, 800))
    covered = frozenset(range(len(refused.elements)))
    walk = Walk((refused, frozenset()), {"☰": drawer, "Moje przesyłki": granted, "Paczkomaty w pobliżu": refused})
    assert way_back(core, targets(drawer, covered), {"☰"}).label == "Moje przesyłki"
    assert reach(walk, core, 8, accept_consent=lambda: None)
    assert walk.taps == ["☰", "Moje przesyłki"]

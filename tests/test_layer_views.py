"""The views (tabs) of a consent settings layer, without a browser (explorer/layer_views.py): corpus kaas shows
three purposes OFF on its first tab «Toestemming» and two legitimate-interest switches ON on a second tab
«Gerechtvaardigd belang» (plain <button>s, no role). Before, only the first tab was read: preticked 0 (truth 2), a
`preticked_consent` finding lost. A section that only unfolds more controls under those shown is no view."""
from __future__ import annotations

from consent_audit.explorer.elements import Target
from consent_audit.explorer.layer_views import count_views, view_switches
from consent_audit.screen import Element, Screen

TABS = ("Toestemming", "Gerechtvaardigd belang")


def panel(tab: int, tab_role: str = "button", unfolded: bool = False) -> Screen:
    """The settings panel showing tab `tab` (0 or 1); `unfolded`: tab 0 with one more switch shown under it."""
    elements = [Element(text="Privacy-instellingen", bounds=(16, 80, 300, 24))]
    for i, name in enumerate(TABS):
        elements.append(Element(text=name, role=tab_role, clickable=True, bounds=(16 + 180 * i, 110, 174, 40),
                                selected=tab_role == "tab" and i == tab))
    shown = ([("Advertenties op maat", False), ("Bereiksmeting", False), ("Artikelen op maat", False)]
             + ([("Leverancier X", True)] if unfolded else [])) if tab == 0 else \
        [("Advertentieprestaties meten", True), ("Producten verbeteren", True)]
    y = 160
    if tab == 0:
        elements += [Element(text="Noodzakelijk", bounds=(16, y, 200, 20)),
                     Element(text="Altijd actief", bounds=(260, y, 90, 20))]
        y += 44
    for name, on in shown:
        elements += [Element(text=name, bounds=(16, y, 200, 20)),
                     Element(name=name, role="checkbox", clickable=True, checked=on, bounds=(330, y - 4, 40, 28))]
        y += 44
    elements.append(Element(text="Keuzes bevestigen", role="button", clickable=True, bounds=(16, y + 20, 358, 48)))
    return Screen(elements=elements, signature=f"tab{tab}{unfolded}", size=(390, 844))


def tapper(screens: dict[str, Screen], taps: list[str]):
    def tap(target: Target) -> Screen:
        taps.append(target.label)
        return screens[target.label]
    return tap


def test_two_plain_buttons_side_by_side_are_view_switches_answers_are_not() -> None:
    assert [t.label for t in view_switches(panel(0), frozenset())] == list(reversed(TABS))
    # a tab strip told by its role: the current tab (aria-selected) is left out
    assert [t.label for t in view_switches(panel(0, "tab"), frozenset())] == [TABS[1]]
    answers = panel(0)
    answers.elements[1:3] = [Element(text="Alles weigeren", role="button", clickable=True, bounds=(16, 110, 174, 40)),
                             Element(text="Alles accepteren", role="button", clickable=True,
                                     bounds=(196, 110, 174, 40))]
    assert view_switches(answers, frozenset()) == []
    # a purpose's heading beside the badge saying its state (gcn-fair: 39 px and 57 px high) is no strip of tabs
    heading = panel(0)
    heading.elements[1:3] = [Element(text="Cookie cần thiết", clickable=True, bounds=(16, 110, 200, 39)),
                             Element(text="Luôn bật", clickable=True, bounds=(260, 100, 100, 57))]
    assert view_switches(heading, frozenset()) == []
    # a row of plain buttons under the purposes («Meer info» beside the save) is no strip of tabs
    under = panel(0)
    under.elements[1:3] = []
    under.elements += [Element(text="Meer info", role="button", clickable=True, bounds=(16, 500, 170, 48)),
                       Element(text="Opslaan", role="button", clickable=True, bounds=(200, 500, 170, 48))]
    assert view_switches(under, frozenset()) == []


def test_the_second_tab_is_opened_and_its_switches_on_counted() -> None:
    taps: list[str] = []
    tap = tapper({TABS[0]: panel(0), TABS[1]: panel(1)}, taps)
    views = count_views(tap, lambda s: frozenset(), lambda: None, (panel(0), frozenset()))
    assert views is not None and (views.preticked, views.mandatory, views.opened) == (2, 0, 1)
    assert taps == [TABS[1]]    # the last tab first: a view of its own, so the one left shows the first view


def test_an_unfolding_section_adds_no_view() -> None:
    taps: list[str] = []
    tap = tapper({TABS[0]: panel(0, unfolded=True), TABS[1]: panel(0, unfolded=True)}, taps)
    views = count_views(tap, lambda s: frozenset(), lambda: None, (panel(0), frozenset()))
    assert views is not None and (views.preticked, views.opened) == (0, 0)


def test_a_switch_gone_and_the_layer_not_reopened_is_unmeasured() -> None:
    gone = Screen(elements=[Element(text="Voorpagina", bounds=(0, 0, 390, 40))], signature="home", size=(390, 844))
    tap = tapper({TABS[0]: gone, TABS[1]: gone}, [])
    assert count_views(tap, lambda s: frozenset(), lambda: None, (panel(0), frozenset())) is None
    # reopened: the view behind the second switch is counted there
    tap = tapper({TABS[0]: gone, TABS[1]: panel(1)}, [])
    views = count_views(tap, lambda s: frozenset(), lambda: (panel(0), frozenset()), (panel(0), frozenset()))
    assert views is not None and views.preticked == 2


def test_a_refusal_through_the_layer_opens_the_other_tab_before_saving() -> None:
    """explorer/layer_walk.py: the refusal's save on the first tab becomes the tap on the other tab (nothing ticked
    on the first: a tap); on the second tab, every other view seen, the save (unticking its two) is left as it is."""
    from consent_audit.explorer.forms import UNTICK
    from consent_audit.explorer.layer_walk import ViewWalk
    from consent_audit.explorer.elements import targets as targets_of
    from consent_audit.explorer.moves import Move
    walk = ViewWalk()
    first = panel(0)
    found = targets_of(first)
    save = next(t for t in found if t.label == "Keuzes bevestigen")
    move, target = walk.before_saving(first, found, frozenset(), False, (Move.tap(save), save))
    assert target.label == TABS[1] and move.kind == "tap"
    walk.after(panel(1), frozenset())
    second = panel(1)
    found = targets_of(second)
    save = next(t for t in found if t.label == "Keuzes bevestigen")
    step = (Move.form(save, UNTICK), save)
    assert walk.before_saving(second, found, frozenset(), True, step) == step
    # a tap that is no save (a purpose's toggle, an answer) is never turned into a view switch
    other = ViewWalk()
    box = next(t for t in targets_of(first) if t.element.role == "checkbox")
    assert other.before_saving(first, targets_of(first), frozenset(), False, (Move.tap(box), box))[1] is box


def test_a_tab_left_out_for_its_words_keeps_the_other_one_tried() -> None:
    """«Consent» (an agree word: never tapped as a view) beside «Legitimate interest»: the one switch left is
    tried — the view first shown is the left-out tab's (before: one switch, "as many views seen as switches",
    none tapped: preticked 0 on tests/data/verdicts/settings_tabs.html?v=direct)."""
    def named(screen: Screen) -> Screen:
        for e, words in zip(screen.elements[1:3], ("Consent", "Legitimate interest")):
            object.__setattr__(e, "text", words)
        return screen
    taps: list[str] = []
    tap = tapper({"Legitimate interest": named(panel(1))}, taps)
    views = count_views(tap, lambda s: frozenset(), lambda: None, (named(panel(0)), frozenset()))
    assert taps == ["Legitimate interest"] and views is not None and views.preticked == 2

"""The words of the way to a screen (`Node.via`: a dead end's «where», the unsearched notes; search_map `_level`,
tab_ways.way_words). Before, a tab of the bar tapped on another tab's screen (both at the start's level) chained
the tabs tapped before it — «Saga › Prófíll › Innskráning» for a log-in one tab from the start (corpus hlaup) —
and a tab of a tab list chained the sibling tab whose panel was shown («Stillingar › Tilkynningar › Reikningur»)."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import TAP, Move
from consent_audit.explorer.search_map import SearchMap
from consent_audit.screen import Element, Screen

BAR = {"Heim": "link|heim|0", "Saga": "link|saga|0", "Prófíll": "link|prófíll|0"}


def node(ident: str, depth: int, via: tuple[str, ...], offers: dict[str, str], elements: list[Element] = ()) -> Node:
    return Node(ident=ident, screen=Screen(elements=list(elements), signature=ident, size=(1080, 2400)),
                depth=depth, via=via, candidates={key: object() for key in offers.values()})   # type: ignore[misc]


def level(nodes: list[Node], parent: Node, move: Move) -> tuple[int, tuple[str, ...]]:
    search = SimpleNamespace(nav=set(BAR.values()), graph=SimpleNamespace(nodes={n.ident: n for n in nodes}))
    return SearchMap._level(search, parent, move)      # type: ignore[arg-type]


def test_a_bar_tab_tapped_on_another_tab_s_screen_is_one_tap_from_the_start() -> None:
    """Before: («Saga», «Prófíll») — the tab tapped before it chained, though both tabs are at the start's level."""
    home, saga = node("home", 0, (), BAR), node("saga", 0, ("Saga",), BAR)
    assert level([saga, home], saga, Move(TAP, BAR["Prófíll"], "Prófíll", role="link")) == (0, ("Prófíll",))


def test_a_bar_tab_offered_only_by_screens_in_a_flow_keeps_the_way_of_where_it_was_tapped() -> None:
    form = node("form", 2, ("Prófíll", "Nýskráning"), BAR)
    form.in_flow = True
    assert level([form], form, Move(TAP, BAR["Heim"], "Heim", role="link")) == (2, ("Prófíll", "Nýskráning",
                                                                                     "Heim"))


def test_a_tab_of_a_tab_list_takes_the_place_of_the_sibling_tab_that_showed_the_panel() -> None:
    """Before: («Prófíll», «Stillingar», «Tilkynningar», «Reikningur»)."""
    tabs = [Element(text=t, role="tab", bounds=(40 + 300 * i, 300, 280, 120), clickable=True)
            for i, t in enumerate(["Almennt", "Tilkynningar", "Reikningur"])]
    panel = node("notifications", 2, ("Prófíll", "Stillingar", "Tilkynningar"), {}, tabs)
    move = Move(TAP, "tab|reikningur|0", "Reikningur", role="tab")
    assert level([panel], panel, move)[1] == ("Prófíll", "Stillingar", "Reikningur")
    row = Move(TAP, "button|netfang|0", "Netfang", role="button")      # any other control: one level below
    assert level([panel], panel, row) == (3, ("Prófíll", "Stillingar", "Tilkynningar", "Netfang"))

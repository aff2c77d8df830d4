"""The deletion path reported is the shortest the map knows, never the search's own detour (a one-change copy of
corpus sudar: the account screen's «Settings» row, above the tab bar, gave the tab there another key than on the
start screen; the path ran start › Account › Settings (the tab, tapped on the account screen) › … — one step more
than a user's way, and a false obstructed_deletion). A drop-down's reason asked before one button is a deletion's
step told by structure (sudar's privacy centre: no word of it is in a lexicon)."""
from __future__ import annotations

from consent_audit.explorer.deletion import confirms_by_structure
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Edge, Node, ScreenGraph
from consent_audit.explorer.moves import FORM, Move
from consent_audit.explorer.shortcuts import shortened
from consent_audit.screen import Element, Screen

W, H = 1080, 2400
TABS = ["Home", "Settings", "Account"]


def _screen(sig: str, rows: list[str], current: str = "") -> Screen:
    elements = [Element(text=r, role="link", clickable=True, bounds=(40, 300 + 150 * i, 1000, 120))
                for i, r in enumerate(rows)]
    w = W // 3
    elements += [Element(text=t, role="link", clickable=True, selected=t == current, bounds=(i * w, H - 131, w, 131))
                 for i, t in enumerate(TABS)]
    return Screen(elements=elements, signature=sig, size=(W, H))


def _tap(screen: Screen, label: str, last: bool = False) -> Move:
    found = [t for t in targets(screen) if t.label == label]
    return Move.tap(found[-1] if last else found[0])


def _map() -> tuple[ScreenGraph, list[Edge]]:
    graph = ScreenGraph("start")
    start = _screen("start", ["Recipes"], "Home")
    account = _screen("account", ["Saved", "Settings"], "Account")     # a row with the tab's words above the bar
    settings = _screen("settings", ["Language", "Privacy centre"], "Settings")
    privacy = Screen(elements=[Element(text="Delete my data", role="button", clickable=True,
                                       bounds=(40, 600, 1000, 130))], signature="privacy", size=(W, H))
    for ident, screen, depth in (("start", start, 0), ("account", account, 1), ("settings", settings, 2),
                                 ("privacy", privacy, 3)):
        graph.nodes[ident] = Node(ident, screen, depth, in_flow=ident == "privacy")
    way = [Edge("start", (_tap(start, "Account"),), "account", 1),
           Edge("account", (_tap(account, "Settings", last=True),), "settings", 1),   # the tab, below the row
           Edge("settings", (_tap(settings, "Privacy centre"),), "privacy", 1),
           Edge("privacy", (Move(FORM, "button|delete my data|0", "Delete my data", "fill"),), "done", 2)]
    for edge in way:
        graph.add(edge)
    return graph, way


def test_the_constructed_map_holds_the_detour_as_its_only_seen_way() -> None:
    graph, way = _map()
    assert graph.way_to("done") == way          # what was reported before: four edges, the account screen's tab
    assert way[1].moves[0].key != _tap(graph.nodes["start"].screen, "Settings").key     # the rank made another key


def test_the_tab_tapped_deeper_down_is_taken_on_the_start_screen() -> None:
    """Before: the way reported was the detour (start › Account › Settings › Privacy centre › Delete my data)."""
    graph, way = _map()
    short = shortened(graph, graph.way_to("done") or [])
    assert [e.source for e in short] == ["start", "settings", "privacy"]
    assert short[0].moves[0].label == "Settings" and short[0].moves[0].key == _tap(graph.nodes["start"].screen,
                                                                                    "Settings").key
    assert short[0].target == "settings" and short[1:] == way[2:]


def test_a_row_is_never_a_tab_and_a_step_of_the_flow_is_never_jumped_over() -> None:
    graph, way = _map()
    row = [way[0], Edge("account", (_tap(graph.nodes["account"].screen, "Settings"),), "settings", 1), *way[2:]]
    assert shortened(graph, row) == row          # the row is no tab of the bar: nothing to shorten
    graph.nodes["account"].in_flow = True
    assert shortened(graph, way) == way          # a step inside the flow is never skipped


def test_the_current_tab_is_no_shortcut() -> None:
    graph, way = _map()
    start = _screen("start", ["Recipes"], "Settings")     # the start screen shows the tab as current: no way on
    graph.nodes["start"].screen = start
    assert shortened(graph, way) == way


def _privacy(options_chosen: bool | None, button_enabled: bool = True, extra_field: bool = False) -> Screen:
    elements = [Element(text="— choose —", role="combobox", clickable=True, checked=options_chosen,
                        bounds=(40, 700, 1000, 110)),
                Element(text="Delete my data", role="button", clickable=True, enabled=button_enabled,
                        bounds=(40, 850, 1000, 130))]
    if extra_field:
        elements.append(Element(name="Note", role="textbox", clickable=True, bounds=(40, 500, 1000, 110)))
    return Screen(elements=elements, signature="privacy", size=(W, H))


def test_a_reason_asked_in_a_drop_down_before_one_button_is_a_step_told_by_structure() -> None:
    """Before: False (a required choice counted only when it held a disabled button back)."""
    assert confirms_by_structure(targets(_privacy(False)))


def test_a_chosen_drop_down_or_a_form_with_fields_is_not_that_step() -> None:
    assert not confirms_by_structure(targets(_privacy(True)))
    assert not confirms_by_structure(targets(_privacy(None)))       # a Spinner whose state is unread

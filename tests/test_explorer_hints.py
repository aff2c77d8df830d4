"""What one search of the delete-account goal learns orders the next one's unscored controls (explorer/hints.py):
each search starts with an empty map, and where no word scores a control (corpus song, reactcc-fair: Vietnamese
and Hindi tabs) every search tried the start screen's controls in the same order — 8 taps repeated three times.
Hints never skip a control: they only order those the fallback tries."""
from __future__ import annotations

from consent_audit.explorer.config import Budget
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.goal import SearchResult
from consent_audit.explorer.graph import Candidate, Edge, Node, ScreenGraph
from consent_audit.explorer.hints import LEADS, NOWHERE, Hints
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from test_explorer_units import CONFIG, DATA, Sim, SimOperator

APP = {                        # no word a lexicon knows, but the log-in behind the third tab
    "home": [("Zorbu", "home"), ("Quelna", "quel"), ("Miraq", "me")],
    "quel": [("Back", "home")],
    "me": [("Log in", "login")],
    "login": [],
}


def logged_out_search(hints: Hints) -> tuple[list[str], DeletionGoal]:
    sim = Sim(APP)
    spend = Spend(Budget(40, 60))
    goal = DeletionGoal(CONFIG)
    goal.without_account, goal.hints = True, hints
    result = GoalSearch(SimOperator(sim, spend), goal, DATA, CONFIG.search, spend).run()  # type: ignore[arg-type]
    hints.learn(result)
    return sim.taps, goal


def test_the_next_search_takes_the_way_to_the_accounts_first_and_what_led_nowhere_last() -> None:
    hints = Hints()
    first, goal = logged_out_search(hints)
    assert goal.stopped and first[-1] == "Miraq" and {"Zorbu", "Quelna"} <= set(first)   # all three tried
    assert _labelled(hints) == {"Zorbu": NOWHERE, "Quelna": NOWHERE, "Miraq": LEADS}
    again, goal = logged_out_search(hints)
    assert goal.stopped and again == ["Miraq"]                 # before: the same taps as the first search
    assert len(again) < len(first)


def test_without_hints_nothing_changes() -> None:
    assert logged_out_search(Hints())[0] == logged_out_search(Hints())[0]


def _labelled(hints: Hints) -> dict[str, float]:
    """Hints by the control's words (keys are role|words|rank)."""
    return {key.split("|")[1].capitalize() if "|" in key else key: p for key, p in hints.points.items()}


TABS = [("Biyahe", "home"), ("Tiket", "tiket"), ("Ako", "ako")]
TABBED = {                     # corpus gcn-dark: its tab bar under the header, on every screen
    "home": [*TABS, ("Mga balita", "home")],
    "tiket": [*TABS, ("Paalalahanan ako", "tiket")],
    "ako": [*TABS, ("Log in", "login")],
}


def _tabbed_result() -> SearchResult:
    """The map gcn-dark's logged-out deletion search drew (recorded: the root, the two seen taps, the depths):
    Biyahe tried in place, Tiket, then Ako tapped on the Tiket screen (a tab's screen sits at the start's level),
    which showed the log-in."""
    graph = ScreenGraph("home")
    for depth, name in ((0, "home"), (0, "tiket"), (1, "ako")):
        sim = Sim(TABBED, at=name)
        screen = sim.screen()
        node = Node(ident=name, screen=screen, depth=depth)
        node.candidates = {t.key: Candidate(Move.tap(t), 0.0) for t in targets(screen)}
        graph.nodes[name] = node
    for name, label in (("home", "Biyahe"), ("home", "Tiket"), ("tiket", "Ako")):
        cand = next(c for c in graph.nodes[name].candidates.values() if c.move.label == label)
        cand.tried = True
        target = dict(TABBED[name])[label]
        if target != name:
            graph.add(Edge(name, (cand.move,), target, 1))
    return SearchResult("exhausted", [], None, "", [], 3, 1.0, graph)


def test_a_tab_the_search_stood_on_is_no_way_to_the_accounts_when_the_start_offers_the_one_that_led_there() -> None:
    """The route seen to the log-in is root -Tiket-> tiket -Ako-> log-in, but Ako is offered on the start screen
    too: the tab the search happened to stand on is no step of the way. Before: Tiket was given LEADS as well and
    the next search (the deletion as the account holder) tapped «Tiket» before «Ako» — one action more."""
    hints = Hints()
    hints.learn(_tabbed_result())
    assert _labelled(hints)["Ako"] == LEADS
    assert _labelled(hints).get("Tiket", 0.0) < LEADS
    assert _labelled(hints)["Biyahe"] == NOWHERE          # tried in place: as before

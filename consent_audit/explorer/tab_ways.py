"""Ways back by a tab bar (a mixin's helpers for explorer/search_map.py and explorer/search.py): the tab marked
current on a page below its tab's screen leads back to that screen, and where a tab leads follows what it was last
seen to do once the app's state changed (a log-in: the tab showed the log-in form first, the account after).

Both write the search's map (`ScreenGraph`: nodes, edges) and its `shared` (key of a navigation control → the
node it was seen to lead to); neither taps anything.
"""
from __future__ import annotations

from .cues import norm_label
from .elements import Target, Use, targets
from .graph import Edge, Node, ScreenGraph
from .moves import TAP, Move

CURRENT = "the current tab: where the user is"     # why a current tab is not tried (search_map.py's `_analyse`)


def bar_words(tab: Target, found: list[Target]) -> frozenset[str]:
    """The words of the taps drawn in one row with `tab` (a tab bar: the current tab and its siblings), among
    `found` (a screen's reachable controls), normalised as `Node.labels` are."""
    _, y, _, h = tab.element.bounds
    return frozenset(norm_label(t.label) for t in found if t.use == Use.TAP and t.label
                     and y <= t.element.bounds[1] + t.element.bounds[3] / 2 <= y + h)


def way_words(parent: Node, move: Move, offering: list[Node] | None) -> tuple[int, tuple[str, ...]]:
    """Depth and the words of the way to the screen `move` shows from `parent` (what a dead end's «where» and the
    unsearched notes say): one level below it; a tab of the bar (`offering`: the screens not in a flow that offer
    it, None when `move` is no navigation control) at the level of the shallowest of them and after the shortest way there — a
    tab tapped on another tab's screen is one tap from the start, not the tabs tapped before it chained (hlaup:
    «Saga › Prófíll › Innskráning»); a tab of a tab list (WAI-ARIA tabs, no bar) in place of the sibling tab that
    showed `parent`'s panel («Stillingar › Reikningur», not «Stillingar › Tilkynningar › Reikningur»)."""
    step = (move.label[:40],)
    if offering is not None:
        home = min([*offering, parent], key=lambda n: (n.depth, len(n.via)))
        return home.depth, home.via + step
    via = parent.via
    if move.role == "tab" and via and via[-1] in {t.label[:40] for t in targets(parent.screen)
                                                  if t.element.role == "tab"}:
        via = via[:-1]
    return parent.depth + 1, via + step


def current_tab_back(graph: ScreenGraph, node: Node, move: Move, there: str, stays: set[str],
                     bar: frozenset[str]) -> None:
    """`node` shows the tab `move` marked current; `there`: the node that tab was seen to lead to. When that node
    is a tab's screen other than the one a relaunch shows (to which a relaunch is as short a way as a tab; the
    search's root may be another: the account screen a search after the log-in starts on) and `node` shows
    nothing of that screen's own — none of the controls it offers beyond its tab bar (`bar`: `bar_words`) and
    what the start screen offers too, none of its headings beyond the start screen's (a row's page under an
    account tab: the tab bar and words of its own, its heading the row's words), so `node` is another page, not that
    screen shown with more below it (results under its form, the form still shown) — the tab is predicted as one
    tap back there (corpus meltemi: before, the start screen's tab then the account tab, two taps, after every
    row of the account). `stays`: keys of tabs seen to do nothing on such a page — predicted nowhere again."""
    target = graph.nodes.get(there)
    if target is None or target.ident in (node.ident, graph.launched) or move.kind != TAP or move.key in stays:
        return
    starts = [graph.nodes[i] for i in {graph.root, graph.launched} - {target.ident} if i in graph.nodes]
    controls = target.labels - bar - frozenset().union(*(n.labels for n in starts))
    headings = target.titles - frozenset().union(*(n.titles for n in starts))
    if controls & node.labels or headings & node.titles:     # that screen, more shown below: no way back by it
        return
    graph.add(Edge(node.ident, (move,), target.ident, 1, predicted=True))


def current_tab_stayed(graph: ScreenGraph, edge: Edge, stays: set[str], current: str) -> None:
    """The tab of `edge`, predicted by `current_tab_back` (its candidate on the source marked `current`: why it is
    not tried there), was tapped and the page stayed: that tab is no way back from any page — its other such
    predictions are dropped and none is made again."""
    stays.add(edge.key)
    for other in list(graph.edges.values()):
        source = graph.nodes.get(other.source)
        cand = source.candidates.get(other.key) if source is not None else None
        if other.predicted and other.key == edge.key and cand is not None and cand.why_not == current:
            graph.forget(other)


def tab_led_elsewhere(graph: ScreenGraph, shared: dict[str, str], edge: Edge, arrived: str) -> None:
    """A one-tap way `edge` by a navigation control `shared` says leads to `edge.target` led to `arrived` (another
    node, not the source): the app's state changed (logged in), so the control leads there now — `shared` says so
    and the ways predicted by it to the old node lead to `arrived` (before: every page's tab still predicted to the
    log-in form, so the way back went through the start screen)."""
    key = edge.key
    if len(edge.moves) != 1 or shared.get(key) != edge.target or arrived in (edge.source, edge.target):
        return
    shared[key] = arrived
    for other in list(graph.edges.values()):
        if other.predicted and other.key == key and other.target == edge.target and len(other.moves) == 1:
            graph.forget(other)
            if other.source != arrived:
                graph.add(Edge(other.source, other.moves, arrived, other.cost, predicted=True))


def tab_seen(graph: ScreenGraph, shared: dict[str, str], stays: set[str], edge: Edge, arrived: str,
             consent: set[str]) -> None:
    """A one-tap way `edge` walked led to `arrived`, not where the map said: a current tab predicted as the way
    back that did nothing (`current_tab_stayed`), or a control leading elsewhere now (`tab_led_elsewhere`; not
    to `consent`, the consent dialog re-opened on the way)."""
    source = graph.nodes.get(edge.source)
    cand = source.candidates.get(edge.key) if source is not None else None
    if edge.predicted and arrived == edge.source and cand is not None and cand.why_not == CURRENT:
        current_tab_stayed(graph, edge, stays, CURRENT)
    elif arrived not in consent:
        tab_led_elsewhere(graph, shared, edge, arrived)

"""The map the explorer draws: screens (by structural signature) and the moves seen to lead between them,
with routes for going back to a screen it wants to try something else on."""
from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from ..screen import Screen
from .cues import norm_label
from .elements import Target, Use
from .moves import RELAUNCH, Move

MESSAGE_ROLES = frozenset({"status", "alert"})   # live messages: never part of what a screen is


@dataclass
class Candidate:
    """Something the explorer may try on a screen, and what it thinks of it."""

    move: Move
    score: float
    tried: bool = False
    why_not: str = ""        # it cannot be tried (data the form wants and nobody gave)


@dataclass
class Node:
    ident: str                # the screen's structural signature, refined by what it offers (see search)
    screen: Screen
    depth: int
    in_flow: bool = False
    via: tuple[str, ...] = ()
    labels: frozenset[str] = frozenset()      # what it offers (controls' words)
    titles: frozenset[str] = frozenset()      # its short texts (headings)
    candidates: dict[str, Candidate] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    source: str
    moves: tuple[Move, ...]
    target: str
    cost: int                 # user actions it takes (a form counts each input)
    predicted: bool = False   # assumed (a back button), not yet seen

    @property
    def key(self) -> str:
        return self.moves[-1].key


def _similar(one: frozenset[str], other: frozenset[str]) -> bool:
    """At least half the words of either set are in both (or both are empty)."""
    union = one | other
    return not union or len(one & other) / len(union) >= 0.5


def screen_words(screen: Screen, found: list[Target]) -> tuple[frozenset[str], frozenset[str]]:
    """What a screen offers (the words of its taps among `found`, its reachable controls) and its short texts
    (headings, captions: 40 characters at most, no control, no live message, no field's own label), normalised: what tells
    screens of one structural signature apart (`ScreenGraph.identify`)."""
    offers = frozenset(norm_label(t.label) for t in found if t.use == Use.TAP and t.label)
    # a field's own label is the field's name, no heading: two forms asking for the same fields (a log-in and a
    # sign-up: «E-mailadres», «Wachtwoord») are told apart by their headings, not made one by their fields
    # (corpus veld: the sign-up taken for the refused log-in once labels stopped being controls)
    fields = {norm_label(t.element.name) for t in found if t.use == Use.TEXT and t.element.name}
    titles = frozenset(norm_label(e.text) for e in screen.elements    # a live message (a toast, an
                       if e.text and not e.clickable and len(e.text) <= 40   # inline refusal) is no heading
                       and e.role not in MESSAGE_ROLES) - fields
    return offers, titles


def is_node(node: Node, screen: Screen, found: list[Target]) -> bool:
    """Whether `screen` (its reachable controls `found`) is the screen `node` is, as `identify` tells it: the
    same structural signature, much the same controls offered under much the same headings."""
    offers, titles = screen_words(screen, found)
    return screen.signature == node.screen.signature and _similar(offers, node.labels) and _similar(titles, node.titles)


class ScreenGraph:
    def __init__(self, root: str) -> None:
        self.root = root
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str], Edge] = {}
        self.launch: str | None = None    # where a relaunch was last seen to lead, when not the root (`relaunched`)
        self.unfolds: set[tuple[str, str]] = set()   # (node, key) of taps seen to unfold a section in place

    @property
    def launched(self) -> str:
        """The node a relaunch leads to: the root, until a relaunch was seen to lead elsewhere."""
        return self.launch or self.root

    def relaunched(self, ident: str) -> None:
        """A relaunch led to the node `ident`: the app keeps what the search did (a consent answered, a log-in),
        so the screen it started on is not shown again by relaunching — routes relaunch to `ident` from now on
        (the start screen stays the root of the paths reported)."""
        self.launch = None if ident == self.root else ident

    def add(self, edge: Edge) -> None:
        """Remember an edge; what was seen replaces what was assumed, a cheaper way replaces a dearer one."""
        slot = (edge.source, edge.key)
        old = self.edges.get(slot)
        if old is None or (old.predicted and not edge.predicted) or (
                old.predicted == edge.predicted and (edge.cost < old.cost or old.target != edge.target)):
            self.edges[slot] = edge

    def forget(self, edge: Edge) -> None:
        if self.edges.get((edge.source, edge.key)) == edge:
            del self.edges[(edge.source, edge.key)]

    def out_of(self, source: str) -> list[Edge]:
        return [e for (s, _), e in self.edges.items() if s == source]

    def came_by(self) -> dict[str, set[str]]:
        """Node → keys of the controls seen (not assumed) to lead to it from another node: on a screen a tap
        showed, the same control still offered is the one that brought the app there."""
        keys: dict[str, set[str]] = {}
        for edge in self.edges.values():
            if not edge.predicted and edge.source != edge.target and edge.moves[0].kind != RELAUNCH:
                keys.setdefault(edge.target, set()).add(edge.key)
        return keys

    def costs(self, source: str | None, relaunch_cost: float) -> dict[str, float]:
        """The cost of the cheapest known way from `source` (None: unknown screen) to every node it reaches, a
        relaunch (to `launched`) costing `relaunch_cost`."""
        counter = itertools.count()
        queue: list[tuple[float, int, str]] = []
        if source is not None:
            heapq.heappush(queue, (0.0, next(counter), source))
        heapq.heappush(queue, (relaunch_cost, next(counter), self.launched))
        costs: dict[str, float] = {}
        while queue:
            cost, _, here = heapq.heappop(queue)
            if here in costs:
                continue
            costs[here] = cost
            for edge in self.out_of(here):
                if edge.target not in costs:
                    heapq.heappush(queue, (cost + edge.cost, next(counter), edge.target))
        return costs

    def route(self, source: str | None, target: str, relaunch_cost: float,
              seen_only: bool = False) -> list[Edge] | None:
        """The cheapest known way from `source` (None: unknown screen) to `target`; a relaunch leads to `launched`
        (not with `seen_only`: the way seen from the start)."""
        if source == target:
            return []
        relaunch = Edge(source="*", moves=(Move(RELAUNCH),), target=self.launched, cost=1)
        counter = itertools.count()
        queue: list[tuple[float, int, str, list[Edge]]] = []
        if source is not None:
            heapq.heappush(queue, (0.0, next(counter), source, []))
        if not seen_only:
            heapq.heappush(queue, (relaunch_cost, next(counter), self.launched, [relaunch]))
        done: set[str] = set()
        while queue:
            cost, _, here, path = heapq.heappop(queue)
            if here == target:
                return path
            if here in done:
                continue
            done.add(here)
            for edge in self.out_of(here):
                if seen_only and edge.predicted:
                    continue
                if edge.target not in done:
                    heapq.heappush(queue, (cost + edge.cost, next(counter), edge.target, path + [edge]))
        return None

    def identify(self, signature: str, offers: frozenset[str], titles: frozenset[str]) -> str:
        """The node a screen of this structural signature is: a node of the same signature offering much the
        same controls (`offers`: their words) under much the same headings (`titles`), else a new one
        (`signature`, then `signature~n`). What every screen shares (a tab bar, an app title: what the start
        screen shows too) does not make two screens one: beyond it, what each screen shows of its own (its
        heading, its rows) must be much the same too — two menus of plain `div` rows under one tab bar, or a
        placeholder screen with nothing but the tab bar, are other screens. Digits are masked in the words, so
        a counter or a clock changing keeps the screen what it was."""
        alike = [n for n in self.nodes.values() if n.screen.signature == signature]
        start = self.nodes.get(self.root)
        for node in alike:
            if _similar(offers, node.labels) and _similar(titles, node.titles) and (
                    start is None or node is start or self._own_alike(start, node, offers, titles)):
                return node.ident
        return signature if not alike else f"{signature}~{len(alike)}"

    @staticmethod
    def _own_alike(start: Node, node: Node, offers: frozenset[str], titles: frozenset[str]) -> bool:
        """Whether what the screen shows beyond the start screen's controls and headings is much the same as
        what the node shows beyond them."""
        return (_similar(offers - start.labels, node.labels - start.labels)
                and _similar(titles - start.titles, node.titles - start.titles))

    def shallowest(self, reachable: Iterable[str], navigates: Callable[[Move], bool]) -> dict[str, int]:
        """Key of a control → the least depth of a reachable node (`reachable`: idents) offering it untried,
        outside the deletion flow, for the controls `navigates` says move about the app (a tab bar's): tried
        there, not from a screen deeper down (corpus song: Cá nhân from the start screen, not after Thư viện).
        A control never to be used where it is offered (scored -1000: done on a screen of its structure) holds
        none back (corpus kedai: «Tambah ke keranjang», done on one product screen, left untried on the scan's
        screen below the others, and the search said so: not clean)."""
        least: dict[str, int] = {}
        for ident in reachable:
            node = self.nodes.get(ident)
            if node is None or node.in_flow:
                continue
            for key, cand in node.candidates.items():
                if not cand.tried and not cand.why_not and cand.score > -1000.0 and navigates(cand.move):
                    least[key] = min(least.get(key, node.depth), node.depth)
        return least

    def shortest(self, source: str, target: str) -> list[Edge] | None:
        """The shortest way seen (no relaunch, nothing assumed): the path to report and re-walk."""
        return self.route(source, target, relaunch_cost=0, seen_only=True)

    def way_to(self, target: str) -> list[Edge] | None:
        """The way to report and re-walk to the node `target`: the shortest seen from the root, else (none seen
        from there) the shortest seen from where a relaunch was seen to lead (`launched`) — a screen reached only
        after relaunching into a start screen that changed (a first launch's notice gone) is walked from there, as
        a re-walk from a launch does. None when neither leads there (no way is made up)."""
        way = self.shortest(self.root, target)
        if way is None and self.launch is not None:
            way = self.shortest(self.launch, target)
        return self._without_needless_unfolds(way) if way is not None else None

    def _without_needless_unfolds(self, way: list[Edge]) -> list[Edge]:
        """`way` without the taps that unfolded a section in place (`unfolds`) when no later step needs what they
        showed: every later step's control was offered before the tap, or not shown by it (paczka: the three
        sections opened on the way to «Strefa niebezpieczna», each tried and left open, are no steps of the
        deletion)."""
        out = list(way)
        index = len(out) - 1
        while index >= 0:
            edge = out[index]
            source, shown = self.nodes.get(edge.source), self.nodes.get(edge.target)
            if (edge.source, edge.key) in self.unfolds and source is not None and shown is not None and all(
                    later.moves[0].key in source.candidates or later.moves[0].key not in shown.candidates
                    for later in out[index + 1:]) and index + 1 < len(out):
                del out[index]
            index -= 1
        return out


@dataclass
class DeadEnds:
    """Decoys recognised and ways that led nowhere, once each (by kind and words)."""

    items: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, label: str, kind: str, where: tuple[str, ...], tried: bool, offered: Sequence[str] = ()) -> None:
        """`offered`: what the screen the control led to offered, each control with why it was not taken (a dead
        end that says only "no way forward" leaves the reader to guess what was there)."""
        key = f"{kind}|{norm_label(label)}"
        old = self.items.get(key)
        if old is None or (tried and not old["tried"]):
            self.items[key] = {"label": label[:80], "kind": kind, "where": " › ".join(where) or "start",
                               "tried": tried, **({"offered": list(offered)} if offered else {})}

    def as_list(self) -> list[dict[str, Any]]:
        return list(self.items.values())


UNPOINTED = "not tried: nothing in its words or place points to the goal"


def offered(node: Node, most: int = 8) -> list[str]:
    """The controls a screen offered, each with why the search did not take it: «label (tried)», «label (<what the
    form wants>)», «label (not tried: nothing in its words or place points to the goal)» — its words unknown to
    the lexicons (assets/lexicons, assets/explorer.yaml) or known as something else; at most `most`, then «… and N
    more»."""
    said = [f"{c.move.label[:40] or c.move.kind} (" + ("tried" if c.tried else c.why_not or (
                UNPOINTED if c.score <= 0 else "open")) + ")" for c in node.candidates.values()]
    return said[:most] + ([f"… and {len(said) - most} more"] if len(said) > most else [])

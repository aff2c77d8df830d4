"""Deny-permissions beyond the core screen: a bounded best-first search (explorer/search.py) over the screens the
core screen's controls lead to — the first levels whole (`search.permission_levels_first`), then one level deeper at
a time while the budget lasts, down to `search.permission_depth` (`PermissionGoal.deeper`) — for controls whose use
asks for a permission — told by the platform's permission request counters, never by words — and what the
search did not cover, said exactly (a clean verdict may rest only on a search that covered what it reached).

Nothing is typed; a switch that is off is switched on (a setting whose use asks: a voice coach's microphone, a
"notify me" switch), never one that is on off, nor one of the consent dialog's purposes; no control whose words
leave the app, log out, delete or save is tapped (`search.beyond_core_avoid`, lexicon categories), nor one that
takes money (a purchase-worded control that says a price or stands on a payment form, explorer/paying.py — one that only starts a purchase flow, an order button
or an order history, is searched like any other): the search neither destroys data nor sends any."""
from __future__ import annotations

from typing import Callable

from ..platforms.base import PERMISSIONS
from ..screen import Screen
from . import cues, paying
from .covers import StaleScreen
from .elements import Target, targets
from .gate_screens import empty_submit, log_in_gate
from .graph import Edge, Node, ScreenGraph
from .moves import TAP, Move
from .operator import Operator, Spend
from .permissions import Core, Feature, state_of
from .screens import bare_question
from .search import GoalSearch, Verdict
from .beyond_found import Beyond, screen_said, unwalkable_said
from .unreached_used import used_after_all
from .cmp_layers import consent_layers, dialog_shown


CORE = "core"
REPEATS = 3     # controls of one screen with the same words and role: the cards of one list, alike


def kin(key: str) -> str | None:
    """What a control shares with its repeats on the same screen: its key without the rank that tells alike
    controls apart (`button|view|2` → `button|view`); None for a control keyed by an id of its own."""
    base, _, rank = key.rpartition("|")
    return base if base and rank.isdigit() else None


class PermissionGoal:
    """What the search looks for: any tap after which the app asked for a permission it had not asked for since
    the (re)launch. Words only order the search (feature words first, assets/explorer.yaml
    `weights.deny-permissions`); every other safe control up to `depth` levels below the core screen is tried."""

    name = "deny-permissions"
    fallback = True
    shallowest = True        # a screen's depth is the fewest taps seen from the core screen (search.py)

    def __init__(self, weights: dict[str, float], avoid: frozenset[str], depth: int,
                 skip: frozenset[tuple[str, str]] = frozenset(), core: Core | None = None,
                 op: Operator | None = None, first: int | None = None) -> None:
        self.weights, self.avoid, self.core, self.op, self.depth = weights, avoid, core, op, depth
        # screens at depth 0..fallback_depth-1 have their unscored controls tried: the first `first` levels whole,
        # then one level more at a time while the budget lasts, down to `depth` (`deeper`)
        self.fallback_depth = (depth if first is None else min(depth, first)) + 1
        self.asked: dict[str, tuple[Node, Move, Screen, Screen]] = {}   # permission → where, what, before, after
        # permission → the way from the core screen to where it was asked, as the map stood when it was: a way the
        # app's state later changed (a scan that added a photo: the same taps now show another screen) is
        # forgotten by the map, never by the request (corpus lumen-noorder: «スキャン» asked, the feature lost)
        self.ways: dict[str, list[Edge] | None] = {}
        self.walked: dict[str, list[tuple[str, str] | None]] = {}   # permission → what was done since the launch
        # permission → the words of the controls after the tap that asked, when what was done before it was done
        # from a fresh install (`Operator.walk_fresh`): that use is its own replay (explorer/asked_in_use.py)
        self.seen_fresh: dict[str, frozenset[str]] = {}
        self.way_to: Callable[[str], list[Edge] | None] | None = None     # the map's shortest way from the core
        self.screens: dict[str, Core] = {}       # node → its screen as a Core, taken as a control on it was used
        self.questions: set[str] = set()         # nodes that are one question and its answers (`answers_deep`)
        self.taps = 0                            # controls used
        self.words: set[str] = set()             # the distinct controls used (see `judge`)
        self.in_place: list[tuple[Move, Screen, Screen]] = []   # quiet uses on the core screen shown in place
        # (screen structure, control key) used: the same control on a screen of the same structure (an error shown,
        # other data, the core screen reached again) is not used again; `skip`: used already (the probe by words)
        self.used: set[tuple[str, str]] = set(skip)
        # (screen structure, `kin`) of a control repeated on every card of a list, one of them used: what one card's
        # control does tells what they all do (the same words, the same kind of screen behind), the others not used
        self.repeated: set[tuple[str, str]] = set()
        self._kinds: dict[str, str] = {}        # node → `kind_of` its screen (asked per control as the search chooses)

    def score(self, node: Node, label: str) -> float:
        found = cues.categories(label)
        if found & self.avoid - {paying.PURCHASE} or (
                paying.PURCHASE in found & self.avoid and paying.takes_money(label, node.screen, targets(node.screen))):
            return -100.0    # a purchase-worded control only when it takes money: one that starts a flow is searched
        if "back" in found:
            return -1.0      # a way back (search.py predicts where it leads), not a feature: walked, never "used"
        return sum(w for c, w in self.weights.items() if c in found)

    def switches_on(self, node: Node, screen: Screen) -> bool:
        """Whether the switches that are off on `screen` are used like its buttons (search_map): a setting switched
        on may ask for a permission (corpus begimas: «Balso treneris» asks for the microphone) — on a page of the
        app's own, never on a layer over it (a consent management platform's purposes opened again from the app's
        settings, told or not: gcn-dark's modal, meltemi's sheet — the consent goal's, holding no feature)."""
        return self.op is None or not (self._over_the_app(screen) or dialog_shown(self.op, screen))

    def kind_of(self, screen: Screen) -> str:
        """What a screen is for `used`: the core screen (told by `permissions.Core.matches`: reached again by its
        tab, its DOM may differ), else its structural signature."""
        if self.core is not None and self.op is not None and self.core.matches(screen, self.op.targets(screen)):
            return CORE
        return screen.signature

    def boost(self, node: Node, key: str) -> float:
        """A control used already on a screen of the same structure (or on the core screen) is not used again,
        nor the repeats of one used on a list's cards (`repeated`)."""
        return self._done(self.kind_of(node.screen), key)

    def _done(self, kind: str, key: str) -> float:
        return -1000.0 if (kind, key) in self.used or (kind, kin(key)) in self.repeated else 0.0

    def used_alike(self, node: Node, key: str) -> bool:
        """Whether the control `key` of `node` was used on a screen of the same structure after `node` was seen
        (asked by the search as it chooses: a boost is taken when a screen is first seen — corpus kedai's eight
        product screens, one structure, were each seen before «Tambah ke keranjang» was used on any, and it was
        then used on all eight, each walked to again)."""
        kind = self._kinds.get(node.ident) or self._kinds.setdefault(node.ident, self.kind_of(node.screen))
        return self._done(kind, key) <= -1000.0

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        if node.depth >= 1 and self._over_the_app(screen) and bare_question(screen, found, frozenset()):
            self.questions.add(node.ident)
        return None          # no form is filled: nothing typed, nothing sent

    def _over_the_app(self, screen: Screen) -> bool:
        """Whether the screen is a layer over the app (something of it covered: a tab bar's row of three is no
        question)."""
        covered = getattr(self.op, "covered", None)
        try:
            return covered is not None and bool(covered(screen))
        except StaleScreen:
            return False

    def deeper(self, graph: ScreenGraph) -> bool:
        """Iterative deepening, asked by the search when nothing is left to try within `fallback_depth`: one level
        more (never past `depth`) when a screen at the bound still offers an unscored control not tried; whether
        the bound moved. The shallow levels are so searched whole before any deeper one (the order of a search
        bound to them), and a feature three or four taps below the core screen (a market › a stall › its scan
        button) is reached while the budget lasts instead of being said deeper than the bound."""
        if self.fallback_depth > self.depth:
            return False
        if not any(node.depth >= self.fallback_depth and any(not c.tried and not c.why_not and c.score == 0
                                                             for c in node.candidates.values())
                   for node in graph.nodes.values()):
            return False
        self.fallback_depth += 1
        return True

    def answers_deep(self, node: Node) -> bool:
        """Whether the fallback tries the node's unscored controls past the depth bound: a question and its two
        or three answers over the app (`_over_the_app`) that a control's use raised — an app's own ask before the
        platform's («स्थान की अनुमति दें?» अभी नहीं / अनुमति दें): its agreeing answer is part of that use, not a
        screen deeper."""
        return node.ident in self.questions

    def enters_flow(self, move: Move) -> bool:
        return False

    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None:
        before = parent.screen
        self.taps += 1
        # a distinct control: its words on the core screen or where the core screen offers the same words (a tab
        # bar, a home link: once), else its words on a screen of its structure (a "Log in" link and its form's
        # "Log in" submit are two)
        words, kind = cues.norm_label(move.label or move.key), self.kind_of(before)
        self.words.add(words if kind == CORE or (self.core is not None and words in self.core.labels)
                       else f"{kind}|{words}")
        self.used.add((self.kind_of(before), move.key))
        self._one_card(parent, move, kind)
        asking = [p for p in PERMISSIONS if screen.prompts.get(p, 0) > before.prompts.get(p, 0)]
        if parent.depth > 0 and parent.ident not in self.screens and self.op is not None:
            try:
                self.screens[parent.ident] = Core.of(before, self.op.targets(before))
            except StaleScreen:
                pass             # its cover never measured: no way back to it is told (the core screen's only)
        for permission in asking:
            if permission not in self.asked:
                self.asked[permission] = (parent, move, before, screen)
                self.ways[permission] = self.way_to(parent.ident) if self.way_to is not None else None
                self.walked[permission] = list(getattr(self.op, "walked", []))[:-1]    # before this move
                if getattr(self.op, "walk_fresh", False):
                    self.seen_fresh[permission] = frozenset(t.label for t in targets(screen))
        if not asking and same and parent.depth == 0 and move.kind == TAP and state_of(before) != state_of(screen):
            self.in_place.append((move, before, screen))
        return None          # never "reached": the search goes on for the other permissions

    def _one_card(self, parent: Node, move: Move, kind: str) -> None:
        """A tap on a control that `parent` offers REPEATS times or more, alike (the same words and role, keys told
        apart only by rank: «View» on each listing): its repeats are not used — neither here nor on a screen of
        the same structure — so a list of n cards costs one card's controls, not n (corpus feira: «Ver» and «⋯»
        on five listings, each with its way back). They are done, not left: no uncovered control."""
        alike = kin(move.key)
        if move.kind != TAP or alike is None:
            return
        repeats = [c for key, c in parent.candidates.items() if kin(key) == alike and c.move.kind == TAP]
        if len(repeats) < REPEATS:
            return
        self.repeated.add((kind, alike))
        for cand in repeats:
            if cand.move.key != move.key and not cand.tried:
                cand.score = min(cand.score, -1000.0)


BUDGET_SPENT = "the search's budget ran out"     # the `unsearched` phrase's start when the budget ended it


def search(op: Operator, settings: dict, weights: dict[str, float], spend: Spend, data,
           skip: frozenset[str] = frozenset(), core: Core | None = None,
           in_place: list[tuple[Move, Screen, Screen]] | None = None,
           used: frozenset[tuple[str, str]] = frozenset(), known: frozenset[str] = frozenset()) -> Beyond:
    """Search from the screen the app shows now (the core screen, everything granted, consent accepted).
    `settings`: assets/explorer.yaml `search` (permission_depth, beyond_core_avoid, relaunch_cost …).
    `skip`: keys of core-screen controls used already (their feature known, or used quietly in place: not used
    again); `in_place`: those of them whose quiet use changed the core screen in place (move, before, after),
    kept in `Beyond.in_place` ahead of the search's own; `core`: the core screen; `used`: (screen structure,
    control key) pairs an earlier search used (`Beyond.used`: the search behind a log-in inside the app uses
    only what signing in added, explorer/signed_in.py); `known`: permissions whose feature an earlier search
    found (asked here again: nothing new, not kept). Returns the features found
    (each with its route from the core screen) and what was not covered:
    the budget spent, controls on screens within the depth not tried, screens deeper than it not searched."""
    depth = int(settings.get("permission_depth", 2))
    first = int(settings.get("permission_levels_first", depth))
    avoid = frozenset(settings.get("beyond_core_avoid", ()))
    start = CORE if core is not None else op.screen().signature
    goal = PermissionGoal(weights, avoid, depth, frozenset((start, key) for key in skip) | used, core, op, first)
    engine = GoalSearch(op, goal, data, settings, spend)
    goal.way_to = lambda ident: [] if ident == engine.graph.root else engine.graph.shortest(engine.graph.root, ident)
    result = engine.run()
    graph = result.graph
    features: dict[str, Feature] = {}
    unwalkable: dict[str, str] = {}
    for permission, (node, move, before, after) in goal.asked.items():
        if permission in known:
            continue
        route = [] if graph is None or node.ident == graph.root else (
            goal.ways.get(permission) or graph.shortest(graph.root, node.ident))    # as seen then, else now
        moves = tuple(m for edge in route or [] for m in edge.moves)
        if route is None or any(m.kind != TAP for m in moves):
            # no tap route from the core screen to it: not re-walkable, but asked all the same — never lost
            unwalkable[permission] = f"'{move.label or move.key}' on {screen_said(node.via)}"
            continue
        # where the feature is used: the last screen of its route that is no question of the app's own
        along = [e.target for e in route or []][::-1]
        start = next((goal.screens.get(i) for i in along if i not in goal.questions and i in goal.screens), None)
        features[permission] = Feature(permission, move.key, move.label, after.signature, state_of(before),
                                       state_of(after), moves, start)
    nodes = list(graph.nodes.values()) if graph is not None else []
    beyond = Beyond(features, len(nodes), goal.taps, frozenset(goal.words), levels=goal.fallback_depth - 1,
                    in_place=[*(in_place or []), *goal.in_place],
                    gate=log_in_gate(graph) if graph is not None else [], unwalkable=unwalkable,
                    used=frozenset(goal.used),
                    answered=frozenset(p for p, (n, _, _, _) in goal.asked.items() if n.ident in goal.questions),
                    walked={p: walked for p, walked in goal.walked.items() if p in features},
                    fresh_walks={p: seen for p, seen in goal.seen_fresh.items() if p in features})
    forms = [] if beyond.gate else [n for n in nodes if n.ident != graph.root and n.via
                                    and empty_submit(n.screen) is not None]
    beyond.log_ins = [" › ".join(n.via) for n in forms]
    ways = [graph.shortest(graph.root, n.ident) for n in forms]
    beyond.log_in_keys = frozenset(way[0].moves[0].key for way in ways if way and way[0].moves)
    beyond.unsearched += [unwalkable_said(p, where) for p, where in unwalkable.items()]
    if result.ending == "budget":
        spent = result.detail.removeprefix("not found within budget ").removeprefix("(").removesuffix(")")
        beyond.unsearched.append(f"{BUDGET_SPENT} ({spent}; more with --budget-actions)")
    cmp_nodes = consent_layers(op, graph) if graph is not None else set()
    for node in nodes:
        if node.ident in cmp_nodes:
            continue                 # the consent dialog opened again (from settings): its layers hold no feature
        submit = empty_submit(node.screen)
        left = [c.move.label or c.move.key for c in node.candidates.values()
                if not c.tried and not c.why_not and c.score >= 0 and c.move.key != submit]
        gone = [c.move.label for c in node.candidates.values()
                if c.score < 0 and not c.tried and cues.categories(c.move.label) & avoid]
        beyond.avoided += [g for g in gone if g not in beyond.avoided]
        if left and node.depth > depth:
            beyond.unsearched.append(f"a screen {node.depth} taps deep (via {' › '.join(node.via)}): "
                                     f"{len(left)} control(s) (deeper than --permission-depth {depth})")
        elif left:
            beyond.unsearched.append(f"{len(left)} control(s) on {screen_said(node.via)}")
    for ident, label in engine.unreached:
        if ident in cmp_nodes or used_after_all(goal, graph, engine.moved.get(ident), ident, label):
            continue
        # the screen the control is ON was not reached again (not the one it leads to): said with its way there,
        # since the same control may well show elsewhere (a tab bar's «سفر» on every screen, fresh8)
        held = graph.nodes.get(ident) if graph is not None else None
        via = " › ".join(held.via) if held is not None and held.via else "the start"
        said = f"'{label}' on the screen via {via} (that screen could not be reached again to tap it there)"
        beyond.unsearched.append(said)
        left = [c.move for c in held.candidates.values() if c.move.label == label] if held is not None else []
        if ident == graph.root and left and left[0].kind == TAP:
            beyond.unreached_core.append((left[0], said))
    return beyond

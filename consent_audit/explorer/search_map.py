"""The search's map (explorer/search.py): which node a screen is, what may be tried on it and how much each
control promises, where a navigation control was seen to lead, and where a back control most likely goes.

A mixin of `GoalSearch`: it reads and writes the search's state (`graph`, `op`, `goal`, `data`, `settings`,
`shared`, `nav`, `layers`, `session`, `dead`, `current`, `visit_moves`, `visit_cost`, `consent_nodes`,
`consent_openers`), set in its `__init__`; a consent dialog re-opened on the way: explorer/consent_reopened.py.
"""
from __future__ import annotations

from typing import Any

from ..screen import Element, Screen
from . import cues, forms
from .areas import AreaKey, is_area, sweep, wrapping_areas
from .consent_reopened import ConsentReopened
from .covers import StaleScreen
from .elements import Target, Use, fingerprint, fits, switch_rows
from .graph import Candidate, Edge, Node, ScreenGraph, screen_words
from .hold import hold_seconds
from .moves import FORM, TAP, UNDRAWN, Move
from .search_layers import NavLayers
from .session import LOGGED_OUT_SCORE
from .tab_ways import CURRENT, bar_words, current_tab_back, way_words
from .unfold import unfolded

DECOYS = {"log_out": "log out", "support": "support / help", "exit": "exit"}
FORM_BONUS = 20
BACK_BAND = (0.15, 0.12)     # a drawn back control's corner: within this share of the width and of the height
PROGRESS = {"next", "confirm", "agree", "save", "decline", "back", "send_code", "verify"}
_none = lambda node, key: 0.0   # noqa: E731 - a goal without a boost (Goal.boost is optional)


def drawn_back(screen: Screen, element: Element) -> bool:
    """Whether a control is drawn as a screen's back control: an icon (a name, no text of its own) in the top left
    corner of a screen one level down that its parent did not offer (the caller checks the parent and that no word
    names it otherwise; here only the drawing, `screen.size` in device pixels). The top right corner, where
    left-to-right apps put actions (share, settings, an avatar), is not taken for one."""
    width, height = screen.size
    x, y, w, h = element.bounds
    if element.text or not element.name or not element.clickable or not width or not height or w * h <= 0:
        return False
    centre_x, centre_y = x + w / 2, y + h / 2
    return centre_y < height * BACK_BAND[1] and centre_x < width * BACK_BAND[0]


class SearchMap(NavLayers, ConsentReopened):
    """The map half of `GoalSearch` (see the module docstring for the state it shares)."""

    graph: Any
    op: Any
    goal: Any
    data: Any
    settings: dict[str, Any]
    shared: dict[str, str]
    nav: set[str]
    layers: set[str]
    session: Any
    dead: Any
    current: str | None
    visit_moves: list[Move]
    visit_cost: int
    areas: set[AreaKey]
    tab_stays: set[str]

    def identity(self, screen: Screen, found: list[Target] | None = None) -> str:
        """Which node the screen is: its structural signature, split where screens of one structure offer other
        controls or carry other headings (menus, forms and wizard steps of plain divs share a structure)."""
        return self.graph.identify(screen.signature, *self._labels(screen, found))

    def _labels(self, screen: Screen, found: list[Target] | None = None) -> tuple[frozenset[str], frozenset[str]]:
        """What the screen offers (its controls' words) and its short texts (headings, field labels)."""
        return screen_words(screen, found if found is not None else self.op.targets(screen))

    def _arrive(self, screen: Screen, parent: Node | None, move: Move | None) -> Node:
        """Note the screen the app shows now (a new node, or the latest look of a known one)."""
        ident = self.identity(screen)
        if ident != self.current:
            self.visit_moves, self.visit_cost = [], 0
        self.current = ident
        node = self.graph.nodes.get(ident)
        if node is None:
            depth, via = self._level(parent, move)
            if parent is not None and move is not None and self._unfolded(parent, move, screen):
                depth = parent.depth       # a section unfolded in place: the same page, its other sections as near
                self.graph.unfolds.add((parent.ident, move.key))
            elif parent is not None and move is not None and move.role == "tab" and move.key not in self.nav:
                depth = parent.depth       # a tab of a tab list shows its panel in place (WAI-ARIA tabs): as near
            in_flow = bool(parent and (parent.in_flow or (move is not None and self.goal.enters_flow(move))))
            offers, titles = self._labels(screen)
            node = Node(ident=ident, screen=screen, depth=depth, in_flow=in_flow, via=via, labels=offers, titles=titles)
            self.graph.nodes[ident] = node
            self._analyse(node, screen)
            if move is not None and move.key in self.nav:
                self.layers.add(ident)
                if parent is not None:
                    self._layer_over(node, parent, move)
            self._note_reopened(node, screen, parent, move)     # the consent dialog: never answered by the way
            if parent is not None and move is not None and ident not in self.consent_nodes:
                self._predict_back(node, parent)
        else:
            level = self._level(parent, move) if parent is not None else None
            if getattr(self.goal, "shallowest", False) and level is not None and level[0] < node.depth:
                node.depth, node.via = level       # a shorter way there: its depth is the shortest seen
            if node.screen is not screen and fingerprint(node.screen) != fingerprint(screen):
                node.screen = screen
                self._analyse(node, screen)
            node.screen = screen
        return node

    def _adopt(self, seed: ScreenGraph) -> None:
        """Start from the map an earlier search of the same launch drew (`seed`; the app still where that search
        left it, no relaunch): its screens, the ways seen between them and its root, each screen's controls
        listed and scored again for this goal. A tap tried there is tried here (it leads where the map says, and
        a form filled for another goal is not: it is listed afresh) and a navigation control leads where it was
        seen to, from any screen, so what that search walked is not walked again — the account combed for from
        the log-in form the deletion search stopped at."""
        self.graph.root, self.graph.launch = seed.root, seed.launch
        self.graph.unfolds = set(seed.unfolds)
        self.graph.edges = dict(seed.edges)
        for edge in seed.edges.values():     # where a navigation control (a tab bar's) was seen to lead: `_share`
            source = seed.nodes.get(edge.source)
            if source is not None and not edge.predicted and len(edge.moves) == 1 and self._navigates(
                    source, edge.moves[0]) and edge.target in seed.nodes:
                self.shared[edge.moves[0].key] = edge.target
        for ident, old in seed.nodes.items():
            node = Node(ident=ident, screen=old.screen, depth=old.depth, via=old.via, labels=old.labels,
                        titles=old.titles)
            self.graph.nodes[ident] = node
            self._analyse(node, old.screen)
            for key, cand in node.candidates.items():
                was = old.candidates.get(key)
                if was is not None and was.move.kind == TAP and cand.move.kind == TAP and (was.tried or was.why_not):
                    cand.tried, cand.why_not = True, cand.why_not or was.why_not

    def _unfolded(self, parent: Node, move: Move, screen: Screen) -> bool:
        """Whether the tap `move` on `parent` unfolded a section of it in place (explorer/unfold.py)."""
        if move.kind != TAP:
            return False
        try:
            return unfolded(self.op.targets(parent.screen), move.key, self.op.targets(screen))
        except StaleScreen:      # the parent's look was never measured while shown: not told
            return False

    def _level(self, parent: Node | None, move: Move | None) -> tuple[int, tuple[str, ...]]:
        """Depth and the words of the way there of a screen reached from `parent` by `move`: one level below it,
        but a navigation layer (`self.nav`) sits at the level of the shallowest screen offering its control, as
        a tab bar's screens are one tap from anywhere (explorer/navigation.py)."""
        if parent is None:
            return 0, ()
        if move is None:
            return parent.depth + 1, parent.via
        offering = [n for n in self.graph.nodes.values() if move.key in n.candidates and not n.in_flow] \
            if move.key in self.nav else None
        return way_words(parent, move, offering)

    def _analyse(self, node: Node, screen: Screen) -> None:
        """(Re)list what may be tried on the node; what was tried stays tried."""
        found = self.op.targets(screen)
        if not wrapping_areas(screen) <= self.areas:     # a content area wrapping rows: no control where it wraps none
            self.areas |= wrapping_areas(screen)
            sweep(self.graph.nodes.values(), self.areas)
        parts: set[str] = set()
        purpose = self.goal.purpose(node, screen, found)
        if purpose is not None:
            plan = forms.plan(screen, found, purpose, self.data, sms_known=True)
            if plan.submit is not None and (plan.work or plan.missing):
                parts = {t.key for t, _ in plan.fields} | {t.key for t in plan.ticks} | {
                    t.key for t in found if t.use in (Use.CHOOSE, Use.SELECT)} | ({plan.send.key} if plan.send else set())
                old = node.candidates.get(plan.submit.key)
                retried = old is not None and old.move.purpose.startswith((forms.RETRY, forms.ACCOUNT_RETRY))
                move = old.move if retried else Move.form(plan.submit, purpose)
                why = ("it wants " + ", ".join(plan.missing)) if plan.missing else ""
                if why:
                    self.dead.add(plan.submit.label, "form: " + why, node.via, tried=False)
                score = self.goal.score(node, plan.submit.label) + FORM_BONUS
                node.candidates[plan.submit.key] = Candidate(move, score, tried=bool(old and old.tried), why_not=why)
        chat_move = getattr(self.goal, "chat_move", None)     # a goal that writes into a chat (explorer/chat.py)
        said = chat_move(node, screen, found) if chat_move is not None and not parts else None
        if said is not None:
            move, parts, spent = said
            old = node.candidates.get(move.key) if move is not None else None
            if move is not None:     # unscored: the fallback's, last (explorer/chat.py)
                node.candidates[move.key] = Candidate(move, 0.0, tried=bool(old and old.tried) or spent)
        undrawn = getattr(self.op, "undrawn", None)      # a list making its rows only as it is scrolled to them
        if UNDRAWN not in node.candidates and undrawn is not None and \
                screen is getattr(self.op.recorder, "last_screen", None) and undrawn():
            node.candidates[UNDRAWN] = Candidate(Move.scroll(), 0.0)    # unscored: the fallback's (search.py)
        switching = getattr(self.goal, "switches_on", None)    # a goal that switches settings on (deny-permissions)
        switch_here = switching is not None and switching(node, screen)
        # the row or label saying a switch's words is that switch, never a way on: a tap on it toggles the setting
        # (every goal; before, only the one switching settings on left it — corpus voznja's deletion search tapped
        # «Obavijesti o vožnjama», the bell's label, then walked in again to the settings it never left)
        rows = switch_rows(found)
        for target in found:
            if target.key in parts or target.key in rows or is_area(target, screen, self.areas) or (
                    target.use != Use.TAP and not (
                        switch_here and target.element.role == "switch" and target.element.checked is False)):
                continue
            old = node.candidates.get(target.key)
            if old is not None and old.move.kind == FORM:
                continue
            move = old.move if old is not None and old.move.hold else Move.tap(target)   # a hold stays a hold
            if old is None and cues.has(target.label, "hold"):    # its own words ask to be held ("Hold to delete")
                move = move.held(hold_seconds([target.label], self.settings))
            score = self.goal.score(node, target.label) + getattr(self.goal, "boost", _none)(node, target.key)
            why = "" if target.element.enabled else "disabled"
            tried = bool(old and old.tried)
            if not tried and target.element.selected and self._navigates(node, move):
                # the current tab (aria-selected/-current, Android selected) is where the user is: no way on from
                # here (nor back: this screen may be one of its tab's own, results shown below its form), and
                # from the screens of the other tabs the way to the first screen it was seen current on
                tried, why = True, CURRENT
                if target.key not in self.shared:
                    self._share(target.key, node.ident)
                else:     # a page below its tab's screen: the tab is the way back there (explorer/tab_ways.py)
                    current_tab_back(self.graph, node, move, self.shared[target.key], self.tab_stays,
                                     bar_words(target, found))
            elif not tried and target.key in self.shared and not (cues.categories(target.label) & PROGRESS) \
                    and not node.in_flow:
                tried = True    # the same control elsewhere (a tab bar) was seen to lead there
                if self.shared[target.key] != node.ident:
                    self.graph.add(Edge(node.ident, (Move.tap(target),), self.shared[target.key], 1, predicted=True))
            decoy = next((DECOYS[c] for c in cues.categories(target.label) if c in DECOYS), None)
            if self.session is not None and target.key in self.session.log_outs:
                score, decoy = min(score, LOGGED_OUT_SCORE), "log out"     # seen to end the session: a log-out
            node.candidates[target.key] = Candidate(move, score, tried=tried, why_not=why)
            if decoy and score < 0:
                self.dead.add(target.label, decoy, node.via, tried=False)
        self._leave_unanswered(node)

    @staticmethod
    def _navigates(node: Node, move: Move) -> bool:
        """Whether a tap may be a navigation control (a tab bar's): outside the deletion flow, not a way on."""
        return move.kind == TAP and not node.in_flow and not (cues.categories(move.label) & PROGRESS)

    def _share(self, key: str, ident: str) -> None:
        """A navigation control (a tab bar's) seen to lead to `ident`: the same control is not tried again from
        any screen outside the deletion flow — those analysed before it was tried too (each offered its tab
        bar untried: corpus conto, veld spent a tap and a way back per tab per screen) — and leads there."""
        self.shared[key] = ident
        for other in self.graph.nodes.values():
            cand = other.candidates.get(key)
            if other.in_flow or cand is None or cand.tried or cand.why_not or cand.move.kind != TAP:
                continue     # tried, or not to be tapped there (disabled, the current tab of that screen)
            cand.tried = True
            if other.ident != ident:
                self.graph.add(Edge(other.ident, (cand.move,), ident, 1, predicted=True))

    def _predict_back(self, node: Node, parent: Node) -> None:
        """A back control (or a dialog's cancel) most likely leads to where the user came from: one action, two
        when it lies outside the viewport (a page scrolled down keeps its offset: the scroll up is charged too,
        so a relaunch is as cheap a way to the start screen — corpus reactcc-dark, tarteaucitron-dark)."""
        for cand in node.candidates.values():
            label = cand.move.label
            if cand.move.kind != TAP:
                continue
            worded = cues.has(label, "back") or (
                cues.has(label, "decline") and parent.ident != node.ident and len(node.candidates) <= 5)
            if not worded and (node.in_flow or cand.move.key in parent.candidates or cues.categories(label)):
                continue
            target = self.op.find(cand.move.key, node.screen)
            drawn = not worded and target is not None and drawn_back(node.screen, target.element)
            if worded or drawn:
                cost = 1 if target is None or fits(node.screen, target.element) else 2
                self.graph.add(Edge(node.ident, (cand.move,), parent.ident, cost, predicted=True))
                if drawn:      # unworded: the fallback would try it as a way on (vstup's «Zpět» chevron, twice)
                    cand.tried = True
                return

    def rescore(self) -> None:
        """Score every candidate again (the goal changed what it wants), its boost too, as `_analyse` adds it."""
        boost = getattr(self.goal, "boost", _none)
        for node in self.graph.nodes.values():
            for cand in node.candidates.values():
                cand.score = self.goal.score(node, cand.move.label) + (
                    FORM_BONUS if cand.move.kind == FORM else boost(node, cand.move.key))

"""The consent dialog re-opened during another goal's search (a settings row «Çerez tercihleri», «Prywatność ›
Pliki cookie» that shows the dialog again): told as the consent goal tells it (explorer/consent.py `shown`),
it is the consent goal's subject, never answered by the way — answering it would change what the app stored
about consent in the middle of a deletion or a permissions search, and cost actions for nothing. None of its
controls is tried (a × or a "continue without" may store a refusal too: the search leaves it by a relaunch,
which answers nothing), no back edge is predicted through it, and the control that opened it is a dead end, not
tried again wherever it shows (`ConsentReopened`, the mixin `SearchMap` builds on). An opener that also cleared
the stored choice (cookieconsent's revoke tab) makes the relaunch show the dialog again, over the launch screen:
that one is the launch's own, answered as at launch and the search goes on (`_answered_again`)."""
from __future__ import annotations

from typing import Any

from ..screen import Screen
from . import consent, cues
from .elements import targets
from .graph import Node
from .late_layers import DECISION
from .moves import TAP, Move

LEFT_UNANSWERED = "the consent dialog, re-opened: left unanswered (the consent goal measures it)"
OPENS_IT = "opens the consent dialog again"


class ConsentReopened:
    """See the module doc; reads and writes `op`, `goal`, `graph`, `dead`, `consent_nodes`, `consent_openers`
    (declared in `GoalSearch.__init__`)."""

    op: Any
    goal: Any
    graph: Any
    dead: Any
    consent_nodes: set[str]
    consent_openers: set[str]

    def _note_reopened(self, node: Node, screen: Screen, parent: Node | None, move: Move | None) -> None:
        """A new node reached by `move` from `parent`: when it shows the consent dialog (and the goal is one that
        never answers it: not the privacy policy's, `through_consent`), it is marked so (`consent_nodes`: none of
        its controls is a candidate) and `move`'s control is a dead end, not tried again — told by the layer the tap
        laid over the app (something covered) that is the consent dialog, never by the screen before (a settings
        screen with privacy rows and switches may read as consent by its words). Neither a node of the deletion's
        own flow nor a layer whose own controls (those the tap brought) speak of deleting is taken for it."""
        if parent is None or move is None or node.in_flow or getattr(self.goal, "through_consent", False):
            return      # a step of the deletion's own flow is never taken for it
        if parent.ident in self.consent_nodes or not consent.shown(self.op, screen):
            return
        # the live screen only (hit testing): a layer that came with the tap covers the app; a settings screen read
        # as consent by its words (privacy rows, switches) covers nothing and is the app's own
        covered = getattr(self.op, "covered", lambda _: frozenset())(screen)
        if not covered and hasattr(self.op, "covered"):
            return
        before = {t.key for t in targets(parent.screen)}      # every control of the screen it was opened from
        brought = [t.label for t in self.op.targets(screen) if t.key not in before]
        if any(cues.has(label, *DECISION) for label in brought):
            return      # a layer whose own controls delete (its confirmation) is the deletion's, whatever else it says
        self.consent_nodes.add(node.ident)
        if move.kind == TAP and move.key:
            self.consent_openers.add(move.key)
        self.dead.add(move.label, OPENS_IT, parent.via, tried=True)
        for other in self.graph.nodes.values():     # the same control on screens seen before (a tab, a row)
            self._leave_unanswered(other)

    def _answered_again(self, screen: Screen) -> Screen:
        """`screen`, shown by a relaunch: once the search re-opened the consent dialog (`consent_nodes`), the
        dialog on it again is the launch's — its opener cleared the choice stored (cookieconsent's revokeChoice) —
        and is answered as the launch answered it (`op.answer_over`: the consent accepted as learnt), so the
        screens behind the launch stay reachable; the opener stays a dead end. Returns the screen after it
        (`screen` itself when the search re-opened nothing, the dialog is not on it or nothing answered it)."""
        if not self.consent_nodes or not consent.shown(self.op, screen):
            return screen
        answer = getattr(self.op, "answer_over", None)     # a stand-in operator may have none
        if answer is None or not answer(screen):
            return screen
        return self.op.screen()

    def _leave_unanswered(self, node: Node) -> None:
        """On a node that is the re-opened consent dialog, no control is a candidate (none is tried: each may
        answer it); elsewhere, a control seen to open it is not tried again."""
        for key, cand in node.candidates.items():
            if node.ident in self.consent_nodes:
                cand.why_not = cand.why_not or LEFT_UNANSWERED
            elif key in self.consent_openers and not cand.tried:
                cand.tried = True

"""An app's own pre-prompt before a runtime permission (a "soft ask": 「通知を受け取りますか？」 後で / 受け取る,
"Allow location to find stores? Not now / Continue"): a modal the explorer answers at launch by its dismissing
control, whose agreeing control is what makes the app call the platform's permission API. Answered only by
its dismissal, no permission is ever seen asked, so neither it nor its refusal is tested (issue 13, a wrong
clean). Told by what happens, never by words: the agreeing control is tried once, in the discovery with every
permission refused, and the platform's permission request counters say whether it asked and for what.

Apple HIG "Requesting permission" and Android's "permission rationale" describe the pattern; MIIT 2019 and
notice 164号 item 2.1 judge the refusal of what the rationale leads to, not the rationale."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..platforms.base import PERMISSIONS
from ..screen import Element, Screen
from . import cues
from .elements import Target
from .modal_kind import OTHER
from .moves import Move
from .screens import CLOSE_MARKS, DIALOG_ROLES, inside, taps

NOT_AGREEING = ("decline", "exit", "log_out", "delete", "cancel_account", "open_settings")
"""Lexicon categories of a modal's controls that are no agreeing answer (cues.has)."""


def _layer(screen: Screen, answer: Element) -> tuple[int, int, int, int] | None:
    """The bounds of the smallest dialog (ARIA dialog / alertdialog) holding the answer; None when none does."""
    boxes = [e.bounds for e in screen.elements if e.role in DIALOG_ROLES and e.bounds[2] > 0 and e.bounds[3] > 0
             and inside(answer.bounds, e.bounds)]
    return min(boxes, key=lambda b: b[2] * b[3]) if boxes else None


def agreeing_control(screen: Screen, found: list[Target], answer: Target) -> Target | None:
    """The control of the modal `answer` dismisses that goes the other way: an enabled control on the same
    layer (inside the same dialog, when the modal is one) that is not the answer, not a close mark and not a
    refusal, an exit, a log-out or a deletion. Where several remain, one worded as agreeing, asking a
    permission or going on (agree, permission_request, confirm, next); else none (no guess between two
    unknowns). Returns None for a modal with nothing but its answer."""
    layer = _layer(screen, answer.element)
    others = [t for t in taps(found) if t.element.enabled and t.key != answer.key
              and t.label.strip() not in CLOSE_MARKS and not cues.has(t.label, *NOT_AGREEING)
              and (layer is None or inside(t.element.bounds, layer))]
    if len(others) == 1:
        return others[0]
    worded = [t for t in others if cues.has(t.label, "agree", "permission_request", "confirm", "next")]
    return worded[0] if len(worded) == 1 else None


def increments(before: dict[str, int], after: dict[str, int]) -> Counter:
    """Permission API calls made between two captures of the same page (platform counters), by permission."""
    return Counter({p: after.get(p, 0) - before.get(p, 0) for p in PERMISSIONS
                    if after.get(p, 0) > before.get(p, 0)})


@dataclass
class SoftAsks:
    """What the explorer learnt of launch modals' agreeing controls.

    `alternatives`: a learnt launch answer (its dismissal) → the modal's agreeing control; `asks`: a dismissal
    whose agreeing control, tried, made the app ask → (that control, the permissions asked); `tried`: the
    dismissals whose agreeing control was tried (once each); `counts`: the permission API calls the trials
    made (not asked at launch: the user acted); `trying`: the discovery pass that tries them is running."""

    alternatives: dict[Move, Move] = field(default_factory=dict)
    asks: dict[Move, tuple[Move, frozenset[str]]] = field(default_factory=dict)
    tried: set[Move] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    trying: bool = False

    def permissions(self) -> set[str]:
        return {p for _, asked in self.asks.values() for p in asked}

    def under_test(self, answer: Move, denied: set[str]) -> Move | None:
        """The agreeing control to take instead of `answer` when a permission it leads to is refused now."""
        ask = self.asks.get(answer)
        return ask[0] if ask is not None and ask[1] & denied else None

    def kind(self, answer: Move, learnt: str | None) -> str | None:
        """What the launch modal `answer` dismisses is, for counting consent dialogs at a launch: `learnt` (its
        `modal_kind`) — or, where its storage and words told nothing (None), 'other' when its agreeing control,
        tried, made the app ask for a permission (`asks`): a pre-prompt, told by what its tap did, no consent
        dialog (helper fixMT, corpus meltemi: «Να σας ειδοποιούμε;» at every launch counted [None] × 3)."""
        return OTHER if learnt is None and answer in self.asks else learnt

    def to_try(self, answer: Move) -> Move | None:
        """The agreeing control to try instead of `answer` in the discovery (once per modal)."""
        alternative = self.alternatives.get(answer)
        if not self.trying or alternative is None or answer in self.tried:
            return None
        self.tried.add(answer)
        return alternative

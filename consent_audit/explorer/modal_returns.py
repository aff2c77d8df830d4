"""Whether a launch modal comes back at a later launch of the same install once its learnt answer was given
there — told by what the launches showed, never by the modal's words. An update prompt whose «update now» is
kept by the app (corpus daftar: «ابھی اپ ڈیٹ کریں» stores the new version) is gone at every relaunch after it;
a rating prompt answered «later» (corpus warung) is back at every one. A relaunch made only to meet such a
modal again (to try its other, agreeing answer: explorer/soft_ask.py) meets nothing where its answer keeps it
away: an action spent for nothing (corpus daftar, permissions 21/10)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .moves import Move


@dataclass
class ModalReturns:
    """What launches showed of the learnt launch answers (`ExploredApp.launch_moves`).

    `install`: the operator's install the `answered` set is of (`Operator.installs`, counted at each fresh
    install); `answered`: the learnt answers given on that install (tapped themselves, not their agreeing
    control); `away`: those a later launch of an install where they had been given did not show; `back`: those
    shown again there. A modal seen back even once is never taken as kept away (the safe side: the relaunch is
    made)."""

    install: int | None = None
    answered: set[Move] = field(default_factory=set)
    away: set[Move] = field(default_factory=set)
    back: set[Move] = field(default_factory=set)

    def launched(self, install: int, move: Move, shown: bool) -> None:
        """At a launch, before its modals are answered: the learnt answer `move` is on screen (`shown`) or not.
        Evidence only when it was given at an earlier launch of this install."""
        self._on(install)
        if move in self.answered:
            (self.back if shown else self.away).add(move)

    def met(self, install: int, move: Move) -> None:
        """The learnt answer `move` found on screen to answer (at a launch or later): back, when it was given on
        this install already."""
        self._on(install)
        if move in self.answered:
            self.back.add(move)

    def given(self, install: int, move: Move) -> None:
        """The learnt answer `move` was tapped on this install."""
        self._on(install)
        self.answered.add(move)

    def kept_away(self, move: Move) -> bool:
        """Whether the modal `move` answers is known not to come back at a relaunch of an install where `move`
        was given: seen absent then, never seen back."""
        return move in self.away and move not in self.back

    def _on(self, install: int) -> None:
        if install != self.install:
            self.install, self.answered = install, set()


def returns_of(app: object) -> ModalReturns:
    """The explorer's `modal_returns` (declared in `ExploredApp.__init__`); a throwaway one for a stand-in that
    declares none (nothing is then known kept away)."""
    returns = getattr(app, "modal_returns", None)
    return returns if isinstance(returns, ModalReturns) else ModalReturns()


def install_of(op: object) -> int:
    """The operator's fresh installs made so far (`Operator.installs`; 0 for a stand-in that counts none)."""
    return int(getattr(op, "installs", 0))

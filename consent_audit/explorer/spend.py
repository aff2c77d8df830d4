"""What a goal's search spends (`Spend`: gestures, backtracking and relaunches, against the goal's `Budget`) and
`OutOfBudget`, raised once it is spent. The operator (explorer/operator.py) charges every gesture to it."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from .config import Budget


class OutOfBudget(Exception):
    """The goal's budget (actions or seconds) is spent."""


@dataclass
class Spend:
    """What the search spent: every gesture, backtracking and relaunches included."""

    budget: Budget
    actions: int = 0
    started: float = field(default_factory=time.monotonic)
    counting: bool = True
    toll: int = 0
    """Of `actions`, those that walked the app's learnt way in after a fresh launch (the log-in at launch,
    explorer/gate.py): what launching costs in that app, as the launch itself does. Counted and reported in
    `actions`, never held against `budget.actions` — the budget bounds the search, and an app behind a log-in
    would otherwise spend it signing in at each fresh start (corpus vstup: five actions each, the coverage
    search left 4 of 60). The seconds budget still holds."""
    tolling: bool = False
    probe: int = 0
    """Of `actions`, those the structural probe of the consent dialog spent (its answers tried from fresh
    launches: explorer/consent_structure.py; or its every way out, none refusing: explorer/refusal.py) —
    learnt once per run by whichever goal starts first and handed
    to the later ones, so reported apart (`consent_probe_actions`) for scoring to charge to the consent goal."""

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def charge(self) -> None:
        if self.counting:
            self.actions += 1
            self.toll += self.tolling

    def check(self) -> None:
        if self.counting and (self.actions - self.toll >= self.budget.actions or self.seconds >= self.budget.seconds):
            raise OutOfBudget(f"{self.actions} actions ({self.toll} of them signing in at launch), "
                              f"{self.seconds:.0f} s" if self.toll else f"{self.actions} actions, {self.seconds:.0f} s")

"""A stand-in for the explorer's Operator over a simulated app (no browser): the contract the searches use —
`screen`, `targets`, `find`, one charged action per move (`_act`), a recorder whose `steps` list the moves —
shared by the explorer's unit tests; each test's subclass says what a tap, a hold or an input does to its app."""
from __future__ import annotations

from typing import Any

from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.operator import Spend
from consent_audit.screen import Screen


class StandInOperator:
    """`app` has `screen() -> Screen` and a `taps` list (each move is appended when `log_taps`)."""

    log_taps = False
    in_foreground = True

    def __init__(self, app: Any, spend: Spend) -> None:
        self.app, self.spend, self.last_code = app, spend, None
        self.recorder = type("R", (), {"steps": [], "last_screen": None})()
        self._screen = app.screen()

    def _act(self, what: str) -> Screen:
        """One charged action: the budget checked and charged, the move recorded, the app's screen read again."""
        self.spend.check()
        self.spend.charge()
        self.recorder.steps.append(what)
        if self.log_taps:
            self.app.taps.append(what)
        self._screen = self.app.screen()
        return self._screen

    def screen(self) -> Screen:
        return self._screen

    def targets(self, screen: Screen | None = None) -> list[Target]:
        return targets(screen or self._screen)

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    def type(self, target: Target, value: str, secret: bool, gave: str | None = None) -> Screen:
        self.app.values[target.element.name] = value
        return self._act(f"type {target.element.name}")

    def scroll_to_end(self, why: str, inner_only: bool = False) -> Screen | None:
        return None

"""Moves: the steps of a path the explorer found, replayable on a fresh app (by element key, not position)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..screen import SHADOW_STEP, Screen
from . import chat, forms
from .counts import counted_alike
from .elements import Target, Use, targets
from .held_back import held_move, tappable
from .layer_scroll import read_layer
from .operator import NotOnScreen, Operator

TAP, FORM, RELAUNCH, BACK = "tap", "form", "relaunch", "back"
SCROLL = "scroll"  # a list scrolled to its end to make the rows it draws only then (a virtualised list)
UNDRAWN = "scroll|undrawn"     # the key of that move on its screen
TICK = "tick"      # a tap's purpose: the box is to end ticked (a box already ticked is left as it is)


@dataclass(frozen=True)
class Move:
    """One step of a path: tap a control (a tick box toggles, a radio chooses; `hold` > 0: pressed and held that
    many seconds, still one tap), fill a form and submit it, relaunch, or press the system back key."""

    kind: str
    key: str = ""
    label: str = ""
    purpose: str = ""      # forms: fill | account | untick; taps: tick (a box to end ticked) or none
    role: str = ""
    rid: str = ""
    hold: float = 0.0      # taps: seconds the control is pressed and held (0: a plain tap)

    @classmethod
    def tap(cls, target: Target) -> "Move":
        return cls(TAP, target.key, target.label, role=target.element.role, rid=target.element.rid)

    @classmethod
    def scroll(cls) -> "Move":
        """Scroll the list holding rows not drawn yet to its end (`Operator.scroll_undrawn`): one scroll."""
        return cls(SCROLL, UNDRAWN, "the list's rows not drawn yet")

    def held(self, seconds: float) -> "Move":
        """The same tap, pressed and held `seconds` (a "press and hold to confirm" control)."""
        return Move(TAP, self.key, self.label, self.purpose, self.role, self.rid, float(seconds))

    @classmethod
    def tick(cls, target: Target) -> "Move":
        return cls(TAP, target.key, target.label, TICK, target.element.role, target.element.rid)

    @classmethod
    def form(cls, submit: Target, purpose: str) -> "Move":
        return cls(FORM, submit.key, submit.label, purpose, submit.element.role, submit.element.rid)

    def locator(self) -> str:
        """A locator a page object could start from."""
        if self.rid and SHADOW_STEP in self.rid:
            return self.rid         # a deep selector through the shadow hosts: `#c-accept >>> #button`
        if self.rid:
            return f"#{self.rid}" if "/" not in self.rid else f'//*[@resource-id="{self.rid}"]'
        if self.kind == FORM or self.key.startswith(("checkbox|", "radio|", "switch|", "textbox|")):
            return f"(near the text) {self.label[:60]!r}"
        return f'//*[normalize-space(text())="{self.label[:60]}"]'

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "label": self.label, "key": self.key, "purpose": self.purpose or None,
               "role": self.role, "id": self.rid or None, "locator": self.locator()}
        if self.hold:
            out["hold_seconds"] = self.hold
        return out

    def __str__(self) -> str:
        if self.kind == FORM:
            return f'fill the form and submit "{self.label}"'
        if self.hold:
            return f'press and hold "{self.label}" ({self.hold:g} s)'
        if self.kind == SCROLL:
            return "scroll the list to its end"
        return self.kind if self.kind in (RELAUNCH, BACK) else f'tap "{self.label}"'


def moves_said(moves: Iterable[Move]) -> str:
    """A path as a user reads it: each move's label (its kind where it has none), joined by " › "."""
    return " › ".join(m.label or m.kind for m in moves)


def absent(op: Operator, move: Move) -> NotOnScreen:
    """The error for a move whose control `op.find` did not give: covered (on the page, under a layer a user
    would have to answer first) is said apart from gone (not on the page at all)."""
    screen = op.screen()
    if any(t.key == move.key for t in targets(screen)):
        return NotOnScreen(f'"{move.label}" is on the page but covered (a layer over it was not answered)')
    return NotOnScreen(f'"{move.label}" is not on the screen')


def perform(op: Operator, move: Move, data: forms.FormData) -> Screen:
    """Do the move on the screen the app shows now. Raises NotOnScreen (`absent`) when its control is not there."""
    if move.kind == RELAUNCH:
        return op.relaunch()
    if move.kind == BACK:
        return op.back()
    if move.kind == SCROLL:
        screen = op.scroll_undrawn(move.label)
        if screen is None:
            raise NotOnScreen("no list holding rows not drawn yet is on the screen")
        return screen
    if move.kind == FORM and chat.is_chat(move.purpose):     # a message typed into a chat and sent
        return chat.say(op, move.purpose, move.key)
    if move.kind == FORM:     # a submit held back by a countdown (its face «Izbriši (7)»): waited for first
        if op.find(move.key) is None and held_move(op, move.key, move.role) is None:
            raise absent(op, move)
        return forms.fill(op, move.purpose, data, submit_key=move.key)
    target = op.find(move.key) or held_move(op, move.key, move.role) or counted_alike(op.targets(), move.key)
    if target is None and read_layer(op, op.screen()) is not None:    # shown once the layer's text is read
        target = op.find(move.key)
    if target is None:
        raise absent(op, move)
    if target.use == Use.TEXT:
        raise NotOnScreen(f'"{move.label}" is a text field, not a control to tap')
    if move.purpose == TICK and target.use == Use.TOGGLE and target.element.checked:
        return op.screen()       # ticked already (a consent answered before, reopened): tapping would untick
    target = tappable(op, target)      # held back (a countdown): tapped once enabled, as a user waits
    if move.hold:
        return op.hold(target, move.hold)
    return op.tap(target)

"""A settings layer's "switch every purpose off" control (Orejime's «Отключить всё», "Disable all"), told by
what a tap on it does, never by its words — for explorer/consent.py's refusal."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen
from . import cues
from .elements import Target, purpose_row, purpose_targets
from .forms import FormData
from .moves import Move, perform
from .operator import NotOnScreen, Operator
from .screens import taps

def repeats(found: list[Target], label: str) -> int:
    """How many controls on the screen carry this label (one per row of a panel: more than one)."""
    norm = cues.norm_label(label)
    return sum(1 for t in taps(found) if cues.norm_label(t.label) == norm)



_NOT_BULK = frozenset({"agree", "decline", "save", "confirm", "manage", "settings", "close", "back", "legal",
                       "privacy", "privacy_policy", "about", "support", "next", "exit"})
MAX_BULK_TRIALS = 2


def _bulk_candidates(found: list[Target], tried: set[str]) -> list[Target]:
    """Controls of a settings layer that may switch every purpose off at once ("Disable all", Orejime's
    «Отключить всё»), in the order of the screen: enabled buttons (no links) saying none of the answers, moves
    or exits the lexicons know, each the only one with its label, none the row or the caption of a purpose (it
    toggles that one purpose: `elements.purpose_row`); at most MAX_BULK_TRIALS."""
    return [t for t in taps(found) if t.element.enabled and t.key not in tried and t.element.role != "link"
            and t.label.strip() and not cues.categories(t.label) & _NOT_BULK
            and repeats(found, t.label) == 1 and not purpose_row(t, found)][:MAX_BULK_TRIALS]


def _ticks(found: list[Target]) -> dict[str, bool]:
    return {t.key: bool(t.element.checked) for t in purpose_targets(found) if t.element.enabled}


def switches_all_off(op: Operator, ticked: int, tried: set[str], found: list[Target], data: FormData,
                     answering: Callable[[Operator, Screen], bool]) -> tuple[Target | None, Screen | None]:
    """Told by what a tap does, never by its words: on a settings layer with `ticked` (2+) optional purposes
    ticked, the control whose tap unticks SEVERAL purposes, leaving none ticked (a purpose's own label, bound to
    its box, changes one: tapped again), or leaves the layer. Returns (that control, the screen after), a move of the
    path the answer goes on from (`answering(op, screen)`: whether the dialog still waits for the refusal); else (None, the screen the trials left; None when none was made). A trial that closes the dialog: NotOnScreen (its answer unknown)."""
    screen: Screen | None = None
    before = _ticks(found)
    for candidate in _bulk_candidates(found, tried):
        tried.add(candidate.key)
        screen = perform(op, Move.tap(candidate), data)
        if not answering(op, screen):
            raise NotOnScreen(f"«{candidate.label}», tried on the settings layer, closed the consent dialog: "
                              f"what it answered cannot be told")
        after = _ticks(op.targets(screen))
        changed = [k for k, on in after.items() if on != before.get(k, on)]
        if len(after) < ticked or (len(changed) >= 2 and not any(after.values())):
            return candidate, screen
        if changed:      # one purpose's own control (its label): undone, the save unticks as a user would
            screen = perform(op, Move.tap(candidate), data)
            after = _ticks(op.targets(screen))
        before = after
    return None, screen

"""A consent layer whose answers are a choice: 2–3 options (radios) and one button that saves the option chosen
(often disabled until one is) — "Only necessary" / "All cookies" and "Save my choice". It has no 2–3 buttons of
its own, so `launch_layer.layer` finds no candidate; here each option and the save is one answer (two actions),
tried like a button's from a fresh launch and told by what it stored (explorer/consent_structure.py).
"""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .elements import Target, Use
from .launch_layer import NOT_CONSENT, Layer, area, judged
from .screens import DEVICE, taps


def choice_layer(screen: Screen, found: list[Target], covered: frozenset[int],
                 passed: frozenset[str] = frozenset()) -> Layer | None:
    """The layer as a choice (None when it is none): in the place a candidate lies (`launch_layer.area`: a
    shown dialog element, or what a layer hiding the app leaves uncovered — `covered`: element indexes) 2–3
    enabled options, exactly one button (enabled or not: a save waits for a choice), no text field on the
    screen, and no words of a device feature or of a log-in. `passed`: as `launch_layer.area`'s."""
    if not screen.in_app or any(t.use == Use.TEXT for t in found):
        return None
    where = area(screen, found, covered, passed)
    if where is None:
        return None
    options = [t for t in where.controls if t.use == Use.CHOOSE and t.element.enabled]
    buttons = taps(where.controls)
    if not 2 <= len(options) <= 3 or len(buttons) != 1:
        return None
    if any(cues.has(t, *DEVICE) for t in where.texts) or any(cues.has(t.label, *NOT_CONSENT) for t in buttons + options):
        return None
    return Layer(tuple(buttons), tuple(where.texts), options=tuple(options))


def judged_candidate(screen: Screen, found: list[Target], covered: frozenset[int],
                     passed: frozenset[str] = frozenset()) -> tuple[Layer | None, str]:
    """(the candidate consent layer on this screen or None, why there is none): 2–3 buttons
    (`launch_layer.judged`, whose reason is kept: "" when there is a candidate or no place for one), else a
    choice (reason ""). `passed`: keys of a layer already judged no consent dialog (`launch_layer.area`)."""
    first, why = judged(screen, found, covered, passed)
    if first is None and (choice := choice_layer(screen, found, covered, passed)) is not None:
        return choice, ""
    return first, why


def candidate(screen: Screen, found: list[Target], covered: frozenset[int],
              passed: frozenset[str] = frozenset()) -> Layer | None:
    """The candidate consent layer on this screen: 2–3 buttons (`launch_layer.layer`), else a choice;
    `passed`: as `judged_candidate`'s."""
    return judged_candidate(screen, found, covered, passed)[0]


def answers_of(first: Layer) -> list[tuple[list[Target], Target]]:
    """Each answer of the layer as (what is chosen first, the button then tapped): a button alone, or an option
    and the layer's one button."""
    if first.options:
        return [([option], first.buttons[0]) for option in first.options]
    return [([], button) for button in first.buttons]

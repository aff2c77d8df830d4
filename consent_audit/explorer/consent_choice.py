"""A consent layer whose answers are a choice: 2–3 options (radios) and one button that saves the option chosen
(often disabled until one is) — "Only necessary" / "All cookies" and "Save my choice". It has no 2–3 buttons of
its own, so `launch_layer.layer` finds no candidate; here each option and the save is one answer (two actions),
tried like a button's from a fresh launch and told by what it stored (explorer/consent_structure.py).
"""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .elements import Target, Use, visible
from .launch_layer import NOT_CONSENT, Layer, layer
from .screens import DEVICE, DIALOG_ROLES, inside, taps


def choice_layer(screen: Screen, found: list[Target], covered: frozenset[int]) -> Layer | None:
    """The layer as a choice (None when it is none): inside a shown dialog element — or, while a layer hides the
    app (`covered`: element indexes), among what is left uncovered — 2–3 options, exactly one button (enabled or
    not: a save waits for a choice), no text field, and no words of a device feature or of a log-in."""
    if not screen.in_app or any(t.use == Use.TEXT for t in found):
        return None
    boxes = [e.bounds for e in screen.elements if e.role in DIALOG_ROLES and visible(e)]
    if not boxes and not covered:
        return None

    def held(t: Target) -> bool:
        return not boxes or any(inside(t.bounds, b) for b in boxes)

    options = [t for t in found if t.use == Use.CHOOSE and t.element.enabled and held(t)]
    buttons = [t for t in taps(found) if held(t)]
    if not 2 <= len(options) <= 3 or len(buttons) != 1:
        return None
    texts = [e.text for i, e in enumerate(screen.elements) if e.text and (
        any(inside(e.bounds, b) for b in boxes) if boxes else i not in covered)]
    if any(cues.has(t, *DEVICE) for t in texts) or any(cues.has(t.label, *NOT_CONSENT) for t in buttons + options):
        return None
    return Layer(tuple(buttons), tuple(texts), options=tuple(options))


def candidate(screen: Screen, found: list[Target], covered: frozenset[int]) -> Layer | None:
    """The candidate consent layer on this screen: 2–3 buttons (`launch_layer.layer`), else a choice."""
    return layer(screen, found, covered) or choice_layer(screen, found, covered)


def answers_of(first: Layer) -> list[tuple[list[Target], Target]]:
    """Each answer of the layer as (what is chosen first, the button then tapped): a button alone, or an option
    and the layer's one button."""
    if first.options:
        return [([option], first.buttons[0]) for option in first.options]
    return [([], button) for button in first.buttons]

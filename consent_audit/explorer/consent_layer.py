"""The consent dialog's own layer among the layers on screen. With a permission wall, a what's-new sheet or any
other layer shown beside the consent dialog, the consent answer's moves are the dialog's own controls, never
another layer's (a wall's "Later" beside a consent sheet's refusal): a learnt path holding another layer's
answer starts where no launch leaves the app once that layer is answered as a launch modal."""
from __future__ import annotations

from ..screen import Screen
from .elements import Target
from .launch_layer import Box, overlaid
from .screens import inside, is_consent

Layers = dict[Box, tuple[list[int], list[Target]]]


def _area(box: Box) -> int:
    return box[2] * box[3]


def _layers(screen: Screen, found: list[Target]) -> Layers:
    """Each layer's box (launch_layer.overlaid: a shown dialog element, an element positioned fixed or sticky
    with a sentence of its own) → (indexes of the elements, the controls of `found`) whose smallest box it is:
    what the layer itself holds, not the layers drawn within its bounds (a consent sheet over a full-screen
    wall)."""
    boxes = sorted(set(overlaid(screen, [])), key=_area)
    layers: Layers = {box: ([], []) for box in boxes}

    def smallest(bounds: Box) -> Box | None:
        return next((box for box in boxes if inside(bounds, box)), None)

    for index, element in enumerate(screen.elements):
        box = smallest(element.bounds)
        if box is not None:
            layers[box][0].append(index)
    for target in found:
        box = smallest(target.bounds)
        if box is not None:
            layers[box][1].append(target)
    return layers


def own_controls(screen: Screen, found: list[Target], keys: frozenset[str] = frozenset()) -> list[Target]:
    """`found` (the controls a finger can reach) narrowed to those inside the consent dialog's layers: the
    layers whose own elements alone make a consent dialog (`screens.is_consent`), or hold at least two of `keys`
    (all, when fewer: the dialog told by structure), each with what is drawn within it (an "are you sure?"
    opened over it). `found` whole when no layer on screen is one (the dialog is the page, or no container
    tells it apart)."""
    consent_boxes = []
    for box, (indexes, held) in _layers(screen, found).items():
        own = Screen(elements=[screen.elements[i] for i in indexes], signature=screen.signature, size=screen.size)
        by_structure = bool(keys) and len(keys & {t.key for t in held}) >= min(2, len(keys))
        if held and (by_structure or is_consent(own, held)):
            consent_boxes.append(box)
    if not consent_boxes:
        return found
    return [t for t in found if any(inside(t.bounds, box) for box in consent_boxes)]

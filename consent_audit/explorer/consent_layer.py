"""The consent dialog's own layer among the layers on screen. With a permission wall, a what's-new sheet or any
other layer shown beside the consent dialog, the consent answer's moves are the dialog's own controls, never
another layer's (a wall's "Later" beside a consent sheet's refusal): a learnt path holding another layer's
answer starts where no launch leaves the app once that layer is answered as a launch modal."""
from __future__ import annotations

from dataclasses import replace

from ..screen import Screen
from . import cues
from .cues import norm_label
from .elements import CONTROL_ROLES, Target, contains, targets
from .launch_layer import Box, Layer, overlaid
from .modal_kind import ABOUT_CONSENT
from .screens import DIALOG_ROLES, inside, is_consent

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


def _consent_boxes(screen: Screen, layers: Layers, keys: frozenset[str]) -> list[Box]:
    """The boxes of the layers whose own elements alone make a consent dialog (`screens.is_consent`), or hold
    at least two of `keys` (all, when fewer: the dialog told by structure)."""
    boxes = []
    for box, (indexes, held) in layers.items():
        own = Screen(elements=[screen.elements[i] for i in indexes], signature=screen.signature, size=screen.size)
        by_structure = bool(keys) and len(keys & {t.key for t in held}) >= min(2, len(keys))
        if held and (by_structure or is_consent(own, held)):
            boxes.append(box)
    return boxes


def own_controls(screen: Screen, found: list[Target], keys: frozenset[str] = frozenset()) -> list[Target]:
    """`found` (the controls a finger can reach) narrowed to those inside the consent dialog's layers
    (`_consent_boxes`), each with what is drawn within it (an "are you sure?" opened over it). `found` whole
    when no layer on screen is one (the dialog is the page, or no container tells it apart)."""
    boxes = _consent_boxes(screen, _layers(screen, found), keys)
    if not boxes:
        return found
    return [t for t in found if any(inside(t.bounds, box) for box in boxes)]


def in_sentence(screen: Screen, target: Target) -> bool:
    """Whether the control is set in a sentence: its box lies within the box of an element of words that is no
    control and no dialog (the notice's paragraph, its words around the control: «Click Necessary only to
    continue…»)."""
    return any(not e.clickable and e.text.strip() and e.role not in CONTROL_ROLES | DIALOG_ROLES | {"button", "link"}
               and contains(e, target.element) for e in screen.elements)


def answering(screen: Screen, found: list[Target]) -> list[Target]:
    """`found` less the controls set in the notice's sentence (`in_sentence`) whose words a control outside any
    sentence also carries (PIE's banner: «Accept all» a link in its text and the filled button under it): the
    answer is the control drawn as one, which is what its tap and its look are measured on. A control only
    the sentence offers stays."""
    inline = {t.key for t in found if in_sentence(screen, t)}
    drawn = {norm_label(t.label) for t in found if t.key not in inline and t.label.strip()}
    return [t for t in found if t.key not in inline or norm_label(t.label) not in drawn]


def beside(screen: Screen, found: list[Target], keys: frozenset[str] = frozenset()) -> tuple[list[Target], list[str]]:
    """The other layers shown beside the consent dialog (a permission wall under its sheet): (their controls in
    `found`, their texts) — each control and text in a layer of its own (a box of `_layers`) that is not the
    dialog's, outside the dialog's layers. ([], []) when no layer is the consent dialog or none is beside it
    (the app's own page, in no layer, is none)."""
    layers = _layers(screen, found)
    boxes = _consent_boxes(screen, layers, keys)
    if not boxes:
        return [], []

    def other(box: Box, bounds: Box) -> bool:
        return box not in boxes and not any(inside(bounds, b) for b in boxes)

    controls = [t for box, (_, held) in layers.items() for t in held if other(box, t.bounds)]
    texts = [screen.elements[i].text for box, (indexes, _) in layers.items() for i in indexes
             if screen.elements[i].text and other(box, screen.elements[i].bounds)]
    return controls, texts


def lies_over_consent(screen: Screen, covered: frozenset[int], first: Layer) -> bool:
    """Whether the candidate layer `first` (launch_layer.layer) lies over a consent dialog: a layer on screen
    (`overlaid`: a dialog element, a fixed element with a sentence of its own) whose every control another layer
    covers (`covered`: element indexes, or `Element.covered`) and whose own words and controls, read as if
    uncovered, make a consent dialog (`screens.is_consent`) — while `first`'s own words speak of no consent (an
    app's invitation sheet over a cookie banner; a dialog's own settings layer over its first layer speaks of
    it). Such a layer is the app's, over the dialog: answered as a launch modal, never tried as the dialog."""
    if any(cues.has(text, *ABOUT_CONSENT) for text in first.texts):
        return False
    for box in overlaid(screen, []):
        held = [e for e in screen.elements if inside(e.bounds, box)]
        controls = [i for i, e in enumerate(screen.elements) if e.clickable and inside(e.bounds, box)]
        if not controls or not all(i in covered or screen.elements[i].covered for i in controls):
            continue
        under = Screen(elements=[replace(e, covered=False) for e in held], signature=screen.signature,
                       size=screen.size)
        if is_consent(under, targets(under)):
            return True
    return False

"""Controls drawn as a consent dialog's answers are, told by structure: the same role and a like area. A refusal
beside the accept is drawn as an answer (the TCF layout's three equal buttons, jquery-cookiebar's two equal
links); a link in the dialog's text («4 iş ortağımız», its list of partners) rarely is one. Words decide nothing
here: what a candidate does is tried, and told by what it stores (consent_exploring)."""
from __future__ import annotations

from ..screen import Element, Screen
from . import cues
from .elements import Target, Use, purpose_row
from .launch_layer import area
from .moves import TAP, Move

ALIKE = 2.0     # an area within this factor of the accept control's, either way: drawn as an answer is


def drawn_alike(control: Element, accept: Element) -> bool:
    """Whether `control` is drawn as `accept` is: the same role, an area within `ALIKE` times its own."""
    size = max(accept.bounds[2] * accept.bounds[3], 1)
    return control.role == accept.role and size / ALIKE <= control.bounds[2] * control.bounds[3] <= size * ALIKE


def drawn_first(controls: list[Target], accept: Element | None) -> list[Target]:
    """`controls` with those drawn as the accept's control `accept` is (`drawn_alike`) first, then the others,
    each group in its order; as they are when `accept` is None."""
    if accept is None:
        return list(controls)
    return sorted(controls, key=lambda t: not drawn_alike(t.element, accept))


def twin(screen: Screen, found: list[Target], covered: frozenset[int], accept: list[Move]) -> Target | None:
    """The other answer of a dialog of two that leaves the app usable (nothing `covered`): where it lies
    (`launch_layer.area`: a dialog element, a bar that stays put) exactly two enabled controls to tap — neither a
    purpose's row — one of them the accept's only move (`accept`: a one-tap accept path), the other drawn alike
    (`drawn_alike`) and not itself read as an accept. That twin is the refusal candidate to try, whatever its words («Odrzucam»,
    "I refuse", in a first person no lexicon holds). None when the accept takes more than one tap, the dialog's
    place is not told apart, it covers the app (its controls are each tried anyway: a twin tried first would
    only be tried twice — warung's «Atur pilihan»), or it holds any other number of controls (`found`: the
    screen's targets; `covered`: element indexes a layer hides)."""
    if covered or len(accept) != 1 or accept[0].kind != TAP:
        return None     # a dialog covering the app has every control tried in turn (explorer/refusal.py)
    where = area(screen, found, covered)
    if where is None:
        return None
    answers = [t for t in where.controls if t.use == Use.TAP and t.element.enabled and not purpose_row(t, found)]
    mine = [t for t in answers if t.key == accept[0].key]
    others = [t for t in answers if t.key != accept[0].key]
    if len(answers) != 2 or len(mine) != 1 or cues.has(others[0].label, "agree"):
        return None
    return others[0] if drawn_alike(others[0].element, mine[0].element) else None

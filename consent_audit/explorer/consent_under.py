"""The consent dialog shown at a launch under another layer (ferenj: the rating prompt's backdrop over the cookie
bar at the second launch). `consent.shown` answers "can it be answered now?" and leaves a covered dialog out; a
relaunch's count asks "did the app show it?" — told here by structure: the dialog's own controls drawn on the page
where the dialog drew them, under what lies above. Nothing is tapped to see it (the layer above is not answered:
its answer may be stored or ask again, and would change what the next relaunch shows)."""
from __future__ import annotations

from ..screen import Element, Screen
from .elements import Target, targets
from .moves import TAP
from .operator import Operator
from .screens import centre, holds


def _at(target: Target, entry: Element) -> bool:
    """Whether the control is drawn where the dialog's control was when its path was learnt (its centre inside)."""
    return holds(entry.bounds, centre(target.element.bounds))


def shown_under_layer(op: Operator, screen: Screen, keys: frozenset[str], paths: list) -> bool:
    """Whether the consent dialog is on `screen`, drawn, under another layer (`op.covered` not empty): its
    controls told by structure (`keys`, the operator's `consent_keys`: all, or two of them, drawn) with one covered,
    or the first control of a learnt path (`paths`: ConsentPath, its first move a tap) drawn, covered, where the
    path's `entry` was drawn. False with nothing covered (then `consent.shown` has said it all)."""
    covered = op.covered(screen)
    if not covered:
        return False
    drawn = {t.key: t for t in targets(screen)}
    hidden = set(drawn) - {t.key for t in targets(screen, covered)}
    if keys and len(keys & set(drawn)) >= min(2, len(keys)) and keys & hidden:
        return True
    for path in paths:
        moves, entry = getattr(path, "moves", None), getattr(path, "entry", None)
        if not moves or entry is None or moves[0].kind != TAP:
            continue
        under = drawn.get(moves[0].key)
        if under is not None and moves[0].key in hidden and _at(under, entry):
            return True
    return False

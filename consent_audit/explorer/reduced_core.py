"""The core screen as a refused permission leaves it at launch: the same app with what the permission gave
taken away (corpus ritmo: granted, the home shows «O ginásio mais próximo» and «Ver horário»; refused, a plain
list of gyms stands there instead, no control of its own — read as blocked, a false finding of a forced
permission). A wall takes the app's controls away or covers them and puts its own in their place (an «Enable», a
«Retry», a way to settings); a refusal that only removes what depended on it leaves the rest of the app's
controls where a finger reaches them and adds none. Told only on the screen the app launched to, before any move
(`refused_reach.reach`): a page of the app deeper in (another tab showing only the tab bar) is never taken for it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues
from .elements import Target
from .screens import asks_decision, taps
from ..screen import Screen

if TYPE_CHECKING:
    from .permissions import Core

KEPT = 2 / 3      # the share of the core screen's controls a reduced core still offers (and at least two)


def reduced(core: "Core", screen: Screen, found: list[Target]) -> bool:
    """Whether `screen` (its reachable controls `found`) is the core screen `core` with something taken away: in
    the app, no small decision, its controls' labels a strict subset of the core's holding at least `KEPT` of
    them (two at the least), and no other tab marked current than the core's. Raises nothing."""
    if not screen.in_app or asks_decision(found):
        return False
    labels = {cues.norm_label(t.label) for t in taps(found) if t.label}
    now = {cues.norm_label(t.label) for t in taps(found) if t.element.selected and t.label}    # its current tab
    if core.current and now and not now & core.current:
        return False
    return labels < core.labels and len(labels) >= 2 and len(labels) >= KEPT * len(core.labels)

"""Controls of the core screen the permissions search could not reach again, tried from a fresh start.

An app's own ask shown on the start screen until it is answered (corpus kaas: «Meldingen aanzetten?» Nu niet /
Aanzetten, a bottom sheet stored as answered by either) goes for good with the first answer the search taps: its
other answer «could not be reached again», the coverage stayed incomplete and the goal ended not_found — and the
answer left was the one asking for the permission. Each answer of such a layer is a use from a fresh device:
a fresh start (everything granted, the consent dialog accepted, as the search began) shows the layer again, and
the control is used there once, judged by the permission requests it makes (the platform's counters, never its
words). Apple HIG "Requesting permission"; Android's permission rationale (the soft-ask pattern)."""
from __future__ import annotations

import logging
from typing import Callable

from ..platforms.base import PERMISSIONS
from . import cues
from .beyond_found import Beyond
from .operator import NotOnScreen, Operator
from .permissions import Core, Feature, state_of

log = logging.getLogger(__name__)


def tried_fresh(op: Operator, start: Callable[[], None], core: Core | None, beyond: Beyond) -> None:
    """Each of `beyond.unreached_core` used once from `start()` (a fresh granted start): a permission it asks is a
    feature on the core screen (`beyond.features`, kept where one was found already); its phrase leaves
    `beyond.unsearched` when it asked, or when the app it leaves is the core screen (the layer answered: nothing
    behind it to search) — else it stays said, reworded (the screen it opened was not searched). A control not
    on the fresh start's screen stays as said. Spends a start and a tap per control (the spend's budget may
    end it: OutOfBudget propagates, what was not tried stays said)."""
    for move, said in list(beyond.unreached_core):
        start()
        before = op.screen()
        target = op.find(move.key, before)
        if target is None:
            log.info("'%s' is not on a fresh start either", move.label)
            continue
        try:
            after = op.tap(target)
        except NotOnScreen as exc:
            log.info("'%s' from a fresh start: %s", move.label, exc)
            continue
        beyond.unreached_core.remove((move, said))
        asked = [p for p in PERMISSIONS if after.prompts.get(p, 0) > before.prompts.get(p, 0)]
        for permission in asked:
            if permission not in beyond.features:
                beyond.features[permission] = Feature(permission, move.key, move.label, after.signature,
                                                      state_of(before), state_of(after))
        beyond.words = beyond.words | {cues.norm_label(move.label or move.key)}
        back = core is not None and op.in_foreground and after.in_app and core.matches(after, op.targets(after))
        where = beyond.unsearched.index(said)
        if asked or back:
            del beyond.unsearched[where]
        else:
            beyond.unsearched[where] = (f"'{move.label}' on the start screen, used from a fresh start: the screen "
                                        "it opened was not searched")

"""Which of a consent dialog's consenting answers is its own accept-all (helper fixMT, corpus meltemi). A dialog
whose purposes show on its first layer, switched on before the user touches them, offers two answers that store
the same thing untouched: «Αποθήκευση επιλογών» (save the switches as shown) and the big filled «Αποδοχή όλων»
(accept all). Told apart by what each stores once the user unticked a purpose (what a tap stored, never their
words): a save stores the untick, the accept-all consents to everything whatever the switches say. The accept a
verdict measures (its steps, its prominence beside the refusal, the annotated screenshot)
is the accept-all — before, the first of the tied answers in reading order was taken, the save, and the dialog's
prominence was measured on the wrong button. Read by explorer/consent_structure.py."""
from __future__ import annotations

from typing import Callable

from ..stored_records import changed, switches
from ..screen import Screen
from .consent_answers import Tried
from .elements import find, purpose_targets
from .operator import Operator


def _on(t: Tried) -> int:
    return sum(switches(t.stored).values())


def ties(tried: list[Tried], accept: Tried) -> list[Tried]:
    """The first layer's answers that stored what `accept` stored (the same records, the same switches on): the
    answers a user could take for the accept, `accept` first, then in the order tried. [accept] when none ties."""
    read = switches(accept.stored)
    return [accept] + [t for t in tried if t is not accept and not t.via and not t.untick and not t.ticks
                       and t.then is None and t.answered and not t.left and not t.settings
                       and set(t.stored) == set(accept.stored) and switches(t.stored) == read]


def _unticked_one(op: Operator, restart: Callable[[], Screen], candidate: Tried) -> int | None:
    """From a fresh launch, the first layer's first purpose switched on unticked (one recorded toggle), then
    `candidate` tapped: how many purposes its record holds on then; None when a control is gone or nothing was
    stored (not told)."""
    screen = restart()
    found = op.targets(screen)
    box = next((t for t in purpose_targets(found) if t.element.checked and t.element.enabled), None)
    if box is None:
        return None
    before = op.platform.stored_state()
    after = op.tap(box)
    live = find(after, candidate.key, op.covered(after))
    if live is None:
        return None
    op.tap(live)
    stored = changed(before, op.platform.stored_state())
    return sum(switches(stored).values()) if stored and switches(stored) else None


def accept_all(op: Operator, restart: Callable[[], Screen], screen: Screen, tried: list[Tried],
               accept: Tried) -> tuple[Tried, bool]:
    """(the dialog's accept-all, whether a trial was made). Where other first-layer answers tie with `accept`
    (`ties`) and the first layer (`screen`, as launched) shows purposes switched on that the user may switch
    off: each tied answer, in turn, tried from a fresh launch after unticking one purpose (`_unticked_one`: two
    actions) — the first whose record keeps as many purposes on as untouched is the accept-all; one storing
    fewer is a save, and when a single tied answer is left it is taken untried. No tie, no such purpose, or
    nothing told apart (a control gone, nothing stored): `accept` as it was."""
    tied = ties(tried, accept)
    if len(tied) < 2 or not any(t.element.checked and t.element.enabled for t in purpose_targets(op.targets(screen))):
        return accept, False
    left, made = list(tied), False
    while len(left) > 1:
        candidate = left[0]
        on = _unticked_one(op, restart, candidate)
        made = True
        if on is None:
            return accept, made
        if on >= _on(candidate):
            return candidate, made       # the untick ignored: it consents to everything
        left.pop(0)                      # a save of the switches as shown
    return left[0], made

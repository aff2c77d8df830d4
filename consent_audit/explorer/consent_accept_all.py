"""Which of a consent dialog's consenting answers is its own accept-all (helper fixMT, corpus meltemi). A dialog
whose purposes show on its first layer, switched on before the user touches them, offers two answers that store
the same thing untouched: «Αποθήκευση επιλογών» (save the switches as shown) and the big filled «Αποδοχή όλων»
(accept all). Told apart by what each stores once the user unticked every purpose (what a tap stored, never their
words): a save stores the unticks, the accept-all consents to everything whatever the switches say. The accept a
verdict measures (its steps, its prominence beside the refusal, the annotated screenshot)
is the accept-all — before, the first of the tied answers in reading order was taken, the save, and the dialog's
prominence was measured on the wrong button. Read by explorer/consent_structure.py."""
from __future__ import annotations

from typing import Callable

from ..readback import switches
from ..screen import Screen
from .consent_answers import Tried
from .elements import purpose_targets
from .launch_layer import Layer
from .operator import NotOnScreen, Operator


def _on(t: Tried) -> int:
    return sum(switches(t.stored).values())


def ties(tried: list[Tried], accept: Tried) -> list[Tried]:
    """The first layer's answers that stored what `accept` stored (the same records, the same switches on): the
    answers a user could take for the accept, `accept` first, then in the order tried. [accept] when none ties."""
    read = switches(accept.stored)
    return [accept] + [t for t in tried if t is not accept and not t.via and not t.untick and not t.ticks
                       and t.then is None and t.answered and not t.left and not t.settings
                       and set(t.stored) == set(accept.stored) and switches(t.stored) == read]


def accept_all(op: Operator, restart: Callable[[], Screen], screen: Screen, first: Layer, tried: list[Tried],
               accept: Tried, trial: Callable[..., Tried]) -> tuple[Tried, bool]:
    """(the dialog's accept-all, whether a trial was made). Where other first-layer answers tie with `accept`
    (`ties`) and the first layer (`screen`, as launched) shows purposes switched on that the user may switch
    off: each tied answer, in turn, tried from a fresh launch after unticking every purpose (`trial`:
    consent_structure._try with untick) — the first whose record keeps as many purposes on as untouched is the
    accept-all; one storing fewer is a save, and when a single tied answer is left it is taken untried. No tie,
    no such purpose, or nothing told apart (a trial gone or every answer a save): `accept` as it was."""
    tied = ties(tried, accept)
    if len(tied) < 2 or not any(t.element.checked and t.element.enabled for t in purpose_targets(op.targets(screen))):
        return accept, False
    left, made = list(tied), False
    while len(left) > 1:
        candidate = left[0]
        try:
            done = trial(op, restart, [], candidate.target, first, untick=True)
        except NotOnScreen:
            return accept, made
        made = True
        if done.answered and not done.left and _on(done) >= _on(candidate):
            return candidate, made       # unticks ignored: it consents to everything
        left.pop(0)                      # a save of the switches as shown
    return left[0], made

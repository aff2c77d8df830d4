"""Which of a consent dialog's consenting answers is its own accept-all (helper fixMT, corpus meltemi). A dialog
whose purposes show on its first layer, switched on before the user touches them, offers two answers that store
the same thing untouched: «Αποθήκευση επιλογών» (save the switches as shown) and the big filled «Αποδοχή όλων»
(accept all). Told apart by what each stores once the user unticked a purpose (what a tap stored, never their
words): a save stores the untick, the accept-all consents to everything whatever the switches say. The accept a
verdict measures (its steps, its prominence beside the refusal, the annotated screenshot)
is the accept-all — before, the first of the tied answers in reading order was taken, the save, and the dialog's
prominence was measured on the wrong button. Read by explorer/consent_structure.py.

One trial tells both (helper fixBM, corpus meltemi 5 → 4 actions for 2): once the first layer's answers tried
hold an accept and a refusal down to its locked purposes (`answers.refused_in_full`) while it shows purposes
switched on that the user may switch off, a later button of it is tried once, after unticking one purpose
(`untick_tells`), not untouched and then again after an untick: storing as many purposes on as the accept, it
consents whatever the switches say — the accept-all, untouched it stores the same; storing one fewer (the
untick), it is a save of the switches as shown — no answer of its own, and the accept already found is the
one tied answer left (`told_by_untick`). Anything else is not told: it is tried untouched as before."""
from __future__ import annotations

from typing import Callable

from ..stored_records import changed, switches
from ..screen import Screen
from .consent_answers import Tried, answers, refused_in_full
from .elements import Target, find, purpose_targets
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


def untick_tells(tried: list[Tried], shown: list[Target], about: bool) -> bool:
    """Whether the next button of the first layer is tried once after unticking one purpose (module doc):
    the layer as launched (`shown`: its targets) holds two purposes or more switched on that the user may switch
    off, and the answers `tried` hold an accept and a refusal keeping no more on than its locked purposes
    (`about`: the layer's words speak of consent)."""
    free = [t for t in purpose_targets(shown) if t.element.enabled and t.element.checked]
    locked = sum(1 for t in purpose_targets(shown) if t.element.checked and not t.element.enabled)
    return len(free) >= 2 and refused_in_full(tried, locked, about)


def told_by_untick(tried: list[Tried], done: Tried, about: bool) -> bool:
    """Whether `done` (a first-layer button tried once after one purpose was unticked: `Tried.one`) told what it
    is against the accept and refusal of `tried`: as many purposes on as the accept (the same records, the same
    switches) — the accept-all; exactly one fewer, still more than the refusal — a save (`Tried.save` set, no
    answer). False (nothing set): any other outcome, to be tried untouched."""
    found = answers(tried, about)
    if found is None or not done.gone or done.left or done.settings or not done.stored:
        return False
    accept, reject = found
    if set(done.stored) != set(accept.stored) or set(switches(done.stored)) != set(switches(accept.stored)):
        return False
    if _on(done) >= _on(accept):
        return True
    done.save = _on(done) == _on(accept) - 1 and _on(done) > _on(reject)
    return done.save


def told_once(trial: Callable[[], Tried], tried: list[Tried], shown: list[Target], about: bool) -> Tried | None:
    """The next button of the first layer tried once after unticking one purpose (`trial`, from a fresh launch;
    raising NotOnScreen when a control is gone) when that one trial may tell it (`untick_tells`), and what it
    told (`told_by_untick`: the accept-all, or a save); None when not tried so or not told — then it is tried
    untouched, as before."""
    if not untick_tells(tried, shown, about):
        return None
    try:
        done = trial()
    except NotOnScreen:
        return None
    return done if told_by_untick(tried, done, about) else None


def accept_all(op: Operator, restart: Callable[[], Screen], screen: Screen, tried: list[Tried],
               accept: Tried) -> tuple[Tried, bool]:
    """(the dialog's accept-all, whether a trial was made). Where other first-layer answers tie with `accept`
    (`ties`) and the first layer (`screen`, as launched) shows purposes switched on that the user may switch
    off: each tied answer, in turn, tried from a fresh launch after unticking one purpose (`_unticked_one`: two
    actions) — the first whose record keeps as many purposes on as untouched is the accept-all; one storing
    fewer is a save, and when a single tied answer is left it is taken untried. No tie, no such purpose, or
    nothing told apart (a control gone, nothing stored): `accept` as it was."""
    tied = ties(tried, accept)
    proven = next((t for t in tied if t.one), None)     # told the accept-all by its one trial (`told_by_untick`)
    if proven is not None:
        return proven, True
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

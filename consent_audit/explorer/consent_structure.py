"""A consent dialog whose words no lexicon knows, told by structure and by what its answers store (issue 13,
kind 1).

A first-launch modal layer — a dialog (ARIA role=dialog/alertdialog, a native `<dialog open>`, aria-modal), or what
stays uncovered while a layer hides the app (a sheet over a dimmed app) — or, with neither, a bar that stays put
while the app scrolls (positioned fixed or sticky) with a sentence of its own, or, with none of these, a whole page
at launch holding nothing else and a sentence of its own (a consent-or-pay page on a route of its own before the
app: no dialog role, no overlay) — holding 2–3 buttons and no text field is a *candidate*. It is a consent dialog
only when its answers persist as a choice: each of its buttons is tried from a fresh launch and what the app stored
is read back (cookies, local and session storage, a TCF answer: consent_audit/readback.py). A consent dialog stores
one record whose switches (true/false, granted/denied, allow/deny …) differ between its answers: the answer storing
more switched on accepts, the one storing fewer refuses — a choice over purposes (two switches or more differ, or a
second layer sets them, or the record or the layer's words say consent): one setting switched on or off (a dark
theme, a newsletter) is none. A settings layer whose button only closes it (back on the first layer, nothing stored)
is refused as a user does: purposes unticked, that layer closed, then the first layer's answer (relabelled "Accept
selected"). A button that opens a second layer with toggles is its settings; that layer's buttons are tried the same
way (a refusal found there is the reject path through the settings) — and, when none of them stores less than the
accept (a "save" that keeps the pre-ticked purposes on), again after unticking every ticked purpose, as a refusing
user does (the commonest dark design: the only refusal is unticking) — the buttons seen storing first, none once a
refusal down to the locked purposes is found. A settings layer with no button of its own is saved by the first
layer's answer it still shows, whatever its words (gdpr-cookie: the save keeps the accept's label; what it stores
decides). A first-layer answer that stores nothing and opens a further small layer in the first one's place (an
«are you sure?» after a refusal, whatever its words) is a further step of that answer: that layer's buttons are
tried after it (`consent_trials.further_steps`) — one bringing the first layer back is no answer, one that stores
is the answer in two taps.

Never a consent dialog (nothing measured, never a finding on a guess): a layer over a consent dialog that speaks of
no consent itself (`consent_layer.lies_over_consent`: the app's sheet over a cookie banner); a layer whose words
name a device feature, the system settings or a retry (a permission wall); one whose buttons leave the app (an
update or rating prompt sending to a store) or where only some answers ask for a permission (a permission
pre-prompt: "Allow" asks, "Not now" does not) — a permission request that follows every answer alike is what the app
does once the layer is answered (consent first, then the OS prompt), not what a button does; one whose answers store
nothing, or different records (a rating prompt's "never" beside a "remind me" time), or the same switches. A button
that leads to a form storing nothing (a payment form: "consent or pay") is no answer — nor one whose words say it
buys: never the refusal. Words decide only what the storage cannot tell (records without switches): the agreeing and
the declining label, else what else each answer kept (explorer/stored_choice.py: one record with different values) —
and a notice whose one answer takes it away storing a record (an acknowledgement) while every other button keeps it
or leaves the app (`sole_answer`): a consent dialog with no refusal when its words speak of consent.

`Tried` and how the answers are told apart: explorer/consent_answers.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..screen import Screen
from . import cues
from .elements import purpose_row, purpose_targets
from .consent_answers import (Tried, _closers, _made, _refusal_missing, _way_out_rank, answers, refused_in_full,
                              saves_first, saves_worded_as_answers, sole_answer, users_refusal)
from .consent_accept_all import accept_all, told_once
from .consent_choice import answers_of, candidate
from .consent_layer import lies_over_consent
from .consent_trials import _left_in_place, _opt_in, _then_in_place, _try, further_steps
from .held_back import when_enabled
from .launch_layer import Layer
from .layer_scroll import read_layer
from .modal_kind import layer_about_consent
from .operator import NotOnScreen, Operator
from .screens import taps


def _looked_first(op: Operator, restart: Callable[[], Screen]) -> Callable[[], Screen]:
    """`restart` for the trials, its first call answered by the fresh launch the layer was just looked at on
    (`learn`: no gesture made since): that launch is untouched, what a new one would show — the first answer is
    tried there, each other from a fresh launch of its own (behind a log-in at launch, a launch signs in again:
    five actions each, corpus vstup)."""
    untouched = [True]

    def launch() -> Screen:
        if untouched:
            untouched.clear()
            return op.screen()
        return restart()
    return launch


@dataclass
class Learnt:
    """A consent dialog told by structure: its buttons' keys (to know it again), the accept and the reject."""

    keys: frozenset[str]
    accept: Tried
    reject: Tried | None       # None: a notice whose only answer accepts (`sole_answer`), no refusal on any layer
    dialog: Screen
    covered: frozenset[int]
    settings_ticked: int | None
    settings_locked: int = 0   # locked purposes on the settings layer (0: every button tried, none opened one)
    held: tuple[str, ...] = ()  # the layer's buttons disabled when it was shown (waited for: a countdown)
    accepted_now: bool = False
    """The last answer tried was the accept and took the layer away: the app is where an accepting user is,
    no launch and accept needed to get there."""


def learn(op: Operator, restart: Callable[[], Screen], seen: list[Tried] | None = None,
          shown: Screen | None = None, none_told: tuple[frozenset[str], list[Tried]] = (frozenset(), [])
          ) -> Learnt | None:
    """Try every button of the candidate layer at launch (and of its settings layer) from a fresh launch each;
    the consent dialog it is, or None (no candidate, or not a consent dialog). `seen`: filled with what each
    answer did (for the message saying what the launch showed, explorer/launch_seen.py); `shown`: the screen
    of a fresh launch made as `restart` makes it, still untouched — looked at without a launch of its own (behind
    a log-in at launch, each launch signs in again: five actions). `none_told`: the buttons an earlier goal's
    probe tried without telling a dialog, and what each did — candidates of none but those buttons are not tried
    again (None, `seen` filled with those trials)."""
    screen = shown if shown is not None else restart()
    # a layer's own text scrolling inside it is read to its end first: an answer it holds back until then
    # (mtsvane's refusal) is one of the layer's answers (explorer/layer_scroll.py)
    screen = read_layer(op, screen) or screen
    covered = op.covered(screen)
    first = candidate(screen, op.targets(screen), covered)
    held: tuple[str, ...] = ()
    if first is not None and first.held:      # a refusal behind a countdown: waited for as a user waits
        held = tuple(t.label for t in first.held)
        if all(when_enabled(op, t, op.held_wait) is not None for t in first.held):
            screen = op.screen()
            covered = op.covered(screen)
            first = candidate(screen, op.targets(screen), covered)
    if first is None or op.platform.stored_state() is None or lies_over_consent(screen, covered, first):
        return None      # no candidate, nothing to read back, or an app's layer over a consent dialog
    # a second candidate beside it, read now while this launch is shown: tried when the other stores no choice
    # (an app's update modal over the app, the cookie bar sliding up at the bottom over it: corpus vayu) — and
    # first when its words speak of consent and the first's do not (modal_kind.layer_about_consent: an order only)
    beside = candidate(screen, op.targets(screen), covered, passed=first.keys)
    if beside is not None and lies_over_consent(screen, covered, beside):
        beside = None
    tried: list[Tried] = seen if seen is not None else []
    told, trials = none_told
    if told and first.keys <= told and (beside is None or beside.keys <= told):
        tried.extend(trials)
        return None
    restart = _looked_first(op, restart)
    order = [(first, held), (beside, ())]
    if beside is not None and layer_about_consent(screen, beside) and not layer_about_consent(screen, first):
        order.reverse()
    learnt = None
    for layer, waited in order:
        if layer is not None and learnt is None:
            learnt = _learn_layer(op, restart, screen, covered, layer, waited, tried)
    return learnt


def _learn_layer(op: Operator, restart: Callable[[], Screen], screen: Screen, covered: frozenset[int],
                 first: Layer, held: tuple[str, ...], seen: list[Tried]) -> Learnt | None:
    """`learn` on one candidate layer `first` of the launch `screen`: its answers (and its settings layer's)
    tried from fresh launches (`restart`), each added to `seen`; the consent dialog it is, or None."""
    tried: list[Tried] = []
    about = layer_about_consent(screen, first)     # its words, or a consent library's id around it
    shown = op.targets(screen)
    try:
        made: tuple[Tried, int] | None = None   # the last answer tried, and the steps recorded when it ended
        for chosen, button in answers_of(first):      # a button, or an option and the save (consent_choice)
            # one whose words say it buys is no answer whatever it does (`_judged`): known without a launch
            if cues.has(button.label, "purchase"):
                tried.append(Tried(button, tuple(chosen), left=True))
                continue
            untick: list[Tried] = []      # the trial after an untick, when one was made
            once = None if chosen else told_once(
                lambda: untick.append(_try(op, restart, [], button, first, one=True)) or untick[-1], tried, shown, about)
            if once is None:
                here = None if chosen or untick else _left_in_place(op, tried, made, first)
                once = _try(op, restart, chosen, button, first, here=here)
                once.in_place = here is not None
            tried.append(once)
            made = (tried[-1], _made(op))
        further_steps(op, restart, tried, first, made, lambda: answers(tried, about) is not None)
        opener = next((t for t in tried if t.settings), None)
        if opener is not None and refused_in_full(tried, opener.locked, about):
            opener = None      # refused on the first layer down to the locked purposes: nothing to find beyond
        if opener is not None:         # the settings layer's buttons, each from a fresh launch through it
            found = list(opener.opened)    # as its trial showed it: no launch and tap spent to read it again
            boxes = purpose_targets(found)
            named = {cues.norm_label(t.label) for t in boxes}     # a tick box's own label only ticks it
            second = sorted((t for t in taps(found) if t.element.enabled and t.key not in first.keys
                             and cues.norm_label(t.label) not in named and not purpose_row(t, found)),
                            key=_way_out_rank)[:3] or saves_worded_as_answers(tried, opener)
            floor = opener.locked      # purposes on that no refusal turns off (locked); more on: not refused yet
            # the settings layer the opener's trial left on screen, no step since: its first button tried there
            open_now = made is not None and made[0] is opener and made[1] == _made(op) and op.in_foreground
            for index, button in enumerate(second):
                here = op.screen() if index == 0 and open_now else None
                tried.append(_try(op, restart, [opener.target], button, first, here=here))
                if refused_in_full(tried, floor, about):
                    break              # the refusal down to the locked purposes: no other save can refuse more
            if opener.ticked:     # a refusing user unticks, then saves: a save first, until refused in full
                for button in saves_first(tried, second):
                    if not _refusal_missing(tried, floor):
                        break
                    done = _try(op, restart, [opener.target], button, first, untick=True)
                    tried.append(done)
                    # it only closed the settings: the first layer's answer (the first in place); it stored the
                    # choice and left the settings open: the layer's own close (a save, then × — gdpr-cookie-notice)
                    thens = done.back or (_closers(tried) if done.open and done.stored else ())
                    for index, then in enumerate(thens[:2]):
                        if _refusal_missing(tried, floor):
                            tried.append(_then_in_place(op, done, then, first) if index == 0 else
                                         _try(op, restart, [opener.target], button, first, untick=True, then=then))
            if any(t.element.enabled and not t.element.checked for t in boxes) and _refusal_missing(tried):
                _opt_in(op, restart, opener, second, first, tried)
    except NotOnScreen:
        return None
    finally:
        seen.extend(tried)
    found = answers(tried, about)
    if found is None:
        sole = sole_answer(tried, about)
        if sole is None:
            return None
        found = (sole, None)
    accept, reject = found
    accept, probed = accept_all(op, restart, screen, tried, accept)    # a save tied with it: not it
    settings = next((t for t in tried if t.settings), None)
    if reject is not None and settings is not None and settings.ticked:
        reject = users_refusal(tried, reject, settings.locked)
    return Learnt(first.keys, accept, reject, screen, covered, settings.ticked if settings else None,
                  settings.locked if settings else 0, held,
                  accepted_now=not probed and tried[-1] is accept and accept.gone and not accept.left
                  and not accept.in_place
                  and op.in_foreground)

"""The permissions half of the explorer's search (`PermissionExplorations`, a mixin of `GoalExplorations`): the
core screen, what is asked at launch granted and refused (a pass with every permission refused, the consent dialog
refused — by its words, else by what each way out stores), the features the core screen and the screens beyond it
lead to (explorer/beyond_core.py), a feature told by refusing the one permission asked at launch
(explorer/launch_features.py), and exactly what was searched and what was not. The state it fills is declared in
`ExploredApp`."""
from __future__ import annotations

import logging

from selenium.common.exceptions import WebDriverException

from ..platforms.base import PERMISSIONS
from ..screen import Screen
from ..targets import Target
from . import beyond_core, consent, cues, launch_features, permissions
from .consent_answers import _made
from .exploration import Exploration
from .asked_in_use import raised_by_use, raised_earlier, replayed_use
from .fresh_tries import tried_fresh
from .gate import gate_not_passed
from .launch_layer import under_layer
from .modal_returns import returns_of
from .moves import Move
from .operator import NotOnScreen, Spend
from .permissions_searched import searched
from .screens import taps, wall_opener
from .signed_in import SignedInSearch

log = logging.getLogger(__name__)


class PermissionExplorations(SignedInSearch):
    """The permissions goal's search (see the module doc)."""

    def _explore_permissions(self, spend: Spend, target: Target) -> Exploration:
        self._start()      # a layer still over the app (nothing recognised it) lifted, its answer learnt
        screen = self.op.screen()
        if not self.op.in_foreground or not screen.in_app:
            return Exploration("deny-permissions", "exhausted", "the app left with every permission granted when asked",
                               spend.actions, spend.seconds, spend.budget)
        self.core = permissions.Core.of(screen, self.op.targets(screen))
        held = self._held_at_launch(screen)
        at_launch = {p for p, n in screen.prompts.items() if n > 0}
        self.granted_ahead = frozenset(at_launch)     # asked at launch: its undecided start seen, granted ahead now
        taps_allowed = int(self.config.search.get("discovery_taps", 12))
        self.features, quiet = permissions.probe(self.op, self.core, taps_allowed)
        probed = len(quiet) + len({f.key for f in self.features.values()})    # by their words
        used = {cues.norm_label(t.label) for t, _, _ in quiet} | {cues.norm_label(f.label) for f in self.features.values()}
        # the core screen's other controls and the screens they lead to, by structure, from a granted start
        # a control the probe used already is not used again: its feature's, and a quiet one that left the core
        # screen where it was (its use is known: shown in place or nothing); one that led elsewhere is used again,
        # the screen it leads to is searched too
        stayed = [(Move.tap(t), b, a) for t, b, a in quiet if self.core.matches(a, self.op.targets(a))]
        if probed:
            self._start()     # the probe used the app: searched again from a fresh granted start
        # else the app is where the granted start left it, nothing used: the search starts there, before the
        # refused launch (which clears it) — no fresh start, nor the way in behind a log-in, spent twice
        beyond = beyond_core.search(self.op, self.config.search, self.config.weights("deny-permissions"), spend,
                                    self.data, frozenset(f.key for f in self.features.values())
                                    | {m.key for m, _, _ in stayed}, self.core,
                                    [(m, b, a) for m, b, a in stayed if permissions.state_of(b) != permissions.state_of(a)])
        if beyond.unreached_core and not beyond.gate:    # a layer of the start one answer took away for good
            tried_fresh(self.op, self._start, self.core, beyond)
        if beyond.gate and not self.gate_moves and self._pass_gate(spend):
            return self._explore_permissions(spend, target)     # the whole search again, behind the log-in
        if beyond.gate:       # what was searched is a log-in gate, not the app: never a clean verdict on it
            beyond.unsearched.insert(0, gate_not_passed(beyond.gate, tried=True))
        self._search_signed_in(spend, beyond)        # a log-in reached inside the app: the app behind it too
        at_launch |= self._asked_when_refused()       # the reject path is learnt there
        soft = self.soft_asks.permissions()           # asked once a pre-prompt's agreeing control was taken
        if held and beyond.screens <= 1:     # one screen of a layer searched, not the app: never clean on it
            beyond.unsearched.insert(0, f"the app stayed behind a dialog at launch that no answer lifted ({held}): "
                                        "what it covers was never reached")
        for p in sorted(beyond.answered & set(beyond.features) - set(self.features)):
            if not beyond.features[p].way_in and not raised_by_use(self.op, self._start, beyond.features[p]):
                # its question came of earlier use: that whole use replayed, refused when asked; else said
                replayed = replayed_use(self.op, self._start, beyond.features[p], beyond.walked.get(p),
                                        beyond.fresh_walks.get(p))
                if replayed is None:
                    raised_earlier(beyond, p)      # requested, its refusal not walked
                else:
                    beyond.features[p] = replayed
                    self.refused_when_asked = self.refused_when_asked | {p}
        self.features.update({p: f for p, f in beyond.features.items() if p not in self.features})
        self.features.update(permissions.named_features(quiet, at_launch - set(self.features)))
        for permission in sorted(at_launch - set(self.features)):     # no word names it: by structure
            feature = launch_features.told_by_refusal(self.op, self._start, permission, beyond.in_place)
            if feature is not None:
                self.features[permission] = feature
        self.requested = [p for p in PERMISSIONS if p in at_launch or p in self.features or p in soft
                          or p in beyond.unwalkable]     # asked on use, no way back there seen: never lost
        target.permissions = list(self.requested)
        paths: dict[str, list[Move]] = {"accept consent": self.accept.moves if self.accept else [],
                                        "reject consent": self.reject.moves if self.reject else []}
        if self.launch_moves:
            paths["answer at launch"] = list(self.launch_moves)
        if self.gate_moves:
            paths["log in at launch"] = list(self.gate_moves)
        for agree, asked in self.soft_asks.asks.values():
            paths["answer at launch when " + ", ".join(sorted(asked)) + " is tested"] = [agree]
        for p, feature in self.features.items():
            paths[f"use {p}"] = [*feature.way_in, *feature.route, Move("tap", feature.key, feature.label)]
        detail = ("asks for " + ", ".join(self.requested) + "; searched: " if self.requested
                  else "no permission request was seen while searching (one the app makes only at a later launch is"
                       " met by the relaunches counted after: prompts_per_launch); searched: ") + self._searched(probed, beyond)
        return Exploration("deny-permissions", "reached", detail, spend.actions, spend.seconds, spend.budget,
                           [], paths, unsearched=beyond.unsearched, coverage=len(used | beyond.words),
                           signed_in=bool(beyond.signed_in))

    def _held_at_launch(self, screen: Screen) -> str:
        """The controls of a layer still covering the app once the launch was answered as far as the search
        could (consent accepted, known modals answered, a layer lifted): their labels, '' when nothing covers
        the app."""
        covered = self.op.covered(screen)
        if not covered:
            return ""
        labels = [t.label[:30] for t in self.op.targets(screen) if t.label]
        return ", ".join(f"'{label}'" for label in labels[:4]) or "nothing to tap on it"

    def _searched(self, probed: int, beyond: beyond_core.Beyond) -> str:
        """What was searched, exactly, and what was not (a clean verdict rests on it: permissions_searched.py)."""
        return searched(self, probed, beyond)

    def _refuse_all(self) -> None:
        """A fresh install with every permission refused (not launched)."""
        self.op.fresh()
        for permission in PERMISSIONS:
            try:
                self.context.platform.decide_permission(permission, "denied")
            except (ValueError, WebDriverException) as exc:
                log.info("cannot deny %s: %s", permission, exc)

    def _refused_dialog(self) -> Screen | None:
        """A fresh launch with every permission refused, launch modals answered as learnt: the screen when it
        shows the consent dialog, else None (where each way out of it is tried: refusal.check's `start`)."""
        self._refuse_all()
        self.launch()
        self._answer_new_modals(learn=False)
        screen = self.op.screen()
        return screen if consent.shown(self.op, screen) else None

    def _refused_launch(self, lift: bool = True) -> None:
        """A fresh launch with every permission refused, launch modals answered (each one's agreeing answer
        tried once), the consent dialog refused; with `lift`, a layer then left over the app that nothing
        answered lifted by structure (`_lift_refused_layer`)."""
        self._refuse_all()
        self.soft_asks.trying = True      # each launch modal's agreeing answer is tried here, once
        try:
            self.launch()
            self._answer_new_modals(learn=False)
            self.refused_shown = _made(self.op)     # the dialog as this launch shows it, untouched
            if self.consent_shown:
                self._refusing_answer()
            self._answer_new_modals(learn=False)
            if self.gate_moves:           # the log-in at launch passed, then what shows behind it
                self._through_gate()
                self.refused_shown = _made(self.op)
                if self.consent_shown:
                    self._refusing_answer()
                self._answer_new_modals(learn=False)
        finally:
            self.soft_asks.trying = False
        if lift:
            self._lift_refused_layer()

    def _refusing_answer(self) -> None:
        """The consent dialog answered as a user refusing permissions answers it: refused — accepted on a
        consent wall (`consent_walled`: its only way on; left unanswered, the app behind it is never reached)."""
        if self.consent_walled:
            self.accept_consent()
        else:
            self.reject_consent()

    def _lift_refused_layer(self) -> None:
        """A layer covering the app at the launch with every permission refused that nothing answered — an
        app's own pre-prompt shown only while its permission is not granted, in words no lexicon has (corpus
        meltemi: «Να σας ειδοποιούμε;» Όχι τώρα / Ναι, ειδοποιήστε με, absent at the granted launch) — is a
        launch layer like any other: its controls tried from fresh refused launches until one lifts it
        (`_pass_launch_layer`; never one worded as agreeing: a refusing user's answer), learnt and replayed
        where it shows; its agreeing answer (the control whose tap made the app ask, else the modal's other
        control by structure) then tried once at a relaunch, so the permission it leads to is known, and asked
        and refused under test (explorer/soft_ask.py). Before, it stayed over the app: no request seen, and the
        flow's refused launch read it as a blocking screen (a false finding of a forced permission). Once per
        app; never while the consent dialog is on screen (its answers are the consent goal's)."""
        screen = self.op.screen()
        if self.refused_layer_checked or not self.op.in_foreground or not screen.in_app or self.consent_shown \
                or not under_layer(screen, self.op.covered(screen)) \
                or len([t for t in taps(self.op.targets(screen)) if t.element.enabled]) < 2:
            return        # nothing over the app, or a wall with one way on (no answer to choose: wall_opener's)
        self.refused_layer_checked = True
        learnt = len(self.launch_moves)
        avoid = frozenset(self.config.search.get("beyond_core_avoid", ())) - {"decline"} | {"agree"}
        self._pass_launch_layer(lambda: self._refused_launch(lift=False),
                                int(self.config.search.get("launch_layer_trials", 3)), avoid)
        untried = [m for m in self.launch_moves[learnt:]
                   if m in self.soft_asks.alternatives and m not in self.soft_asks.tried]
        if untried and not all(returns_of(self).kept_away(m) for m in untried):    # a relaunch may meet it
            self.soft_asks.trying = True      # the agreeing answer tried at the next launch's replay
            try:
                self.op.relaunch()
                self._answer_new_modals(learn=False)
            finally:
                self.soft_asks.trying = False
        if any(m not in self.soft_asks.tried for m in untried):
            # not met again: its dismissal, stored, keeps it away — a fresh install shows it, the agreeing answer
            # tried there (else never asked: with a block behind the refusal, a false clean)
            self._refused_launch(lift=False)

    def _shown_again(self, left: frozenset[str]) -> bool:
        """Whether the layer a refusal left over the app (`left`: the keys of its controls) is a launch modal of
        every launch: one of its controls is a learnt launch answer that the refusing trial's relaunch met again
        and answered (`answered_at_launch`) — a rating prompt after the consent dialog, not something the answer
        brought once (a pre-prompt shown after it only)."""
        return any(move.key in left for move in self.answered_at_launch)

    def _agreeing_untried(self) -> bool:
        """Whether a launch modal the last launch answered by its dismissal has an agreeing answer not yet tried
        (explorer/soft_ask.py): the relaunch replayed it before the pass could try it — and a relaunch would show
        it again: not when that dismissal, given on an install, was seen to keep it away at the next launch
        (`ModalReturns.kept_away`; corpus daftar: «ابھی اپ ڈیٹ کریں» stores the new version, the relaunch made
        to try «بعد میں» met no modal)."""
        returns = returns_of(self)
        return any(move in self.soft_asks.alternatives and move not in self.soft_asks.tried
                   and not returns.kept_away(move) for move in self.answered_at_launch)

    def _asked_when_refused(self) -> set[str]:
        """Permissions an app asks for only while they are not granted (a wall that shows then, and asks when
        its one button is pressed): a fresh launch with everything refused, the consent dialog refused (the
        reject path the flow needs is learnt here, so this pass costs no launch of its own) and modals answered,
        the wall's button pressed once; what was asked on the way."""
        first: dict[str, int] = {}      # asked at a launch seen through before the one looked at below
        try:
            self._refused_launch()
        except NotOnScreen as exc:      # no refusal in the dialog's words
            if self._unworded_refusal_probed(self.refused_shown == _made(self.op)):
                # told by structure as the consent goal tells it (its 2–3 buttons, each once, from this launch
                # first): a refusal, or a notice leaving the app usable (left unanswered) — handed on to later
                # goals (`consent_learnt`); the pass is then made as for a refusal in words
                self._refused_launch()
            else:
                first = self._refused_by_ways_out(exc)
        screen = self.op.screen()
        if self.op.in_foreground and screen.in_app:
            opener = wall_opener(screen, self.op.targets(screen))
            if opener is not None:
                screen = self.op.tap(opener)
        # what a pre-prompt's agreeing answer made the app ask is asked on use, not at launch
        return {p for p, n in first.items() if n > 0} | {
            p for p, n in screen.prompts.items() if n - self.soft_asks.counts.get(p, 0) > 0}

    def _refused_by_ways_out(self, exc: NotOnScreen) -> dict[str, int]:
        """The pass with everything refused when the dialog's words tell no refusal and its structure told none
        (`_asked_when_refused`): each way out tried (refusal.check) from launches with everything refused — the
        launch this pass needs; the requests counted at the refusing trial's launch when that trial was the
        pass up to the answer ({} otherwise: the pass is made again). Raises `exc` when neither a refusal nor a
        consent wall (then answered by accepting) was told."""
        first: dict[str, int] = {}
        # each way out tried from a launch with everything refused (the launch this pass needs); where that
        # cannot tell (the dialog not shown so: a wall over it), from launches with everything granted
        seen = None
        try:
            try:
                refused = self._refusal_by_structure(exc, start=self._refused_dialog)
                seen = self.refusal.asked if refused and self.refusal is not None else None
            except NotOnScreen:
                if self.refusal is None or self.refusal.trials:
                    raise
                refused = self._refusal_by_structure(exc)
        except NotOnScreen:
            if not self.refusal_unread:
                raise
            refused = True      # a bar whose refusal is unfound: left unanswered (`refusal_unread`)
        if not refused and not (self.refusal is not None and self.refusal.usable) and not self.consent_walled:
            raise exc       # no refusal told, and no wall measured either (a notice leaving the app usable: left)
        # a measured consent wall: the pass made again, the dialog accepted (`_refusing_answer`)
        left = self.refusal.left if self.refusal is not None else frozenset()
        if seen is None or self.gate_moves or (left and not self._shown_again(left)):
            self._refused_launch()  # the refusal left something over the app (or a log-in lies ahead): again
        else:
            # the refusing trial was this pass up to the answer, which left the app bare or under a launch
            # modal of every launch; the trial relaunched the app (refused, the answer kept): modals answered
            # there, the reject path not walked again (corpus lapis, warung: its 4–6 moves twice)
            first = seen
            self.soft_asks.trying = True
            try:
                if left and self._agreeing_untried():
                    self.op.relaunch()     # that modal again, its agreeing answer tried (explorer/soft_ask.py)
                self._answer_new_modals(learn=False)
            finally:
                self.soft_asks.trying = False
            self._lift_refused_layer()
        return first

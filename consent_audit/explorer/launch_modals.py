"""Modals at launch (`LaunchModals`, a mixin of `ExploredApp`): what's new, rating and update prompts, a splash
advert, an app's own permission pre-prompt ("soft ask"), a permission wall. An unknown modal covering the app is
answered first (its close, decline or continue) so the app behind it is what the explorer takes for the app; the
answer is learnt, replayed at later launches, and told by what it stored and by its words (consent or not:
`modal_kind.modal_kind`). A pre-prompt's agreeing control is tried once where its permission is being
discovered or refused under test (explorer/soft_ask.py); a permission wall's one button is pressed with everything
granted. A layer nothing recognises (a consent banner in unknown words and structure) is lifted by the first of
its controls that makes the app under it reachable (`_pass_launch_layer`). The state these read and fill (`op`,
`data`, `launch_moves`, `launch_kinds`, `passed_layers`, `answered_at_launch`, `soft_asks`, `_holding`,
`_in_reach`) is declared in `ExploredApp.__init__`."""
from __future__ import annotations

from collections import Counter

from ..stored_records import changed, stored_now
from ..screen import Screen
from . import consent
from .consent_layer import beside, lies_over_consent
from .launch_asks import LaunchAsks
from .launch_layer import layer, layer_controls, open_dialog, under_layer
from .modal_returns import install_of, returns_of
from .modal_kind import CONSENT, modal_kind
from .elements import Target, targets
from .gone import GONE
from .moves import Move, perform
from .screens import modal_answer, shown_texts
from .path_layers import asking_keys
from .soft_ask import agreeing_control, increments


class LaunchModals(LaunchAsks):
    """See the module doc (a pre-prompt agreed, a permission wall pressed: explorer/launch_asks.py)."""

    def _pass_launch_layer(self, restart, limit: int, avoid: frozenset[str], depth: int = 2) -> None:
        """A layer still over the app once the launch's known answers are given (a consent dialog or banner in
        words and structure nothing recognised, a sheet with no close, decline or continue): its controls are
        tried one at a time from fresh starts (`restart`, no arguments: the launch as the goal makes it) until
        one lifts it — at least half the app controls it covered are reachable after the tap (a non-modal
        `role=dialog` that covers nothing: its controls gone), the app still in the foreground. That answer is
        learnt as a launch answer (replayed at every launch, the measured ones too, and told consent or not by
        what it stored: `launch_kinds`), so the core screen is the app behind it, never the layer, and every
        measured route starts where the search's did. At most `limit` controls are tried (one action each); none
        lifting it leaves the screen as it was.

        Each trial looks at the app afresh (a splash advert that went by itself since the last capture needs no
        answer). A control whose tap made the app ask for a runtime permission is never a launch answer (replayed
        at every launch, the request it causes would be counted as the app's), nor one seen asking before
        (`SoftAsks.asks`, a modal's agreeing control); a tap aimed at a layer that went by itself meanwhile (a
        countdown's «跳過 3») ends the trials with nothing learnt when the app is uncovered.

        A tap that stored something and took the layer's own controls away answered it, even when another layer
        covers the app then (a prompt the app shows once the layer is answered: shonar's notification pre-prompt
        after its cookie popup's «সব মেনে নিন») — learnt as well, and the layer it brought lifted in turn the same
        way (at most `depth` layers deep). Before, that answer was learnt nowhere: the search took it for a step
        of its own and the re-walk from a fresh install met the first layer over its first step."""
        asking = asking_keys(self.soft_asks.asks, self.soft_asks.alternatives)
        asker: Target | None = None       # a control of the layer whose tap made the app ask (its agreeing answer)
        asker_asked: Counter = Counter()  # and what it asked
        tried = 0
        while tried < limit:
            if tried:
                restart()
            self.op.recorder.invalidate()      # a fresh look: the last capture may show a layer gone since
            screen = self.op.screen()
            if not self.op.in_foreground or not screen.in_app:
                return
            covered = self.op.covered(screen)
            under = under_layer(screen, covered)
            found = self.op.targets(screen)
            sheet = [] if under else open_dialog(screen, found)      # a non-modal dialog beside the app
            if not under and not sheet:
                return
            order = [t for t in (layer_controls(found, [t for t in targets(screen) if t.key in under], avoid)
                                 if under else layer_controls(sheet, sheet, avoid)) if t.key not in asking]
            if tried >= len(order):
                break
            target = order[tried]
            tried += 1
            texts = shown_texts(screen, covered)
            before = self.op.platform.stored_state()
            since, steps = self._answer_mark()
            try:
                after = self.op.tap(target)
            except GONE:    # the layer went by itself meanwhile
                self.op.recorder.invalidate()
                if not self._still_layered():
                    return
                continue
            now = {t.key for t in self.op.targets(after)}
            lifted = (len(under & now) * 2 >= len(under) if under
                      else not now & {t.key for t in sheet})      # the dialog's controls gone
            kept = self.op.platform.stored_state()
            brought = bool(under) and not lifted and not now & {t.key for t in found} and stored_now(before, kept)
            asked = increments(screen.prompts, after.prompts)
            if asked and asker is None:
                asker, asker_asked = target, asked
            if self.op.in_foreground and after.in_app and (lifted or brought) and not asked:
                self._look_late(since, steps)
                move = Move.tap(target)
                self.launch_moves.append(move)
                self.passed_layers.append(move)
                returns_of(self).given(install_of(self.op), move)
                self.launch_kinds[move] = modal_kind(changed(before, kept), texts)
                self._learn_agreeing(move, asker, screen, found, target, asker_asked)
                if brought and depth > 1:       # the layer its answer brought, lifted from here on
                    self._pass_launch_layer(restart, limit, avoid, depth - 1)
                return
            if tried >= len(order):
                break
        if tried:
            restart()        # none lifted it: the app as the launch left it

    def _learn_agreeing(self, move: Move, asker: Target | None, screen: Screen, found: list[Target],
                        answer: Target, asked: Counter | None = None) -> None:
        """A layer lifted by `move` is a pre-prompt when another of its controls, tapped, made the app ask
        (`asker`, asking `asked`): that control is its agreeing answer, tried where the permission is refused
        (`SoftAsks`), and what it asked is known as the trial's of `SoftAsks.to_try` is — a dismissal that stores
        itself keeps the modal away at the relaunch that trial would need (soft_ask.html?v=oncerefused: the
        request seen in the trials, then lost: a false clean behind a block) — else
        a modal's other control by structure (`agreeing_control`), unless what the answer stored was a consent
        choice (a consent dialog's other way out is the consent goal's, not a permission's). Without it an
        unrecognised pre-prompt is always dismissed, its permission never asked, and its refusal never tested."""
        if move in self.soft_asks.alternatives:
            return
        if asker is None and self.launch_kinds.get(move) != CONSENT:
            asker = agreeing_control(screen, found, answer)
        if asker is not None and asker.key != answer.key:
            self.soft_asks.alternatives[move] = Move.tap(asker)
            if asked:
                self.soft_asks.asks[move] = (Move.tap(asker), frozenset(asked))
                self.soft_asks.tried.add(move)
                self.soft_asks.counts.update(asked)

    def _still_layered(self) -> bool:
        """Whether a layer still lies over the app now (a fresh capture): controls under it, or a non-modal
        dialog beside it."""
        screen = self.op.screen()
        if not self.op.in_foreground or not screen.in_app:
            return False
        found = self.op.targets(screen)
        return bool(under_layer(screen, self.op.covered(screen)) or open_dialog(screen, found))

    def _launch_layer_shown(self) -> bool:
        """Whether a layer the search had to lift at launch (`_pass_launch_layer`) is on screen now (its learnt
        answer reachable): a screen it covers is no evidence of what the app does, never a
        block."""
        screen = self.op.screen()
        return self.op.in_foreground and any(self.op.find(m.key, screen) is not None for m in self.passed_layers)

    def _answer_known_modals(self, launched: bool = False) -> None:
        """A modal met at launch while exploring (what's new, a rating prompt, a splash advert) is answered again
        as it was, each time its answer is on screen (one recorded tap, as a user's). `launched`: called right
        after a launch (`op.after_launch`): whether each modal is back is noted (`modal_returns`)."""
        self.at_launch = True
        since, steps = self._answer_mark()
        try:
            self._replay_launch_answers(launched)
        finally:
            self.at_launch = False
        self._look_late(since, steps)

    def _replay_launch_answers(self, launched: bool = False) -> None:
        """The learnt answers, each where it is on screen."""
        self.answered_at_launch = []
        returns, install = returns_of(self), install_of(self.op)
        for move in self.launch_moves:
            screen = self.op.screen()
            shown = self.op.find(move.key, screen) is not None
            if launched:
                returns.launched(install, move, shown)
            if not shown:     # the learnt answer (a splash's 跳过 before the app is drawn)
                continue
            returns.met(install, move)
            try:
                if self._answer_modal(move) == move:
                    returns.given(install, move)
                self.answered_at_launch.append(move)
            except GONE:   # it went by itself (a splash's countdown)
                self.op.recorder.invalidate()

    def _denied(self) -> set[str]:
        return {p for p, state in getattr(self.context.platform, "decided", {}).items() if state == "denied"}

    def _answer_modal(self, move: Move) -> Move | None:
        """Answer a launch modal by `move` (its dismissal) — unless it is a pre-prompt whose permission is refused
        now: then reach_core takes its agreeing control, so the permission is asked and refused as under test
        (a journey's launch leaves it to reach_core); or, in the discovery with everything refused, its agreeing
        control is tried once and the platform's counters say whether the app asked (explorer/soft_ask.py).
        Returns the move tapped (None: left on screen)."""
        agree = self.soft_asks.under_test(move, self._denied())
        if agree is not None and self._holding:
            return None
        if agree is not None and self._in_reach:
            perform(self.op, agree, self.data)
            return agree
        trial = self.soft_asks.to_try(move)
        if trial is None:
            perform(self.op, move, self.data)
            return move
        before = self.op.screen().prompts
        after = perform(self.op, trial, self.data)
        asked = increments(before, after.prompts)
        if asked:
            self.soft_asks.asks[move] = (trial, frozenset(asked))
            self.soft_asks.counts.update(asked)
        if not self.op.in_foreground or not after.in_app:    # the agreeing answer left (an update prompt's store)
            self.op.relaunch()
        return trial

    def _answer_relaunch_modals(self) -> None:
        """After every relaunch the explorer makes while exploring (any goal, any search: `op.after_relaunch`),
        a modal never seen at the first launch (a countdown splash that went by itself while the first look came
        late) is answered as a launch modal and learnt — not taken for a screen of the app, its skip avoided as
        a refusal ("'首頁' could not be reached again"). Learnt only with no permission refused (what shows only
        then is never replayed); a journey's relaunch (no exploration's `op.spend`) replays the learnt answers
        only; a relaunch made while answering launch modals (`at_launch`) adds nothing."""
        if self.at_launch or getattr(self.op, "spend", None) is None:
            return
        self._answer_new_modals(learn=not self._denied())

    def _answer_new_modals(self, learn: bool = True) -> None:
        """Unknown modals at launch answered (`_answer_unknown_modals`), `at_launch` set meanwhile."""
        self.at_launch = True
        since, steps = self._answer_mark()
        try:
            self._answer_unknown_modals(learn)
        finally:
            self.at_launch = False
        self._look_late(since, steps)

    def _answer_mark(self) -> tuple[float | None, int]:
        """(the app's clock, the steps recorded) before launch answers are given: what `_look_late` counts from
        (an operator-like without a clock: None)."""
        clock = getattr(self.op, "clock", None)
        return (clock() if clock is not None else None), self._steps_made()

    def _steps_made(self) -> int:
        """How many steps the operator recorded so far (0 for an operator-like that records none)."""
        return len(getattr(getattr(self.op, "recorder", None), "steps", ()))

    def _look_late(self, since: float | None, steps: int) -> None:
        """Once a launch layer was answered (a step recorded since `steps`), the app is given the late wait a
        launch gets, counted from the answer (`Operator.look_late`): a cookie notice the app schedules once its
        promotion is skipped is on screen before the app behind the layer is judged — before, the consent goal
        looked right after the skip, concluded "no consent dialog", and the notice came mid-search as a step."""
        if since is not None and self.op.in_foreground and self._steps_made() > steps:
            self.op.look_late(since)

    def _answer_unknown_modals(self, learn: bool) -> None:
        """Answer any unknown modal covering the app (its close, decline or continue) before the app behind
        it is taken for the app: the core screen is the screen behind a modal, never the modal; beside a
        consent dialog, only a layer of its own (`consent_layer.beside`), so the dialog is answered where a
        journey's launch, replaying that answer, leaves the app. With `learn`,
        the answer is replayed at later launches (never for what shows only with permissions refused), and what
        the modal is is told by what its answer stored and by its words (`launch_kinds`). A layer that may be a consent
        dialog by structure (`launch_layer.layer`) is left on screen until the consent probe has tried it
        (`structure_checked`): it is answered here only once the probe found it is none — or once the launch's
        consent dialog was answered at this install (`op.consent_answered`): a layer the answer brought (an app's
        own "Send usage statistics?" after any consent choice) is no dialog the probe would ever try, and left
        here it was lifted by what learns nothing (the permission wall's opener, `on_cover`), so the journeys'
        re-walk met it over their first step."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground:
                return
            found = self.op.targets(screen)
            texts = shown_texts(screen, self.op.covered(screen))
            if consent.shown(self.op, screen):     # only a layer beside the dialog (a permission wall under it)
                found, texts = beside(screen, found, getattr(self.op, "consent_keys", frozenset()))
                if not found:
                    return
            elif not (self.structure_checked or getattr(self.op, "consent_answered", False)) \
                    and (first := layer(screen, found, self.op.covered(screen))) is not None \
                    and not lies_over_consent(screen, self.op.covered(screen), first):
                return    # a candidate consent dialog (a bar over the tab bar): the structural probe tries it
                          # first — answered here as a modal it was gone from every launch the probe made; one
                          # over a consent dialog (an app's sheet over the banner) is the app's: answered now
            target = modal_answer(screen, found, self.op.covered(screen))
            if target is None:
                return
            move = Move.tap(target)
            before = self.op.platform.stored_state() if learn else None
            agreeing = agreeing_control(screen, found, target)
            if agreeing is not None and move not in self.soft_asks.alternatives:
                self.soft_asks.alternatives[move] = Move.tap(agreeing)
            returns_of(self).met(install_of(self.op), move)
            try:
                if self._answer_modal(move) == move:
                    returns_of(self).given(install_of(self.op), move)
            except GONE:   # it went by itself (a splash's countdown):
                self.op.recorder.invalidate()     # still learnt — a later launch (a search's relaunch) that shows
                if not learn or move in self.launch_moves:     # it in time answers it, never takes it for the app
                    continue
            if learn and move not in self.launch_moves:
                self.launch_moves.append(move)
                stored = changed(before, self.op.platform.stored_state()) if before is not None else None
                self.launch_kinds[move] = modal_kind(stored, texts)

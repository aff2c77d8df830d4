"""Modals at launch (`LaunchModals`, a mixin of `ExploredApp`): what's new, rating and update prompts, a splash
advert, an app's own permission pre-prompt ("soft ask"), a permission wall. An unknown modal covering the app is
answered first (its close, decline or continue) so the app behind it is what the explorer takes for the app; the
answer is learnt, replayed at later launches, and told by what it stored and by its words (consent or not:
`consent_structure.modal_kind`). A pre-prompt's agreeing control is tried once where its permission is being
discovered or refused under test (explorer/soft_ask.py); a permission wall's one button is pressed with everything
granted. The state these read and fill (`op`, `data`, `launch_moves`, `launch_kinds`, `answered_at_launch`,
`soft_asks`, `_holding`, `_in_reach`) is declared in `ExploredApp.__init__`."""
from __future__ import annotations

from selenium.common.exceptions import StaleElementReferenceException

from ..readback import changed
from . import consent
from .consent_structure import layer, modal_kind
from .moves import Move, perform
from .operator import NotOnScreen
from .screens import modal_answer, shown_texts, wall_opener
from .soft_ask import agreeing_control, increments


class LaunchModals:
    """See the module doc."""

    def _answer_known_modals(self) -> None:
        """A modal met at launch while exploring (what's new, a rating prompt, a splash advert) is answered again
        as it was, each time its answer is on screen (one recorded tap, as a user's)."""
        self.at_launch = True
        try:
            self._replay_launch_answers()
        finally:
            self.at_launch = False

    def _replay_launch_answers(self) -> None:
        """The learnt answers, each where it is on screen."""
        self.answered_at_launch = []
        for move in self.launch_moves:
            screen = self.op.screen()
            if self.op.find(move.key, screen) is None:     # the learnt answer (a splash's 跳过 before the app is drawn)
                continue
            try:
                self._answer_modal(move)
                self.answered_at_launch.append(move)
            except (NotOnScreen, StaleElementReferenceException):   # it went by itself (a splash's countdown)
                self.op.recorder.invalidate()

    def _denied(self) -> set[str]:
        return {p for p, state in getattr(self.context.platform, "decided", {}).items() if state == "denied"}

    def _answer_modal(self, move: Move) -> None:
        """Answer a launch modal by `move` (its dismissal) — unless it is a pre-prompt whose permission is refused
        now: then reach_core takes its agreeing control, so the permission is asked and refused as under test
        (a journey's launch leaves it to reach_core); or, in the discovery with everything refused, its agreeing
        control is tried once and the platform's counters say whether the app asked (explorer/soft_ask.py)."""
        agree = self.soft_asks.under_test(move, self._denied())
        if agree is not None and self._holding:
            return
        if agree is not None and self._in_reach:
            perform(self.op, agree, self.data)
            return
        trial = self.soft_asks.to_try(move)
        if trial is None:
            perform(self.op, move, self.data)
            return
        before = self.op.screen().prompts
        after = perform(self.op, trial, self.data)
        asked = increments(before, after.prompts)
        if asked:
            self.soft_asks.asks[move] = (trial, frozenset(asked))
            self.soft_asks.counts.update(asked)
        if not self.op.in_foreground or not after.in_app:    # the agreeing answer left (an update prompt's store)
            self.op.relaunch()

    def _agree_to_pre_prompts(self) -> None:
        """In reach_core: a pre-prompt on screen whose permission is refused now gets its agreeing answer."""
        denied = self._denied()
        for move, (agree, asked) in self.soft_asks.asks.items():
            screen = self.op.screen()
            if asked & denied and self.op.find(agree.key, screen) and self.op.find(move.key, screen):
                try:
                    perform(self.op, agree, self.data)
                except (NotOnScreen, StaleElementReferenceException):
                    self.op.recorder.invalidate()

    def _open_walls(self) -> None:
        """With everything granted, press a permission wall's one button ("Turn on") so the permissions behind
        it are asked (and granted) and the app behind it is what the explorer takes for the app."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground or consent.shown(self.op, screen):
                return
            target = wall_opener(screen, self.op.targets(screen))
            if target is None:
                return
            after = self.op.tap(target)
            if after.signature == screen.signature and after.texts() == screen.texts():
                return

    def _answer_new_modals(self, learn: bool = True) -> None:
        """Unknown modals at launch answered (`_answer_unknown_modals`), `at_launch` set meanwhile."""
        self.at_launch = True
        try:
            self._answer_unknown_modals(learn)
        finally:
            self.at_launch = False

    def _answer_unknown_modals(self, learn: bool) -> None:
        """Answer any unknown modal covering the app (its close, decline or continue) before the app behind
        it is taken for the app: the core screen is the screen behind a modal, never the modal. With `learn`,
        the answer is replayed at later launches (never for what shows only with permissions refused), and what
        the modal is is told by what its answer stored and by its words (`launch_kinds`). A layer that may be a consent
        dialog by structure (`consent_structure.layer`) is left on screen until the consent probe has tried it
        (`structure_checked`): it is answered here only once the probe found it is none."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground or consent.shown(self.op, screen):
                return
            found = self.op.targets(screen)
            if not self.structure_checked and layer(screen, found, self.op.covered(screen)) is not None:
                return    # a candidate consent dialog (a bar over the tab bar): the structural probe tries it
                          # first — answered here as a modal it was gone from every launch the probe made
            target = modal_answer(screen, found, self.op.covered(screen))
            if target is None:
                return
            move = Move.tap(target)
            texts = shown_texts(screen, self.op.covered(screen))
            before = self.op.platform.stored_state() if learn else None
            agreeing = agreeing_control(screen, found, target)
            if agreeing is not None and move not in self.soft_asks.alternatives:
                self.soft_asks.alternatives[move] = Move.tap(agreeing)
            try:
                self._answer_modal(move)
            except (NotOnScreen, StaleElementReferenceException):   # it went by itself (a splash's countdown)
                self.op.recorder.invalidate()
                continue
            if learn and move not in self.launch_moves:
                self.launch_moves.append(move)
                stored = changed(before, self.op.platform.stored_state()) if before is not None else None
                self.launch_kinds[move] = modal_kind(stored, texts)

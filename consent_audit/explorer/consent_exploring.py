"""The consent half of the explorer's search (`ConsentExplorations`, a mixin of `GoalExplorations`): the
accept and reject paths of the consent dialog — by its words (`consent.answer`), else by structure and by what
each answer stores (`consent_structure`), and, when no refusal is told, by trying every way out of the dialog
(`refusal`: a refusal found becomes the reject path; none at all is the consent wall) — and the pre-ticked
purposes of a settings layer the reject path skips. The state it fills is declared in `ExploredApp`."""
from __future__ import annotations

from typing import Callable

from ..platforms.base import PERMISSIONS
from ..screen import Screen
from ..targets import Target
from . import consent, consent_structure, cues, refusal
from .consent_answers import _made
from .consent_choice import candidate
from .consent_one_tap import OneTapRefusals
from .consent_handover import ConsentHandOver
from .consent_told import ToldByStructure
from .settings_layer import SettingsLayerCount
from .consent_layer import own_controls
from .elements import targets
from .exploration import Exploration
from .screens import taps
from .gate import gate_not_passed
from .launch_layer import hidden, under_layer
from .launch_seen import launch_seen
from .moves import moves_said
from .operator import NotOnScreen, Spend


class ConsentExplorations(OneTapRefusals, ConsentHandOver, ToldByStructure, SettingsLayerCount):
    """The consent goal's search (see the module doc)."""

    launched_at: int | None = None     # the recorded steps when `_behind_launch_layer` made the goal's start

    def _consent_by_structure(self, shown: Screen | None = None) -> bool:
        """No words named a consent dialog at launch: whether a modal layer there is one by structure and by
        what its answers store (explorer/consent_structure.py; tried once per app, from fresh launches). When it
        is, its accept and reject paths are what the journeys walk. `shown`: the screen of a fresh launch made
        as `_launch_fresh` makes it, looked at first without another launch. The probe measures the dialog, as
        a consent journey does (`answering_consent`): no late-layer hook answers a layer while its trials run —
        else what a hook's accept stored is read as what the trial's tap stored (beyonk-fair: the settings
        layer's «Bezárás», the relabelled first layer accepted behind it, taken for the accept)."""
        if self.structure_checked:
            self.structure_accepted = False
            return bool(self.op.consent_keys)
        self.structure_tried = []
        spend = getattr(self.op, "spend", None)
        before = spend.actions if spend is not None else 0
        answering = getattr(self, "answering_consent", False)
        self.answering_consent = True
        try:     # checked only once it is done: the probe's launches leave the candidate unanswered
            learnt = consent_structure.learn(self.op, self._launch_fresh, self.structure_tried, shown, self.none_told)
        finally:
            self.answering_consent = answering
            self.structure_checked = True
            if spend is not None:       # what the probe walked, reported apart (spend.Spend.probe)
                spend.probe += spend.actions - before
        if learnt is None:
            return False
        self.structure_accepted = learnt.accepted_now
        self.structure_held = learnt.held
        self.op.consent_keys = learnt.keys
        for mode, tried in ((consent.ACCEPT, learnt.accept), (consent.REJECT, learnt.reject)):
            path = None if tried is None else consent.ConsentPath(
                mode=mode, moves=tried.moves, entry=(tried.via or (tried.target,))[0].element,
                dialog=learnt.dialog, covered=learnt.covered)
            if mode == consent.ACCEPT:
                self.accept = path
            else:
                self.reject = path
        if learnt.reject is None:     # a notice whose one answer accepts: every button of it was tried
            trials = [refusal.Trial([t.label], refusal.CONSENTED if t is learnt.accept
                                    else refusal.STAYED if not t.left else refusal.LEFT) for t in self.structure_tried]
            hides = bool(hidden(learnt.dialog, learnt.covered))   # a bar overlapping a card hides no app
            self.refusal = refusal.RefusalCheck(      # usable: beside the app, as refusal.check tells a notice
                False, hides, trials, usable=not hides,
                detail=f"its only answer is «{learnt.accept.label}»: every other control "
                       f"({len(self.structure_tried) - 1}) left it in place or left the app")
        via = learnt.reject is not None and bool(learnt.reject.via)
        self.settings_preticked = None if via else learnt.settings_ticked
        if learnt.reject is None and learnt.settings_ticked is None:
            self.settings_preticked = 0     # a notice: every button tried, none opened a layer of purposes
        self.settings_mandatory = 0 if via else learnt.settings_locked   # via: its trail counts
        return True

    def _behind_gate_now(self) -> bool:
        """Whether the app is where `_pass_gate`'s search just left it (signed in from a fresh granted start —
        relaunched on the way or not, the install never cleared — and no step since: `gate_left`, consumed) with
        a consent dialog shown there, by its words or shaped like one (consent_choice.candidate): what a fresh
        launch walking the way in again would show (corpus vstup: a launch and a sign-up of five actions).
        False with no dialog there (an answer given on the way in)."""
        left, self.gate_left = self.gate_left, None
        self._walked_in()      # consumed alike: the goal's own start is made here
        if left is None or left != len(self.op.recorder.steps) or not self.op.in_foreground:
            return False
        screen = self.op.screen()
        return self.consent_shown or candidate(screen, self.op.targets(screen), self.op.covered(screen)) is not None

    def _came_late(self) -> bool:
        """Whether the consent dialog is on screen at a fresh look (no action spent), once neither the launch's
        look nor the structural probe told one: a library that builds its banner only once the files it inserts
        have loaded (tarteaucitron's language file) comes after the launch's look under load — that look read the
        app's own page alone (its cards taken for a layer's buttons, the cover measured once the banner came).
        The dialog is the launch's whichever came first; its answers are then walked by their words."""
        self.op.recorder.invalidate()
        return self.op.in_foreground and self.consent_shown

    def _behind_launch_layer(self, touched: bool = False) -> bool:
        """No consent dialog at launch while a layer nothing answered covers the app (a full-screen promotion whose
        only control is a countdown «Bỏ qua 5»): whether its answer was learnt now (`_pass_launch_layer`, from fresh
        launches, once per app) — then the dialog is looked for behind it, after the wait a launch gets counted
        from the answer (corpus bep: the cookie notice comes only once the promotion is gone; before, the goal
        ended "no consent dialog was recognised at launch"). `touched`: the log-in gate's probe tapped the launch's
        controls since (`_gate_at_launch`: a tap, then a relaunch keeping what it stored) — the layer is looked
        for at a fresh launch, as the app shows it first (corpus valna: the probe's «Пропусни» ended the onboarding
        carousel for good, the relaunch showed the consent sheet, and nothing was left to lift: not found)."""
        if self.launch_layer_checked:
            return False
        self.launch_layer_checked = True
        learnt = len(self.launch_moves)
        if touched:     # a fresh launch, the layers the probe told no consent dialog answered and learnt
            self.op.fresh()
            self._grant_all()
            self.op.launch()
            self._answer_new_modals()
            if self.consent_shown and len(self.launch_moves) > learnt:
                self.launched_at = len(self.op.recorder.steps)   # the goal's start, made: not made again
                return True
        self._pass_launch_layer(self._launch_fresh, int(self.config.search.get("launch_layer_trials", 3)),
                                frozenset(self.config.search.get("beyond_core_avoid", ())))
        return len(self.launch_moves) > learnt

    def _explore_consent(self, spend: Spend, target: Target, over_app: str | None = None) -> Exploration:
        """`over_app`: what the launch showed before a layer over the app was lifted to look behind it — said too when
        nothing shows there (verdict page start_choice). The goal's start (a fresh granted launch, its layers
        answered) is made here unless `_behind_launch_layer` just made it (`launched_at`: no step since)."""
        made, self.launched_at = self.launched_at, None
        if not self._behind_gate_now() and (made is None or made != len(self.op.recorder.steps)):
            self.op.fresh()
            self._grant_all()
            self.op.launch()
        self._answer_new_modals()
        self._through_gate()          # a log-in gate passed (below): the dialog may show only behind it
        target.permissions = list(PERMISSIONS)
        if not self.consent_shown and self.op.scroll_page("the start screen, read") is not None:
            self.consent_on_scroll = self.consent_shown     # a sheet shown at the first scroll, with no timer
        if self.consent_adopted and not self.consent_shown:
            self._drop_adopted()      # handed on, but not seen here: never "reached" on an earlier goal's word
        launch = self.op.screen()
        launch_covered = self.op.covered(launch)    # measured now: the probe below shows other screens
        # the fresh launch just made is what `_launch_fresh` shows: the probe looks at it, no launch spent (behind
        # a log-in at launch, each launch signs in again)
        if not self.consent_shown and not self._consent_by_structure(self.op.screen()) and not self._came_late():
            # nothing to measure: the audit is not found, never clean — saying what the launch showed instead
            unread = self.op.screen().unread_frames     # a dialog there is not seen: said, never taken for none
            detail = f"; {len(unread)} frame(s) on screen could not be read: {'; '.join(unread)}" if unread else ""
            seen = launch_seen(launch, targets(launch, launch_covered), launch_covered, self.structure_tried,
                               self.op.platform.stored_state() is not None)
            # a layer over the app's own controls, told no dialog, is answered first at a fresh launch as a modal
            # is (its skip, close or decline): a log-in gate is a start screen with nothing under it, and the
            # gate's probe, tapping the layer's controls, ends a first-launch-only layer for good (corpus valna:
            # its «Пропусни», then a fresh launch to lift the onboarding again, 2 actions)
            if not self.gate_moves and under_layer(launch, launch_covered) and self._behind_launch_layer(True):
                self.structure_checked = False
                return self._explore_consent(spend, target, seen)
            made = len(self.op.recorder.steps)
            gate = [] if self.gate_moves else self._gate_at_launch(int(self.config.search.get("gate_controls", 4)))
            if gate and self._pass_gate(spend):           # a log-in at launch: the dialog looked for behind it
                self.structure_checked = False
                return self._explore_consent(spend, target, over_app)
            if not gate and self._behind_launch_layer(len(self.op.recorder.steps) != made):   # a promotion over the
                #                                                           app: the dialog looked for behind it
                self.structure_checked = False
                return self._explore_consent(spend, target, seen)
            if gate:
                detail += "; " + gate_not_passed(gate, tried=True)
            if self.gate_moves:
                detail += ("; looked for behind the log-in at launch, passed by "
                           + moves_said(self.gate_moves))
            if over_app is not None:
                lifted = moves_said(self.passed_layers) or "its answer"
                seen = f"{over_app}; behind it, once answered by {lifted}: {seen}"
            return Exploration("consent", "exhausted", f"no consent dialog was recognised at launch: {seen}" + detail,
                               spend.actions, spend.seconds, spend.budget)
        told = self._told_by_structure(spend)
        if told is not None:
            return told
        steps = _made(self.op)
        try:        # the refusal first: when its words tell none, the accept below is walked once for both
            self.reject = consent.answer(self.op, consent.REJECT, self.data)
            words_failed = None
        except NotOnScreen as exc:
            words_failed = exc
        if words_failed is not None and self._unworded_refusal_probed(_made(self.op) == steps):
            told = self._told_by_structure(spend)
            assert told is not None
            return told
        self.op.fresh()
        self._grant_all()
        self.launch()
        self._answer_new_modals()     # a launch layer never seen before (a splash that went by itself the first
        #                               time, the dialog shown behind it): answered as at launch, and learnt
        unanswered = self.op.platform.stored_state()     # the dialog shown, unanswered, on a fresh launch
        dialog = self.op.screen()
        unnamed = self._unnamed(dialog) if unanswered is not None and words_failed is None else []
        self.accept = consent.answer(self.op, consent.ACCEPT, self.data)
        unnamed = [t for t in unnamed if t.key not in {m.key for m in self.accept.moves[:1]}] \
            if self.reject is not None and len(self.reject.moves) > len(self.accept.moves) else []
        kept = None
        if words_failed is not None or unnamed:   # what accepting kept, for judging other answers against: this
            self.op.relaunch()                    # accept relaunched, not walked again (refusal.records)
            kept = (unanswered, self.op.platform.stored_state())
        if words_failed is not None and unanswered is not None and self._twin_refusal(dialog, kept):
            words_failed = None         # the accept's twin refused: the reject path, no other way out tried
        if words_failed is not None:    # no refusal the words tell: try every way out of the dialog
            if not self._refusal_by_structure(words_failed, kept):
                assert self.refusal is not None
                return Exploration("consent", "reached", f"accept path found; no refusal offered: "
                                   f"{self.refusal.detail}", spend.actions, spend.seconds, spend.budget, [],
                                   {"accept": self.accept.moves})
        worded = self.reject.settings if self.reject is not None else None    # the settings layer it opened
        if self.reject is not None and len(self.reject.moves) > len(self.accept.moves):
            self._shorter_refusal(kept, unnamed if words_failed is None else None)
        self.settings_preticked = self._count_settings_layer(worded)
        return Exploration("consent", "reached", "accept and reject paths found", spend.actions, spend.seconds,
                           spend.budget, [], {"accept": self.accept.moves, "reject": self.reject.moves})

    def _refusal_by_structure(self, words_failed: NotOnScreen, kept: tuple | None = None,
                              start: Callable[[], Screen | None] | None = None) -> bool:
        """Every way out of the dialog tried (explorer/refusal.py): True when a refusal was found (it becomes
        the reject path); False when the dialog offers none (a consent wall, `self.refusal`). Raises
        NotOnScreen (the search's "exhausted") when it cannot be told. `kept`: the (unanswered, accepted)
        records of the accept path just walked and relaunched (refusal.check); `start`: the fresh launch each
        way out is tried from (None: `_dialog_fresh`, everything granted). None refusing is what a later goal
        of the run is handed (`consent_learnt`), so what the trials walked is the consent probe's
        (`Spend.probe`, charged to the consent goal), whichever goal made them; a notice whose ways out opened
        no layer of purposes has none pre-ticked (`settings_preticked`, `settings_mandatory` 0). The accept path
        each way out is judged against is learnt first where the goal asking has not (a dialog its start answered
        as a launch layer: corpus ccbox-dark's one-button box, the permissions goal crashed on it)."""
        if self.accept is None:
            self.op.fresh()
            self._grant_all()
            self.launch()
            self._answer_new_modals()
            self.accept = consent.answer(self.op, consent.ACCEPT, self.data)    # NotOnScreen: none to tell
        spend = getattr(self.op, "spend", None)
        before = spend.actions if spend is not None else 0
        self.refusal = refusal.check(self.op, start or self._dialog_fresh, self.accept.moves, self.data,
                                     self.config.search, kept)
        self.layer_seen = self.layer_seen or self.refusal.layer     # the settings layer, whatever its way's words
        if self.refusal.refusal is not None:
            self.reject = consent.ConsentPath(consent.REJECT, list(self.refusal.refusal), self.refusal.entry)
            return True
        if self.refusal.offered is False:
            if spend is not None:
                spend.probe += spend.actions - before
            if refusal.without_purposes(self.refusal):
                self.settings_preticked = self.settings_mandatory = 0   # no layer of purposes anywhere
            return False
        raise NotOnScreen(f"{words_failed}; trying every way out of it: {self.refusal.detail}")

    @property
    def refusal_unread(self) -> bool:
        """Whether no refusal of the consent dialog is known and none can be looked for by trying its ways out:
        its words told none and it leaves the app usable behind it (`refusal.RefusalCheck.usable`: a bar) — a
        user may leave it unanswered and use the app, and another goal does so, saying what that leaves
        unmeasured."""
        return self.reject is None and self.refusal is not None and self.refusal.offered is None \
            and self.refusal.usable

    @property
    def consent_walled(self) -> bool:
        """Whether the consent dialog was measured to be a consent wall: every way out tried and none refused
        (`refusal.offered` False) on a dialog not known to leave the app usable — its only way on is consenting,
        so a user who refuses permissions accepts it to use the app at all (corpus ccbox-dark)."""
        return self.reject is None and self.refusal is not None and self.refusal.offered is False \
            and self.refusal.covers_app is not False

    def _dialog_fresh(self) -> Screen | None:
        """A fresh launch showing the consent dialog (None when it does not show): where each way out is tried."""
        screen = self._launch_fresh()
        return screen if consent.shown(self.op, screen) else None

    def _unnamed(self, first: Screen) -> list:
        """The controls of the dialog's first layer (`first`, the screen on now: a fresh launch showing it) that
        no lexicon names and that are neither the accept's (when known) nor the reject's first move, nor the
        app's own beside or under the dialog (refusal.page_behind: a banner leaving the app usable) — each a
        one-step refusal to try (`_shorter_refusal`); [] when the refusal its words told takes one step, or
        `first` shows no dialog."""
        if self.reject is None or len(self.reject.moves) < 2 or not consent.shown(self.op, first):
            return []
        answers = {m.key for m in ((self.accept.moves[:1] if self.accept else []) + self.reject.moves[:1])}
        found = self.op.targets(first)
        behind = refusal.page_behind(first, found, self.op.covered(first))     # the app's own, not the dialog's
        # no area told (a banner leaving the app usable, its sentence's links too): the layer holding the answers
        own = {t.key for t in own_controls(first, found, frozenset(answers))}
        return [t for t in taps(found) if t.key not in answers and t.key not in behind and t.key in own
                and not cues.categories(t.label) and t.element.enabled]

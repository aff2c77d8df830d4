"""`ExploredApp`: the journeys of consent_audit.journeys for an app nobody wrote page objects for.

`explore(goal)` searches the live app (every action recorded and charged to the goal's budget); the flows
then call the journeys, which re-walk the shortest path found from a fresh state, so the trails the flows
measure hold the path's steps only, while `actions_spent` counts everything the search tried. The search
itself: explorer/exploring.py; what it reports: explorer/exploration.py; the account journeys (sign up, delete,
log in again): explorer/account_journeys.py.
"""
from __future__ import annotations

import logging
from functools import partial

from ..page import AppContext
from ..screen import Element, Screen
from . import consent, permissions
from .account_journeys import AccountJourneys
from .adapters import adapter_for
from .config import ExplorerConfig
from .consent_under import shown_under_layer
from .exploration import Exploration, map_of
from .exploring import GoalExplorations
from .forms import FormData
from .graph import Node
from .gate import LogInGate
from .hints import Hints
from .late_layers import LateLayers
from .moves import Move, perform
from .operator import NotOnScreen, Operator
from .path_layers import PathBroken, PathCovered, PathLayers, drawn_late, passed_by_itself
from .permission_journeys import PermissionJourneys
from .policy_journeys import PolicyExploration
from .refusal import RefusalCheck
from .flow_notice import flow_notice
from .launch_layer import fixed_bar, layer
from .launch_modals import LaunchModals
from .layer_scroll import read_layer
from .modal_kind import CONSENT
from .modal_returns import ModalReturns
from .screens import DIALOG_ROLES, taps
from .soft_ask import SoftAsks

log = logging.getLogger(__name__)

__all__ = ["Exploration", "ExploredApp", "PathBroken", "PathCovered", "map_of"]



class ExploredApp(AccountJourneys, GoalExplorations, PolicyExploration, LateLayers, LaunchModals, PathLayers,
                  LogInGate, PermissionJourneys):
    """Journeys re-walked from what `explore()` found; see consent_audit.journeys.Journeys."""

    def __init__(self, context: AppContext, config: ExplorerConfig, data: FormData) -> None:
        self.context = context
        self.config = config
        self.data = data
        self.given_username = data.username
        settings = config.search
        settle = config.settle
        adapter = adapter_for(context.platform, quiet_ms=int(settle.get("quiet_ms", 60)),
                              timeout=float(settle.get("timeout", 6)),
                              late_seconds=float(settle.get("late_dialog_seconds", 0)))
        self.op = Operator(context, adapter, code_wait=float(settings.get("code_wait_seconds", 6)))
        self.op.held_wait = float(settle.get("held_back_seconds", 0))
        self.op.held_probe = float(settle.get("held_back_probe_seconds", 0))
        self.accept: consent.ConsentPath | None = None
        self.reject: consent.ConsentPath | None = None
        self.refusal: RefusalCheck | None = None     # every way out of the dialog tried (no refusal by words)
        self.account_mode: str | None = None
        self.account_moves: list[Move] = []
        self.login_moves: list[Move] = []
        self.account_combed = False           # the account was searched for by structure (no word named it)
        self.hints = Hints()                  # the delete-account goal's searches: what each learnt (hints.py)
        self.signup_keys: set[str] = set()    # the submit of the sign-up form the account was made on
        self.logged_in_signature: str | None = None
        self.logged_out_signature: str | None = None   # the start screen of the account search (no account)
        self.logged_out_node: Node | None = None       # that screen as the search's map knows it (graph identity)
        self.deletion_moves: list[Move] = []
        self.decision_exits: set[tuple[str, str]] = set()   # (key left the deletion, key went on) on one screen
        self.signup_kinds: list[str] = []
        self.names_used = 0
        self.login_gap = ""                   # why the last log-in again could not be walked (account_journeys)
        self.core: permissions.Core | None = None
        self.features: dict[str, permissions.Feature] = {}
        self.core_by_hand = False             # the last core screen reached offered a manual way in (Core.by_hand)
        self.used: permissions.Feature | None = None      # the feature used since the last launch (its start)
        self.requested: list[str] = []
        self.settings_preticked: int | None = None   # counted on a settings layer the reject path skips
        self.settings_mandatory: int | None = None   # locked purposes there (None: not counted, unmeasured)
        # a layer of the dialog showing purposes' controls that a one-tap trial opened (consent_one_tap.py) and
        # what it covered: the settings layer, counted there when no words name its way (no lexicon's language)
        self.layer_seen: tuple[Screen, frozenset[int]] | None = None
        self.launch_moves: list[Move] = []    # answers to unknown modals covering the app at launch
        self.launch_kinds: dict[Move, str | None] = {}   # what each is: consent, other, None (not told)
        self.passed_layers: list[Move] = []   # of those, the answers that lifted a layer nothing recognised
        self.launch_layer_checked = False     # such a layer looked for at a start (once per app: exploring._start)
        self.refused_layer_checked = False    # and at the launch with everything refused (permissions_exploring)
        self.refused_shown: int | None = None   # the recorded steps when that launch showed the consent dialog
        self.gate_moves: list[Move] = []      # the way past a log-in gate at launch (explorer/gate.py)
        self.gate_mode: str | None = None     # how: log_in | sign_up
        self.gate_names = 0                   # accounts signed up to pass it
        self.gate_walked: int | None = None   # the recorded steps when the gate's search left the app signed in
        self.gate_left: int | None = None     # the same when that search relaunched (the install is still fresh)
        self.answered_at_launch: list[Move] = []        # those answered at the last launch
        self.modal_returns = ModalReturns()   # whether each is back at a relaunch once answered (modal_returns.py)
        self.soft_asks = SoftAsks()           # those modals' agreeing controls, and which ask a permission
        self._holding = False                 # the journey's launch: a pre-prompt under test is reach_core's
        self._in_reach = False                # reach_core: a pre-prompt under test gets its agreeing answer
        self.policy_moves: list[Move] = []
        self.explored_goals: set[str] = set()
        self.structure_checked = False        # a consent dialog by structure looked for (once per app)
        self.structure_tried: list = []       # what each answer of the layer it tried did (consent_structure.Tried)
        self.structure_accepted = False       # its last trial was the accept: the app is where accepting leaves it
        self.structure_held: tuple[str, ...] = ()   # its buttons disabled when shown, waited for (a countdown)
        self.consent_adopted = False          # the dialog taken from an earlier goal (adopt_consent), not probed
        self.launched_at: int | None = None   # the recorded steps when the consent goal's start was made for it
        self.none_told: tuple[frozenset[str], list] = (frozenset(), [])   # an earlier goal's probe that told no
        #                                       dialog: the buttons it tried, and what each did (adopt_consent)
        self.op.after_launch = partial(self._answer_known_modals, launched=True)
        self.op.after_relaunch = self._answer_relaunch_modals
        self.op.on_cover = self._answer_cover
        self.op.after_tap = self._answer_late_consent
        self.answering_consent = False    # the consent goal or a consent journey: its dialog is the subject
        self.at_launch = False            # a launch's modals being answered: a consent dialog then is the launch's
        self.consent_on_scroll = False    # the consent dialog shows only once the user scrolls (learnt once)
        self._lifting = False             # a layer over a learnt path being lifted (explorer/path_layers.py)

    # --- journeys: state ---
    @property
    def consent_shown(self) -> bool:
        return consent.shown(self.op)

    @property
    def consent_at_launch(self) -> bool | None:
        """Whether the consent dialog showed at this launch: on screen now, or a modal answered at this launch
        whose answer stored a consent choice when it was learnt (`modal_kind.modal_kind`); None when a
        modal answered at this launch could not be told consent or not, or when the launch was not watched long
        enough to tell (the app still had a timer of more than `settle.late_dialog_seconds` pending, or it could
        not be read: a dialog may yet come), or when the screen holds a frame of another origin that could not be
        read (a CMP's dialog there is not seen) — unmeasured, never "no"; else False. A dialog drawn under another
        layer was shown (`consent_under.shown_under_layer`, told by structure, nothing tapped)."""
        if self.consent_shown:
            return True
        kinds = [self.soft_asks.kind(m, self.launch_kinds.get(m)) for m in self.answered_at_launch]
        if CONSENT in kinds:
            return True
        screen = self.op.screen()
        if shown_under_layer(self.op, screen, getattr(self.op, "consent_keys", frozenset()),
                             [p for p in (self.accept, self.reject) if p is not None]):
            return True       # drawn under another launch layer (a rating prompt's backdrop): shown at this launch
        unseen = bool(screen.unread_frames) or self._untold_layer(screen)
        return None if None in kinds or unseen or not self.op.looked_long else False

    def _untold_layer(self, screen: Screen) -> bool:
        """A layer shaped like a consent dialog on screen (consent_structure.layer: 2–3 buttons in a dialog, a
        fixed bar with a sentence …) while no consent dialog of the app was told (no accept path) and its answers,
        tried, did not all store nothing: it may be the dialog, shown again — not "no dialog" (fresh4 gcn-dark,
        notice-only: a cookie bar never told consent counted 0 at every relaunch, its nagging 'measured')."""
        found, covered = self.op.targets(screen), self.op.covered(screen)
        over = covered or any(e.role in DIALOG_ROLES for e in screen.elements) or fixed_bar(screen, taps(found)) \
            or flow_notice(screen, taps(found))
        if self.accept is not None or not over or layer(screen, found, covered) is None:
            return False      # a page of nothing but a few buttons (an app's own start screen) is no layer
        return not self.structure_tried or any(t.stored for t in self.structure_tried)

    @property
    def refusal_offered(self) -> bool | None:
        """Whether the consent dialog offers a way to refuse: True once a reject path is known, False when
        every way out was tried and each consented (explorer/refusal.py), None when not explored."""
        if self.reject is not None:
            return True
        return self.refusal.offered if self.refusal is not None else None

    @property
    def dialog_covers_app(self) -> bool | None:
        """Whether the consent dialog whose ways out were tried hides the app's own controls (None: not tried)."""
        return self.refusal.covers_app if self.refusal is not None else None

    @property
    def refusal_trials(self) -> list[dict]:
        """The ways out of the dialog tried when its words told no refusal: [{'path': [labels], 'outcome'}]."""
        return [t.to_dict() for t in self.refusal.trials] if self.refusal is not None else []

    @property
    def core_reached(self) -> bool:
        screen = self.op.screen()
        return self.core is not None and self.op.in_foreground and self.core.matches(screen, self.op.targets(screen))

    # --- journeys: launch ---
    def launch(self) -> None:
        self.used = None
        self._holding = True       # a pre-prompt whose permission is under test is left to reach_core
        try:
            self.op.launch()       # answers known modals (op.after_launch)
        finally:
            self._holding = False
        self._scroll_for_consent()
        self._through_gate()       # a log-in gate passed while exploring: walked again where it shows

    def relaunch(self) -> None:
        self.used = None
        self.op.relaunch()
        self._scroll_for_consent()
        self._through_gate()

    def _scroll_for_consent(self) -> None:
        """An app whose consent dialog shows only once the user scrolls (learnt by the consent goal): after a
        launch where it does not show, the page scrolled once, as the user who met it did (a recorded step)."""
        if self.consent_on_scroll and not self.consent_shown:
            self.op.scroll_page("the start screen, read")

    # --- journeys: consent ---
    def consent_choices(self) -> tuple[str, str]:
        accept, reject = self.consent_elements()
        return accept.rid, reject.rid

    def consent_elements(self, dialog: Screen | None = None) -> tuple[Element, Element]:
        """The accept control and the first control of the reject path, on `dialog` (else as explored)."""
        if self.accept is None or self.reject is None or self.accept.entry is None or self.reject.entry is None:
            raise PathBroken("the consent dialog's choices were not explored")
        if dialog is None:
            return self.accept.entry, self.reject.entry
        accept, reject = self.op.find(self.accept.moves[0].key, dialog), self.op.find(self.reject.moves[0].key, dialog)
        if accept is None or reject is None:
            raise PathBroken("the consent choices found while exploring are not on the dialog")
        return accept.element, reject.element

    def read_dialog(self) -> bool:
        """On the consent dialog shown now, a choice found while exploring held back until the layer's own text,
        scrolling inside it, is read (explorer/layer_scroll.py: mtsvane's refusal): that text scrolled to its
        end (one recorded scroll), as the user reads it before choosing — whether it was."""
        firsts = [p.moves[0].key for p in (self.accept, self.reject) if p is not None and p.moves]
        screen = self.op.screen()
        if all(self.op.find(key, screen) is not None for key in firsts):
            return False
        return read_layer(self.op, screen) is not None

    def accept_consent(self) -> None:
        self._consent(consent.ACCEPT)

    def reject_consent(self) -> None:
        self._consent(consent.REJECT)

    def _consent(self, mode: str) -> None:
        self.answering_consent = True
        try:
            self._consent_walk(mode)
            self.op.consent_answered = True
            self.op.consent_data_question = consent.data_question(self.accept if mode == consent.ACCEPT else self.reject)
        finally:
            self.answering_consent = False

    def _consent_walk(self, mode: str) -> None:
        known = self.accept if mode == consent.ACCEPT else self.reject
        if known is None and mode == consent.REJECT and (self.refusal_offered is False or self.refusal_unread):
            return      # no refusal offered (every way out tried), or none found on a dialog leaving the app
            #             usable behind it: left unanswered, as a user who does not agree
        if known is None:
            found = consent.answer(self.op, mode, self.data)
            if mode == consent.ACCEPT:
                self.accept = found
            else:
                self.reject = found
            return
        self._walk(known.moves, f"{mode} the consent dialog")
        self._answer_known_modals()     # a modal learnt at launch may show only once consent is answered

    # --- walking a known path ---
    def _walk(self, moves: list[Move], what: str) -> None:
        """Re-walk a learnt path; a step's control under a layer is lifted first as explorer/path_layers.py may
        (PathCovered, not reached, when it may not); PathBroken when a step is gone."""
        walked = False
        for index, move in enumerate(moves, 1):
            try:
                try:
                    perform(self.op, move, self.data)
                    walked = True
                except NotOnScreen:
                    if not walked and passed_by_itself(self.op, moves, index):
                        continue      # a launch layer's control (a splash's «跳過 3») gone with its layer
                    if not walked and self.op.in_foreground and drawn_late(self.op, move):
                        perform(self.op, move, self.data)     # its layer built after the launch's look
                        walked = True
                        continue
                    if self._lifting or not self.op.in_foreground:
                        raise
                    self._lifting = True
                    try:
                        lifted = self._lift_over(move, int(self.config.search.get("launch_layer_trials", 3)),
                                                 f"re-walking the explored path to {what}: step {index} ({move})")
                    finally:
                        self._lifting = False
                    if not lifted:
                        raise
                    perform(self.op, move, self.data)
                    walked = True
            except NotOnScreen as exc:
                raise PathBroken(f"re-walking the explored path to {what}: step {index} ({move}) failed: {exc}") from None

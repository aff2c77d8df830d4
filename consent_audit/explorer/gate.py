"""A log-in gate at launch (`LogInGate`, a mixin of `ExploredApp`): an app whose start screen leads only to
credential forms (`beyond_core.log_in_gate`, told by where its controls lead) shows nothing of itself logged out,
so the permissions goal gets past it as the deletion goal does — the given test account logged in, else an
account signed up (`_search_account`: by words, else by structure) — and searches behind it; every later launch
(the search's starts and the flow's measured launches) walks the same way in where the gate shows. Where it
cannot get past, the goal says so (`gate_not_passed`): the app is behind a log-in not passed, never clean.

The state it fills (`gate_moves`, `gate_mode`, `gate_names`) is declared in `ExploredApp.__init__`; the account
state `_search_account` fills is the deletion goal's and is left as it was (a flow re-walks only its own)."""
from __future__ import annotations

from ..model import Kind
from .account import username_variant
from .elements import purpose_row
from .flow_notice import in_flow
from .launch_layer import layer
from .moves import Move, perform
from .operator import Spend
from .screens import password_form, taps

ACCOUNT_STATE = ("account_mode", "account_moves", "login_moves", "logged_in_signature", "logged_out_signature",
                 "logged_out_node", "names_used", "signup_kinds", "signup_keys", "account_combed")
GATE_NAMES = 50
"""Usernames for accounts made to pass a gate are the given one's variants from this index on (`username_variant`),
apart from those the deletion goal's sign-ups use (1, 2 …)."""


def gate_not_passed(gate: list[str], tried: bool) -> str:
    """What a search that met a log-in gate at launch did not cover, in words a user can act on. `gate`: the
    labels of the start screen's controls that led to credential forms; `tried`: logging in and signing up were
    tried and neither got past it."""
    how = ("neither logging in with the given account nor signing up with it got past it" if tried
           else "the search did not sign in")
    return ("the app behind its log-in: the start screen leads only to credential forms (" + ", ".join(gate[:4])
            + f") and {how}; give a test account that logs in (--username, CONSENT_AUDIT_PASSWORD)")


class LogInGate:
    """See the module doc."""

    gate_walked: int | None = None      # declared in ExploredApp.__init__; the default for stand-ins built without it
    gate_left: int | None = None        # the same, counted also after a relaunch in the search (never a fresh install)

    def _pass_gate(self, spend: Spend) -> bool:
        """The way past the log-in at launch learnt (`_account_way`) as `gate_moves`; whether an account was
        reached."""
        moves, mode, walked = self._account_way(spend)
        if moves:
            self.gate_walked = walked
            self.gate_left = len(self.op.recorder.steps)
            self.gate_moves, self.gate_mode = moves, mode
            self.structure_checked = False      # the consent dialog by structure looked for behind it too
        return bool(self.gate_moves)

    def _account_way(self, spend: Spend) -> tuple[list[Move], str | None, int | None]:
        """From a fresh start, log in with the given account, else sign up (the deletion goal's account search,
        words first, then the first screens combed by structure for a credentials form): the way in learnt
        (moves from the start screen, how: log_in | sign_up) and the recorded steps when its search left the
        app signed in with no launch since that fresh granted start (None: it relaunched on the way);
        ([], None, None) when no account was reached. The account state and the operator's session are left as
        they were (the account is not the one a later goal logs in with)."""
        saved = {name: getattr(self, name) for name in ACCOUNT_STATE}
        session = getattr(self.op, "session", None)     # the test account's, learnt by the search below anew
        walked = None
        try:
            self._start()
            begun = len(self.op.recorder.steps)
            found = self._search_account(spend)
            steps = self.op.recorder.steps
            if found.reached and not any(s.kind in (Kind.LAUNCH, Kind.RELAUNCH) for s in steps[begun:]):
                walked = len(steps)     # its way in walked from that fresh granted start, no launch since
            if not found.reached:
                spend.counting = False
                self._start()
                spend.counting = True
                found = self._search_account(spend, comb=True)
            return (list(self.account_moves), self.account_mode, walked) if found.reached else ([], None, None)
        finally:
            for name, value in saved.items():
                setattr(self, name, value)
            self.op.session = session
            self.data.username = self.given_username

    def _walked_in(self) -> bool:
        """Whether the app is still where `_pass_gate`'s search left it — signed in from a fresh start with
        everything granted, no step since (`gate_walked`) and still in front — so a granted start behind the
        gate continues there instead of launching fresh and walking the way in again (corpus vstup: five
        actions). Consumed: True once."""
        walked, self.gate_walked = self.gate_walked, None
        return walked is not None and walked == len(self.op.recorder.steps) and self.op.in_foreground

    def _gate_ahead(self) -> bool:
        """Whether the log-in at launch learnt (`gate_moves`) shows now, its first control on screen and not
        covered (a dialog over it is answered first)."""
        return bool(self.gate_moves) and self.op.find(self.gate_moves[0].key) is not None

    def _through_gate(self) -> None:
        """Walk the way in learnt at the gate when the gate shows (its first control on screen): the given
        account logged in again, or another account signed up (each sign-up a username not used before).
        NotOnScreen when a step of it is gone."""
        if not self._gate_ahead():
            return
        self._walk_in(self.gate_moves, self.gate_mode)
        before = list(self.answered_at_launch)
        self._answer_known_modals()     # a layer learnt behind the gate (a banner shown once signed in)
        self.answered_at_launch = before + [m for m in self.answered_at_launch if m not in before]

    def _walk_in(self, moves: list[Move], mode: str | None) -> None:
        """Walk a learnt way in to an account — `mode` sign_up: another account signed up, each a username not
        used before; log_in: the given account — as launching's cost, not the search's (`Spend.toll`).
        NotOnScreen when a step of it is gone."""
        if mode == "sign_up":
            self.gate_names += 1
            self.data.username = username_variant(self.given_username, GATE_NAMES + self.gate_names)
        spend = getattr(self.op, "spend", None)     # None outside a search (a stand-in operator has none)
        if spend is not None:
            spend.tolling = True
        try:
            for move in moves:
                perform(self.op, move, self.data)
        finally:
            self.data.username = self.given_username
            if spend is not None:
                spend.tolling = False

    def _probe_behind_account(self) -> None:
        """The account search reached an account and no consent dialog is known: a layer shaped like one that
        shows only once signed in (a cookie banner over the logged-in home, in words no lexicon has) is probed by
        structure there — the probe at launch saw the logged-out app only. Each trial's fresh launch walks the
        account path again as a gate's way in (a new account each time for a sign-up: `_through_gate`); the app
        is then left signed in with the dialog accepted, so the searches after it never take its answer for a
        step of their own. Nothing is done behind a gate (its probe ran there) or with no such layer on screen."""
        if self.accept is not None or self.op.consent_keys or self.gate_moves or not self.account_moves:
            return
        screen = self.op.screen()
        if not self.op.in_foreground or self.consent_shown \
                or (shaped := layer(screen, self.op.targets(screen), self.op.covered(screen))) is None \
                or in_flow(screen, self.op.targets(screen), shaped.keys):     # an account page's first block
            return
        self.gate_moves, self.gate_mode = list(self.account_moves), self.account_mode
        self.structure_checked = False
        try:
            steps = len(self.op.recorder.steps)
            told = self._consent_by_structure(screen)
            if (told and not self.structure_accepted) or (not told and len(self.op.recorder.steps) != steps):
                self._launch_fresh()      # signed in again (the way in above), the dialog unanswered
            if self.consent_shown:
                self.accept_consent()
        finally:
            self.gate_moves, self.gate_mode = [], None

    def _before_each_turn(self) -> None:
        """What `refused_reach.reach` answers first at each turn: an app's own pre-prompt under test, and a log-in
        gate passed while exploring (once the consent dialog over it is answered)."""
        self._agree_to_pre_prompts()
        self._through_gate()

    def _gate_at_launch(self, limit: int) -> list[str]:
        """Whether the screen shown now (a start screen where nothing else was found) is a log-in gate, told by
        structure as `beyond_core.log_in_gate` tells it: a credentials form itself, or at most `limit` controls
        each of which leads to one (each tapped once, the app relaunched after it: one action and one relaunch
        each; a purpose's row is no control of the kind: `elements.purpose_row`). The labels of those controls
        (["the start screen"] for a form); [] when it is not a gate."""
        screen = self.op.screen()
        if not self.op.in_foreground or not screen.in_app:
            return []
        if password_form(self.op.targets(screen)):
            return ["the start screen"]
        found = self.op.targets(screen)
        # a purpose's row (its caption toggling its switch) is that purpose, never a way on (a consent dialog's
        # settings layer left open by the probe before): not tapped as one
        keys = [t.key for t in taps(found) if t.element.enabled and not purpose_row(t, found)]
        if not keys or len(keys) > limit:
            return []
        labels: list[str] = []
        for key in keys:
            target = self.op.find(key)
            if target is None:
                return []
            after = self.op.tap(target)
            leads = self.op.in_foreground and after.in_app and password_form(self.op.targets(after))
            self.op.relaunch()
            if not leads:
                return []
            labels.append(target.label or key)
        return labels

"""The permissions goal behind a log-in inside the app (`SignedInSearch`, a mixin of `PermissionExplorations`).

The search beyond the core screen (explorer/beyond_core.py) types nothing, so where it reaches a credentials form
inside the app (a profile tab's «Log in», `Beyond.log_ins`) the signed-in app behind it is unseen — and an app that
asks for a permission only there (a voice coach's switch in the signed-in settings, corpus begimas; posting a
photo) would be called clean on what a signed-out visitor sees. So, with a test account given, the way in is
learnt as the log-in gate's is (explorer/gate.py `_account_way`: the given account logged in, else one signed
up) and the signed-in app is searched from where signing in leads, using only what signing in added: every
(screen structure, control) pair the signed-out search used is used already (`Beyond.used`). A permission asked
there becomes a feature whose `way_in` (the log-in walked from the core screen) is walked before its route, once
per install, when its refusal is measured (`ExploredApp.feature_on`). What was searched there, and what was not,
is said in the goal's detail; without a password to type the log-in is said not passed, never silently clean.
"""
from __future__ import annotations

from dataclasses import replace

from . import beyond_core
from .beyond_core import Beyond
from .moves import Move, moves_said
from .config import Budget
from .operator import NotOnScreen, Spend
from .spend import OutOfBudget


class SignedInSearch:
    """See the module doc."""

    signed_in_install: int | None = None
    """`Operator.installs` when a feature's way in was last walked: walked once per install (a second refused
    feature of the same launch is used signed in already)."""

    earlier_account: tuple[str | None, list[Move]] = (None, [])
    """How an earlier goal of the run got an account (its `account_mode`, `account_moves`: handed on by
    flows/explore/conftest.py from `learned_so_far`)."""

    def _known_way(self) -> tuple[list[Move], str | None, int | None]:
        """The way an earlier goal signed up (the deletion goal's account search: `account_moves`, this app's or
        handed on as `earlier_account`), walked from a fresh granted start with a username not used before — no
        account search spent again; ([], None, None) when none is known or it cannot be walked again. (A log-in
        with the given account is not reused: the deletion goal may have deleted that account.)"""
        mode, moves = (self.account_mode, self.account_moves) if self.account_moves else self.earlier_account
        if mode != "sign_up" or not moves:
            return [], None, None
        moves = list(moves)         # this walk's own copy: the app's account state is not shared
        self._start()
        try:
            self._walk_in(moves, "sign_up")
        except NotOnScreen:
            return [], None, None
        return moves, "sign_up", len(self.op.recorder.steps)

    def _search_signed_in(self, spend: Spend, beyond: Beyond) -> None:
        """Search the app behind the log-in `beyond` reached inside the app (module doc); its features, screens,
        controls and what it did not cover are added to `beyond` (`signed_in` says how it got in), and its log-in
        is no longer said unpassed. Nothing is done behind a log-in gate at launch (searched behind already) or
        when no log-in was reached. It spends at most `search.signed_in_share` of what the goal's budget has left
        (actions and seconds): the rest of the goal (the refused launch, features told by refusal) keeps the
        remainder, and a share spent ends only this part, said (corpus kanal: the goal ran out of budget)."""
        if not beyond.log_ins or beyond.gate or self.gate_moves:
            return
        if not self.data.password:
            beyond.log_ins = [f"{way}: no password given to sign in with (--username, CONSENT_AUDIT_PASSWORD)"
                              for way in beyond.log_ins[:1]] + beyond.log_ins[1:]
            return
        budget, share = spend.budget, float(self.config.search.get("signed_in_share", 0.5))
        left = budget.actions - (spend.actions - spend.toll)
        spend.budget = Budget(budget.actions - int(left * (1 - share)),
                              budget.seconds - (budget.seconds - spend.seconds) * (1 - share))
        try:
            self._signed_in(spend, beyond)
        except OutOfBudget:
            beyond.log_ins[:1] = [f"{beyond.log_ins[0]}: its share of the budget ran out before it got in"]
        finally:
            spend.budget = budget

    def _signed_in(self, spend: Spend, beyond: Beyond) -> None:
        """`_search_signed_in` within the share of the budget it was given (OutOfBudget before it got in)."""
        spend.tolling = True      # the way in costs what entering costs (a log-in at launch's toll): not the search's
        try:
            got_in = self._way_in(spend, beyond)
        finally:
            spend.tolling = False
        if got_in is None:
            return
        moves, mode = got_in
        # what the signed-out search used is not used again but the core screen's controls that began a way to the
        # log-in (a profile tab): they lead elsewhere once signed in; a screen of a structure seen signed out
        # holds nothing new (the signed-in screens are told apart by their structure)
        used = frozenset(pair for pair in beyond.used
                         if not (pair[0] == beyond_core.CORE and pair[1] in beyond.log_in_keys))
        inner = beyond_core.search(self.op, self.config.search, self.config.weights("deny-permissions"), spend,
                                   self.data, core=self.core, used=used,
                                   known=frozenset(beyond.features) | frozenset(beyond.unwalkable)
                                   | frozenset(self.features))     # the core screen's, found by their words
        for permission, feature in inner.features.items():
            if permission not in beyond.features:
                beyond.features[permission] = replace(feature, way_in=tuple(moves), way_mode=mode)
        for permission, where in inner.unwalkable.items():
            beyond.unwalkable.setdefault(permission, f"{where}, signed in")
        beyond.screens += inner.screens
        beyond.taps += inner.taps
        beyond.words = beyond.words | inner.words
        beyond.avoided += [label for label in inner.avoided if label not in beyond.avoided]
        # a permission asked there and not measurable is owed like any (never clean on it); controls the
        # signed-in search left are said beside what it searched (the signed-out app is the one covered)
        owed = [beyond_core.unwalkable_said(p, w) for p, w in inner.unwalkable.items()]
        beyond.unsearched += [f"signed in: {phrase}" for phrase in owed]
        beyond.signed_in = (f"{mode.replace('_', ' ') if mode else 'log in'}: "
                            + moves_said(moves)
                            + f"; {inner.screens} screen(s), {inner.taps} control(s) used there"
                            + left_there([phrase for phrase in inner.unsearched if phrase not in owed]))
        beyond.log_ins = []

    def _way_in(self, spend: Spend, beyond: Beyond) -> tuple[list[Move], str | None] | None:
        """The way in behind the log-in, known or learnt, walked from a fresh granted start where it was not just
        walked: (its moves, its mode); None when it did not get in (said in `beyond.log_ins`)."""
        moves, mode, walked = self._known_way()
        if not moves:
            moves, mode, walked = self._account_way(spend)
        if not moves:
            beyond.log_ins[:1] = [f"{beyond.log_ins[0]}: neither logging in with the given account nor signing up "
                                  "with it got in"]
            return None
        if walked is None or walked != len(self.op.recorder.steps) or not self.op.in_foreground:
            self._start()           # signed in from a fresh granted start, as every later walk of it is
            try:
                self._walk_in(moves, mode)
            except NotOnScreen as exc:
                beyond.log_ins[:1] = [f"{beyond.log_ins[0]}: its way in could not be walked again ({exc})"]
                return None
        return moves, mode


def left_there(phrases: list[str], shown: int = 5) -> str:
    """'; left there: …' for what the signed-in search did not cover ('' for nothing): the share of the budget
    spent first (it says the part was cut short), then the others up to `shown` in all, the rest counted — never
    dropped unsaid (corpus kedai: the budget's end was the fifth phrase of five and not shown)."""
    if not phrases:
        return ""
    ordered = sorted(phrases, key=lambda phrase: not phrase.startswith(beyond_core.BUDGET_SPENT))
    more = f"; and {len(ordered) - shown} more" if len(ordered) > shown else ""
    return "; left there: " + "; ".join(ordered[:shown]) + more

"""The test account's session as the log-in left it, and a log-out told by its effect, whatever its words.

A control that logs out is named by a lexicon's `log_out` words in most apps, but not in every language
(«Odhlásit se», «התנתקות», «Αποσύνδεση» before a lexicon had them): tapped by the search, it loses the session,
wastes actions and leaves the search at the app's log-in form. So a tap is also told a log-out by what it did:

- the records the log-in stored (a token, a session key: the storage items new or changed by the accepted
  log-in or sign-up form, `readback.changed`, of a value of `SESSION_VALUE` characters or more) were there before the tap and one of them is gone after it
  (a log-out removes the token and may keep the account's e-mail to offer it again) — where the
  platform reads the app's storage (web: cookies, local and session storage);
- where it cannot (`stored_state()` None: Android), the app's start screen without an account (its structural
  signature, when it differs from the logged-in one) or the account's log-in form shows again.

A control so told is kept in `log_outs` (its key: the same control on a later screen of any goal) and avoided
from then on like a `log_out` word (explorer/search.py); the search logs back in with the test account when a
way to is known (`relogin`). Inside the deletion flow such a tap is the deletion done: told by logging in again
when a way to is known, else by the session's end alone (unless its words say log out).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..stored_records import _items, changed
from ..screen import Screen
from . import cues
from .graph import Candidate, DeadEnds, Node, ScreenGraph
from .moves import FORM, TAP, Move

log = logging.getLogger(__name__)
LOGGED_OUT_SCORE = -100.0      # a control seen to end the session, whatever its words

State = Mapping[str, Any] | None
SESSION_VALUE = 8     # characters: a token, a session id, the account's e-mail — not a preference the form also
                      # stored ("1", "true": vstup's newsletter box), which a log-out leaves in place


def _emptied(keys: frozenset[str], stored: State) -> set[str]:
    """Those of the records `keys` that `stored` (`stored_state()`; None: nothing read) holds no value for —
    gone, or kept empty."""
    items = _items(stored) if stored is not None else {}
    return {k for k in keys if not str(items.get(k, "")).strip()}


@dataclass
class Session:
    """What tells the account is logged in (see the module doc), the controls seen to log out (key → label)
    and how to log back in (`relogin`: True when the account is in again)."""

    keys: frozenset[str] = frozenset()       # readback item names the log-in stored ("local:vstup:token")
    logged_out: str | None = None            # the start screen's structural signature without an account
    logged_in: str | None = None             # the structure the app showed once the account was reached
    login_key: str | None = None             # the key of the log-in form's submit
    log_outs: dict[str, str] = field(default_factory=dict)
    relogin: Callable[[], bool] | None = None
    held: bool = True       # the account believed logged in (a fresh install, a log-out seen: not)

    @classmethod
    def learnt(cls, before: State, after: State, **known: Any) -> "Session":
        """The session of an accepted log-in or sign-up: `before`/`after` what the app stored just before the
        form was sent and once it was accepted (None: not readable)."""
        stored = changed(before, after) if before is not None and after is not None else {}
        return cls(keys=frozenset(k for k, v in stored.items() if len(v.strip()) >= SESSION_VALUE), **known)

    @property
    def known(self) -> bool:
        """Whether anything can tell the session is gone."""
        return bool(self.keys) or bool(self.logged_out and self.logged_in and self.logged_out != self.logged_in) \
            or bool(self.login_key)

    def kept(self, stored: State) -> bool:
        """Whether every record the log-in stored (`keys`) is still stored with a value (`stored`:
        `stored_state()`; None where it cannot be read: False)."""
        return bool(self.keys) and not _emptied(self.keys, stored)

    def ended(self, before: State, after: State, was: Screen, now: Screen, now_keys: set[str]) -> str | None:
        """Why the tap from `was` to `now` ended the session, or None. `before`/`after`: what the app stored
        around the tap (None: not readable); `now_keys`: the keys of the controls on `now`."""
        if self.keys and before is not None and after is not None:
            held = self.keys & set(_items(before))
            if not held:
                return None                      # not logged in before the tap: nothing to lose
            gone = _emptied(held, after)
            if gone:     # any of them: a log-out often removes the token and keeps the account's e-mail
                return "the session the log-in stored (" + ", ".join(sorted(gone))[:80] + ") is gone"
            return None
        if not self.held:
            return None                          # not logged in before the tap (a fresh install): nothing to lose
        if self.logged_out and self.logged_in and self.logged_out != self.logged_in \
                and now.signature == self.logged_out and was.signature != self.logged_out:
            return "the app's start screen without an account shows again"
        if self.login_key and self.login_key in now_keys and was.signature != now.signature:
            return "the account's log-in form shows again"
        return None


class LogOutWatch:
    """The search's side of it (a mixin of explorer/search.py's GoalSearch, whose state it reads: `op`, `goal`,
    `graph`, `dead`, `session`, `logged_out`, `_arrive`)."""

    op: Any
    goal: Any
    graph: ScreenGraph
    dead: DeadEnds
    session: Session | None
    logged_out: tuple[str, str, bool] | None
    _arrive: Callable[[Screen, Node | None, Move | None], Node]     # GoalSearch's: note the screen shown now

    def _stored(self) -> Any:
        """What the app stores now (platform.stored_state(); None where it cannot be read)."""
        platform = getattr(self.op, "platform", None)
        return platform.stored_state() if platform is not None else None

    def _watching(self, node: Node, move: Move) -> bool:
        """Whether a move is watched for the end of the session: the account's session is known and the move is
        a tap outside a flow the goal entered — or, for a goal that tells a deletion by logging in again
        (`session_ended`), any tap or form sent inside it (a deletion ends the session too)."""
        if self.session is None or not self.session.known:
            return False
        if node.in_flow:
            return move.kind in (TAP, FORM) and getattr(self.goal, "session_ended", None) is not None
        return move.kind == TAP

    def _deleted_unasked(self, move: Move) -> bool:
        """Whether `move`, inside the deletion flow, ended the session where logging in again could not be asked
        (no log-in path learnt, or it told nothing) is the deletion done: the flow's own step did what only a
        deletion or a log-out does, and its words do not say log out (structure first: the end screen's words
        may be in any language)."""
        return getattr(self.goal, "session_ended", None) is not None and not cues.has(move.label, "log_out")

    def _told(self, move: Move, in_flow: bool = False) -> str | None:
        """What tells the deletion after `move` (from a screen `in_flow` of the deletion) ended the session, for a
        goal that asks (the deletion's `session_ended`): deleted (its words, inside the flow) | accepted |
        rejected | pending (logging in again) | None (not asked or not told)."""
        ask = getattr(self.goal, "session_ended", None)
        return ask(move, in_flow) if ask is not None else None

    def _logged_out_by(self, node: Node, cand: Candidate, why: str, answer: str | None = None) -> None:
        """A tap ended the session: the control is a log-out from now on (in every goal), recorded as such, and
        the account logged back in when a way to is known (`answer`: what logging in again already answered,
        'accepted' when the account is in again)."""
        assert self.session is not None
        label, key = cand.move.label, cand.move.key
        self.session.log_outs[key] = label
        self.session.held = False
        self.dead.add(label, "logged out", node.via, tried=True)
        for other in self.graph.nodes.values():
            if key in other.candidates:
                other.candidates[key].score = min(other.candidates[key].score, LOGGED_OUT_SCORE)
        back = answer == "accepted"
        if answer is None and self.session.relogin is not None:
            back = bool(self.session.relogin())
            self.session.held = back
        self.logged_out = (label, why, back)
        log.info("'%s' logged out (%s); logged back in: %s", label, why, back)
        self._arrive(self.op.screen(), None, None)

    def _stranded(self) -> bool:
        """Logged out with no way back in while the goal needs the account (the deletion of an account
        holder): searching on logged out only spends actions."""
        return bool(self.logged_out and not self.logged_out[2] and self.goal.name == "delete-account"
                    and not getattr(self.goal, "without_account", False))


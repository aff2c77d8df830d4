"""The test account's session as the log-in left it, and a log-out told by its effect, whatever its words.

A control that logs out is named by a lexicon's `log_out` words in most apps, but not in every language
(«Odhlásit se», «התנתקות», «Αποσύνδεση» before a lexicon had them): tapped by the search, it loses the session,
wastes actions and leaves the search at the app's log-in form. So a tap is also told a log-out by what it did:

- the records the log-in stored (a token, a session key: the storage items new or changed by the accepted
  log-in or sign-up form, `readback.changed`) were there before the tap and are all gone after it — where the
  platform reads the app's storage (web: cookies, local and session storage);
- where it cannot (`stored_state()` None: Android), the app's start screen without an account (its structural
  signature, when it differs from the logged-in one) or the account's log-in form shows again.

A control so told is kept in `log_outs` (its key: the same control on a later screen of any goal) and avoided
from then on like a `log_out` word (explorer/search.py); the search logs back in with the test account when a
way to is known (`relogin`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..readback import _items, changed
from ..screen import Screen

State = Mapping[str, Any] | None


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
        keys = frozenset(changed(before, after)) if before is not None and after is not None else frozenset()
        return cls(keys=keys, **known)

    @property
    def known(self) -> bool:
        """Whether anything can tell the session is gone."""
        return bool(self.keys) or bool(self.logged_out and self.logged_in and self.logged_out != self.logged_in) \
            or bool(self.login_key)

    def ended(self, before: State, after: State, was: Screen, now: Screen, now_keys: set[str]) -> str | None:
        """Why the tap from `was` to `now` ended the session, or None. `before`/`after`: what the app stored
        around the tap (None: not readable); `now_keys`: the keys of the controls on `now`."""
        if self.keys and before is not None and after is not None:
            held = self.keys & set(_items(before))
            if not held:
                return None                      # not logged in before the tap: nothing to lose
            if not held & set(_items(after)):
                return "the session the log-in stored (" + ", ".join(sorted(held))[:80] + ") is gone"
            return None
        if not self.held:
            return None                          # not logged in before the tap (a fresh install): nothing to lose
        if self.logged_out and self.logged_in and self.logged_out != self.logged_in \
                and now.signature == self.logged_out and was.signature != self.logged_out:
            return "the app's start screen without an account shows again"
        if self.login_key and self.login_key in now_keys and was.signature != now.signature:
            return "the account's log-in form shows again"
        return None

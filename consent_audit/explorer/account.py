"""Reaching a logged-in test account: log in with the given credentials where the app asks; when log-in is
refused, sign up with them (another username when that one is taken), as a tester would."""
from __future__ import annotations

import re
from typing import Any

from ..screen import Screen
from . import cues
from .config import ExplorerConfig
from .elements import Target, Use, targets
from .forms import ACCOUNT, FormData
from .graph import Node
from .moves import FORM, Move
from .screens import password_form, says
from .goal import Verdict

MAX_NAMES = 4


def username_variant(username: str, n: int) -> str:
    """The n-th other username of the same form: a phone number keeps its length, an e-mail its domain."""
    if n == 0:
        return username
    if username.isdigit() and len(username) >= 6:
        tail = str((int(username[-4:]) + 1117 * n) % 10000).zfill(4)
        return username[:-4] + tail
    if "@" in username:
        local, _, domain = username.partition("@")
        return f"{local}+{n}@{domain}"
    return f"{re.sub(r'[^A-Za-z0-9_.-]', '', username) or 'tester'}{n + 1}"


def signup_shape(screen: Screen, found: list[Target]) -> bool:
    """A credentials form shaped as a sign-up, whatever its words: a repeated secret (password and its
    confirmation), or a field beyond the identifier and the secret (a name, a second identifier)."""
    fields = [t for t in found if t.use == Use.TEXT and t.element.enabled]
    secrets = [t for t in fields if t.element.secret_field or "password" in cues.data_kinds(t.label)]
    others = [t for t in fields if t not in secrets and "sms_code" not in cues.data_kinds(t.label)]
    return bool(secrets) and (len(secrets) >= 2 or len(others) >= 2)


def alike(a: Target, b: Target, slack: int = 4) -> bool:
    """Two controls drawn alike: the same role and the same size (a pair of buttons side by side)."""
    return (a.element.role == b.element.role and abs(a.bounds[2] - b.bounds[2]) <= slack
            and abs(a.bounds[3] - b.bounds[3]) <= slack)


class AccountGoal:
    """Scores log-in controls first; after a refused log-in, sign-up controls — by words, else by structure:
    the app's first screens are combed for a credentials form other than the log-in form."""

    name = "account"

    def __init__(self, config: ExplorerConfig, data: FormData) -> None:
        self.weights = config.weights("account")
        self.prefer = config.weight("account", "prefer", 60)
        self.data = data
        self.given = data.username
        self.want = "log_in"
        self.names_tried = 0
        self.mode: str | None = None            # how the session was reached: log_in | sign_up
        self.login_move: Move | None = None     # the log-in form's submit, for logging in again later
        self.search: Any = None                 # the GoalSearch using this goal (to rescore, to retry a form)
        self.asked = False                      # a log-in or sign-up control was seen somewhere
        self.login_form: tuple[str, str] | None = None   # (node, submit key) of the form the log-in was refused on
        self.fallback_depth = int(config.search.get("signup_max_depth", 2))

    @property
    def fallback(self) -> bool:
        """Unscored controls are tried only once a log-in was refused: the app has accounts, and its sign-up
        may be worded as nothing any lexicon knows («Rekening openen»). Before that, an app whose controls name
        no log-in needs none: nothing to comb through (kind 9)."""
        return self.login_form is not None and self.want == "sign_up" and self.mode is None

    def tie_break(self, node: Node, key: str) -> float:
        """Among unscored controls, the one drawn like a log-in control beside it (a "Log in" / «Rekening
        openen» pair of buttons) first, then the controls of the log-in form's own screen ("No account? …")."""
        found = targets(node.screen)
        cand = next((t for t in found if t.key == key), None)
        if cand is None:
            return 0.0
        entries = [t for t in found if t.use == Use.TAP and t is not cand and cues.has(t.label, "log_in")]
        if any(alike(cand, t) for t in entries):
            return 2.0
        return 1.0 if self.login_form is not None and self.login_form[0] == node.ident else 0.0

    def score(self, node: Node, label: str) -> float:
        """Log-in (then sign-up) controls first; menus (me, account, settings) only as a way to one. An app that
        wants a log-in asks for it where a user starts (its first screen or one tap away, the 我的 tab): until
        some screen shows a log-in or sign-up control, menus below that are not searched (issue 13, kind 9)."""
        found = cues.categories(label)
        entry = bool(found & {"log_in", "sign_up"})
        if entry and not self.asked:
            self.asked = True
            if self.search is not None:
                self.search.rescore()
        total = sum(w for c, w in self.weights.items() if c in found)
        if not entry and not self.asked and node.depth >= 1:
            total = min(total, 0.0)
        return total + (self.prefer if self.want in found else 0)

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        return ACCOUNT if password_form(found) else None

    def enters_flow(self, move: Move) -> bool:
        return False

    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None:
        if move.kind != FORM:
            return None
        # a form is a sign-up when its submit says so, or (its submit saying neither) when the control that led
        # to it did ("Create account" → a form sent by a bare "Register"/"تسجيل"), or when a sign-up is wanted
        # — or by its shape, whatever its words: a repeated secret or a name beside the credentials; once a
        # log-in was refused, any credentials form other than the one refusing it
        came_by = parent.via[-1] if parent.via else ""
        led_to_signup = cues.has(came_by, "sign_up") and not cues.has(came_by, "log_in")
        refused_on = self.login_form == (parent.ident, move.key)
        signing_up = not refused_on and (
            cues.has(move.label, "sign_up") or signup_shape(parent.screen, targets(parent.screen))
            or (not cues.has(move.label, "log_in") and (self.want == "sign_up" or led_to_signup)))
        if same or (password_form(found) and says(screen, "form_error", "taken")):
            message = says(screen, "taken", "form_error") or "the form stayed on screen"
            if not signing_up:
                self.login_move = move
                self.login_form = (parent.ident, move.key)
                if self.want == "log_in":
                    self.want = "sign_up"
                    if self.search is not None:
                        self.search.rescore()
            elif cues.has(message, "taken") and self.names_tried + 1 < MAX_NAMES and self.search is not None:
                self.names_tried += 1
                self.data.username = username_variant(self.given, self.names_tried)
                cand = parent.candidates.get(move.key)
                if cand is not None:
                    cand.tried = False
            return Verdict("rejected", message)
        if password_form(found):
            return None
        self.mode = "sign_up" if signing_up else "log_in"
        if not signing_up:
            self.login_move = move
        return Verdict("reached", self.mode)

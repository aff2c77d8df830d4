"""Reaching a logged-in test account: log in with the given credentials where the app asks; when log-in is
refused, sign up with them (another username when that one is taken), as a tester would."""
from __future__ import annotations

from typing import Any

from ..screen import Screen
from . import cues
from .config import ExplorerConfig
from .elements import Target, Use, targets
from .forms import ACCOUNT, FormData, account_retry_purpose, lacking_boxes, plan
from .graph import Node
from .moves import FORM, Move
from .screens import password_form, says
from .goal import Verdict
from .hints import Hints
from .tab_bar import END, far_end
from .account_forms import (  # noqa: F401 (said here too: the account's forms and names)
    collected_kinds, login_from_map, signup_shape, username_variant)

MAX_NAMES = 4


def alike(a: Target, b: Target, slack: int = 4) -> bool:
    """Two controls drawn alike: the same role and the same size (a pair of buttons side by side)."""
    return (a.element.role == b.element.role and abs(a.bounds[2] - b.bounds[2]) <= slack
            and abs(a.bounds[3] - b.bounds[3]) <= slack)


def beside(a: Target, b: Target) -> bool:
    """Two controls next to each other: in one row or one column, the gap between their boxes (x, y, width,
    height) at most the lower one's height (a pair stacked or side by side, not two ends of a list)."""
    (ax, ay, aw, ah), (bx, by, bw, bh) = a.bounds, b.bounds
    gap = min(ah, bh)
    row = ay < by + bh and by < ay + ah and max(bx - (ax + aw), ax - (bx + bw)) <= gap
    column = ax < bx + bw and bx < ax + aw and max(by - (ay + ah), ay - (by + bh)) <= gap
    return row or column


def pairs_log_in(cand: Target, found: list[Target], next_to: bool = False, opener: str = "") -> bool:
    """Whether `cand` is drawn like a log-in control among `found` (the screen's targets): one worded as a log-in,
    or `opener`, the words of the control seen to open the log-in form (whatever its words: kadai's «உள்நுழை»);
    `next_to`: and lies beside it (`beside`)."""
    return any(alike(cand, t) and (not next_to or beside(cand, t)) for t in found
               if t.use == Use.TAP and t is not cand and (cues.has(t.label, "log_in") or (opener and t.label == opener)))


def worded_log_in(node: Node, move: Move) -> bool:
    """Whether a credentials form's submit `move`, or the control that opened its screen `node`, is worded as a
    log-in."""
    return cues.has(move.label, "log_in") or bool(node.via and cues.has(node.via[-1], "log_in"))


ALIKE = 20.0
"""Tie-break points of an unscored control drawn like the log-in control beside it: first, even a screen away
(a relaunch and a tap back cost 2 × search.route_cost + depth_penalty), before what the hints order."""


class AccountGoal:
    """Scores log-in controls first; after a refused log-in, sign-up controls — by words, else by structure:
    the app's first screens are combed for a credentials form other than the log-in form."""

    name = "account"
    at_hand = True        # equal worth: the control on the screen the search stands on first (goal.py)

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
        self.learning = False                   # only the log-in path is wanted (after the deletion): never sign up
        self.login_node: str | None = None      # learning: the node the log-in form was submitted on
        self.login_form: tuple[str, str] | None = None   # (node, submit key) of the form the log-in was refused on
        self.refused_answer = ""                # what that form answered the refused log-in (its new words)
        self.signup_depth = int(config.search.get("signup_max_depth", 2))
        self.comb_depth = int(config.search.get("fallback_max_depth", 3))
        self.comb = False                       # combing by structure: no word named an account anywhere
        self.signup_keys: set[str] = set()      # learning while combing: submits of the sign-up form(s) made
        self.hints: Hints | None = None         # what the goal's earlier searches learnt (explorer/hints.py)
        self.paired: set[str] = set()           # words (40 characters) of the controls `boost` scored as a sign-up
        self.opener = ""                        # words of the control that opened the form refusing the log-in
        self.held_form: tuple[str, str] | None = None   # a log-in form held back unsent (`held`): (node, submit key)

    @property
    def fallback(self) -> bool:
        """Unscored controls are tried only once a log-in was refused: the app has accounts, and its sign-up
        may be worded as nothing any lexicon knows («Rekening openen»). Before that, an app whose controls name
        no log-in needs none: nothing to comb through (kind 9) — unless combing (`comb`: the deletion was not
        found without an account), when the first screens are searched for a credentials form by structure — or
        learning the log-in after the deletion (`learning`): the app has accounts (one was made there and deleted),
        its log-in may be worded as nothing any lexicon knows (corpus lauks: «Pieslēgties» beside «Izveidot kontu»;
        before, none was learnt and what logging in again answers went unmeasured); the sign-up form is never
        sent (`purpose`, `judge`: its words, its shape, the control the account was made with)."""
        if (self.comb or self.learning) and self.mode is None:
            return True
        return self.login_form is not None and self.want == "sign_up" and self.mode is None

    @property
    def fallback_depth(self) -> int:
        """How deep unscored controls are tried: the start screen and one tap away for a sign-up beside a
        refused log-in; the first `fallback_max_depth` levels when combing for a credentials form."""
        return self.comb_depth if self.comb else self.signup_depth

    def tie_break(self, node: Node, key: str) -> float:
        """Among unscored controls, the one drawn like a log-in control beside it (a "Log in" / «Rekening
        openen» pair of buttons) first, then the controls of the log-in form's own screen ("No account? …");
        among the rest, the way to the accounts earlier searches saw first, what led nowhere last (`hints`); before
        any log-in was refused, the bottom tab bar's far end before the other controls of its screen
        (`tab_bar.far_end`)."""
        found = targets(node.screen)
        cand = next((t for t in found if t.key == key), None)
        if cand is None:
            return 0.0
        if pairs_log_in(cand, found, opener=self.opener):
            return ALIKE
        hint = self.hints.bonus(key) if self.hints is not None else 0.0
        # the bar's far end, where apps keep the account (tab_bar.py) — until a log-in was refused: its sign-up
        # lies by the log-in form, not a tab away
        end = END if self.login_form is None and key == far_end(node.screen, found) else 0.0
        return (1.0 if self.login_form is not None and self.login_form[0] == node.ident else 0.0) + hint + end

    def boost(self, node: Node, key: str) -> float:
        """Added to a tap's score (explorer/search_map.py): once a log-in was refused, an unworded control drawn
        like a log-in control (worded as one, or the one that opened the refused form: `opener`) and next to it
        (a «Inloggen» / «Rekening openen» pair, kadai's «உள்நுழை» / «பதிவு செய்») scores as a sign-up control's
        words would, without the preference — before a menu that only may hold one (me, account), which a user
        would open only after it. 0.0 for any other control, and before a refusal."""
        if self.login_form is None or self.want != "sign_up" or self.learning or self.mode is not None:
            return 0.0
        found = targets(node.screen)
        cand = next((t for t in found if t.key == key and t.use == Use.TAP), None)
        if cand is None or cues.categories(cand.label) & set(self.weights):
            return 0.0
        if not pairs_log_in(cand, found, next_to=True, opener=self.opener):
            return 0.0
        self.paired.add(cand.label[:40])
        return float(self.weights.get("sign_up", 0.0))

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
        if self.learning and "sign_up" in found and "log_in" not in found:
            return -100.0
        if not entry and not self.asked and not self.comb and node.depth >= 1:
            total = min(total, 0.0)
        if self.want == "sign_up" and node.via and node.via[-1] in self.paired:
            total += self.weights.get("sign_up", 0.0)      # what such a control led to: the sign-up, as if worded
        return total + (self.prefer if self.want in found else 0)

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        if not password_form(found):
            return None
        if self.learning and self.signup_form(node, screen, found):
            return None       # never sent while learning the log-in: it would make an account nothing deletes
        return ACCOUNT

    def signup_form(self, node: Node, screen: Screen, found: list[Target]) -> bool:
        """Whether a credentials form is a sign-up, told before anything is sent: reached through a control
        worded as a sign-up, shaped as one (`signup_shape`), sent by a control worded as a sign-up (not as a
        log-in), or sent by the control the account was made with (`signup_keys`)."""
        if node.via and cues.has(node.via[-1], "sign_up") and not cues.has(node.via[-1], "log_in"):
            return True
        if signup_shape(screen, found):
            return True
        submit = plan(screen, found, ACCOUNT, self.data, True).submit
        return submit is not None and (submit.key in self.signup_keys or (
            cues.has(submit.label, "sign_up") and not cues.has(submit.label, "log_in")))

    def held(self, node: Node, move: Move) -> bool:
        """Whether a form is held back unsent (`GoalSearch` does not send it): with a new account
        (`FormData.new_account`: the given account does not exist yet, the audit makes its own), the first log-in
        form met is not sent — it would only be refused — but taken as that refusal: its submit is the log-in
        for later (logging in again after the deletion), and sign-up controls are wanted from here on, found as
        after any refused log-in (beside the log-in control, by words or by structure). Only a form worded as a
        log-in (its submit, or the control that opened it) and not told a sign-up (`signup_form`); an unworded
        credentials form is sent as before (combing: whatever it answers tells which it is); a held form is sent
        after all when nothing else led on (`release`). Never while learning the log-in, or once an account is
        reached or a log-in form known."""
        if not self.data.new_account or move.kind != FORM or self.learning or self.mode is not None \
                or self.login_form is not None:
            return False
        if not worded_log_in(node, move) or self.signup_form(node, node.screen, targets(node.screen)):
            return False
        self._refused(node, move, "")
        self.held_form = (node.ident, move.key)
        return True

    def release(self) -> tuple[str, str] | None:
        """The form `held` back (node, submit key), once, to be sent after all: the search found no sign-up
        besides it, or the sign-up was refused in words not read as a name taken (the account may exist: an
        earlier goal of the run signed up with it). Refused, the search goes on as it would have; accepted,
        the account is in. None otherwise."""
        held, self.held_form = self.held_form, None
        return held

    def _refused(self, parent: Node, move: Move, said: str) -> None:
        """The log-in form `move` sent on `parent` was refused (answering `said`; "" when held back unsent): its
        submit is the log-in path's, the control that opened it the `opener`, and a sign-up is wanted now."""
        self.login_move = move
        self.login_form, self.refused_answer = (parent.ident, move.key), said
        if parent.via and not cues.has(parent.via[-1], "sign_up") and not any(
                t.label == parent.via[-1] and t.key != move.key for t in targets(parent.screen)):
            self.opener = parent.via[-1]      # the log-in control, by what it opened (not a tab the
                                              # form's screen shows too: its neighbours are other tabs)
        if self.want == "log_in":
            self.want = "sign_up"
            if self.search is not None:
                self.search.rescore()

    def enters_flow(self, move: Move) -> bool:
        return False

    @staticmethod
    def retry_purpose(message: str) -> str:
        """A refused sign-up's second attempt: the boxes the refusal wants ticked (forms.lacking_boxes)."""
        return account_retry_purpose(message)

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
        worded_login = worded_log_in(parent, move)
        told = not refused_on and (
            cues.has(move.label, "sign_up") or signup_shape(parent.screen, targets(parent.screen))
            or (not cues.has(move.label, "log_in") and (self.want == "sign_up" or led_to_signup)))
        # combing by structure, a form no word names: refused, it is the log-in (the account is not there yet);
        # accepting the given account at once, a sign-up — a sign-up taken for the log-in would be re-walked
        # after the deletion as one, and accept (a wrong verdict); the other way round leaves it unmeasured
        combed = not refused_on and not told and self.comb and not worded_login
        signing_up = told or combed
        if self.learning and move.key in self.signup_keys:
            return Verdict("rejected", "the sign-up form")
        if self.learning:       # the log-in form, whatever it answered the deleted account: its path is learnt
            if told:
                return Verdict("rejected", "a sign-up form")
            self.login_move, self.login_node = move, parent.ident
            return Verdict("reached", "log_in")
        # refused: the form is still there — the same screen, or the same credentials form sent by the same control
        # with the app's answer added, whatever its words ("Email o password errate.": no lexicon needed) —
        # else a refusal the lexicon reads
        # (no field added: a code field showing up under the password is the form's next step, not a refusal)
        fields = {t.key for t in found if t.use == Use.TEXT}
        stayed = password_form(found) and any(t.key == move.key for t in found) and fields <= {
            t.key for t in targets(parent.screen) if t.use == Use.TEXT}
        if same or stayed or (password_form(found) and says(screen, "form_error", "taken")):
            shown = set(parent.screen.texts()) | {t.label for t in found}
            new = list(dict.fromkeys(t for t in screen.texts() + screen.flashed if t.strip() and t not in shown))
            said = says(screen, "taken", "form_error") or (new[0] if new else "")
            message = said or "the form stayed on screen"
            # a sign-up refused for a box left unticked (a required terms box, or the one its message names):
            # sent once more with it ticked (by structure, any language; never an optional box it does not name)
            # — not a log-in's refusal, whatever its words
            lacks = signing_up and not cues.has(message, "taken") and bool(lacking_boxes(found, " ".join(new)))
            if lacks:
                return Verdict("rejected", " ".join(new)[:200], True)
            if not signing_up or (combed and not cues.has(message, "taken")):
                self._refused(parent, move, said)
            elif cues.has(message, "taken") and self.names_tried + 1 < MAX_NAMES and self.search is not None:
                self.names_tried += 1
                self.data.username = username_variant(self.given, self.names_tried)
                cand = parent.candidates.get(move.key)
                if cand is not None:
                    cand.tried = False
            elif self.held_form is not None and self.search is not None:
                # a new account refused in words no lexicon reads as taken («Tento e-mail už má účet.»): the
                # account may exist after all (an earlier goal of the run made it) — the held log-in is sent
                self.search.release_held()
            return Verdict("rejected", message)
        if password_form(found):
            return None
        self.mode = "sign_up" if signing_up else "log_in"
        if not signing_up:
            self.login_move = move
        return Verdict("reached", self.mode)

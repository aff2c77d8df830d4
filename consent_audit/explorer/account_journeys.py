"""The account journeys of consent_audit.journeys for an explored app (`AccountJourneys`, a mixin of
`ExploredApp`): sign up again along the path found, delete the account, log in again to tell whether the
deletion took (accepted / rejected / pending, None when it cannot be told), and what a screen shows of a session
still open (`session_evidence`). The paths are learnt by the delete-account goal's search (explorer/deletion.py).
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from ..detectors.text import waiting_period_days
from ..measures import MAILBOX, completion
from ..screen import Element, Screen
from . import cues
from .account import username_variant
from .graph import Node, is_node
from .hold import new_texts
from .moves import Move, perform
from .operator import NotOnScreen
from .path_layers import passed_by_itself
from .screens import password_form

NEVER_SIGNED_UP = 99
"""The username variant (`username_variant`) asking the log-in form what it answers an account it never had: beyond
any the account search (at most account.MAX_NAMES) and the flows' re-walks (one more each) sign up with."""

if TYPE_CHECKING:
    from .forms import FormData
    from .operator import Operator

log = logging.getLogger(__name__)


def session_evidence(screen: Screen, username: str, logged_in: str | None, logged_out: str | None,
                     kept: bool = False, start_shown: bool = True) -> str | None:
    """Whether a screen shows an account still logged in, when no log-in can be tried: 'accepted' when it
    shows the account's name, or has the structure the app showed once the account was made while that
    structure differs from the app's start screen without an account, or when the records the account's
    log-in stored are all still kept (`kept`: a session token, what the app holds whatever it draws) and the
    screen is not that start screen (`start_shown` False: told by graph identity — signature, controls
    offered, headings — not by the bare signature two server-rendered homes share); None otherwise — a
    screen that looks alike logged in or out (an app whose home does not say who is in) tells nothing, and
    "not logged in" is never concluded from the absence of a sign."""
    if username and any(username in t for t in screen.texts()):
        return "accepted"
    if logged_in and logged_in != logged_out and screen.signature == logged_in:
        return "accepted"
    if kept and not start_shown:
        return "accepted"
    return None


def _masked(text: str) -> str:
    """A message with its e-mail addresses and digits masked (the account's name differs by sign-up)."""
    return re.sub(r"\d+", "#", MAILBOX.sub("@", text)).strip()


def _layered(screen: Screen) -> set[str]:
    """Texts of `screen` inside an element fixed over the app (a banner, a bar: `Element.fixed`), by geometry — a
    text scrolled inside a box of the layer by the span that box shows it in (`Element.view`: mtsvane's banner
    holds its six paragraphs in a 110 px box, the fourth below the banner's edge until scrolled)."""
    boxes = [e.bounds for e in screen.elements if e.fixed]

    def inside(e: Element) -> bool:
        x, y, w, h = e.bounds
        top, bottom = e.view if e.view is not None else (y, y + h)
        return any(bx <= x and x + w <= bx + bw and by <= top and bottom <= by + bh for bx, by, bw, bh in boxes)
    return {e.text for e in screen.elements if e.text and inside(e)}


class AccountJourneys:
    """Mixed into ExploredApp, which owns the state read here (`op`, `data`, the learnt moves and signatures)
    and `_walk` (a known path re-walked; PathBroken when a step is gone)."""

    op: "Operator"
    data: "FormData"
    given_username: str
    account_mode: str | None
    account_moves: list[Move]
    login_moves: list[Move]
    deletion_moves: list[Move]
    decision_exits: set[tuple[str, str]]
    logged_in_signature: str | None
    logged_out_signature: str | None
    logged_out_node: Node | None
    names_used: int
    login_gap: str     # why the last log_in could not be walked ('' when it was, or told otherwise)
    login_refusal = ""      # what the log-in form answered a refused log-in while exploring (AccountGoal)
    deletion_end: str | None = None     # what the last deletion re-walk's end said: done, pending, None

    def sign_up(self) -> None:
        """Re-walk the account path found (a sign-up with a username not used before, or the log-in)."""
        if not self.account_moves:
            return
        if self.account_mode == "sign_up":
            self.names_used += 1
            self.data.username = username_variant(self.given_username, self.names_used)
        else:
            self.data.username = self.given_username
        self._walk(self.account_moves, "reach a logged-in account")  # type: ignore[attr-defined]

    def delete_account(self) -> None:
        self.deletion_end = None
        self._walk(self.deletion_moves, "delete the account")  # type: ignore[attr-defined]
        self.deletion_end = completion(self.op.screen())

    def log_in(self, resume: bool = False) -> str | None:
        """Relaunch and log in with the account just measured: accepted, rejected or pending; None when it
        cannot be told (an account was made but no log-in path is known, or its controls are gone, and nothing
        on screen says who is in). An app with no account at all (deleted without one): rejected unless the
        screen shows the account still in. `resume` (the search's own log-ins: a deletion to verify, a log-out
        to undo): from where the app is, when a control of the log-in path is on screen (`resume_at`), as a user
        logs in — no relaunch and the taps before it saved; should the path break on the way, 'accepted' when
        the session's records are all still stored (the account still in: its log-in control is not offered),
        else from a relaunch after all. The flow's measured log-in always starts from a relaunch."""
        start = self.resume_at() if resume else None
        if start is not None:
            answer = self._log_in_from(start)
            if answer is not None:
                return answer
            if self._session_kept():    # broke off where the account is still in: every record its log-in
                return "accepted"       # stored is still there (what the app holds, whatever it draws)
            log.info("logging in from where the app was broke off at '%s': from a relaunch",
                     self.login_moves[start].label[:40])
        self.op.relaunch()
        self.login_gap = ""
        if not self.login_moves:
            if self.account_mode is None:       # the app has no account to log into (a local profile): the
                return self._still_in() or "rejected"   # deleted one cannot be logged into, unless it shows
            self.login_gap = "no way to log in was learnt"
            return self._still_in()
        return self._log_in_from(0, relaunched=True)

    def resume_at(self) -> int | None:
        """The log-in path's step (index into `login_moves`) the screen shown now offers, the latest first: the
        form's submit only on a credentials form (a "Log in" row beside it shares its words and key), a tap's
        control anywhere; None when none is on screen (or no path is known)."""
        if not self.login_moves:
            return None
        screen = self.op.screen()
        found = self.op.targets(screen)
        keys = {t.key for t in found}
        last = len(self.login_moves) - 1
        for index in range(last, -1, -1):
            move = self.login_moves[index]
            if move.key in keys and (index < last or password_form(found)):
                return index
        return None

    def _log_in_from(self, start: int, relaunched: bool = False) -> str | None:
        """Walk the log-in path from its step `start` and send the form: accepted, rejected or pending. A step
        whose control is not on screen: None (nothing sent) — `relaunched` (from the start of a fresh launch), a
        launch layer's answer not shown again is passed by (an update modal, the consent: `passed_by_itself`),
        any other gap kept in `login_gap` and answered by what the screen shows (`_gap`)."""
        walked = False
        for index, move in enumerate(self.login_moves[start:-1], start + 1):
            if self.op.find(move.key) is None:
                if not relaunched:
                    return None
                if not walked and passed_by_itself(self.op, self.login_moves, index):
                    continue    # a launch layer's answer (an update modal, the consent) not shown again
                return self._gap(index, move)
            perform(self.op, move, self.data)
            walked = True
        form = self.op.screen()
        if self.op.find(self.login_moves[-1].key, form) is None:
            return self._gap(len(self.login_moves), self.login_moves[-1]) if relaunched else None
        after = perform(self.op, self.login_moves[-1], self.data)
        found = self.op.targets(after)
        if after.signature != form.signature and not password_form(found):
            return "accepted"
        # a period stated in a toast gone before the capture counts too ("deleted in 14 days"); a passing
        # "processing…" does not; nor the words of a layer fixed over the app that stood there unchanged before
        # the form was sent (`_layered`: corpus mtsvane's consent banner, «… არაუმეტეს 13 თვისა» — data kept 13
        # months — read as a deletion pending)
        said = [t for t in after.texts() if t not in _layered(form)] + after.flashed
        if cues.has(" ".join(said), "pending") or any(waiting_period_days(t) for t in said):
            return "pending"
        return "pending" if self._held_pending(form, after) else "rejected"

    def _held_pending(self, form: Screen, after: Screen) -> bool:
        """A log-in refused after a deletion whose end said it is pending (a waiting period: `deletion_end`),
        answered otherwise than the app answers a refused log-in (the account search's refusal on this form,
        `login_refusal`: «Λάθος email ή κωδικός πρόσβασης.»): the app tells this account from one it does not
        know, and holds it — pending, whatever the words (corpus meltemi: «Ο λογαριασμός αυτός είναι σε
        διαδικασία διαγραφής.» read rejected). Told by comparing the app's two answers (addresses and digits
        masked), never by their words; False when the answer is that refusal. No log-in refused while exploring
        (a new account, `--new-account`, or signed up at once): the refusal is asked for here, the form sent once
        more under a name never signed up (`_unknown_answer`)."""
        if self.deletion_end != "pending":
            return False
        self.login_refusal = self.login_refusal or self._unknown_answer(form, after)
        if not self.login_refusal:
            return False
        shown = set(form.texts())
        new = {_masked(t) for t in after.texts() + after.flashed if t.strip() and t not in shown}
        return bool(new) and _masked(self.login_refusal) not in new

    def _unknown_answer(self, form: Screen, after: Screen) -> str:
        """What the log-in form (`form`: as it was before it was sent, `after`: its answer to the deleted account)
        answers an account the app never had: the form sent again, the username a variant never signed up with
        (`NEVER_SIGNED_UP`); its first words not on `form` (a toast gone before the capture counts), those not
        in `after` first (an answer added under the one before it); "" when it says nothing new or leaves the
        form."""
        made = self.data.username
        self.data.username = username_variant(self.given_username, NEVER_SIGNED_UP)
        try:
            if self.op.find(self.login_moves[-1].key) is None:
                return ""
            again = perform(self.op, self.login_moves[-1], self.data)
        except NotOnScreen as exc:
            log.info("asking the log-in form about an unknown account failed: %s", exc)
            return ""
        finally:
            self.data.username = made
        new = new_texts(form, again)
        new = [t for t in new if t not in set(after.texts() + after.flashed)] or new
        log.info("the log-in form answers an account it never had: %s", new[:1])
        return new[0] if new and password_form(self.op.targets(again)) else ""

    def verify_deletion(self) -> str | None:
        """What logging in again along the path learnt answers now (accepted, rejected, pending, None): how a
        deletion entered by structure is told done, whatever its screens say (explorer/deletion.py); None when
        the log-in path could not be walked (not told: nothing is taken for a deletion)."""
        try:
            return self.log_in(resume=True)
        except NotOnScreen as exc:
            log.info("logging in again to verify a deletion failed: %s", exc)
            return None

    def leaves_path(self, screen: Screen, went_on: Element, other: Element) -> bool:
        """Whether `other`, beside `went_on` on a screen of the deletion path, is the other answer of a
        keep-or-confirm decision (explorer/deletion.py `decision_exits`: a more prominent sibling of the way on the
        path took, never seen to go on) — told by structure, whatever its words (a retention offer)."""
        found = self.op.targets(screen)
        key = {tuple(t.element.bounds): t.key for t in found}
        return (key.get(tuple(other.bounds)), key.get(tuple(went_on.bounds))) in self.decision_exits

    def _session_kept(self) -> bool:
        """Whether every record the account's log-in stored is still stored (explorer/session.py `kept`; False
        where storage cannot be read or no session was learnt)."""
        session = getattr(self.op, "session", None)
        return session is not None and session.kept(self.op.platform.stored_state())

    def _gap(self, index: int, move: Move) -> str | None:
        """The log-in path's step `index` is not on the screen: why, kept in `login_gap` when the screen does not
        show the account still in either (`_still_in`)."""
        answer = self._still_in()
        if answer is None:
            self.login_gap = f"step {index} of the log-in path ({move}) is not on the screen"
        return answer

    def _still_in(self) -> str | None:
        """'accepted' when the screen shows the account still in (see `session_evidence`: the session's records
        still stored and the screen not the start screen without an account, `logged_out_node`), else None."""
        screen = self.op.screen()
        kept = self._session_kept()
        start = self.logged_out_node
        start_shown = start is None or is_node(start, screen, self.op.targets(screen))
        return session_evidence(screen, self.data.username, self.logged_in_signature, self.logged_out_signature,
                                kept, start_shown)


__all__ = ["AccountJourneys", "session_evidence"]

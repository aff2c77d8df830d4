"""The deletion goal: controls are scored toward deleting the account (delete account, 注销账号, settings,
account & security …), away from decoys (log out, contact support, help); inside the deletion flow its
forms are filled and next / confirm lead on. Reached when the screen reports the deletion done or pending.

Inside the flow, a screen whose way on sits beside a more prominent control the words do not call a way back (a
retention offer's big "Get 3 months free" over a small grey "Continue deleting") is a keep-or-confirm decision
(`decision_exits`), measured like one (decision.final_decision, issue 13 kind 17, corpus pochta) — told by
structure and by what the way on did (the path went on through it), never by tapping the keep first: that tap
left the deletion and the whole path was walked again (corpus beyonk-dark: 5 actions). Such a control is tried
only after the way on (a small boost: the way on led nowhere); tried, it is a way out when what it shows offers
no way on (no field, no control leading on, or the deletion's entry again to start over), else no way out.
A screen that is one decision whose way on has one peer — of its size, beside it, naming no way on (a filled
«Qëndro» over an outlined «Vazhdo me fshirjen», drawn apart by fill alone) — has that peer for its way out, untapped.
The screen on which the path's last tap deleted the account, when it is one decision (nothing to fill, two or
three controls besides the chrome and the ways back by their words), has that tap for its confirm and its other
controls for the keep, whatever their words (explorer/deletion_steps.py `last_answers`, corpus kadai).

A control pressed and held inside the flow (explorer/hold.py: "Hold to delete") after which the screen says no
done or pending is told a deletion by its effect when a log-in path is known: logging in again is refused (or
pending). Either way the measured re-walk logs in again after the deletion (`login_after_deletion`).

A tap after which the account's session is gone (explorer/session.py), inside the flow or on the way to it,
is told the same way (`session_ended`): refused or pending, it was the deletion, whatever its done screen says
(«ลบบัญชีแล้ว», «حساب حذف شد»); accepted, it was a log-out."""
from __future__ import annotations

from typing import Callable

from ..screen import Screen
from . import cues
from .config import ExplorerConfig
from .elements import Target, Use, targets
from .forms import FILL
from .graph import Edge, Node
from .moves import FORM, TAP, Move
from .echo import goes_on, names_the_way, opposite
from .screens import PROGRESS, bare_question, ends_off_app, password_form, reached, says, taps
from .goal import Verdict
from .hints import Hints
from .chat_way import ChatWay
from .tab_bar import END, far_end
from .deletion_steps import decision_peers, decision_siblings, last_answers, refusal, step_controls
from .deletion_shapes import asks_more, confirms_by_structure  # noqa: F401 (said here too)
from .prerequisite import Errands

ENTRY = ("cancel_account", "delete")
PROBE = 5.0            # a decision's sibling: tried after the way on (only were the way on to lead nowhere)
PLACES = frozenset({"account"})   # words naming only what a control is about («Burahin ang account»), not a deed
STEP = 10.0            # an unnamed control of a deletion step that names no way on: tried (its way back last)
PLACE = 1.0           # tie-break points: outside the flow, a control naming the place the way there named (echo.py)
UNDO = -10.0          # … and one saying the log-in's undoing (echo.opposite): last, as what led nowhere (hints)
AGAIN = 10.0           # tie-break points: a bare question's answer that names the deed it asks about again
LOGGED_OUT = ("rejected", "pending")   # what logging in again answers once the account is deleted (or pending)


class DeletionGoal(ChatWay):
    """Toward the account's deletion; reached when the screen says it is done or pending."""

    name = "delete-account"
    at_hand = True        # equal worth: the control on the screen the search stands on first (goal.py)

    def __init__(self, config: ExplorerConfig, verify: Callable[[], str | None] | None = None) -> None:
        self.verify = verify        # logs in again along the path learnt: accepted | rejected | pending | None
        self.structural: set[str] = set()             # nodes of a flow entered by structure (no word said delete)
        self.follows = False                          # the next node comes from such a flow
        self.refuted: set[str] = set()                # such flows seen to leave the account as it was
        self.without_account = False   # searched with no account: stop where the app shows it has accounts
        self.stopped = ""              # why the search stopped early (read by GoalSearch.run)
        self.plain = config.weights("delete-account", "plain")
        self.in_flow = config.weights("delete-account", "in_flow")
        self.chrome: frozenset[str] | None = None     # the start screen's control keys
        self.entries: set[str] = set()                # keys of controls that entered the flow
        self.entered: set[str] = set()                # labels of the controls that entered it (words or structure)
        self.probes: dict[str, set[str]] = {}         # node → keys of a decision's siblings (`decision_siblings`)
        self.peers: dict[str, dict[str, set[str]]] = {}   # node → {answer: its peers that may be a way out}
        self.exits: dict[str, dict[str, str]] = {}    # node → {key: label} of siblings seen to leave the deletion
        self.went_on: dict[str, set[str]] = {}        # node → keys of siblings whose tap was seen to go on
        self.left_to: Screen | None = None            # the screen such a sibling showed (out of the flow)
        self.hints: Hints | None = None               # what the goal's earlier searches learnt (explorer/hints.py)
        self.steps: dict[str, set[str]] = {}          # node → keys of a step's unnamed controls (`step_controls`)
        self.backs: set[str] = set()                  # keys of such controls seen to go back to the entry
        self.passed: set[str] = set()                 # the last step's controls not taken when it went on
        self.repeats: dict[str, set[str]] = {}        # node → its step controls the step before offered too
        self.questions: set[str] = set()              # nodes that are a bare question (`answers_deep`)
        self.answers: dict[str, tuple[set[str], set[str]]] = {}   # node → a decision's answers, its ways out
        self.browser_drawn: set[str] = set()     # nodes of a dialog the browser draws (alert, confirm)
        self.consent_labels: frozenset[str] = frozenset()   # the consent layer's settings openers (norm labels)
        self.own: frozenset[str] = frozenset()        # the test account's identities (measures.own_identities)
        self.log_in: tuple[str, ...] = ()             # words of the log-in form's opener and submit (path learnt)
        self.errands = Errands()     # refusals pointing to another thing to do first (explorer/prerequisite.py)

    def tie_break(self, node: Node, key: str) -> float:
        """Among unscored controls: the way to the app's accounts first, what led nowhere last (`hints`), outside
        the flow the bottom tab bar's far end before the screen's other controls (`tab_bar.far_end`), and a control
        repeating a word of the way there before its neighbours (`echo.names_the_way`: less than a level), one saying
        the log-in's undoing by another prefix last (`echo.opposite`: a log-out costs the way back in); on a bare
        question (`questions`), the answer that names the deed again before the other, whatever their order — the
        words of the control that asked it («Áno, zrušiť účet» asked by «Zrušiť účet») or the deed the flow's entry
        added to the way (`echo.deed`: kadai's «நீக்கு» after «கணக்கை நீக்கு» › «தொடரவும்») — the way back is then
        not tapped first and the flow walked again (two actions; six when a log-in must tell it deleted nothing)."""
        bonus = self.hints.bonus(key) if self.hints is not None else 0.0
        if not node.in_flow and key == far_end(node.screen, targets(node.screen)):
            bonus += END       # the bottom bar's far end, where apps keep the account (explorer/tab_bar.py)
        cand = node.candidates.get(key)
        if not node.in_flow and cand is not None and names_the_way(cand.move.label, node.via):
            bonus += PLACE     # names the place the way named («கணக்கை நீக்கு» under «கணக்கு»), a log-out none
        if not node.in_flow and cand is not None and any(opposite(cand.move.label, w) for w in self.log_in):
            bonus += UNDO      # the log-in's words with another prefix («Odhlásiť sa»): a log-out, tried last
        return bonus + (AGAIN if self._names_deed(node, key) else 0.0) + self.chat_last(node, key)

    def _names_deed(self, node: Node, key: str) -> bool:
        """On a bare question (`questions`), whether the answer `key` names the deed again (`echo.goes_on`); the page a
        layer covers answers nothing (sudar: the submit «என் தரவை நீக்கு» under its modal <dialog> named «நீக்கு» too)."""
        found = [t for t in taps(targets(node.screen)) if not t.element.covered] if node.ident in self.questions else []
        label = next((t.label for t in found if t.key == key), None)
        others = tuple(t.label for t in found if t.key != key and t.key not in (self.chrome or ()))
        return label is not None and goes_on(label, node.via, self.entered, others)

    def _flow_score(self, label: str) -> float:
        found = cues.categories(label)
        return sum(w for c, w in self.in_flow.items() if c in found)

    def score(self, node: Node, label: str) -> float:
        """The label's weight toward the deletion; outside the flow a row worded as the consent layer's own settings
        opener (`consent_labels`, consent_answers.settings_openers: «Mga setting ng cookie») scores nothing — it
        opens the dialog again (explorer/consent_reopened.py: a relaunch and the way walked again), so it is left
        to the fallback, after every control the words favour (before: its «setting» outranked «account»)."""
        if not node.in_flow and cues.norm_label(label) in self.consent_labels:
            return 0.0
        weights = self.in_flow if node.in_flow else self.plain
        found = cues.categories(label)
        return sum(w for c, w in weights.items() if c in found)

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        if self.chrome is None and node.depth == 0:
            self.chrome = frozenset(t.key for t in found)
        if self.without_account and not node.in_flow and (password_form(found) or any(
                cues.has(t.label, "log_in", "sign_up") for t in taps(found))):
            # no account yet and the app shows it has them (a log-in, a credentials form): an account holder's
            # deletion is not searched for logged out (the account is combed for first, explorer/exploring.py)
            self.stopped = "the app has accounts and none was reached: a log-in or credentials form seen"
        if self.follows and node.in_flow:
            self.structural.add(node.ident)
        self.follows = False
        if (not node.in_flow and self.verify is not None and node.depth >= 1 and node.ident not in self.refuted
                and not cues.categories(node.via[-1] if node.via else "") - PLACES and confirms_by_structure(found)):
            # a deletion's entry no lexicon names (a control whose words say nothing known): it leads a logged-in
            # user to confirm something grave (the password again …) — entered on trial; only logging in again
            # afterwards tells it was one
            node.in_flow = True
            self.structural.add(node.ident)
            self.entered.add(node.via[-1])
        if node.in_flow and screen is self.left_to:    # where a sibling left the deletion: not in the flow, so
            node.in_flow = False                       # the way back to the decision is the app's own, not a relaunch
        if node.depth >= 1 and bare_question(screen, found, self.chrome or frozenset()):
            self.questions.add(node.ident)
        if node.in_flow and node.ident not in self.probes:
            self.probes[node.ident] = decision_siblings(found, self.chrome or frozenset(), self._flow_score)
        if node.in_flow and node.ident not in self.steps:
            self.steps[node.ident] = step = step_controls(found, self.chrome or frozenset(), self._flow_score)
            if step - self.passed:    # the control offered again beside a new one: the step's way back
                self.repeats[node.ident] = step & self.passed     # («انصراف» on every step of safar's wizard)
        if node.in_flow and node.ident not in self.answers:
            self.answers[node.ident] = last_answers(found, self.chrome or frozenset(), self._flow_score)
            self.peers[node.ident] = decision_peers(found, self.chrome or frozenset(), self._flow_score)
        if node.in_flow:
            self.errands.note(node.ident, screen, found, self.chrome or frozenset(), self._flow_score, node.via)
        if screen.drawn_by != "app":       # a confirm of the browser's own: the decision was the app's before it
            self.browser_drawn.add(node.ident)
        self.passed = set()
        return FILL if node.in_flow else None

    def answers_deep(self, node: Node) -> bool:
        """Whether the search's fallback tries the node's unscored controls past its depth bound: a screen that
        is one question and its two or three answers (screens.bare_question; «Naozaj chcete zrušiť účet?»),
        where a flow no lexicon reads ends — a few taps, never a menu to comb."""
        return node.ident in self.questions

    def boost(self, node: Node, key: str) -> float:
        """Added to a candidate's score: a decision's sibling a little (tried after the way on, never before:
        `decision_exits`); an unnamed control of a step is tried — one the step before offered too, beside one new
        here (the way on changes, the way back stays), after the new one; one seen to go back (to a screen offering
        the deletion's entry) last; on a bare question the answer naming the deed again first (`tie_break`); a
        control a refusal points to, and one naming the deed it asks for first, a way on (explorer/prerequisite.py)."""
        return self.errands.boost(node.ident, key) + self._step_boost(node, key)

    def _step_boost(self, node: Node, key: str) -> float:
        if key in self.probes.get(node.ident, ()):
            return PROBE
        if key not in self.steps.get(node.ident, ()) or key in self.backs:
            return 0.0
        return (STEP / 2 if key in self.repeats.get(node.ident, ()) else STEP) + (
            AGAIN if self._names_deed(node, key) else 0.0)     # a question's answers: the way on first

    def enters_flow(self, move: Move) -> bool:
        enters = cues.has(move.label, *ENTRY)
        if enters and move.kind == TAP:
            self.entries.add(move.key)
            self.entered.add(move.label)
        return enters

    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None:
        self.errands.follow(parent.ident, move.key, same)     # a pointer's or an errand's move: the deed carried on
        self.chat_written(parent, move)      # a chat written in (explorer/chat_way.py)
        if not (parent.in_flow or self.enters_flow(move)):
            return None
        if move.kind == TAP and move.key in self.steps.get(parent.ident, ()) and not same and any(
                t.key in self.entries for t in found):
            self.backs.add(move.key)     # it went back to where the deletion was entered: a way back
        elif move.kind == TAP and move.key in self.steps.get(parent.ident, ()) and not same:
            self.passed = self.steps[parent.ident] - {move.key}    # went on: what the next step repeats goes back
        goes_on = any(t.use == Use.TEXT for t in found) or any(self._flow_score(t.label) > 0 for t in taps(found))
        if move.kind == TAP and move.key in self.answers.get(parent.ident, ((), ()))[1] and not same and goes_on \
                and not any(t.key in self.entries for t in found):
            self.went_on.setdefault(parent.ident, set()).add(move.key)   # it asked more: a step, no keep
        if parent.ident in self.structural and not same:
            return self._verified(parent, move, screen, found)
        if move.kind == TAP and move.key in self.probes.get(parent.ident, ()):
            if not same and (any(t.key in self.entries for t in found) or not goes_on):
                self.exits.setdefault(parent.ident, {})[move.key] = move.label
                self.left_to = screen
            elif not same:
                self.went_on.setdefault(parent.ident, set()).add(move.key)
            return None
        if same:   # a form that said no (or a way on answered by a message): retried as asked (kind 8)
            asked = refusal(parent.screen, move, screen, found)
            if move.kind == FORM or asked:
                return Verdict("rejected", asked or says(screen, "form_error") or "the form stayed on screen", True)
        offers_more = any(cues.categories(t.label) & (PROGRESS | {"confirm"}) for t in taps(found)) or any(
            t.use == Use.TEXT for t in found)
        if ends_off_app(screen, self.own) and not offers_more:
            return Verdict("off_app", says(screen, "off_app_channel"))
        state = reached(screen, found)
        if not state and move.hold and self.verify is not None and not asks_more(found):
            return self._held(move)
        return Verdict("reached", state) if state else None

    def decision_exits(self, path: list[Edge]) -> set[tuple[str, str]]:
        """(key of the way out, key of the way on) of each keep-or-confirm decision on the deletion's `path` (its
        edges, start to end): on a screen the path went on from, a more prominent sibling of the way on taken
        (`probes`) is the way out unless its tap was seen to go on too; one seen to leave counts wherever it was
        tried. Told without tapping the keep: the way on led on, the sibling is the other answer. On a screen that
        is one decision, the way on's one peer (`decision_peers`: of its size, beside it, naming no way on, never
        seen to go on) is the other answer, whatever its words (qytet's «Qëndro»). The path's last
        tap deleted the account: on a screen that is one decision (`last_answers`), its other answers that name no
        way on and were never seen to go on are the keep, whatever their words (kadai's «கணக்கை வைத்திரு»); a
        confirm of the browser's own after it (`Screen.drawn_by`) leaves that tap the app's last decision."""
        pairs: set[tuple[str, str]] = set()
        for edge in path:
            on = edge.moves[-1].key
            went_on = self.went_on.get(edge.source, set())
            siblings = (self.probes.get(edge.source, set()) - went_on) | set(self.exits.get(edge.source, {}))
            peers = self.peers.get(edge.source, {}).get(on, set()) - went_on if edge.moves[-1].kind == TAP else set()
            pairs |= {(key, on) for key in siblings | (peers if len(peers) == 1 else set()) if key != on}
        drawn = [edge for edge in path if edge.source not in self.browser_drawn]
        if drawn and drawn[-1].moves[-1].kind == TAP:
            answers, outs = self.answers.get(drawn[-1].source, (set(), set()))
            on = drawn[-1].moves[-1].key
            if on in answers:
                pairs |= {(key, on) for key in outs - self.went_on.get(drawn[-1].source, set()) if key != on}
        return pairs

    def session_ended(self, move: Move, in_flow: bool = False) -> str | None:
        """After `move` ended the session: 'deleted' when, inside the flow, its words name the deletion (nothing
        to ask) and not a deactivation (the goals lexicon's `deactivate`: the account back at the next log-in, so
        only logging in again tells); else what logging in again answers ('accepted': a log-out; 'rejected' |
        'pending': the deletion); None when it cannot be told (no log-in path learnt) or its words say log out."""
        if cues.has(move.label, "log_out"):
            return None
        if in_flow and cues.has(move.label, *ENTRY) and not cues.has(move.label, "deactivate"):
            return "deleted"
        return self.verify() if self.verify is not None else None

    def _held(self, move: Move) -> Verdict:
        """A control pressed and held inside the flow changed the screen, which says nothing done and asks nothing
        more: told by its effect, as a deletion entered by structure is — the account is logged into again along the path learnt;
        refused or pending, it was the deletion, whatever the screen says; accepted, the hold deleted nothing."""
        answer = self.verify() if self.verify is not None else None
        if answer in LOGGED_OUT:
            return Verdict("reached", "pending" if answer == "pending" else "done")
        return Verdict("rejected", f"no deletion: logging in again was {answer or 'not told'} after holding "
                                   f"'{move.label[:40]}'")

    def _verified(self, parent: Node, move: Move, screen: Screen, found: list[Target]) -> Verdict | None:
        """A flow entered by structure, gone on from `parent`: while its screen asks more — something to fill,
        or one question and its answers (`bare_question`: a keep-or-delete decision, kadai's «உறுதியாக நீக்க
        வேண்டுமா?») — it goes on (by structure too); once it asks nothing, the account is logged into again
        along the path learnt — refused or pending, the deletion is done (or pending), whatever the screens
        said; accepted, it was no deletion. (Before, the question was taken for the end: logging in again found
        the account still in, the flow was refuted and walked again to the question — seven actions.)"""
        if asks_more(found) or self.verify is None or bare_question(screen, found, self.chrome or frozenset()):
            self.follows = True
            return None
        answer = self.verify()
        if answer in LOGGED_OUT:
            return Verdict("reached", "pending" if answer == "pending" else "done")
        self.refuted.add(parent.ident)
        return Verdict("rejected", f"no deletion: logging in again was {answer or 'not told'} after '{move.label[:40]}'")

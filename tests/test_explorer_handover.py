"""A consent dialog handed between the goals of one run (`consent_learnt` / `adopt_consent`) with the way in it
lives behind (a log-in gate at launch, explorer/gate.py), and trusted only once it is on screen (corpus vstup:
its cookie banner shows only once signed in)."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.screen import Element, Screen
from test_explorer_search_cost import OFF, ON, _LaunchingApp


class _GatedApp(_LaunchingApp):
    """corpus vstup: logged out, a welcome screen whose one control signs in («Vstoupit»); the consent layer
    shows only behind it, until answered. A fresh launch wipes the session too."""

    signed = False

    def restart(self) -> Screen:
        super().restart()
        self.signed, self.at = False, "welcome"
        return self.screen()

    def relaunch(self) -> Screen:
        self.at = "welcome" if not self.signed else None if "shop:choice" in self.stored else self.start
        return self.screen()

    def screen(self) -> Screen:
        if self.at != "welcome":
            return super().screen()
        from test_explorer_structure import _button
        return Screen(elements=[Element(text="Vstup", bounds=(10, 10, 300, 30)), _button("Vstoupit", 560)],
                      signature="s-welcome", size=(400, 800))

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset() if self.at == "welcome" else super().covered(s)

    @property
    def recorder(self) -> SimpleNamespace:
        return SimpleNamespace(steps=self.taps, invalidate=lambda: None)

    def tap(self, target) -> Screen:
        if self.at != "welcome":
            return super().tap(target)
        self.taps.append(target.label)
        self.signed, self.at = True, self.start
        return self.screen()


def _gated_goal(app: _GatedApp, gate_found: list | None = None):
    """A goal's explorer over `app` as far as the consent goal, its launches and the log-in gate go (the gate's
    own search, `_gate_at_launch`, reports into `gate_found` and finds none)."""
    from types import SimpleNamespace

    from consent_audit.explorer import consent
    from consent_audit.explorer.consent_exploring import ConsentExplorations
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.gate import LogInGate

    class Goal(ConsentExplorations, LogInGate):
        consent_shown = property(lambda self: consent.shown(self.op))

        def _grant_all(self) -> None: ...
        def _answer_new_modals(self, learn: bool = True) -> None: ...
        def _answer_known_modals(self) -> None: ...

        def _gate_at_launch(self, limit: int) -> list[str]:
            if gate_found is not None:
                gate_found.append(self.op.screen().signature)
            return []

        def launch(self) -> None:
            self.op.launch()
            self._through_gate()

        def _launch_fresh(self) -> Screen:
            self.op.fresh()
            self._through_gate()
            return self.op.screen()

    goal = Goal()
    goal.op, goal.data, goal.config = app, FormData(username="tester@vstup.test"), SimpleNamespace(search={})
    goal.given_username = goal.data.username
    goal.accept = goal.reject = goal.refusal = goal.settings_preticked = goal.settings_mandatory = None
    goal.structure_checked, goal.structure_tried, goal.consent_on_scroll = False, [], False
    goal.structure_accepted, goal.structure_held, goal.consent_adopted = False, (), False
    goal.gate_moves, goal.gate_mode, goal.gate_names, goal.answered_at_launch = [], None, 0, []
    goal.launch_layer_checked = True       # the start looked for a layer over the app once (exploring._start)
    return goal


def _probed_behind_the_gate() -> dict:
    """What the permissions goal of a vstup run hands on: the dialog it told by structure behind the gate."""
    from consent_audit.explorer.moves import Move

    app = _GatedApp(WORDED_GATED)
    first = _gated_goal(app)
    first.gate_moves, first.gate_mode = [Move.tap(first.op.targets(app.restart())[0])], "log_in"
    assert first._consent_by_structure() and first.accept is not None
    learnt = first.consent_learnt()
    assert learnt is not None
    return learnt


WORDED_GATED = {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {"Přijmout vše": (None, ON, False),
                                                                    "Odmítnout vše": (None, OFF, False)}}}


def test_a_consent_dialog_handed_on_brings_the_way_in_it_lives_behind() -> None:
    """corpus vstup (consent not_found): the permissions goal passed the log-in at launch and told the cookie
    banner behind it by structure; the consent goal was handed the banner but not the way in, said "reached"
    with 0 actions from the logged-out welcome screen, and the flow's launch never met the banner. Handed on
    with the gate, the consent goal walks it, sees the banner and reaches it; the flow's launches show it."""
    from consent_audit.explorer import consent

    app = _GatedApp(WORDED_GATED)
    later = _gated_goal(app)
    later.adopt_consent(_probed_behind_the_gate())
    found = later._explore_consent(SimpleNamespace(actions=0, seconds=0, budget=None), SimpleNamespace(permissions=[]))
    assert found.ending == "reached" and [m.label for m in found.paths["reject"]] == ["Odmítnout vše"]
    assert app.taps == ["Vstoupit"], app.taps         # the way in walked, no answer tried again
    later.op.restart()
    later.launch()                                     # the flow's launch: the banner is met
    assert consent.shown(later.op)


def test_a_consent_dialog_handed_on_but_not_on_screen_is_looked_for_by_the_goal_itself() -> None:
    """A dialog adopted from an earlier goal counts as reached only once it is on screen in this goal: where it
    does not show (the way in it lives behind not handed on), the goal's own search runs — the probe and the
    gate search at launch — and nothing is claimed reached without the dialog ever seen."""
    learnt = _probed_behind_the_gate()
    learnt.update(gate_moves=[], gate_mode=None)
    looked: list = []
    app = _GatedApp(WORDED_GATED)
    later = _gated_goal(app, looked)
    later.adopt_consent(learnt)
    found = later._explore_consent(SimpleNamespace(actions=0, seconds=0, budget=None), SimpleNamespace(permissions=[]))
    assert found.ending != "reached" and looked == ["s-welcome"], (found.ending, looked)


def test_a_consent_layer_shown_only_once_signed_in_is_probed_once_the_account_is_reached() -> None:
    """corpus vstup (deletion steps 7 / taps 6, truth 6 / 5): the probe at launch saw only the logged-out
    welcome screen; the cookie banner shown once signed in (words no lexicon has) was never probed, so the
    deletion search took «Přijmout vše» for its first step. Once the account is reached, a layer shaped like a
    dialog there is probed by structure — each trial signing in again along the account path — and the app is
    left signed in with it accepted: the search starts behind it, and the dialog is known to the journeys."""
    from consent_audit.explorer import consent
    from consent_audit.explorer.moves import Move, perform

    app = _GatedApp(WORDED_GATED)
    goal = _gated_goal(app)
    goal.accept_consent = lambda: [perform(app, m, goal.data) for m in goal.accept.moves]
    goal.structure_checked = True                    # probed at launch: the welcome screen, no layer there
    goal.account_moves, goal.account_mode = [Move.tap(goal.op.targets(app.restart())[0])], "log_in"
    perform(app, goal.account_moves[0], goal.data)   # the account search reached the account: the banner shows
    goal._probe_behind_account()
    assert goal.accept is not None and [m.label for m in goal.reject.moves] == ["Odmítnout vše"]
    assert goal.gate_moves == [] and goal.gate_mode is None       # the account path is no gate afterwards
    assert app.signed and app.stored.get("shop:choice") == ON and app.at is None, (app.taps, app.stored)
    app.restart()
    perform(app, goal.account_moves[0], goal.data)
    assert consent.shown(app)                         # the journeys know it where it shows


def test_a_dialog_adopted_then_found_behind_a_gate_is_handed_on_with_that_gate() -> None:
    """corpus vstup: the deletion goal told the banner (behind its account, no gate), the permissions goal adopted
    it and then passed the log-in at launch (`_pass_gate` reopens the structural look: `structure_checked` off);
    the banner, known by its buttons, never needed that look, and the permissions goal handed nothing on — the
    consent goal got the deletion's banner without the gate, dropped it and probed it again (14 actions)."""
    from consent_audit.explorer.moves import Move

    learnt = _probed_behind_the_gate()
    learnt.update(gate_moves=[], gate_mode=None)
    app = _GatedApp(WORDED_GATED)
    middle = _gated_goal(app)
    middle.adopt_consent(learnt)
    middle.gate_moves, middle.gate_mode = [Move.tap(middle.op.targets(app.restart())[0])], "log_in"
    middle.structure_checked = False                 # what passing the gate does
    handed = middle.consent_learnt()
    assert handed is not None and handed["gate_moves"] == middle.gate_moves and handed["keys"] == learnt["keys"]


def test_a_goal_whose_flow_signs_up_itself_takes_the_dialog_without_the_gate() -> None:
    """corpus vstup (policy broken: "Vytvořit účet" is not on the screen): the privacy-policy goal, handed the
    banner with the gate, signed in at its flow's launch, then re-walked the deletion goal's sign-up from the
    logged-in home. A goal whose flow signs up itself takes the dialog alone; the gate's accounts stay used."""
    learnt = _probed_behind_the_gate()
    learnt["gate_names"] = 7
    later = _gated_goal(_GatedApp(WORDED_GATED))
    later.adopt_consent(learnt, with_gate=False)
    assert later.gate_moves == [] and later.gate_mode is None and later.gate_names == 7
    assert later.op.consent_keys == learnt["keys"] and later.consent_adopted


def test_a_worded_notices_ways_out_tried_by_one_goal_are_handed_on_as_the_consent_probe() -> None:
    """corpus bep (permissions 25/6, consent 15/1): the permissions goal's refused pass found no refusal in the
    cookie notice's words and tried every way out of it from fresh launches — none refused; the consent goal
    then tried them all again. A dialog told by its words has no keys, so nothing was handed on. What trying
    every way out learnt (no refusal offered, a notice: nothing pre-ticked) is handed on like a dialog told by
    structure, and what the trials walked is the consent probe's (`consent_probe_actions`, charged to the
    consent goal); the later goal tries none of its answers again."""
    from consent_audit.explorer import consent
    from consent_audit.explorer.config import Budget
    from consent_audit.explorer.moves import Move
    from consent_audit.explorer.operator import NotOnScreen
    from consent_audit.explorer.spend import Spend
    from test_refusal_same_dialog import _Notice

    class Charged(_Notice):
        def __init__(self) -> None:
            super().__init__()
            self.spend = Spend(Budget(60, 60))

        def tap(self, target) -> Screen:
            self.spend.check()
            self.spend.charge()
            return super().tap(target)

        def relaunch(self) -> Screen:
            self.spend.charge()
            return super().relaunch()

        fresh = _Notice.launch_fresh

        def launch(self) -> Screen:
            return self.shown

        def scroll_page(self, why: str) -> None:
            return None

    app = Charged()
    first = _gated_goal(app)                       # the permissions goal's refused pass, as far as consent goes
    entry = next(t for t in app.targets() if t.label == "Đồng ý")
    first.accept = consent.ConsentPath(consent.ACCEPT, [Move.tap(entry)], entry.element)
    first.op.spend.actions = 9                     # what the goal spent before its refused pass
    assert first._refusal_by_structure(NotOnScreen("no refusal in its words"), start=app.launch_fresh) is False
    assert app.spend.probe == app.spend.actions - 9 > 0
    learnt = first.consent_learnt()
    assert learnt is not None and learnt["refusal"].offered is False and learnt["keys"] == frozenset()
    assert learnt["settings_preticked"] == 0 and learnt["settings_mandatory"] == 0

    later_app = Charged()
    later = _gated_goal(later_app)
    later.adopt_consent(learnt)
    assert later.structure_checked is False        # told by its words: its structural look stays its own
    found = later._explore_consent(SimpleNamespace(actions=0, seconds=0, budget=None), SimpleNamespace(permissions=[]))
    assert found.ending == "reached" and "no refusal offered" in found.detail, found.detail
    assert later_app.taps == [] and later_app.spend.actions == 0, later_app.taps
    assert later.refusal.offered is False and later.settings_preticked == 0

"""Behind a log-in gate at launch (explorer/gate.py), the search that passed it signed in from a fresh start with
everything granted: the granted start that follows (`_start`, the goal's search again behind the gate) continues
there instead of clearing the app, launching and walking the way in again (corpus vstup: a sign-up of five
actions spent twice in a row). Only when nothing happened since and the app is still in front; a start with a
permission refused, or after any other step, launches fresh as before."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer.exploring import GoalExplorations
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.gate import LogInGate
from consent_audit.explorer.moves import Move
from consent_audit.model import Kind


class _Op:
    """Records what is done to the app: fresh installs, launches (as recorded steps) and taps."""

    def __init__(self) -> None:
        self.recorder = SimpleNamespace(steps=[])
        self.done: list[str] = []
        self.in_foreground = True

    def fresh(self) -> None:
        self.done.append("fresh")

    def screen(self) -> None:
        return None

    def find(self, key: str):
        return None      # the gate's first control: not on screen once signed in

    def launch(self) -> None:
        self.done.append("launch")
        self.recorder.steps.append(SimpleNamespace(kind=Kind.LAUNCH))

    def relaunch(self) -> None:
        self.done.append("relaunch")
        self.recorder.steps.append(SimpleNamespace(kind=Kind.RELAUNCH))

    def tap(self, label: str) -> None:
        self.done.append(label)
        self.recorder.steps.append(SimpleNamespace(kind=Kind.TAP))


class _App(GoalExplorations, LogInGate):
    """The start and the gate over `_Op`; the account search signs up in two taps (after a relaunch when
    `relaunching`)."""

    def __init__(self, relaunching: bool = False) -> None:
        self.op, self.data, self.given_username = _Op(), FormData(username="tester@vstup.test"), "tester@vstup.test"
        self.relaunching = relaunching
        self.gate_moves: list[Move] = []
        self.gate_mode = None
        self.gate_walked = None
        self.gate_names = 0
        self.answered_at_launch: list[Move] = []
        self.structure_checked = True
        self.context = SimpleNamespace(platform=SimpleNamespace(decide_permission=lambda name, state: None))
        for name in ("account_mode", "account_moves", "login_moves", "logged_in_signature", "logged_out_signature",
                     "logged_out_node", "names_used", "signup_kinds", "signup_keys", "account_combed"):
            setattr(self, name, None)

    # what `_start` calls beside launching: nothing to answer here
    def _grant_all(self) -> None: ...
    def _answer_new_modals(self, learn: bool = True) -> None: ...
    def _scroll_for_consent(self) -> None: ...
    def _open_walls(self) -> None: ...
    def _lift_launch_layer(self) -> None: ...
    def _consent_by_structure(self, shown=None) -> bool: return False
    consent_shown = False

    def _search_account(self, spend, comb: bool = False):
        if self.relaunching:
            self.op.relaunch()
        self.op.tap("Vytvořit účet")
        self.op.tap("Vytvořit účet (submit)")
        self.account_moves, self.account_mode = [Move("tap", "b|vytvořit účet|0", "Vytvořit účet")], "sign_up"
        return SimpleNamespace(reached=True)


@pytest.mark.parametrize("relaunching, fresh_starts", [(False, 1), (True, 2)])
def test_the_start_after_passing_the_gate_continues_where_the_way_in_left_the_app(relaunching: bool,
                                                                                  fresh_starts: int) -> None:
    app = _App(relaunching)
    assert app._pass_gate(SimpleNamespace(counting=True))
    app._start()
    assert app.op.done.count("fresh") == fresh_starts
    # walked in without a launch: the start continues signed in (one fresh start, one sign-up); after a
    # relaunch in the search (what the first launch asked for is no longer counted) it launches fresh again
    app._start()
    assert app.op.done.count("fresh") == fresh_starts + 1       # consumed: the next start is fresh


def test_a_start_with_a_permission_refused_or_after_another_step_is_fresh() -> None:
    app = _App()
    assert app._pass_gate(SimpleNamespace(counting=True))
    app._start("geolocation")
    assert app.op.done.count("fresh") == 2
    app = _App()
    assert app._pass_gate(SimpleNamespace(counting=True))
    app.op.tap("Profil")
    app._start()
    assert app.op.done.count("fresh") == 2
    app = _App()
    assert app._pass_gate(SimpleNamespace(counting=True))
    app.op.in_foreground = False       # the app was cleared (a fresh install leaves the blank page) or left
    app._start()
    assert app.op.done.count("fresh") == 2


def _dialog(banner: bool = True) -> "Screen":
    """The signed-in home under a cookie banner in words no lexicon has (a dialog of two buttons), or without."""
    from consent_audit.screen import Element, Screen
    if not banner:
        return Screen(elements=[Element(text="Domů", bounds=(10, 10, 300, 30))], signature="home", size=(400, 800))
    return Screen(elements=[Element(text="Domů", bounds=(10, 10, 300, 30)),
                            Element(role="dialog", bounds=(0, 500, 400, 300)),
                            Element(text="ჩვენ ვიყენებთ ...", bounds=(10, 510, 380, 24)),
                            Element(text="ვეთანხმები", role="button", clickable=True, bounds=(10, 600, 180, 48)),
                            Element(text="უარი", role="button", clickable=True, bounds=(210, 600, 180, 48))],
                  signature="home-banner", size=(400, 800))


class _ConsentApp(_App):
    """`_App` under the consent goal: signed in, the app shows a banner (`banner`); the probe stands in."""

    def __init__(self, banner: bool, relaunching: bool = False) -> None:
        from consent_audit.explorer.elements import targets
        super().__init__(relaunching)
        self.banner, self.probed_on = banner, []
        self.op.screen = lambda: _dialog(self.banner)
        self.op.targets = lambda screen=None: targets(screen or _dialog(self.banner), frozenset())
        self.op.covered = lambda screen=None: frozenset()
        self.op.consent_keys = frozenset()
        self.structure_held, self.consent_adopted = (), False

    def _consent_by_structure(self, shown=None) -> bool:
        if self.structure_checked:      # looked for at launch already (logged out: nothing there)
            return False
        self.probed_on.append(shown)
        self.op.consent_keys = frozenset({"k"})
        self.accept = self.reject = SimpleNamespace(moves=[])
        return True


@pytest.mark.parametrize("banner, relaunching, fresh_starts", [(True, False, 1), (True, True, 1), (False, False, 2)])
def test_the_consent_goal_behind_a_gate_looks_at_the_dialog_where_the_way_in_left_it(banner: bool, relaunching: bool,
                                                                                     fresh_starts: int) -> None:
    """vstup (consent 11/2): the gate passed by a sign-up from a fresh start, the cookie banner shown there; the
    consent goal then cleared the app, launched and signed up again (a launch and five actions) before its
    probe looked at that same banner. It looks at it where the way in left the app — relaunched on the way (vstup:
    the refused log-in, then the sign-up) or not, the install never cleared — only when a dialog shows there
    (none: an answer given on the way in, launched fresh as before)."""
    goal = _ConsentApp(banner, relaunching)
    goal.accept = goal.reject = goal.refusal = None
    assert goal._pass_gate(SimpleNamespace(counting=True))
    goal.op.scroll_page = lambda what: None
    found = goal._explore_consent(SimpleNamespace(actions=0, seconds=0, budget=None),
                                  SimpleNamespace(permissions=[]))
    assert found.ending == "reached" and len(goal.probed_on) == 1
    assert goal.op.done.count("fresh") == fresh_starts

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

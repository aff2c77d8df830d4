"""A launch modal whose learnt answer keeps it away on the install where it was given (corpus daftar's update
prompt: «ابھی اپ ڈیٹ کریں» stores the new version, the prompt never shows again there) is no modal a relaunch
meets again. The permissions goal's refused pass relaunched the refusing trial's install to try the modal's
other answer («بعد میں», explorer/soft_ask.py) — and met nothing: one relaunch for nothing (daftar permissions
21/10). Told by what launches showed (a relaunch of an install where the answer was given showed no modal),
never by the modal's words; a modal shown again at such a relaunch (warung's rating prompt) still gets the
relaunch that tries its other answer."""
from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.launch_modals import LaunchModals
from consent_audit.explorer.modal_returns import ModalReturns
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import NotOnScreen
from consent_audit.explorer.permissions_exploring import PermissionExplorations
from consent_audit.explorer.soft_ask import SoftAsks
from consent_audit.screen import Element, Screen

NOW, LATER = "ابھی اپ ڈیٹ کریں", "بعد میں"
TABS = ["سفر", "ٹکٹ", "پروفائل"]


class Device:
    """An app with an update prompt (two buttons in a dialog) once the cookie answer is kept: «NOW» stores the
    new version when `sticks` (the prompt gone at every later launch of the install), «LATER» closes it for
    this launch. `events`: launches, relaunches and taps, in order."""

    def __init__(self, sticks: bool) -> None:
        self.sticks = sticks
        self.stored: dict[str, str] = {}
        self.prompt = False
        self.installs = 0
        self.events: list[str] = []
        self.after_launch = None
        self.after_relaunch = None

    in_foreground = True
    held_wait = held_probe = 0.0
    recorder = SimpleNamespace(invalidate=lambda: None, steps=[])

    def fresh(self) -> None:
        self.installs += 1
        self.stored, self.prompt = {}, False

    def launch(self, relaunch: bool = False) -> Screen:
        self.events.append("relaunch" if relaunch else "launch")
        self.installs += 0 if relaunch else 1          # as the operator counts them
        self.prompt = "consent" in self.stored and "updated" not in self.stored
        for hook in [self.after_launch] + ([self.after_relaunch] if relaunch else []):
            if hook is not None:
                hook()
        return self.screen()

    def relaunch(self) -> Screen:
        return self.launch(relaunch=True)

    def screen(self) -> Screen:
        elements = [Element(text=t, role="button", clickable=True, bounds=(360 * i, 2280, 360, 120))
                    for i, t in enumerate(TABS)]
        if self.prompt:
            elements += [Element(role="dialog", bounds=(60, 900, 960, 600)),
                         Element(text=NOW, role="button", clickable=True, bounds=(95, 1230, 890, 126)),
                         Element(text=LATER, role="button", clickable=True, bounds=(95, 1370, 890, 126))]
        return Screen(elements=elements, signature="prompt" if self.prompt else "home", size=(1080, 2400),
                      in_app=True, prompts={})

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(range(len(TABS))) if self.prompt else frozenset()

    def targets(self, screen: Screen | None = None) -> list[Target]:
        screen = screen or self.screen()
        return targets(screen, self.covered(screen))

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    @property
    def platform(self) -> SimpleNamespace:
        return SimpleNamespace(stored_state=lambda: {"local": dict(self.stored)})

    def tap(self, target: Target) -> Screen:
        self.events.append(target.label)
        if target.label == NOW and self.sticks:
            self.stored["updated"] = "4.2"
        self.prompt = False
        return self.screen()


class Search(PermissionExplorations, LaunchModals):
    """The refused pass over `Device`, its launch answers learnt as the granted start learnt them: «NOW» answers
    the prompt, «LATER» its other (agreeing) control. The consent dialog's refusal is told by structure (stub):
    the refusing trial is a fresh install with everything refused, its answer kept, then a relaunch."""

    def __init__(self, device: Device, learnt: bool = True) -> None:
        self.op = device
        self.context = SimpleNamespace(platform=SimpleNamespace(decided={}))
        self.data = None
        now, later = Move.tap(self._button(NOW)), Move.tap(self._button(LATER))
        self.launch_moves, self.launch_kinds, self.passed_layers = ([now], {now: None}, []) if learnt else ([], {}, [])
        self.soft_asks = SoftAsks(alternatives={now: later} if learnt else {})
        self.answered_at_launch: list[Move] = []
        self.modal_returns = ModalReturns()
        self.at_launch = self._holding = self._in_reach = False
        self.refused_layer_checked = self.structure_checked = True
        self.gate_moves: list[Move] = []
        self.refusal = None
        device.after_launch = partial(self._answer_known_modals, launched=True)     # as ExploredApp wires it
        device.after_relaunch = lambda: self._answer_new_modals(learn=False)

    def _button(self, label: str) -> Target:
        self.op.prompt = True
        found = next(t for t in self.op.targets() if t.label == label)
        self.op.prompt = False
        return found

    def granted_start(self) -> None:
        """The granted start: a fresh install, the cookie answer kept (the prompt, when no answer is learnt yet,
        lifted as a launch layer: `_pass_launch_layer`, as daftar's was), relaunched (the search's own)."""
        def restart() -> None:
            self.op.fresh()
            self.op.stored["consent"] = "all"
            self.op.launch()
        restart()
        if not self.launch_moves:
            self._pass_launch_layer(restart, 3, frozenset())
        self.op.relaunch()

    def _refused_launch(self) -> None:
        raise NotOnScreen("no refusal in the dialog's words")

    refused_shown = None

    def _unworded_refusal_probed(self, untouched: bool) -> bool:
        return False        # probed already (`structure_checked`): its ways out are tried

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        self.op.fresh()
        self.op.launch()
        self.op.stored["consent"] = "none"       # the refusing way out, kept by the app
        self.op.relaunch()                       # the trial's relaunch: the prompt shows, answered by «NOW»
        self.refusal = SimpleNamespace(asked={"geolocation": 1}, trials=["a", "b"],
                                       left=frozenset(t.key for t in self.op.targets() if t.label in (NOW, LATER))
                                       | {self.launch_moves[0].key, self.soft_asks.alternatives[self.launch_moves[0]].key})
        return True


@pytest.mark.parametrize("learnt", [True, False], ids=["answer replayed", "layer lifted at the start"])
def test_a_relaunch_to_try_the_other_answer_is_not_made_where_the_first_keeps_the_modal_away(learnt) -> None:
    device = Device(sticks=True)
    search = Search(device, learnt)
    search.granted_start()
    assert [m.label for m in search.launch_moves] == [NOW]
    assert [m.label for m in search.soft_asks.alternatives.values()] == [LATER]
    assert device.events == ["launch", NOW, "relaunch"]          # given, then a relaunch of that install: gone
    device.events.clear()
    assert search._asked_when_refused() == {"geolocation"}
    assert device.events == ["launch", "relaunch", NOW]          # the refusing trial only: no relaunch after it
    assert device.events.count("relaunch") == 1


def test_a_modal_back_at_every_relaunch_still_gets_the_relaunch_that_tries_its_other_answer() -> None:
    device = Device(sticks=False)
    search = Search(device)
    search.granted_start()
    assert device.events == ["launch", NOW, "relaunch", NOW]     # back at the relaunch
    device.events.clear()
    search._asked_when_refused()
    assert device.events == ["launch", "relaunch", NOW, "relaunch", LATER]     # its other answer tried there


@pytest.mark.parametrize("shown_again", [True, False])
def test_a_modal_seen_back_once_is_never_taken_as_kept_away(shown_again) -> None:
    returns, now = ModalReturns(), Move("tap", "#now", NOW)
    returns.given(1, now)
    returns.launched(1, now, shown=False)          # a relaunch of install 1: gone
    returns.launched(2, now, shown=True)           # a fresh install: no evidence (not given there yet)
    assert returns.kept_away(now)
    returns.given(2, now)
    returns.launched(2, now, shown=shown_again)
    assert returns.kept_away(now) is not shown_again

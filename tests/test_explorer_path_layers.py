"""A learnt path walked again with a layer over its first control (rotfai: the consent popup a fresh launch shows
over the tab bar made the policy goal "broken": «โปรไฟล์» "is not on the screen"). The layer is lifted only by what
the suite may press — the consent dialog as the exploration answered it, a launch modal by its learnt answer (a
pre-prompt by its refusal), an unknown layer by its close / decline / way back — never by a control that asks for
a permission (stop 26's "largest control" lift pressed the reference app's permission request: a false
forced_permission); a layer it may not lift is not reached with the reason (PathCovered), never broken."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.errors import GoalNotReached
from consent_audit.explorer.app import ExploredApp, PathBroken
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.late_layers import LateLayers
from consent_audit.explorer.moves import Move
from consent_audit.explorer.path_layers import PathCovered, PathLayers
from consent_audit.explorer.soft_ask import SoftAsks
from consent_audit.screen import Element, Screen
from test_explorer_launch_modals import Layered

TABS = ["หน้าแรก", "ตั๋วของฉัน", "โปรไฟล์"]     # as many as Layered's: the first len(TABS) elements covered
BIG, SMALL, CLOSE = (40, 1500, 1000, 160), (440, 1700, 200, 40), (980, 1300, 60, 60)


class App(Layered):
    """An app whose tab bar lies under a layer (covered, targets, find: Layered's). `layers`: name → [(label,
    bounds, next layer, permission asked)]."""

    def __init__(self, layers: dict, first: str, back_lifts: bool = False) -> None:
        self.layers, self.layer, self.back_lifts = layers, first, back_lifts
        self.taps: list[str] = []
        self.prompts: dict[str, int] = {}
        self.consent_keys: frozenset[str] = frozenset()
        self.consent_answered = False

    in_foreground = True
    gestures = SimpleNamespace(timeout=0.5)      # the launch's wait, short here
    adapter = SimpleNamespace(settle=lambda: None)

    def screen(self) -> Screen:
        tabs = [Element(text=t, role="button", clickable=True, bounds=(360 * i, 2300, 360, 100))
                for i, t in enumerate(TABS)]
        layer = [Element(text=label, role="button", clickable=True, bounds=box)
                 for label, box, _, _ in self.layers.get(self.layer, [])]
        return Screen(elements=tabs + layer, signature=self.layer or "home", size=(1080, 2400),
                      prompts=dict(self.prompts))

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        for label, _, then, asks in self.layers.get(self.layer, []):
            if label == target.label:
                self.layer = then
                if asks:
                    self.prompts[asks] = self.prompts.get(asks, 0) + 1
        return self.screen()

    def back(self) -> Screen:
        self.taps.append("(back)")
        if self.back_lifts:
            self.layer = None
        return self.screen()


class Walker(PathLayers, LateLayers):
    _walk = ExploredApp._walk

    def __init__(self, op: App, denied: frozenset[str] = frozenset()) -> None:
        self.op, self.data = op, None
        self.config = SimpleNamespace(search={"launch_layer_trials": 3})
        self.answering_consent, self._lifting = False, False
        self.launch_moves: list[Move] = []
        self.soft_asks = SoftAsks()
        self.accept = None
        self.denied = denied

    def _denied(self) -> set[str]:
        return set(self.denied)

    def walk(self, *labels: str) -> None:
        moves = [Move.tap(next(t for t in targets(self.op.screen()) if t.label == label)) for label in labels]
        self._walk(moves, "reach a logged-in account")


def move_of(op: App, label: str) -> Move:
    return Move.tap(next(t for t in targets(op.screen()) if t.label == label))


def test_a_consent_popup_over_the_tab_bar_is_answered_as_the_exploration_answered_it_then_the_step_taken() -> None:
    op = App({"popup": [("ยอมรับทั้งหมด", BIG, None, None), ("ตั้งค่าคุกกี้", SMALL, "panel", None)],
              "panel": [("ปฏิเสธทั้งหมด", BIG, None, None)]}, "popup")
    op.consent_keys = frozenset({move_of(op, "ยอมรับทั้งหมด").key, move_of(op, "ตั้งค่าคุกกี้").key})
    walker = Walker(op)
    walker.accept = SimpleNamespace(moves=[move_of(op, "ยอมรับทั้งหมด")])
    walker.walk("โปรไฟล์")
    assert op.taps == ["ยอมรับทั้งหมด", "โปรไฟล์"] and op.consent_answered


def test_the_consent_dialogs_own_answer_walked_never_lifts_it_and_is_not_reached_not_broken() -> None:
    op = App({"popup": [("ยอมรับทั้งหมด", BIG, None, None), ("ตั้งค่าคุกกี้", SMALL, "panel", None)]}, "popup")
    op.consent_keys = frozenset({move_of(op, "ยอมรับทั้งหมด").key, move_of(op, "ตั้งค่าคุกกี้").key})
    walker = Walker(op)
    walker.answering_consent = True
    with pytest.raises(PathCovered, match="its own answer is what is walked"):
        walker.walk("โปรไฟล์")
    assert op.taps == [] and issubclass(PathCovered, GoalNotReached) and not issubclass(PathCovered, PathBroken)


def test_a_pre_prompt_learnt_at_launch_is_answered_by_its_refusal_never_by_the_big_control_that_asks() -> None:
    """The reverted lift took the largest control over the covered tab bar first: here «เปิดการแจ้งเตือน», which
    asks for notifications (the reference app's forced-biometric: a false forced_permission)."""
    layers = {"ask": [("เปิดการแจ้งเตือน", BIG, None, "notifications"), ("ไว้ทีหลัง", SMALL, None, None)]}
    op = App(layers, "ask")
    walker = Walker(op)
    later, turn_on = move_of(op, "ไว้ทีหลัง"), move_of(op, "เปิดการแจ้งเตือน")
    walker.launch_moves = [later]
    walker.soft_asks.asks[later] = (turn_on, frozenset({"notifications"}))
    walker.walk("โปรไฟล์")
    assert op.taps == ["ไว้ทีหลัง", "โปรไฟล์"] and op.prompts == {}


def test_a_pre_prompt_whose_permission_is_refused_under_test_is_left_to_the_permission_journey() -> None:
    layers = {"ask": [("เปิดการแจ้งเตือน", BIG, None, "notifications"), ("ไว้ทีหลัง", SMALL, None, None)]}
    op = App(layers, "ask")
    walker = Walker(op, denied=frozenset({"notifications"}))
    later, turn_on = move_of(op, "ไว้ทีหลัง"), move_of(op, "เปิดการแจ้งเตือน")
    walker.launch_moves = [later]
    walker.soft_asks.asks[later] = (turn_on, frozenset({"notifications"}))
    with pytest.raises(PathCovered, match="refused under test"):
        walker.walk("โปรไฟล์")
    assert op.taps == []


def test_an_unknown_layer_is_closed_by_its_close_mark_never_by_its_agreeing_control() -> None:
    op = App({"sheet": [("Turn on location", BIG, None, "geolocation"), ("×", CLOSE, None, None)]}, "sheet")
    walker = Walker(op)
    walker.walk("โปรไฟล์")
    assert op.taps == ["×", "โปรไฟล์"] and op.prompts == {}


def test_a_continue_the_exploration_saw_ask_for_a_permission_is_never_pressed_by_a_lift() -> None:
    """«OK», by its words a continue: but its tap asked for the camera when the exploration tried it."""
    layers = {"sheet": [("OK", BIG, None, "camera")]}
    op = App(layers, "sheet", back_lifts=True)
    walker = Walker(op)
    ok = move_of(op, "OK")
    walker.soft_asks.asks[Move("tap", "button|Later|0", "Later")] = (ok, frozenset({"camera"}))
    walker.walk("โปรไฟล์")
    assert op.taps == ["(back)", "โปรไฟล์"] and op.prompts == {}


def test_an_unknown_layer_with_no_safe_answer_is_left_by_the_way_back_else_not_reached_with_the_reason() -> None:
    """Two controls in words no lexicon has: neither pressed (either may agree to something or ask)."""
    layers = {"sheet": [("Ndiyo, washa", BIG, None, "camera"), ("Hmm", SMALL, None, None)]}
    op = App(layers, "sheet", back_lifts=True)
    walker = Walker(op)
    walker.walk("โปรไฟล์")
    assert op.taps == ["(back)", "โปรไฟล์"]
    op = App(layers, "sheet", back_lifts=False)
    walker = Walker(op)
    with pytest.raises(PathCovered, match="no close or refusal .* the way back did not close it"):
        walker.walk("โปรไฟล์")
    assert op.taps == ["(back)"] and op.prompts == {}


def test_a_control_under_no_layer_is_a_broken_path() -> None:
    op = App({}, None)
    walker = Walker(op)
    gone = Move("tap", "button|Gone|0", "Gone")
    with pytest.raises(PathBroken):
        walker._walk([gone], "nowhere")


def test_a_flow_stopped_by_a_layer_it_may_not_lift_is_not_found_with_the_reason_never_broken() -> None:
    """The deletion flow's sign-up walked into rotfai's popup (a one-change copy whose answer is never kept):
    before, "broken: the flow stopped before its verdict: PathBroken …"."""
    from consent_audit import audit as audit_module
    from consent_audit.model import Outcome, Result

    result = Result(target="127.0.0.1/rotfai", flow="deletion", folder="t")
    item = SimpleNamespace(stash={audit_module.RESULT_KEY: result})
    walk = audit_module.pytest_pyfunc_call(item)
    next(walk)
    with pytest.raises(pytest.skip.Exception):
        walk.throw(PathCovered("step 2 (tap \"โปรไฟล์\"): a layer lies over it («ไว้ทีหลัง», «เปิดการแจ้งเตือน»)"))
    assert result.final_outcome == Outcome.NOT_FOUND and result.reason.startswith("step 2")


# --- a launch layer's countdown in a learnt path (fresh6 chaguan 3c: «跳過 3» step 1 of the account path) ---

def test_a_leading_step_on_a_launch_layer_that_went_by_itself_is_passed_never_a_broken_path() -> None:
    """Before: the policy goal broke: «re-walking … step 1 (tap "跳過 3") failed: "跳過 3" is not on the screen»."""
    op = App({"splash": [("跳過 3", CLOSE, None, None)]}, "splash")
    skip = move_of(op, "跳過 3")
    op.layer = None                      # the splash went by itself before the walk
    walker = Walker(op)
    walker._walk([skip, move_of(op, "โปรไฟล์")], "reach a logged-in account")
    assert op.taps == ["โปรไฟล์"]
    with pytest.raises(PathBroken):      # a step gone after one was walked is still a broken path
        walker._walk([move_of(op, "โปรไฟล์"), skip, move_of(op, "หน้าแรก")], "reach a logged-in account")


def test_a_feature_route_through_a_launch_layer_that_went_by_itself_is_still_used() -> None:
    from consent_audit.explorer.permissions import Feature, use
    op = App({"splash": [("跳過 3", CLOSE, None, None)]}, "splash")
    skip = move_of(op, "跳過 3")
    op.layer = None
    home = move_of(op, "หน้าแรก")
    feature = Feature("camera", home.key, home.label, "home", [], [], route=(skip,))
    assert use(op, feature) is not None and op.taps == ["หน้าแรก"]


# --- a layer drawn after the launch's look (porsche-fair under load: the consent goal "broken") ---

class LateBanner(App):
    """A banner a library builds only after the launch's look was quiet: on no capture before the `after`-th."""

    def __init__(self, layers: dict, after: int) -> None:
        super().__init__(layers, None)
        self.captures, self.after, self.drawn = 0, after, next(iter(layers))

    def screen(self) -> Screen:
        self.captures += 1
        if self.captures == self.after:
            self.layer = self.drawn
        return super().screen()


def test_a_first_step_whose_layer_is_drawn_late_is_waited_for_then_tapped_never_a_broken_path() -> None:
    """Before: «re-walking the explored path to reject the consent dialog: step 1 (tap "Tümünü reddet") failed:
    "Tümünü reddet" is not on the screen» (the re-walk looked once, before the banner was built)."""
    banner = {"banner": [("Tümünü kabul et", BIG, None, None), ("Tümünü reddet", SMALL, None, None)]}
    reject = move_of(App(banner, "banner"), "Tümünü reddet")
    op = LateBanner(banner, after=8)      # later than the walk's own few looks (perform, the lift)
    walker = Walker(op)
    walker.answering_consent = True
    walker._walk([reject], "reject the consent dialog")
    assert op.taps == ["Tümünü reddet"] and op.captures >= 8


def test_a_first_step_never_drawn_is_still_a_broken_path_after_the_wait() -> None:
    op = LateBanner({"banner": [("Tümünü reddet", SMALL, None, None)]}, after=10 ** 6)
    walker = Walker(op)
    with pytest.raises(PathBroken):
        walker._walk([Move("tap", "button|Tümünü reddet|0", "Tümünü reddet")], "reject the consent dialog")
    assert op.taps == []

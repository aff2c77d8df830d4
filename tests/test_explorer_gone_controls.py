"""A control seen a moment ago, gone when tapped: a countdown splash's «跳過 1» that ended by itself between the
capture and the tap (bench29a chaguan, permissions `broken` under load: «NotOnScreen: '跳過 1' is no longer on
the screen», raised from the deny journey's way on). A layer that went by itself is answered — the app is looked
at again — never a broken run (explorer/gone.py); each path that taps a layer's control is tried here with a fake
app whose layer goes away just as the tap lands (the operator's NotOnScreen, or the browser's stale element)."""
from __future__ import annotations

import pytest
from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException

from consent_audit.errors import ControlGone
from consent_audit.explorer import permissions, refused_reach
from consent_audit.explorer.gone import GONE
from consent_audit.explorer.elements import Target
from consent_audit.explorer.operator import NotOnScreen
from test_explorer_launch_modals import Harness
from test_explorer_path_layers import BIG, CLOSE, App, Walker, move_of

SPLASH = {"splash": [("跳過 1", CLOSE, None, None)]}
KINDS = [NotOnScreen, StaleElementReferenceException, ElementNotInteractableException,   # hidden in place (bep)
         ControlGone]


class Vanishing(App):
    """An app whose layer's control goes away with its layer just as it is tapped (`raises`: what the tap
    meets then); the app's own controls under it work."""

    def __init__(self, layers: dict, first: str, raises: type[Exception] = NotOnScreen) -> None:
        super().__init__(layers, first)
        self.raises = raises

    def tap(self, target: Target) -> object:
        if self.layer is not None and any(label == target.label for label, *_ in self.layers[self.layer]):
            self.taps.append(target.label)
            self.layer = None            # its countdown ended before the tap landed
            raise self.raises(f"'{target.label}' is no longer on the screen")
        return super().tap(target)


def core_of(op: App) -> permissions.Core:
    layer, op.layer = op.layer, None
    try:
        screen = op.screen()
        return permissions.Core.of(screen, op.targets(screen))
    finally:
        op.layer = layer


@pytest.mark.parametrize("raises", KINDS)
def test_the_deny_journeys_way_on_gone_with_its_splash_reaches_the_core_never_broken(raises) -> None:
    """Before: refused_reach.reach (then permissions.reach) let the NotOnScreen of «跳過 1» (its way on: a decline) out — the run broken."""
    op = Vanishing(SPLASH, "splash", raises)
    assert refused_reach.reach(op, core_of(op), budget=4, accept_consent=lambda: None) is True
    assert op.taps == ["跳過 1"]


@pytest.mark.parametrize("raises", KINDS)
def test_a_covering_layer_that_went_by_itself_as_it_was_answered_is_answered(raises) -> None:
    """Before: `_answer_cover` (Operator.on_cover, a tap refused under a layer) let the NotOnScreen out of the
    tap that met the layer, wherever that tap was made."""
    op = Vanishing(SPLASH, "splash", raises)
    assert Walker(op)._answer_cover(op.screen()) is True
    assert op.taps == ["跳過 1"] and op.layer is None


@pytest.mark.parametrize("raises", KINDS)
def test_a_permission_wall_gone_as_its_button_was_pressed_ends_nothing(raises) -> None:
    """Before: `_open_walls` let the NotOnScreen of the wall's one button out."""
    op = Vanishing({"wall": [("Turn on camera", BIG, None, None)]}, "wall", raises)
    harness = Harness(op)
    harness._open_walls()
    assert op.taps == ["Turn on camera"] and op.layer is None


@pytest.mark.parametrize("raises", KINDS)
def test_a_feature_routes_splash_step_gone_as_it_was_tapped_is_passed(raises) -> None:
    """Before: permissions.use let the NotOnScreen of the route's «跳過 1» out (the splash on screen at the look,
    gone at the tap); now the route goes on once the next step is on screen, as when it was gone at the look."""
    op = Vanishing(SPLASH, "splash", raises)
    skip, home = move_of(op, "跳過 1"), move_of(op, "หน้าแรก")
    feature = permissions.Feature("camera", home.key, home.label, "home", [], [], route=(skip,))
    assert permissions.use(op, feature) is not None
    assert op.taps == ["跳過 1", "หน้าแรก"]


def test_a_splash_gone_as_its_skip_was_tapped_at_the_first_launch_is_learnt_for_the_next() -> None:
    """bench fixRB after1 (chaguan under load): the splash went by itself as the first launch answered it, so its
    «跳過» was never learnt; the permissions search's relaunch met it again and took it for a screen of the app
    (3 screens searched, «跳過 3» avoided as a refusal, the core «could not be reached again»: not_found)."""
    op = Vanishing(SPLASH, "splash")
    op.stored = {}
    harness = Harness(op)
    harness.structure_checked, harness.at_launch = True, False
    harness.context, harness._holding, harness._in_reach, harness.data = op, False, False, None
    harness._answer_new_modals()
    assert op.taps == ["跳過 1"] and [m.label for m in harness.launch_moves] == ["跳過 1"]


class _Driver:
    current_window_handle = "app"
    window_handles = ["app"]


class _Control:
    """A live element the browser refuses to click `refusals` times (not interactable), shown or not."""

    def __init__(self, refusals: int, shown: bool) -> None:
        self.refusals, self.shown, self.clicks = refusals, shown, 0

    def click(self) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            raise ElementNotInteractableException("element not interactable")
        self.clicks += 1

    def is_displayed(self) -> bool:
        return self.shown


def _web_platform():
    from consent_audit.platforms.web.platform import WebChromiumPlatform
    platform = WebChromiumPlatform.__new__(WebChromiumPlatform)
    platform.driver, platform.in_frame, platform._left_in_window = _Driver(), False, False
    return platform


def test_a_control_hidden_by_its_layer_between_the_look_and_the_tap_is_gone_never_a_broken_run() -> None:
    """bep (fixDN's and fixPO2's benches, 3 of 3 under load): the promotion's «Bỏ qua 5» was read at launch, the
    countdown hid the promotion (display: none, still in the page) before the tap, and the browser's «element
    not interactable» broke the run — neither a stale element nor NotOnScreen, so no caller took it for a layer
    that went by itself. Before: ElementNotInteractableException."""
    with pytest.raises(GONE):
        _web_platform().tap(_Control(refusals=10 ** 6, shown=False))


def test_a_control_that_takes_the_click_a_moment_later_is_waited_for() -> None:
    """A control drawn a moment after the capture (fading in) is clicked once it takes the click. Before:
    ElementNotInteractableException at the first refusal."""
    control = _Control(refusals=2, shown=True)
    _web_platform().tap(control)
    assert control.clicks == 1

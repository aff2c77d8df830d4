"""A capture the live page moved on from by itself, without a browser: a launch advert (huabao's «跳过 N»,
gone by itself after 5 s) that ends while a slow capture is made (under load the screenshot alone took 4.7 s)
leaves a capture of the advert over the app while the live page shows the privacy page that followed it. Hit
testing on the live page then reaches none of the capture's controls. Before, that capture was taken for the
screen: the permissions search learnt its core screen on it (no control to touch: 0 controls probed, the home
screen later never told the core — camera refused read 'blocked', truth 'degraded'), and a launch whose capture
showed «跳过 1» looked for the learnt skip on it, found it covered, and never saw the privacy page."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable

from consent_audit.explorer import permissions
from consent_audit.explorer.elements import moved_on
from consent_audit.explorer.operator import Operator
from consent_audit.screen import Element, Screen

SIZE = (1080, 2400)


def _app(covered: bool) -> list[Element]:
    """The home screen's controls (three stories, the scan, the tab bar), `covered` by a layer at capture."""
    rows = ["城市夜景：十座桥的灯光", "秋天的银杏大道", "一碗面的七十年", "扫一扫"]
    return ([Element(text=t, bounds=(32, 346 + 160 * i, 1019, 134), clickable=True, covered=covered)
             for i, t in enumerate(rows)]
            + [Element(text=t, bounds=(540 * i, 2300, 540, 72), clickable=True, covered=covered)
               for i, t in enumerate(["首页", "我的"])])


# the capture made as the advert ended: the advert's skip on top, the app under it
ADVERT = Screen(elements=_app(True) + [Element(text="双十一 画报会员 5 折", bounds=(200, 1100, 680, 80)),
                                       Element(text="跳过 1", bounds=(857, 42, 182, 76), clickable=True)],
                signature="advert", size=SIZE)
# what the live page shows by then: the privacy page over the app
PRIVACY = Screen(elements=_app(True) + [Element(text="画报隐私保护指引", bounds=(40, 60, 600, 70)),
                                        Element(text="不同意", bounds=(53, 384, 475, 134), clickable=True),
                                        Element(text="同意", bounds=(554, 384, 475, 134), clickable=True)],
                 signature="privacy", size=SIZE)
HOME = Screen(elements=_app(False), signature="home", size=SIZE)


@dataclass
class Recorder:
    """Captures in turn: `captures[0]` at the launch, the next one at each capture made again."""

    captures: list[Screen]
    last_screen: Screen | None = None
    steps: list[Any] = field(default_factory=list)

    def observe(self) -> Screen:
        if self.last_screen is None:
            self.last_screen = self.captures.pop(0) if len(self.captures) > 1 else self.captures[0]
        return self.last_screen

    def invalidate(self) -> None:
        self.last_screen = None


class Adapter:
    """Hit testing on the live page, which shows `live`: the controls of another capture are not where it
    says (covered), those of `live` itself are where the live page has them."""

    def __init__(self, live: Screen) -> None:
        self.live, self.settled = live, 0

    def prepare(self) -> None:
        pass

    def launch_settled(self) -> bool:
        return True

    def late_pending(self) -> int:
        return 0

    def settle(self) -> None:
        self.settled += 1

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(screen.elements) if e.clickable
                         and (screen.signature != self.live.signature or e.covered))


class Gestures:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def quieted(self, _quiet: Callable[[], None]) -> "Gestures":
        return self

    def launch(self, _settled: Any) -> Any:
        self.recorder.last_screen = None
        screen = self.recorder.observe()
        self.recorder.steps.append("launch")
        return SimpleNamespace(screen=screen)


def operator(captures: list[Screen], live: Screen) -> tuple[Operator, Adapter]:
    recorder = Recorder(list(captures))
    adapter = Adapter(live)
    context = SimpleNamespace(recorder=recorder, platform=SimpleNamespace(in_foreground=lambda: True), masker=None,
                              gestures=Gestures(recorder))
    return Operator(context, adapter), adapter  # type: ignore[arg-type]


def test_a_capture_none_of_whose_controls_the_live_page_reaches_has_moved_on() -> None:
    assert moved_on(ADVERT, Adapter(PRIVACY).covered(ADVERT))
    # the capture the live page shows: the app under the privacy page, its two answers reachable
    assert not moved_on(PRIVACY, Adapter(PRIVACY).covered(PRIVACY))
    # nothing in view to touch at all (a page of text only) is no sign of anything
    assert not moved_on(Screen(elements=[Element(text="正文")], signature="text", size=SIZE), frozenset())


def test_a_launch_whose_capture_the_advert_already_left_shows_the_page_that_followed_it() -> None:
    op, adapter = operator([ADVERT, PRIVACY], live=PRIVACY)
    shown = op.launch()
    assert shown.signature == "privacy" and op.screen() is shown
    assert [t.label for t in op.targets(shown)] == ["不同意", "同意"]     # the consent dialog, to be answered
    assert adapter.settled == 1 and op.recorder.steps == ["launch"]      # captured again, no action made


def test_the_core_screen_is_never_learnt_on_a_capture_the_app_moved_on_from() -> None:
    """The permissions search learns its core screen on what `screen` gives once the launch is answered:
    learnt on the gone advert, it had no control to touch and the home screen was never told the core."""
    op, _ = operator([ADVERT, HOME], live=HOME)
    screen = op.screen()
    core = permissions.Core.of(screen, op.targets(screen))
    assert core.signature == "home" and "扫一扫" in core.labels
    assert core.matches(HOME, op.targets(HOME))


def test_a_capture_the_live_page_never_matches_is_made_again_a_bounded_number_of_times() -> None:
    op, adapter = operator([ADVERT], live=PRIVACY)     # every capture is the advert (a page still moving)
    assert op.screen().signature == "advert" and op.screen().signature == "advert"
    assert adapter.settled == 2       # RECAPTURES, then the capture is taken as it is, not checked again

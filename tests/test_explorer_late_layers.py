"""Layers that come while the app is in use, without a browser: a tap the browser refuses because a layer came
over its target since the capture (a consent sheet sliding up seconds after load) is answered and made again,
never an automation crash; when nothing answers it, the audit says which control and what covered it, never
"could not start"; a per-launch consent count is a figure only when the launch was watched long enough for
what the app had scheduled (else unmeasured, never "no")."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable

import pytest

from consent_audit.errors import TapIntercepted
from consent_audit.explorer.elements import targets
from consent_audit.explorer.exploration import stopped_at
from consent_audit.explorer.operator import Operator
from consent_audit.findings.base import Unmeasured
from consent_audit.findings.patterns.consent_nagging import ConsentNagging
from consent_audit.flows.test_permissions import _consent_at_launch
from consent_audit.platforms.web.clicks import covering_element
from consent_audit.screen import Element, Screen

CHROMEDRIVER = ('element click intercepted: Element <button data-tab="canhan">Cá nhân</button> is not clickable at '
                'point (351, 812). Other element would receive the click: <div id="dong-y" role="dialog" '
                'class="tam hien">\n  (Session info: chrome=156.0)')


def screen(*labels: str, covered: tuple[str, ...] = ()) -> Screen:
    elements = [Element(text=t, role="button", rid=f"id-{i}", bounds=(0, 100 * i, 300, 80), clickable=True,
                        covered=t in covered) for i, t in enumerate(labels)]
    return Screen(elements=elements, signature="|".join(labels), size=(400, 900))


APP = screen("Home", "Settings")
SHEET = screen("Home", "Settings", "Accept and continue", covered=("Home", "Settings"))
SETTINGS = screen("Account", "Back")


@dataclass
class FakeRecorder:
    current: Screen
    last_screen: Screen | None = None
    steps: list[Any] = field(default_factory=list)

    def observe(self) -> Screen:
        self.last_screen = self.current
        return self.current

    def invalidate(self) -> None:
        self.last_screen = None


class FakeGestures:
    """Taps on a fake app: the first tap on "Settings" is refused (the sheet came over it) when `sheet`."""

    def __init__(self, recorder: FakeRecorder, sheet: bool) -> None:
        self.recorder, self.sheet, self.tapped = recorder, sheet, []

    def quieted(self, _quiet: Callable[[], None]) -> "FakeGestures":
        return self

    def tap(self, live: Any, label: str, info: Any, read: Any = None) -> Any:
        self.tapped.append(label)
        if label == "Settings" and self.sheet:
            self.recorder.current = self.recorder.last_screen = SHEET    # captured after the refused tap
            raise TapIntercepted(covering_element(CHROMEDRIVER))
        self.recorder.current = self.recorder.last_screen = SETTINGS if label == "Settings" else APP
        self.recorder.steps.append(label)
        return SimpleNamespace(screen=self.recorder.current)

    toggle = tap


class FakeAdapter:
    def settle(self) -> None:
        pass

    def locate(self, element: Element) -> Element:
        return element

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(s.elements) if e.covered)

    def scroller_of(self, live: Element) -> None:
        return None          # the page scrolls


def operator(sheet: bool, answer: bool) -> tuple[Operator, FakeGestures, list[Screen]]:
    recorder = FakeRecorder(APP)
    gestures = FakeGestures(recorder, sheet)
    context = SimpleNamespace(recorder=recorder, platform=None, masker=None, gestures=gestures)
    op = Operator(context, FakeAdapter())  # type: ignore[arg-type]
    seen: list[Screen] = []

    def on_cover(s: Screen) -> bool:
        seen.append(s)
        if answer:      # the sheet's "Accept and continue": the app behind it again
            gestures.sheet = False
            recorder.current = recorder.last_screen = APP
        return answer

    op.on_cover = on_cover
    return op, gestures, seen


def settings_target(op: Operator) -> Any:
    return next(t for t in targets(op.screen()) if t.label == "Settings")


def test_the_browser_names_what_covers_a_refused_tap() -> None:
    assert covering_element(CHROMEDRIVER) == '<div id="dong-y" role="dialog" class="tam hien">'
    assert covering_element("element click intercepted") == "another element"


def test_a_tap_refused_under_a_layer_that_came_since_the_capture_is_answered_and_made_again() -> None:
    op, gestures, seen = operator(sheet=True, answer=True)
    after = op.tap(settings_target(op))
    assert after is SETTINGS
    assert [s.signature for s in seen] == [SHEET.signature]      # the new layer, captured again, was answered
    assert gestures.tapped == ["Settings", "Settings"]


def test_a_layer_nothing_answers_is_said_with_the_control_and_what_covered_it() -> None:
    op, _, seen = operator(sheet=True, answer=False)
    with pytest.raises(TapIntercepted) as caught:
        op.tap(settings_target(op))
    assert len(seen) == 1
    message = stopped_at("delete-account", caught.value, ["Launch the app", 'Tap "Cá nhân"'], 10)
    assert 'tapping "Settings" was refused: <div id="dong-y" role="dialog" class="tam hien"> covered it' in message
    assert "after 10 action(s)" in message and 'step 2, Tap "Cá nhân"' in message
    assert "could not start" not in message


def test_other_automation_errors_say_where_the_search_stopped() -> None:
    message = stopped_at("privacy-policy", RuntimeError("session deleted\nstack"), [], 0)
    assert message.startswith("RuntimeError: session deleted —") and "no step recorded yet" in message


class Explored:
    """What the permission flow asks an explored app about a launch (ExploredApp.consent_at_launch's inputs)."""

    def __init__(self, shown: bool, looked_long: bool | None, unread: tuple[str, ...] = ()) -> None:
        screen = Screen(elements=[], signature="s", unread_frames=list(unread))
        self.consent_shown = shown
        self.op = SimpleNamespace(looked_long=looked_long, screen=lambda: screen, targets=targets,
                                  covered=lambda s: frozenset())
        self.answered_at_launch: list = []        # no modal answered at this launch (branch perms)
        self.launch_kinds: dict = {}
        self.accept, self.reject, self.structure_tried = None, None, []

    from consent_audit.explorer.app import ExploredApp
    consent_at_launch = ExploredApp.consent_at_launch
    _untold_layer = ExploredApp._untold_layer


@pytest.mark.parametrize("shown,looked_long,count", [(True, False, 1), (False, True, 0), (False, False, None),
                                                     (False, None, None)])
def test_a_launch_not_watched_long_enough_has_no_consent_count(shown: bool, looked_long: bool | None,
                                                               count: int | None) -> None:
    assert _consent_at_launch(Explored(shown, looked_long)) == count


def test_a_launch_whose_screen_holds_an_unread_frame_has_no_consent_count() -> None:
    """A CMP's dialog in a frame of another origin the platform could not read is not seen: not "no dialog"."""
    frame = ("a frame from http://localhost:9/cmp.html could not be read",)
    assert _consent_at_launch(Explored(False, True, frame)) is None
    assert _consent_at_launch(Explored(True, True, frame)) == 1


def test_an_unmeasured_relaunch_leaves_consent_nagging_unmeasured_unless_another_showed_it() -> None:
    rule = ConsentNagging()
    with pytest.raises(Unmeasured):
        rule.check({"prompts_per_launch": {"consent": [0, None, 0]}}, {}, {})
    assert rule.check({"prompts_per_launch": {"consent": [0, None, 1]}}, {}, {}) == {"per_launch": [0, None, 1]}
    assert rule.check({"prompts_per_launch": {"consent": [0, 0, 0]}}, {}, {}) is None


class ScrollingGestures(FakeGestures):
    """The control lies below the fold; scrolling to it makes the sheet slide up over it (show-on-scroll)."""

    def scroll_into_view(self, live: Any, label: str, container: Any, info: Any) -> Any:
        self.tapped.append(f"scroll to {label}")
        self.recorder.current = self.recorder.last_screen = SHEET
        return SimpleNamespace(screen=SHEET)


def test_a_layer_a_scroll_brings_over_the_control_is_answered_before_the_tap() -> None:
    below = Screen(elements=[Element(text="Home", role="button", rid="id-0", bounds=(0, 0, 300, 80), clickable=True),
                             Element(text="Settings", role="button", rid="id-1", bounds=(0, 1200, 300, 80),
                                     clickable=True)], signature="Home|Settings", size=(400, 900))
    recorder = FakeRecorder(below)
    gestures = ScrollingGestures(recorder, sheet=False)
    op = Operator(SimpleNamespace(recorder=recorder, platform=None, masker=None, gestures=gestures),  # type: ignore[arg-type]
                  FakeAdapter())
    answered: list[str] = []

    def on_cover(s: Screen) -> bool:
        answered.append(s.signature)
        recorder.current = recorder.last_screen = APP      # accepted: the app behind it, the control in view
        return True

    op.on_cover = on_cover
    target = next(t for t in targets(op.screen()) if t.label == "Settings")
    assert op.tap(target) is SETTINGS
    assert answered == [SHEET.signature] and gestures.tapped == ["scroll to Settings", "Settings"]


def layer(*texts: str, buttons: tuple[str, ...]) -> Screen:
    """The app (Home, Settings: covered) under a layer of texts and buttons."""
    app = [Element(text=t, role="button", rid=f"app-{i}", bounds=(0, 100 * i, 300, 80), clickable=True, covered=True)
           for i, t in enumerate(("Home", "Settings"))]
    words = [Element(text=t, role="", bounds=(0, 400 + 40 * i, 300, 30)) for i, t in enumerate(texts)]
    controls = [Element(text=b, role="button", rid=f"b-{i}", bounds=(0, 600 + 90 * i, 300, 80), clickable=True)
                for i, b in enumerate(buttons)]
    return Screen(elements=app + words + controls, signature="layer|" + "|".join(buttons), size=(400, 900))


class LayerOp:
    in_foreground = True

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(s.elements) if e.covered)

    def targets(self, s: Screen | None = None) -> list[Any]:
        assert s is not None
        return targets(s, self.covered(s))


def late(label: str, after: Screen, at_launch: bool = False) -> list[str]:
    from consent_audit.explorer.late_layers import LateLayers

    accepted: list[str] = []
    app = LateLayers()
    app.op, app.answering_consent = LayerOp(), False             # type: ignore[attr-defined]
    app.at_launch = at_launch                                     # type: ignore[attr-defined]
    app._answer_late = lambda s: accepted.append(s.signature)     # type: ignore[method-assign]
    app._answer_late_consent(APP, label, after)
    return accepted


SHEET_BY_ITSELF = layer("We use cookies to personalise recipes and ads and to measure our audience.",
                        buttons=("Accept and continue", "Continue without accepting"))


def test_a_consent_sheet_that_came_by_itself_as_a_control_was_tapped_is_accepted_and_the_search_goes_on() -> None:
    assert late("Recipes of the week", SHEET_BY_ITSELF) == [SHEET_BY_ITSELF.signature]


def test_the_consent_dialog_behind_a_splash_at_launch_is_the_launchs_own() -> None:
    """corpus huabao: the flow's launch skips the splash advert (跳过 5) and the consent dialog shows — the
    dialog the consent flow is about to measure, not one that came by the way (accepted, it was gone: consent
    not found, a wrong verdict on a fair app)."""
    assert late("跳过 5", SHEET_BY_ITSELF, at_launch=True) == []


def test_a_layer_the_tap_asked_for_or_a_deletion_step_is_never_answered_by_the_way() -> None:
    assert late("Privacy", SHEET_BY_ITSELF) == []           # the user opened the privacy layer
    confirm = layer("Delete your account? Your personal data will be erased.", buttons=("Cancel", "I agree"))
    assert late("Recipes of the week", confirm) == []      # a deletion's own "I agree"


@pytest.mark.parametrize("label", ["Tiếp tục mà không đồng ý", "Continue without agreeing", "Nicht zustimmen",
                                   "Ne pas accepter", "Continuar sin aceptar", "Niet akkoord"])
def test_an_agreement_negated_is_a_refusal_not_an_accept(label: str) -> None:
    """song's corner link «Tiếp tục mà không đồng ý» (continue without agreeing) read as agree + confirm: once
    its sheet was seen, the reject path found none ("no way to reject") and the way-out trials a false wall."""
    from consent_audit.explorer import cues

    assert cues.has(label, "decline") and not cues.has(label, "agree")


def test_a_cookie_bar_never_told_consent_on_screen_at_a_relaunch_has_no_consent_count() -> None:
    """fresh4 gcn-dark / notice-only: a fixed cookie bar (a sentence, 2 buttons) the consent goal tried but never
    told consent (one answer stored a record, no choice read) is on screen at every relaunch; it was counted 0
    ("no dialog") and consent_nagging 'measured' clean. Unmeasured instead; 0 once the app's consent dialog is
    known (another layer), or where every answer of the bar stored nothing (no choice at all)."""
    from consent_audit.explorer.consent_structure import Tried
    bar = [Element(role="", fixed=True, bounds=(0, 0, 400, 120)),
           Element(text="Používame súbory cookie, aby sme zlepšili vaše skúsenosti.", bounds=(10, 10, 380, 40)),
           Element(text="Viac informácií", role="link", clickable=True, bounds=(10, 70, 150, 30)),
           Element(text="OK", role="button", clickable=True, bounds=(300, 70, 80, 30))]
    app = Explored(False, True)
    screen = Screen(elements=bar, signature="s", size=(400, 800))
    app.op.screen = lambda: screen
    assert _consent_at_launch(app) is None                       # not tried: unknown
    ok = targets(screen)[-1]
    app.structure_tried = [Tried(ok, stored={"cookie:cookie_notice": "1"}), Tried(targets(screen)[0])]
    assert _consent_at_launch(app) is None                       # tried, one answer stored: not told
    app.structure_tried = [Tried(ok), Tried(targets(screen)[0])]
    assert _consent_at_launch(app) == 0                          # nothing stored by any answer: no choice
    app.structure_tried, app.accept = [Tried(ok, stored={"c": "1"})], object()
    assert _consent_at_launch(app) == 0                          # the app's dialog is known: another layer


class AfterTap:
    """What `LateLayers._answer_late_consent` reads of an explored app: the consent dialog answered since the
    fresh install or not (`consent_answered`), and whether the launch saw all the app had scheduled."""

    from consent_audit.explorer.late_layers import LateLayers
    _answer_late_consent = LateLayers._answer_late_consent

    def __init__(self, answered: bool, looked_long: bool | None) -> None:
        self.answering_consent = self.at_launch = False
        self.op = SimpleNamespace(consent_answered=answered, looked_long=looked_long, in_foreground=True,
                                  targets=targets, consent_keys=frozenset(),
                                  covered=lambda s: frozenset(i for i, e in enumerate(s.elements) if e.covered))
        self.accepted: list[Screen] = []

    def _answer_late(self, s: Screen) -> None:
        self.accepted.append(s)


DIALOG = Screen(elements=[*screen("Home", "Faragha", covered=("Home", "Faragha")).elements,
                          Element(text="We use cookies to measure the audience and show ads.", bounds=(0, 300, 300, 40)),
                          Element(text="Accept all", role="button", rid="all", bounds=(0, 400, 300, 80), clickable=True),
                          Element(text="Reject all", role="button", rid="none", bounds=(0, 500, 300, 80),
                                  clickable=True)], signature="dialog", size=(400, 900))


@pytest.mark.parametrize("answered,looked_long,accepts", [(False, True, True), (True, True, False), (True, None, True)])
def test_a_consent_dialog_back_after_a_tap_once_it_was_answered_is_the_taps_doing_never_answered_by_the_way(
        answered: bool, looked_long: bool | None, accepts: bool) -> None:
    """A settings row in words no lexicon knows («Faragha») re-opens the consent dialog: once the app holds an answer
    given since the fresh install and its launch left nothing scheduled, the dialog came from the tap and is left
    to the search (explorer/consent_reopened.py), never accepted again by the way (before: accepted, what the app
    stored about consent changed in the middle of the deletion). Not yet answered, or a launch not watched long
    enough (a sheet sliding up late), it is a late layer, accepted as before."""
    app = AfterTap(answered, looked_long)
    before = screen("Home", "Faragha")
    assert app._answer_late_consent(before, "Faragha", DIALOG) is accepts
    assert len(app.accepted) == int(accepts)


class InUse:
    """LateLayers' answer to a consent dialog met while the app is in use, the dialog's known answers stubbed."""

    from consent_audit.explorer.late_layers import LateLayers
    answer_consent_in_use = LateLayers.answer_consent_in_use
    refusing_in_use = False

    def __init__(self, offered: bool | None = True, unread: bool = False, walled: bool = False) -> None:
        self.refusal_offered, self.refusal_unread, self.consent_walled = offered, unread, walled
        self.answers: list[str] = []

    def accept_consent(self) -> None:
        self.answers.append("accept")

    def reject_consent(self) -> None:
        self.answers.append("reject")


@pytest.mark.parametrize("kwargs, refusing, answer", [
    ({}, False, "accept"), ({}, True, "reject"), ({"offered": None}, True, "reject"),
    ({"offered": False}, True, "accept"), ({"unread": True}, True, "accept"), ({"walled": True}, True, "accept")])
def test_a_consent_dialog_met_in_use_is_refused_only_while_a_journey_keeps_refusing(kwargs, refusing, answer) -> None:
    """The permissions audit's nagging journey after use refuses it as at launch (accepted, a dialog nagging for
    consent was silenced before the relaunches counted it: gcn-dark); no refusal offered or read, or a wall: accepted,
    the only way on."""
    app = InUse(**kwargs)
    app.refusing_in_use = refusing
    app.answer_consent_in_use()
    assert app.answers == [answer]

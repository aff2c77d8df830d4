"""A consent layer whose answers are a choice (kirja: two radios and one save), found in the place a candidate
lies as `launch_layer.area` gives it; the candidate with the reason there is none (`judged_candidate`, what
launch_seen says); and the one wait for a control held back by a countdown (`held_back.tappable`)."""
from __future__ import annotations

from consent_audit.explorer.consent_choice import candidate, choice_layer, judged_candidate
from consent_audit.explorer.elements import targets
from consent_audit.explorer.held_back import tappable
from consent_audit.screen import Element, Screen

TABS = [Element(bounds=(0, 2284, 1082, 118), fixed=True)] + [
    Element(text=t, role="button", clickable=True, covered=True, bounds=(721 - 360 * i, 2286, 360, 116))
    for i, t in enumerate(["Home", "Trips", "Profile"])]


def _dialog(radios: int = 2, save_enabled: bool = False, extra: list[str] = ()) -> list[Element]:
    rows = [Element(role="dialog", bounds=(0, 1500, 1082, 902), fixed=True),
            Element(text="Your privacy choices", bounds=(42, 1540, 998, 80)),
            Element(text="We use cookies needed for the app and, if you agree, for statistics.",
                    bounds=(42, 1630, 998, 134))]
    rows += [Element(text=w, role="radio", clickable=True, bounds=(42, 1790 + 110 * i, 998, 100))
             for i, w in enumerate(["Only necessary", "All cookies", "Statistics only"][:radios])]
    rows += [Element(text="Save my choice", role="button", clickable=True, enabled=save_enabled,
                     bounds=(42, 2140, 998, 110))]
    rows += [Element(text=w, role="button", clickable=True, bounds=(42 + 330 * i, 2260, 300, 100))
             for i, w in enumerate(extra)]
    return rows


def _screen(*parts: list[Element]) -> Screen:
    return Screen([e for part in parts for e in part], "launch", size=(1082, 2402))


def test_radios_and_one_save_in_a_dialog_are_a_choice_the_tab_bar_under_it_is_not_its() -> None:
    screen = _screen(TABS, _dialog())
    found = choice_layer(screen, targets(screen), frozenset())
    assert found is not None
    assert [o.label for o in found.options] == ["Only necessary", "All cookies"]
    assert [b.label for b in found.buttons] == ["Save my choice"]
    assert "Your privacy choices" in found.texts
    assert candidate(screen, targets(screen), frozenset()) == found


def test_a_choice_needs_2_to_3_options_and_exactly_one_button() -> None:
    one = _screen(_dialog(radios=1))
    assert choice_layer(one, targets(one), frozenset()) is None
    two_buttons = _screen(_dialog(extra=["Later"]))
    assert choice_layer(two_buttons, targets(two_buttons), frozenset()) is None


def test_no_place_for_a_candidate_is_no_choice() -> None:
    """Radios and a button on a plain page (no dialog, nothing covered, not a page of 2–3 buttons): no candidate."""
    page = [e for e in _dialog() if e.role != "dialog"]
    screen = _screen(page)
    assert choice_layer(screen, targets(screen), frozenset()) is None


def test_the_candidate_keeps_the_reason_there_is_none_and_a_choice_has_none() -> None:
    crowded = _screen(_dialog(radios=1, save_enabled=True, extra=["Later", "More", "Help"]))
    first, why = judged_candidate(crowded, targets(crowded), frozenset())
    assert first is None and why.startswith("it holds 4 enabled button(s)")
    choice = _screen(_dialog())
    first, why = judged_candidate(choice, targets(choice), frozenset())
    assert first is not None and first.options and why == ""


class _Op:
    held_wait, held_probe = 5.0, 0.6

    def __init__(self) -> None:
        self.captures = 0
        self.platform = self
        self.recorder = type("R", (), {"invalidate": lambda _: None})()

    def _shown(self) -> Screen:
        return _screen(_dialog(save_enabled=self.captures >= 2))

    def capture(self, screenshot: bool = True):
        self.captures += 1
        return type("C", (), {"screen": self._shown()})()

    def targets(self, screen: Screen | None = None):
        return targets(self._shown())


def test_a_control_to_tap_is_itself_when_enabled_else_waited_for() -> None:
    op = _Op()
    enabled = next(t for t in targets(_screen(_dialog(save_enabled=True))) if t.label == "Save my choice")
    assert tappable(op, enabled) is enabled and op.captures == 0     # type: ignore[arg-type]
    held = next(t for t in targets(_screen(_dialog())) if t.label == "Save my choice")
    ready = tappable(op, held)    # type: ignore[arg-type]
    assert ready.element.enabled and op.captures == 3     # seen to move (enabled), then waited for
    op.captures = -100            # nothing moves (disabled for good): not waited for, the control itself, tapped
    assert tappable(op, held) is held     # type: ignore[arg-type]          to show it does nothing

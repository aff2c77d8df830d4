"""The candidate consent layer at launch on a real page's geometry (fresh5: rotfai, th, @dmstr/cookie-consent's
popup — a plain fixed div, no role; safar, fa, a role=dialog bottom sheet with «رد همه» disabled 5 s by a
countdown). Both sheets lie over the app's tab bar (fixed at the bottom too, under them by z-index) and beside
a search form whose two text fields stay usable. Screens built from what the web platform captured of them."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.held_back import held_at, when_enabled
from consent_audit.explorer.launch_layer import layer
from consent_audit.explorer.launch_seen import launch_seen
from consent_audit.screen import Element, Screen

FORM = [Element(text="مبدأ", clickable=True, bounds=(42, 305, 998, 62)),
        Element(role="textbox", name="مبدأ", clickable=True, bounds=(42, 368, 998, 113)),
        Element(text="مقصد", clickable=True, bounds=(42, 507, 998, 62)),
        Element(role="textbox", name="مقصد", clickable=True, bounds=(42, 569, 998, 113)),
        Element(text="جستجوی پرواز", role="button", clickable=True, bounds=(42, 719, 998, 118))]


def _tabs(covered: bool) -> list[Element]:
    return [Element(bounds=(0, 2284, 1082, 118), fixed=True)] + [
        Element(text=t, role="button", clickable=True, covered=covered, bounds=(721 - 360 * i, 2286, 360, 116))
        for i, t in enumerate(["خانه", "سفرهای من", "پروفایل"])]


def _sheet(refusal_enabled: bool = True, role: str = "dialog") -> list[Element]:
    return [Element(role=role, bounds=(0, 1923, 1082, 479), fixed=True),
            Element(text="کوکی‌ها", bounds=(42, 1965, 998, 80)),
            Element(text="برای کارکرد برنامه از کوکی‌های ضروری استفاده می‌کنیم و، اگر بپذیرید، از کوکی‌های آمار "
                         "و تبلیغات.", bounds=(42, 2055, 998, 134)),
            Element(text="پذیرش همه", role="button", clickable=True, bounds=(554, 2231, 486, 129)),
            Element(text="رد همه" if refusal_enabled else "رد همه (۵)", role="button", clickable=True,
                    enabled=refusal_enabled, rid="rad", bounds=(42, 2231, 486, 129))]


def _screen(*parts: list[Element]) -> Screen:
    return Screen([e for part in parts for e in part], "launch", size=(1082, 2402))


def _labels(screen: Screen) -> list[str] | None:
    found = layer(screen, targets(screen), frozenset())
    return None if found is None else [b.label for b in found.buttons]


def test_text_fields_on_the_page_beside_a_sheet_do_not_make_it_a_form() -> None:
    """safar-atnc-noperm-en vs -en-noinputs: only a field inside the layer makes it no choice (before: any
    field on screen did, so a travel app's search form hid every consent sheet)."""
    assert _labels(_screen(FORM, _tabs(True), _sheet())) == ["پذیرش همه", "رد همه"]
    inside = Element(role="textbox", name="E-mail", clickable=True, bounds=(42, 2150, 998, 70))
    assert _labels(_screen(FORM, _tabs(True), _sheet(), [inside])) is None


def test_a_fixed_popup_without_a_role_over_a_page_with_a_form_is_a_candidate() -> None:
    """rotfai: @dmstr/cookie-consent's popup is a plain fixed div (no role, no backdrop) over the tab bar."""
    assert _labels(_screen(FORM, _tabs(True), _sheet(role=""))) == ["پذیرش همه", "رد همه"]


def test_tab_buttons_a_sheet_draws_over_are_not_its_answers() -> None:
    """safar, rotfai-role-dialog: the tab bar lies inside the sheet's box but under it; hit-tested covered at the
    capture, its buttons are none of the sheet's (before: counted, «a dialog with 4 buttons», no consent)."""
    assert _labels(_screen(_tabs(True), _sheet())) == ["پذیرش همه", "رد همه"]


def test_a_refusal_disabled_at_launch_is_held_back_not_left_out() -> None:
    """safar-above-tabs: «رد همه (۵)» disabled by a countdown (before: left out, «a dialog with 1 button»)."""
    screen = _screen(_tabs(True), _sheet(refusal_enabled=False))
    found = layer(screen, targets(screen), frozenset())
    assert found is not None and [b.label for b in found.buttons] == ["پذیرش همه"]
    assert [b.label for b in found.held] == ["رد همه (۵)"]
    seen = launch_seen(screen, targets(screen), frozenset(), [], True)
    assert "'رد همه (۵)' was disabled when the launch was read (held back)" in seen


class _Countdown:
    """A platform whose refusal is enabled at the third capture."""

    def __init__(self) -> None:
        self.captures = 0

    def capture(self, screenshot: bool = True):
        self.captures += 1
        screen = _screen(_tabs(True), _sheet(refusal_enabled=self.captures >= 3))
        return type("C", (), {"screen": screen})()


class _Op:
    def __init__(self) -> None:
        self.platform = _Countdown()
        self.recorder = type("R", (), {"invalidate": lambda _: None})()

    def targets(self, screen: Screen | None = None):
        return targets(self.platform.capture().screen)


def test_a_held_back_control_is_waited_for_and_found_by_its_place() -> None:
    op = _Op()
    screen = _screen(_tabs(True), _sheet(refusal_enabled=False))
    held = held_at(targets(screen), next(t for t in targets(screen) if t.label == "رد همه (۵)"))
    assert held is not None
    ready = when_enabled(op, held, seconds=5)   # type: ignore[arg-type]
    assert ready is not None and ready.element.enabled and ready.label == "رد همه"


def test_the_not_found_sentence_says_which_condition_failed() -> None:
    four = _screen(_tabs(False), _sheet())
    assert launch_seen(four, targets(four), frozenset(), None, True).endswith(
        "no consent choice by its structure: it holds 5 enabled button(s), not 2–3 answers")
    inside = Element(role="textbox", name="E-mail", clickable=True, bounds=(42, 2150, 998, 70))
    form = _screen(_tabs(True), _sheet(), [inside])
    assert "no consent choice by its structure: it holds a text field ('E-mail')" in launch_seen(
        form, targets(form), frozenset(), None, True)


def test_a_layers_held_buttons_and_a_choices_options_are_given_by_name() -> None:
    """Two branches each added a field to Layer; a choice's options passed by position landed in `held`, so kirja's
    radios read as buttons held back by a countdown and its dialog as no consent (merge of fixP and fixQ). The
    fields after the texts are keyword-only: a positional third argument is refused."""
    import pytest
    from consent_audit.explorer.launch_layer import Layer
    with pytest.raises(TypeError):
        Layer((), (), ())      # type: ignore[misc]
    assert Layer((), (), options=()).held == ()

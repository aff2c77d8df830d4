"""Whether a control lies in view (explorer/elements.py `fits`): what a user taps without scrolling first. A
scroll judged owed is a recorded action (Operator.reveal) and makes a way back cost two (search_map
`_predict_back`), so a relaunch looked as cheap as the app's own back control."""
from __future__ import annotations

import pytest

from consent_audit.explorer.elements import fits
from consent_audit.screen import Element, Screen


def on_screen(bounds: tuple[int, int, int, int]) -> bool:
    back = Element(text="‹", name="Back", role="button", bounds=bounds, clickable=True, fixed=True)
    return fits(Screen(elements=[back], signature="page", size=(1080, 2400)), back)


def test_a_bars_back_control_drawn_a_pixel_above_the_top_is_in_view() -> None:
    """Before, a sticky bar's back control overflowing it by half a CSS pixel (bounds y = -1, 136 of its 137 px
    shown: corpus yuedu, huabao — the corpus kit's bar) was judged out of view: a scroll before each tap on it,
    and the search went back by relaunching (a relaunch and the launch modal answered again) instead."""
    assert on_screen((0, -1, 126, 137))


@pytest.mark.parametrize("bounds, shown", [
    ((0, 0, 126, 137), True),
    ((0, -60, 126, 137), True),         # most of it shown: the finger lands on what is shown
    ((0, -80, 126, 137), False),        # most of it scrolled away above the top: scrolled back to first
    ((0, -400, 126, 137), False),
    ((0, 2390, 126, 137), True),        # its top 8 px shown at the bottom (as before)
    ((0, 2395, 126, 137), False),
])
def test_a_control_is_in_view_with_its_middle_below_the_top_and_its_top_above_the_bottom(bounds, shown) -> None:
    assert on_screen(bounds) is shown


def test_a_row_whose_only_shown_part_lies_under_the_tab_bar_is_scrolled_to_first() -> None:
    """Before: corpus dalga-dark's «Hesabı sil» (opened below the fold by a <details>, bounds y 2347..2463 on a
    2402 px screen, its shown 55 px behind the fixed tab bar from y 2283) was judged in view — tapped unscrolled,
    the browser's click scrolled it (uncounted): scrolls 1, truth 2. The tab bar's own controls stay in view."""
    bar = Element(role="navigation", bounds=(0, 2283, 1082, 119), fixed=True)
    tab = Element(text="Ayarlar", role="button", bounds=(721, 2290, 360, 100), clickable=True)
    row = Element(text="Hesabı sil", role="button", bounds=(68, 2347, 945, 116), clickable=True)
    above = Element(text="Hata ayıklama günlüğü", bounds=(68, 2150, 945, 116), clickable=True)
    screen = Screen(elements=[above, row, bar, tab], signature="s", size=(1082, 2402))
    assert not fits(screen, row)
    assert fits(screen, tab) and fits(screen, above)
    header = Element(role="banner", bounds=(0, 0, 1082, 135), fixed=True)
    under = Element(text="Tema", bounds=(37, 20, 1008, 131), clickable=True)     # its middle under the header
    assert not fits(Screen(elements=[header, under], signature="h", size=(1082, 2402)), under)


def test_a_control_of_a_bar_overflowing_it_by_a_pixel_is_still_the_bar_s() -> None:
    header = Element(role="banner", bounds=(0, 0, 1082, 137), fixed=True)
    back = Element(text="‹", name="Back", role="button", bounds=(0, -1, 126, 137), clickable=True)
    assert fits(Screen(elements=[header, back], signature="h", size=(1080, 2400)), back)


def test_a_row_below_its_inner_list_s_box_is_scrolled_to_first() -> None:
    """Before: corpus dalga-dark's page is an inner scroll container (<main>, overflow auto) above a tab bar that
    is no fixed layer (a flex item): «Hesabı sil» at y 2347..2463, its top inside the 2402 px window but below the
    list's box (which ends at 2283), was judged in view and tapped unscrolled — the browser's click scrolled it,
    uncounted: scrolls 1, truth 2. `Element.view` is the span the list shows."""
    row = Element(text="Hesabı sil", role="button", bounds=(68, 2347, 945, 116), clickable=True, view=(0, 2283))
    above = Element(text="Hata ayıklama günlüğü", bounds=(68, 2150, 945, 116), clickable=True, view=(0, 2283))
    screen = Screen(elements=[above, row], signature="s", size=(1082, 2402))
    assert not fits(screen, row) and fits(screen, above)

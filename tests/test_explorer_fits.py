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

"""A screen of the explored map named in a not-found sentence: the first screen is "the start screen", never
"the screen via none" (a new user's trip)."""
from __future__ import annotations

from consent_audit.explorer.beyond_found import screen_said


def test_the_first_screen_is_the_start_screen() -> None:
    assert screen_said(()) == "the start screen"


def test_a_deeper_screen_is_named_by_its_way_there() -> None:
    assert screen_said(("Profil", "Nastavení")) == "the screen via Profil › Nastavení"


def test_the_box_geometry_helpers() -> None:
    """One centre and one point-in-box for the explorer (permissions, consent_under, dialog_scope had their own)."""
    from consent_audit.explorer.screens import centre, holds
    assert centre((10, 20, 100, 40)) == (60, 40)
    assert holds((10, 20, 100, 40), (110, 60)) and not holds((10, 20, 100, 40), (111, 60))
    assert not holds((10, 20, 0, 40), (10, 30))        # an empty box holds no point

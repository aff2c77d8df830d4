"""A screen of the explored map named in a not-found sentence: the first screen is "the start screen", never
"the screen via none" (a new user's trip)."""
from __future__ import annotations

from consent_audit.explorer.beyond_found import screen_said


def test_the_first_screen_is_the_start_screen() -> None:
    assert screen_said(()) == "the start screen"


def test_a_deeper_screen_is_named_by_its_way_there() -> None:
    assert screen_said(("Profil", "Nastavení")) == "the screen via Profil › Nastavení"

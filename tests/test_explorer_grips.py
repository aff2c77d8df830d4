"""A layer's drag handle answers nothing (explorer/grips.py): corpus sakala's consent sheet (an Ionic ion-modal
with breakpoints) drew a 36 × 5 px «Activate to adjust the size of the dialog…» button above its two answers and
its settings link — four buttons, "no consent choice by its structure", and the consent was not found."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.grips import grip
from consent_audit.screen import Element, Screen

HANDLE = Element(name="Activate to adjust the size of the dialog overlaying the screen", role="button",
                 clickable=True, bounds=(493, 1190, 94, 13))
ACCEPT = Element(text="Nõustu kõigega", role="button", clickable=True, bounds=(42, 1500, 996, 95))
REFUSE = Element(text="Keeldu kõigest", role="button", clickable=True, bounds=(42, 1610, 996, 95))
LINK = Element(text="Seaded", role="link", clickable=True, bounds=(460, 1720, 160, 36))    # a small text link
CLOSE = Element(name="Sulge", role="button", clickable=True, bounds=(980, 1210, 60, 60))  # an icon ×
HIDDEN = Element(text="", name="Enable accessibility", role="button", clickable=True, bounds=(-1, -1, 1, 1))


def _screen(*elements: Element) -> Screen:
    return Screen(elements=list(elements), signature="sheet", size=(1080, 2400))


def test_a_sheet_s_drag_handle_is_no_control_and_the_sheet_holds_its_answers() -> None:
    screen = _screen(HANDLE, ACCEPT, REFUSE, LINK, CLOSE)
    assert grip(HANDLE, screen)
    assert [t.label for t in targets(screen)] == ["Nõustu kõigega", "Keeldu kõigest", "Seaded", "Sulge"]


def test_a_worded_link_an_icon_a_hidden_control_and_a_tick_box_are_no_handle() -> None:
    screen = _screen(LINK, CLOSE, HIDDEN)
    assert not any(grip(e, screen) for e in (LINK, CLOSE, HIDDEN))
    thin_words = Element(text="Näita rohkem", role="button", clickable=True, bounds=(0, 0, 200, 12))
    tick = Element(role="checkbox", clickable=True, checked=False, bounds=(0, 0, 60, 4))
    assert not grip(thin_words, screen) and not grip(tick, screen)
    assert not grip(HANDLE, Screen(elements=[HANDLE], signature="x"))       # a screen of unknown size

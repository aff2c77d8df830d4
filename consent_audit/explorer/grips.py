"""A layer's drag handle: a control that resizes or drags the sheet it sits on and answers nothing.

A bottom sheet's grabber (Ionic's `ion-modal` with breakpoints draws `<button class="modal-handle"
aria-label="Activate to adjust the size of the dialog…">`, 36 × 5 CSS px; Material's drag handle, Android's
BottomSheetDragHandleView) is a button no user taps as a choice: read as one, a consent sheet with two answers
and a settings link held four buttons, "no consent choice by its structure", and its consent was not found (corpus
sakala). Told by shape alone, whatever its words: no visible words of its own, a bar thinner than `THIN` of the
screen's width and at least `LONG` times as long as it is thin.
"""
from __future__ import annotations

from ..screen import Element, Screen
from .wrapping import CONTROL_ROLES

THIN = 0.02     # of the screen's width: 5 CSS px on a 412 px wide phone is 1.2 %; an 11 px text link is 2.7 %
LONG = 4        # a bar: a 36 × 5 px handle is 7 times as long as thin (a 1 × 1 px hidden control is no bar)


def grip(element: Element, screen: Screen) -> bool:
    """Whether `element` is a drag handle (module doc): False for a control with words of its own, for a screen
    of unknown size, and for a tick box, switch, radio or field (a visually hidden input is drawn elsewhere)."""
    width = screen.size[0]
    if width <= 0 or element.text.strip() or element.role in CONTROL_ROLES:
        return False
    _, _, w, h = element.bounds
    thin, long = min(w, h), max(w, h)
    return 0 < thin < THIN * width and long >= LONG * thin

"""The "are you sure?" that may follow a refusal of a consent dialog, and the control that carries the
refusal through it."""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .elements import Target
from .screens import taps

_QUESTION = ("?", "？")


def confirms_refusal(screen: Screen, found: list[Target]) -> Target | None:
    """On a small decision ("Are you sure?"), the control that carries the refusal through: one that both
    refuses and confirms ("Yes, reject all", 确认拒绝), else, under a question about refusing, the one that
    says yes; on a dialog of the browser's own (`Screen.drawn_by`: window.confirm in the refusal's handler), its
    OK, whatever it says (an alert's only button). None when the screen asks no such thing."""
    buttons = [t for t in taps(found) if t.element.enabled]
    if screen.drawn_by != "app":     # the browser's own confirm the refusal's tap opened: its OK carries it through
        yes = [t for t in buttons if len(buttons) == 1 or (cues.has(t.label, "agree", "confirm")
                                                           and not cues.has(t.label, "decline"))]
        return yes[0] if yes else None
    if not 2 <= len(buttons) <= 5:
        return None
    both = [t for t in buttons if cues.has(t.label, "decline") and cues.has(t.label, "agree", "confirm")]
    if both:
        return min(both, key=lambda t: len(t.label))
    asks = [t for t in screen.texts() if t.strip().endswith(_QUESTION) and cues.has(t, "decline")]
    yes = [t for t in buttons if cues.has(t.label, "agree", "confirm") and not cues.has(t.label, "decline", "back")]
    return min(yes, key=lambda t: len(t.label)) if asks and yes else None

"""Controls beyond a side of the screen: a tab of a strip that scrolls sideways (overflow-x) lying past the right
edge, a card of a carousel past the left one. The driver can click such a control where it lies; a user first
swipes its strip until it shows (corpus hlaup: the settings tabs Almennt · … · Reikningur in one row wider than the
screen, «Reikningur» beyond the right edge: tapped unswiped, the deletion's one scroll went uncounted). The
operator (`Operator.reveal`) swipes it in through the gesture service, one recorded and counted scroll."""
from __future__ import annotations

from ..screen import Element, Screen


def fits_across(screen: Screen, element: Element) -> bool:
    """Whether a finger can reach the element across the screen: its middle lies within the span of the screen its
    sideways-scrolling container shows (`Element.view_across`, else the screen's width) — a tab cut by the edge with
    its middle shown is tapped where it is, one whose middle lies beyond the edge is swiped in first. True when
    the screen's width is unknown."""
    width = screen.size[0]
    if not width:
        return True
    x, _y, w, _h = element.bounds
    left, right = (float(v) for v in element.view_across or (0, width))
    middle = x + w / 2
    return max(0.0, left) <= middle <= min(float(width), right)


__all__ = ["fits_across"]

"""A layer's own text that scrolls inside it, read to its end before the layer's answers are counted (issue 13,
kind 7, extended from the gated ticks to a layer's answers): a banner that shows its refusal only once its text,
in a box scrolling inside the banner, is scrolled to its end (corpus mtsvane: «უარვყოფ» display:none until the
110 px box is at its end; «ვეთანხმები» shown at once). Told by structure alone — a text whose scroll container
shows it only in part (`Element.view`, the span the container shows, narrower than the window, the text's box
reaching below it) inside a layer that stays put or a dialog holding one of the screen's controls — never by
the words. The page itself scrolling is no layer's text (it has no `view`). A platform that reads no `view`
(Android) has no such text here: nothing is scrolled."""
from __future__ import annotations

from ..screen import Element, Screen
from .elements import Target, targets, visible
from .operator import Operator
from .screens import DIALOG_ROLES, inside

SLACK = 2      # device px: a text ending this close to its container's bottom is shown in full


def unread(screen: Screen, controls: list[Target]) -> Element | None:
    """The first text of a layer (an element positioned fixed or sticky, or a dialog element, holding one of
    `controls`) that its own scroll container has not shown to its end yet: its box reaching more than `SLACK`
    below the span the container shows (`Element.view`), that span within the layer. None when there is none."""
    layers = [e.bounds for e in screen.elements if visible(e) and (e.fixed or e.role in DIALOG_ROLES)
              and any(inside(t.bounds, e.bounds) for t in controls)]
    for element in screen.elements:
        if element.view is None or not element.text or not visible(element):
            continue
        top, bottom = element.view
        x, y, w, h = element.bounds
        if y + h <= bottom + SLACK:
            continue
        if any(inside((x, top, w, max(bottom - top, 1)), box) for box in layers):
            return element
    return None


def read_layer(op: Operator, screen: Screen) -> Screen | None:
    """Scroll the layer's text that scrolls inside it (`unread`) to its end, one recorded scroll, as a user
    reads it before answering; the screen then, or None when the screen has no such text (or its container
    cannot be found again)."""
    text = unread(screen, targets(screen))
    if text is None:
        return None
    return op.scroll_to_end(text.text[:40] or "the layer's text", of=text)

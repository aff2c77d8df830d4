"""A consent notice that is part of the page's flow (issue 13, kind 1): no layer — not fixed or sticky, no dialog
role, no backdrop — but a block at the very top (or foot) of the document that pushes the app's content down,
holding a sentence of its own and its 2–3 short answers, often links set inside the sentence (corpus sudar: a
pale band above the header, «… — ஏற்கிறேன் அல்லது மறுக்கிறேன். ×»). Told by structure only: where it lies
(nothing of the page's flow above it, or below it; the page's content on its other side), its width (across the
page), its height (a band, not a screen), a sentence (`SENTENCE_LETTERS`, longer than a title bar's heading)
and 2–3 enabled controls. It is only a *candidate* (`launch_layer.area`): whether it is a consent dialog is
decided by what its answers store (explorer/consent_structure.py), so the page's ordinary first block is never
a consent dialog on its shape alone.
"""
from __future__ import annotations

from ..screen import Element, Screen
from .elements import Target, Use, visible
from .screens import DIALOG_ROLES, inside

Box = tuple[int, int, int, int]

SENTENCE_LETTERS = 40   # a notice's own words beside its answers (a title bar's heading is shorter)
ACROSS = 0.8            # of the screen's width: a band across the page, not a card or a column
BAND = 0.5              # of the screen's height at most: a band above the content, not the page itself
EDGE = 2                # device px of slack where the block meets the content it pushes


def _pinned(screen: Screen) -> list[Box]:
    """The boxes of what stays put or lies over the page (fixed or sticky, a dialog): no part of its flow."""
    return [e.bounds for e in screen.elements if visible(e) and (e.fixed or e.role in DIALOG_ROLES)]


def _at_edge(block: Element, flow: list[Element]) -> bool:
    """Whether `block` is the first or the last thing of the page's flow (`flow`: the other elements with
    words or a control, in the flow, neither inside it nor holding it) with the page's content — a control of its
    own at least — on its other side."""
    if not any(e.clickable for e in flow):
        return False          # the page itself, or its content under a title (a home's cards below the header's
        #                       heading, the last block of the flow: vue-dark) — no band beside a usable page
    _x, top, _w, height = block.bounds
    bottom = top + height
    if all(e.bounds[1] >= bottom - EDGE for e in flow):
        return True           # at the top: everything else below it
    return all(e.bounds[1] + e.bounds[3] <= top + EDGE for e in flow)     # at the foot: everything else above it


def flow_notice(screen: Screen, buttons: list[Target],
                passed: frozenset[str] = frozenset()) -> tuple[Box, list[Target]] | None:
    """(bounds, buttons) of a notice in the page's flow at launch — the first element, not positioned fixed or
    sticky and in no layer, drawn across the page as a band at the top or the foot of the document, holding 2–3
    of `buttons` (uncovered taps) and a sentence of its own of at least `SENTENCE_LETTERS` letters — or None.
    One holding a button of `passed` (keys of a layer judged no consent dialog) is none. Unknown screen size: None."""
    width, height = screen.size
    if width <= 0 or height <= 0:
        return None
    pinned = _pinned(screen)

    def in_flow(element: Element) -> bool:
        return visible(element) and not element.fixed and element.role not in DIALOG_ROLES \
            and not any(inside(element.bounds, box) for box in pinned)

    for block in screen.elements:
        box = block.bounds
        if not in_flow(block) or block.clickable or box[2] < ACROSS * width or box[3] > BAND * height:
            continue
        held = [t for t in buttons if inside(t.bounds, box) and t.element.enabled and not t.element.covered]
        if not 2 <= len(held) <= 3 or any(t.key in passed for t in held):
            continue
        labels = {t.element.text for t in held}
        words = sum(ch.isalpha() for e in screen.elements if e.text and e.text not in labels and not e.clickable
                    and inside(e.bounds, box) for ch in e.text)
        if words < SENTENCE_LETTERS:
            continue
        flow = [e for e in screen.elements if in_flow(e) and (e.text or e.clickable)
                and not inside(e.bounds, box) and not inside(box, e.bounds)]
        if _at_edge(block, flow):
            return box, held
    return None


def in_flow(screen: Screen, found: list[Target], keys: frozenset[str]) -> bool:
    """Whether the candidate whose controls' keys are `keys` (`launch_layer.Layer.keys`) is a notice in the page's
    flow (`flow_notice`) — no layer over the app: never a further step of an answer (an «are you sure?» comes as
    a layer in the answered one's place), nor a dialog shown only once signed in (an account page's first block)."""
    got = flow_notice(screen, [t for t in found if t.use == Use.TAP and not t.element.covered])
    return got is not None and bool({t.key for t in got[1]} & keys)

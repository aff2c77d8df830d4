"""Where the consent dialog's two choices are measured: on a screenshot showing both whole.

The dialog as first captured is where they are measured when both lie within its screenshot — every overlay
dialog, banner and sheet. A bar set in the page's flow below the fold (corpus rasa: «Terima» / «Tolak» at the end
of the home page, seen only once the page is scrolled down) is not on that capture at all: measuring there raised
(`prominence._clip`: "bounds lie entirely outside the image") and the flow ended broken. The user scrolls to it
before answering; the accept journey recorded that scroll, so the first screen of that journey showing both
choices whole is the one measured — the same control as the journey found it (the app's `consent_elements`).
None when no capture shows both whole: prominence unmeasured (said), never measured on what was not drawn."""
from __future__ import annotations

from typing import Callable

from .errors import AutomationError
from .explorer.path_layers import PathBroken
from .model import Trail
from .screen import Element, Screen

Bounds = tuple[int, int, int, int]


def _whole(bounds: Bounds, size: tuple[int, int]) -> bool:
    x, y, w, h = bounds
    return w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= size[0] and y + h <= size[1]


def _size(screen: Screen) -> tuple[int, int]:
    """The screenshot's width and height in pixels, from its PNG header (IHDR); (0, 0) when it has none."""
    png = screen.screenshot
    return (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) if len(png) >= 24 else (0, 0)


def drawn_choices(dialog: Screen, choices: tuple[Element, Element], accept: Trail,
                  elements: Callable[[Screen], tuple[Element, Element]]) -> tuple[Screen, Element, Element] | None:
    """The capture the two choices are measured on and the accept and reject elements as drawn there: `dialog`
    and `choices` (the accept and the reject's first control on it, found before either journey was walked: a
    page object may name other controls once its journeys ran) when both lie whole within it, else the first
    screen of the `accept` journey before its last action (what the user saw before answering: after a scroll,
    looked at again) holding both whole — each found there by `elements` (journeys.consent_elements; a screen
    without them is passed over). `dialog` with its elements when one lies partly outside and
    no capture shows both whole (measured clipped, as before); None when they lie wholly outside every capture
    (unmeasured) or no capture has a screenshot."""
    accept_el, reject_el = choices
    if not dialog.screenshot:
        return None
    size = _size(dialog)
    if _whole(accept_el.bounds, size) and _whole(reject_el.bounds, size):
        return dialog, accept_el, reject_el
    later: list[Screen] = []
    for step in accept.steps[:-1]:
        later += [s for s in (step.screen, step.looked) if s is not None and s.screenshot]
    for screen in later:
        try:
            a, r = elements(screen)
        except (AutomationError, PathBroken):   # the choices not on this capture
            continue
        if _whole(a.bounds, _size(screen)) and _whole(r.bounds, _size(screen)):
            return screen, a, r
    if all(_overlaps(e.bounds, size) for e in (accept_el, reject_el)):
        return dialog, accept_el, reject_el
    return None


def _overlaps(bounds: Bounds, size: tuple[int, int]) -> bool:
    x, y, w, h = bounds
    return w > 0 and h > 0 and x < size[0] and y < size[1] and x + w > 0 and y + h > 0

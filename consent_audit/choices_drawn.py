"""Where the consent dialog's two choices are drawn: the capture their prominence is measured on.

The dialog as captured at launch need not show its answers: a consent bar in the page flow at the end of a long
page (corpus rasa) is in the page's elements, its bounds far below the screenshot, and the user sees it only once
the page is scrolled to it. Its prominence is measured where the user sees both answers: on the first capture,
of the dialog at launch or of the scrolls each answer's path makes to bring its answer into view (before its
first tap), on which both are drawn whole — with their bounds read on that same capture. When none draws both
whole, the dialog at launch still serves if both are at least partly on it (clipped, as before); else they
are unmeasured, with the reason (never measured on pixels where they are not drawn)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import cv2
import numpy as np

from .errors import AutomationError
from .explorer.path_layers import PathBroken
from .model import Kind, Trail
from .screen import Element, Screen

EDGE_PX = 2
"""Pixels a choice may overflow the image's edge and still count as drawn whole (sub-pixel rounding)."""


@dataclass(frozen=True)
class Drawn:
    """A capture showing both choices, and the choices as read on it."""

    screen: Screen
    image: np.ndarray
    accept: Element
    reject: Element


def decode(screen: Screen) -> np.ndarray | None:
    """The screen's screenshot as a BGR image (None: no screenshot)."""
    if not screen.screenshot:
        return None
    return cv2.imdecode(np.frombuffer(screen.screenshot, np.uint8), cv2.IMREAD_COLOR)


def whole(image: np.ndarray, bounds: Sequence[int]) -> bool:
    """Whether the bounds lie inside the image (EDGE_PX of overflow allowed) with a positive size."""
    x, y, w, h = (int(v) for v in bounds)
    height, width = image.shape[:2]
    return w > 0 and h > 0 and x >= -EDGE_PX and y >= -EDGE_PX and x + w <= width + EDGE_PX \
        and y + h <= height + EDGE_PX


def partly(image: np.ndarray, bounds: Sequence[int]) -> bool:
    """Whether some of the bounds lies on the image."""
    x, y, w, h = (int(v) for v in bounds)
    height, width = image.shape[:2]
    return w > 0 and h > 0 and x < width and y < height and x + w > 0 and y + h > 0


def before_answer(trails: Iterable[Trail]) -> list[Screen]:
    """Each trail's start and the captures after the scrolls that open it (what the user saw while bringing the
    answer into view), up to its first other step."""
    screens: list[Screen] = []
    for trail in trails:
        if trail.start is not None:
            screens.append(trail.start)
        for step in trail.steps:
            if step.kind != Kind.SCROLL:
                break
            screens.append(step.screen)
    return screens


Find = Callable[[Screen], tuple[Element, Element]]


def _found(find: Find, screen: Screen) -> tuple[Element, Element] | None:
    try:
        return find(screen)
    except (AutomationError, PathBroken):
        return None


def choices_drawn(dialog: Screen, trails: Iterable[Trail], find: Find) -> Drawn | str:
    """The capture to measure the choices on (see the module), or why there is none. `find(screen)`: the accept
    and reject choices as read on that screen (AutomationError or PathBroken when they are not on it)."""
    candidates = [dialog, *before_answer(trails)]
    shots = read = 0
    for screen in candidates:
        image = decode(screen)
        if image is None:
            continue
        shots += 1
        pair = _found(find, screen)
        read += pair is not None
        if pair is not None and whole(image, pair[0].bounds) and whole(image, pair[1].bounds):
            return Drawn(screen, image, *pair)
    image, pair = decode(dialog), _found(find, dialog)
    if image is not None and pair is not None and partly(image, pair[0].bounds) and partly(image, pair[1].bounds):
        return Drawn(dialog, image, *pair)
    if not shots:
        return "the choices' prominence is measured on the dialog's screenshot: run with --screenshot on"
    if not read:
        return f"the consent choices were not found on any of the {shots} screenshot(s) of the dialog"
    return (f"the consent choices were not both drawn on any of the {shots} screenshot(s) of the dialog and of the "
            f"scrolls bringing them into view (their bounds lie outside what was captured)")

"""The last two-way decision of a deletion path (issue 13, kind 17): the screen on which the user tapped the way
on while a way out was offered close by — measured like a consent dialog by flows/test_deletion.py."""
from __future__ import annotations

from typing import Callable

from .detectors.text import load_lexicon
from .recorder import Kind, Trail
from .screen import Element, Screen

LeavesPath = Callable[[Screen, Element, Element], bool]
"""(screen, the control tapped to go on, another control) → whether that other one was seen to leave the path."""


def final_decision(trail: Trail, leaves: LeavesPath | None = None) -> tuple[Screen, Element, Element] | None:
    """The last two-way decision of a path (issue 13, kind 17): a screen on which the user tapped the way on
    (confirm, delete) while it offered, close by, a way out — one seen to leave the path (`leaves`: structure,
    what its tap did, e.g. a retention offer's "Get 3 months free"), else one whose words say back (cancel,
    keep my account, 我再想想): (that screen as the user saw it before the tap, the way out, the control tapped).
    A dialog of the browser's own (`Screen.drawn_by`) is no such screen. None when the path asks none."""
    words = load_lexicon("goals")

    def declines(element: Element) -> bool:
        return any(h.category == "decline" for h in words.hits(element.text or element.name))

    found, before = None, trail.start
    for step in trail.steps:
        bounds = tuple(step.target.get("bounds") or ())
        # a dialog of the browser (a confirm) draws its buttons alike whatever the app: the app's own last
        # decision before it is the one measured
        if step.kind == Kind.TAP and before is not None and bounds and before.drawn_by == "app":
            tapped = next((e for e in before.elements if e.clickable and tuple(e.bounds) == bounds), None)
            if tapped is not None and not declines(tapped):
                cy = tapped.bounds[1] + tapped.bounds[3] / 2
                reach = 4 * max(tapped.bounds[3], 40)
                backs = [e for e in before.elements if e.clickable and e is not tapped
                         and abs(e.bounds[1] + e.bounds[3] / 2 - cy) <= reach
                         and ((leaves is not None and leaves(before, tapped, e)) or declines(e))]
                if backs:
                    found = (before, min(backs, key=lambda e: (abs(e.bounds[1] + e.bounds[3] / 2 - cy), not e.label)),
                             tapped)      # of a host and its button drawn alike, the one that says its words
        # the screen the next tap was made on: looked at again after this step when it changed (a confirm
        # counting down, waited for until enabled — measured as the user met it, not greyed mid-count)
        before = step.looked if step.looked is not None and step.looked.screenshot else step.screen
    return found


__all__ = ["LeavesPath", "final_decision"]

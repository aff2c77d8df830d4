"""Purposes a settings layer shows as always on without a control (a row saying its state in words where the
other rows have a switch: gdpr-cookie-notice's «Always active» row), told by the layout, not by the words."""
from __future__ import annotations

from statistics import median

from .screen import Element, Screen

TOGGLES = ("checkbox", "switch")
ACTIONS = ("button", "link", "tab", "menuitem", "radio", "textbox", "combobox")


def _shown(element: Element) -> bool:
    return element.bounds[2] > 0 and element.bounds[3] > 0


def _same_row(a: Element, b: Element) -> bool:
    """Whether the vertical middle of either lies within the other's band."""
    (_, ay, _, ah), (_, by, _, bh) = a.bounds, b.bounds
    return ay <= by + bh / 2 <= ay + ah or by <= ay + ah / 2 <= by + bh


def unswitched(screen: Screen) -> int:
    """Rows of a layer of purpose switches that have no switch but say a state instead: a text aligned with
    the purposes' titles (their left edge, their height within a quarter), another text right of it on its row
    (the state: «Laging naka-on»), and no checkbox or switch on that row. 0 where the screen shows no switch.
    A description under a title has no text beside it; a heading with a close button beside it has no text."""
    shown = [e for e in screen.elements if _shown(e)]
    boxes = [e for e in shown if e.role in TOGGLES]
    # words drawn as a link or button's own (a web component's host over the shadow <a> it slots them into:
    # «Cookie Statement» «Cookie technology list» in the layer's intro) are a control's, like the control's
    actions = {e.bounds for e in shown if e.role in ACTIONS}
    texts = [e for e in shown if e.text and e.role not in TOGGLES + ACTIONS and e.bounds not in actions]
    titles = [min(row, key=lambda e: e.bounds[0]) for box in boxes
              if (row := [t for t in texts if _same_row(t, box)])]
    if not titles:
        return 0
    left, height = median(t.bounds[0] for t in titles), median(t.bounds[3] for t in titles)
    count = 0
    for text in texts:
        x, _, w, h = text.bounds
        if any(text is t for t in titles) or abs(x - left) > max(4.0, height * 0.3) or abs(h - height) > height / 4:
            continue
        if any(_same_row(box, text) for box in boxes):
            continue
        if any(other is not text and _same_row(other, text) and other.bounds[0] >= x + w - 2 for other in texts):
            count += 1
    return count

"""Sideways reach in the page: whether an element lies beyond a side of the box its strip shows (a tab of an
`overflow-x: auto` row wider than the screen), and the strip a finger swipes to bring it in. The web platform's
`beyond_side` and the adapter's `across_scroller_of` run these (the gesture service swipes; explorer/sideways.py
decides from a capture)."""
from __future__ import annotations

from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webelement import WebElement

# "right" / "left": the element's middle lies beyond that edge of the container's visible box (null: the window's),
# or the element is cut by that edge while the container can still move that way; null: a finger reaches it.
SIDE_JS = r"""
const el = arguments[0], box = arguments[1], r = el.getBoundingClientRect();
if (!(r.width > 0 && r.height > 0)) return null;
const c = box ? box.getBoundingClientRect() : {left: 0, right: innerWidth};
const left = Math.max(0, c.left), right = Math.min(innerWidth, c.right), mid = r.left + r.width / 2;
const s = box || document.scrollingElement, width = box ? box.clientWidth : innerWidth;
if (mid > right || (r.right > right + 1 && s.scrollLeft + width < s.scrollWidth - 2)) return 'right';
if (mid < left || (r.left < left - 1 && s.scrollLeft > 2)) return 'left';
return null;
"""

# The nearest ancestor of an element (across open shadow roots) that scrolls sideways and holds more than it shows
# across — a tab strip, a carousel; null: the page.
SCROLLER_ACROSS_JS = r"""
let el = arguments[0];
while (el) {
  const root = el.getRootNode();
  el = el.parentElement || (root instanceof ShadowRoot ? root.host : null);
  if (!el || el === document.body || el === document.documentElement) return null;
  const ox = getComputedStyle(el).overflowX;
  if (['auto', 'scroll', 'overlay'].includes(ox) && el.scrollWidth > el.clientWidth + 2) return el;
}
return null;
"""


def beyond_side(driver: Any, element: WebElement, container: WebElement | None) -> str | None:
    """SIDE_JS on the live page: "right", "left" or None (also when the page cannot be asked)."""
    try:
        side = driver.execute_script(SIDE_JS, element, container)
    except WebDriverException:
        return None
    return side if side in ("left", "right") else None


def scroller_across(driver: Any, live: WebElement) -> WebElement | None:
    """SCROLLER_ACROSS_JS on the live page: the strip `live` scrolls in; None, the page (also when the page
    cannot be asked)."""
    try:
        return driver.execute_script(SCROLLER_ACROSS_JS, live)
    except WebDriverException:
        return None


__all__ = ["SCROLLER_ACROSS_JS", "SIDE_JS", "beyond_side", "scroller_across"]

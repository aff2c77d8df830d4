"""A UI painted on a `<canvas>` (Flutter web's CanvasKit / skwasm renderers): its controls reach the DOM only
through its accessibility layer, off until the framework's placeholder is activated — as a screen reader does.

`SEMANTICS_ON_JS` runs at the start of the DOM snapshot (snapshot_script.py; it needs `shadowOf` from scripts.py) and sets
`semanticsOn` when it switched the layer on in this document; `read_again` then reads the page once the layer's
controls are there. Verdict page tests/data/verdicts/painted.html.
"""
from __future__ import annotations

import logging
from typing import Any

from ...waits import wait_until

log = logging.getLogger(__name__)

SEMANTICS_ON_JS = r"""
// A UI painted on a canvas (Flutter web's CanvasKit / skwasm renderers) shows its controls to the DOM only once
// its accessibility layer is on, as a screen reader turns it on by activating the framework's placeholder (a
// 1×1 button off-screen, "Enable accessibility"): done once per document, before reading, as a person with a
// screen reader has it; the capture reads again once the layer is built (`read_again`).
function semanticsPlaceholder() {
  if (window.__caSemanticsAsked || window !== window.top) return null;
  const deep = (root, sel) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = shadowOf(el);
      const found = inner && deep(inner, sel);
      if (found) return found;
    }
    return null;
  };
  const named = deep(document, 'flt-semantics-placeholder');
  if (named) return named;
  const area = window.innerWidth * window.innerHeight;
  const painted = [...document.querySelectorAll('canvas')].some(c => {
    const r = c.getBoundingClientRect(); return r.width * r.height >= area / 2; });
  if (!painted) return null;
  return [...document.querySelectorAll('[role=button][aria-label]')].find(e => {
    const r = e.getBoundingClientRect(); return r.width <= 1 && r.height <= 1; }) || null;
}
let semanticsOn = false;
const holder = semanticsPlaceholder();
if (holder) {
  window.__caSemanticsAsked = true;
  const r = holder.getBoundingClientRect(), at = {bubbles: true, cancelable: true, composed: true,
    clientX: r.left + r.width / 2, clientY: r.top + r.height / 2};
  for (const type of ['pointerdown', 'pointerup']) holder.dispatchEvent(new PointerEvent(type, at));
  holder.dispatchEvent(new MouseEvent('click', at));
  semanticsOn = true;
}
"""


def read_again(driver: Any, first: dict[str, Any], snapshot_js: str, timeout: float) -> dict[str, Any]:
    """The snapshot (`first`, from `snapshot_js`) switched a painted UI's accessibility layer on: the page read
    again once it holds more elements than `first` (within `timeout` s); `first` when no control comes."""
    log.info("the page is painted on a canvas: its accessibility layer was switched on, as a screen reader does")
    before = len(first.get("elements") or [])

    def grown() -> dict[str, Any] | None:
        snap = driver.execute_script(snapshot_js)
        return snap if len(snap.get("elements") or []) > before else None
    try:
        return wait_until(grown, timeout=timeout, message="the accessibility layer's controls")
    except TimeoutError:
        log.warning("the accessibility layer showed no control: the painted UI stays unreadable")
        return first

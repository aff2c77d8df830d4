"""Scroll containers that hold rows not drawn yet: a virtualised list (react-window, Lit's virtualizer, a
RecyclerView's web cousins) keeps only the rows near its window in the DOM and makes the others as the list is
scrolled, so what lies further down is in no snapshot until the user scrolls there (corpus qytet: the settings'
last row «Fshi llogarinë» exists only once the list is scrolled to its end).

Told by structure, never words: a container that scrolls and is not at its end, whose scroll extent runs on past
everything drawn in it by more than half its window (the height a virtualiser gives its spacer), or whose rows
say they are part of a larger set than it holds (WAI-ARIA `aria-setsize` above the rows present, the way an
accessible virtualised list tells a screen reader). The page itself only by the second: a long page's end with
nothing of words on it (a coloured footer band) is common.

`UNDRAWN_JS` returns [container, …]: the live elements (null: the page), innermost last.
"""
from __future__ import annotations

from .native_dom import NATIVE_DOM_JS
from .scripts import MOVES_ON_JS

UNDRAWN_JS = NATIVE_DOM_JS + MOVES_ON_JS + r"""
const out = [];
function drawnBottom(box, top) {
  let low = 0;
  for (const el of box.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || st.display === 'none') continue;
    // what draws: words of its own, a picture, a field — a box holding others (a spacer as tall as the whole
    // list, its rows placed inside it) is drawn where they are
    if (!el.matches('img,svg,canvas,video,input,button,select,textarea') &&
        ![...nodesOf(el)].some(n => n.nodeType === 3 && textOf(n).trim())) continue;
    low = Math.max(low, r.bottom - top);
  }
  return low;
}
function larger(box) {
  const rows = box.querySelectorAll('[aria-setsize]');
  if (!rows.length) return false;
  const size = Math.max(...[...rows].map(r => parseInt(r.getAttribute('aria-setsize'), 10) || 0));
  return size > rows.length;
}
for (const el of document.querySelectorAll('body *')) {
  if (!movesOn(el)) continue;
  const top = el.getBoundingClientRect().top + el.clientTop - el.scrollTop;     // the content's top
  if (larger(el) || el.scrollHeight - drawnBottom(el, top) > el.clientHeight / 2) out.push(el);
}
// the page itself: only where its rows say so (a long page's drawn-less end — a footer's coloured band, a
// background picture — is too common to be read as rows to come)
if (pageMovesOn() && !out.length && larger(document.body)) out.unshift(null);
return out;
"""

__all__ = ["UNDRAWN_JS"]

"""Pieces of the DOM snapshot script (snapshot_script.DOM_SNAPSHOT_JS) about reach and choice: what no user can
see or scroll to (an element parked outside the window in a fixed layer or hidden from assistive technology; a
panel folded to nothing), which box scrolls, and the group and stored value of a radio. They read styles through
the snapshot's `cs` (defined after them in the one script, called only once it is)."""
from __future__ import annotations

REACH_JS = r"""
// The group a radio chooses in (one purpose's options: «Allow» / «Don't allow»): a native radio's form and `name`,
// else the radiogroup or fieldset holding it; and the value a native radio stores when its form is saved.
const RADIO_SETS = new Map();
function radioGroup(el) {
  if (el.tagName === 'INPUT' && el.name) return 'name:' + el.name;
  const box = el.closest('[role=radiogroup],fieldset');
  if (!box) return '';
  if (!RADIO_SETS.has(box)) RADIO_SETS.set(box, 'set:' + RADIO_SETS.size);
  return RADIO_SETS.get(box);
}
function radioValue(el) { return el.tagName === 'INPUT' ? (el.getAttribute('value') || '') : ''; }
// Out of reach: what no user can see or scroll to is no control (nor text) of the screen. An `inert` subtree;
// a box wholly outside the window that no scroll moves into it: inside a position:fixed layer (no scroll
// container between), or hidden from assistive technology too (aria-hidden="true") — a closed sheet or drawer
// parked off-screen by a transform, in the DOM from the start. Only the page's own document is judged.
function scroller(el, st) {
  return /(auto|scroll)/.test(st.overflowY + st.overflowX) &&
         (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}
function outOfReach(el, rect, ctx) {
  if (el.ownerDocument !== document || !(rect.width > 0 && rect.height > 0)) return false;
  const outside = rect.left >= innerWidth || rect.top >= innerHeight || rect.left + rect.width <= 0 ||
                  rect.top + rect.height <= 0;
  return outside && (ctx.fixed || ctx.hidden);
}
// A collapsed panel (an accordion folded to 0 px, overflow hidden: a consent library's purposes before
// "Customize") clips away all it holds: laid out, with boxes, yet nothing of it is drawn (a fixed child escapes).
function clipsAll(el, st) {
  if (st.display === 'inline' || st.display === 'contents' || el === document.body) return false;
  const r = el.getBoundingClientRect();
  return (r.height < 1 && st.overflowY !== 'visible') || (r.width < 1 && st.overflowX !== 'visible');
}
"""

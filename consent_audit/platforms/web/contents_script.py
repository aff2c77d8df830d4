"""The DOM snapshot's reading of a `display: contents` wrapper (snapshot_script.DOM_SNAPSHOT_JS, whose `walk`,
`role`, `clickable`, `topRect`, `out` and `dpr` it uses): read through, and kept as an element of its own where it
carries a role."""
from __future__ import annotations

THROUGH_JS = r"""
// A wrapper with `display: contents` (react-cookie-consent-popup's settings content, a component's host) draws
// no box of its own — no client rects, checkVisibility() false — while its children are laid out in its parent's
// box: it is read through, never taken for hidden content (before: a second layer's every control was missing).
// Such a wrapper may carry a role (a <div role="button"> around a drawn box, listened for on the wrapper; a
// role="dialog" host around the dialog's panel): it stays that element, its box the union of what it holds
// (where a finger on it lands), or the role is lost (before: no answer was a control, no dialog a dialog).
function through(el, parent) {
  const ctx = {fixed: parent ? parent.fixed : false,
               hidden: (parent ? parent.hidden : false) || el.getAttribute('aria-hidden') === 'true',
               shut: parent ? parent.shut : false};
  const r = role(el), at = out.length, item = r && !['presentation', 'none'].includes(r) ? contentsItem(el, r) : null;
  if (item) out.push(item);
  const kids = [];
  for (const c of kidsOf(el)) { const s = walk(c, ctx); if (s) kids.push(s); }
  const root = shadowOf(el);
  if (root) for (const c of root.children) { const s = walk(c, ctx); if (s) kids.push(s); }
  if (!item) return kids.join(',');
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const rect = topRect(el, range.getBoundingClientRect());
  if (!(rect.width > 0 && rect.height > 0)) {     // nothing of it drawn
    out.splice(at, 1);
    return kids.join(',');
  }
  item.bounds = [Math.round(rect.left * dpr), Math.round(rect.top * dpr),
                 Math.round(rect.width * dpr), Math.round(rect.height * dpr)];
  const id = (el.id || '').replace(/\d+/g, '');
  return el.tagName.toLowerCase() + '[' + r + ']' + (id ? '#' + id : '') + '(' + kids.join(',') + ')';
}
// The item of a display:contents wrapper with a role (its bounds set once what it holds is read).
function contentsItem(el, r) {
  const isClickable = clickable(el, r);
  const text = ownText(el) || (isClickable ? (innerTextOf(el) || textOf(el)).replace(/\s+/g, ' ').trim() : '');
  return {text: text.slice(0, isClickable ? 500 : 20000), rid: scopedId(el), role: r, bounds: [0, 0, 0, 0],
          name: (labelledBy(el) || el.getAttribute('aria-label') || (isClickable ? norm(el.getAttribute('title')) : '') || '').slice(0, 200),
          clickable: isClickable,
          checked: ['checkbox', 'radio', 'switch'].includes(r) ? el.getAttribute('aria-checked') === 'true' : null,
          enabled: el.getAttribute('aria-disabled') !== 'true', focused: document.activeElement === el,
          secret_field: false, covered: false, fixed: false, required: el.getAttribute('aria-required') === 'true',
          multiline: false, value: ''};
}
"""


__all__ = ["THROUGH_JS"]

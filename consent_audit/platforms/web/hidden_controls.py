"""Native checkboxes and radios with no box to tap (0×0: a switch library's hidden input under a drawn slider),
as the DOM snapshot (snapshot_script.py) reads them: the box that draws one — its <label>, or a clickable box with
no role holding it and no other control — is that control.

`HIDDEN_CONTROL_JS` defines `nativeBehind(el)` (the hidden input a box stands for, or null), `drawnByOther(el)`
(whether an input is already read as such a box) and the set `absorbed`; it needs the snapshot's `CLICK_TAGS` and
`rendered` at call time. Verdict page tests/data/verdicts/switch_labels.html.

`namesField(el)`: whether `el` is the <label> of a field on screen (a text field, a drop-down, a text box: `for`
it or wrapping it) — its words are the field's name and a tap on it only focuses the field, so it is no control
of its own (a box's or a switch's label toggles it and stays one). Test: test_web_perception_e2e (field_labels).
"""
from __future__ import annotations

HIDDEN_CONTROL_JS = r"""
// A native checkbox or radio with no box to tap (0×0, a switch library's hidden input) stands behind the box
// that draws it: its <label> (wrapping it or `for` it), or a clickable box with no role that holds it and no other
// control. That box is the control: the input's role and state, the box's geometry; the input itself is no
// element of the screen (a tap on it could land nowhere).
const absorbed = new WeakSet();
function boxless(c) {
  if (!c || c.tagName !== 'INPUT' || !['checkbox', 'radio'].includes((c.type || '').toLowerCase())) return false;
  const b = c.getBoundingClientRect();
  return b.width < 1 || b.height < 1;
}
function nativeBehind(el) {
  if (el.getAttribute('role')) return null;
  let c = null;
  if (el.tagName === 'LABEL') c = el.control;
  else if (!CLICK_TAGS.has(el.tagName)) {
    const inner = el.querySelectorAll('*');
    if (inner.length > 20) return null;     // a list or a panel, not one control
    const held = el.querySelectorAll('input,select,textarea,button,a[href],[role]');
    if (held.length !== 1) return null;
    c = held[0];
  }
  if (!boxless(c)) return null;
  const r = el.getBoundingClientRect();
  return r.width >= 1 && r.height >= 1 ? c : null;
}
function drawnByOther(el) {
  if (absorbed.has(el)) return true;
  return boxless(el) && !!el.labels && [...el.labels].some(l => l !== el && nativeBehind(l) === el && rendered(l));
}
const NOT_FIELDS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'hidden', 'range', 'color']);
function namesField(el) {
  if (el.tagName !== 'LABEL' || el.getAttribute('role') || typeof el.onclick === 'function') return false;
  const targets = (el.ownerDocument.defaultView || window).__caClickTargets;
  if (targets && targets.has(el)) return false;     // the app listens on the label itself: it does something
  const c = el.control;
  if (!c || !(c.tagName === 'SELECT' || c.tagName === 'TEXTAREA' ||
              (c.tagName === 'INPUT' && !NOT_FIELDS.has((c.type || 'text').toLowerCase())))) return false;
  const b = c.getBoundingClientRect();
  return b.width >= 1 && b.height >= 1;     // a field drawn by something else (a hidden <select>) leaves its label be
}
"""

__all__ = ["HIDDEN_CONTROL_JS"]

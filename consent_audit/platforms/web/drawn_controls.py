"""Controls drawn without a form element, as the DOM snapshot (snapshot_script.py) reads them (issue 13, kind 6):
a small empty square (tick box) or circle (radio dot) drawn by CSS inside a row that listens for clicks, or the
box itself, its state read from the drawing; and a control drawn faded, the look of a button held back until a
form is filled.

`DRAWN_CONTROL_JS` defines `drawnControl(el)` ({kind: 'checkbox' | 'radio', checked} or null) and `faded(el)`; it
needs the snapshot's `cs`, `rendered` and `CLICK_TAGS` at call time. Tests: test_web_perception_e2e
(faded_submit.html), tests/data/verdicts.
"""
from __future__ import annotations

DRAWN_CONTROL_JS = r"""
// A control drawn without a form element (issue 13, kind 6): a small empty square (tick box) or circle (radio
// dot) drawn by CSS inside a row that listens for clicks, or the box itself. Its state is read from the drawing:
// a box filled or carrying a drawn tick (pseudo-element, child, ✓), a dot with a thick ring or painted in (a radial
// gradient: the box stays the control once chosen, or a one-choice list loses its chosen row), or a state class.
const STATE_CLASS = /(^|[-_\s])(checked|selected|active|on)($|[-_\s])/i;
function drawnBox(el) {
  if (el.tagName === 'IMG' || el.tagName === 'svg' || el.tagName === 'INPUT') return null;
  const r = el.getBoundingClientRect();
  if (r.width < 10 || r.width > 36 || Math.abs(r.width - r.height) > 3) return null;
  if (innerTextOf(el).trim().replace(/[✓✔√]/g, '').length) return null;
  const st = cs(el);
  if (st.backgroundImage !== 'none' && !/gradient\(/.test(st.backgroundImage)) return null;   // an icon image
  const border = parseFloat(st.borderTopWidth) || 0;
  if (!border || st.borderTopStyle === 'none') return null;
  const rad = st.borderTopLeftRadius;
  const round = rad.endsWith('%') ? parseFloat(rad) >= 40 : parseFloat(rad) >= r.width * 0.4;
  return {el: el, kind: round ? 'radio' : 'checkbox', st: st, border: border, width: r.width};
}
function filled(st) {
  const m = (st.backgroundColor.match(/[\d.]+/g) || []).map(Number);
  if (m.length < 3 || (m.length > 3 && m[3] < 0.3)) return false;
  const lum = (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255;
  return lum < 0.85 || Math.max(m[0], m[1], m[2]) - Math.min(m[0], m[1], m[2]) > 60;
}
function drawnState(box, row) {
  if (STATE_CLASS.test(box.el.className || '') || STATE_CLASS.test(row.className || '')) return true;
  if (/[✓✔√]/.test(innerTextOf(box.el))) return true;
  for (const p of ['::after', '::before']) {
    const ps = cs(box.el, p);
    if (ps.content && ps.content !== 'none' && ps.display !== 'none' && ps.visibility !== 'hidden') return true;
  }
  if (kidsOf(box.el).length && [...kidsOf(box.el)].some(rendered)) return true;
  if (box.kind === 'radio' && box.border >= box.width * 0.2) return true;
  if (box.kind === 'radio' && /radial-gradient\(/.test(box.st.backgroundImage)) return true;   // a dot painted in
  return filled(box.st);
}
function drawnControl(el) {
  if (el.getAttribute('role') || CLICK_TAGS.has(el.tagName)) return null;
  const own = drawnBox(el);
  if (own) return {kind: own.kind, checked: drawnState(own, el)};
  const boxes = [], inner = el.querySelectorAll('*');
  if (inner.length > 20) return null;     // a list or a panel, not one control
  for (const c of inner) {
    const other = c.closest('input,label,button,a,[role]');
    if (other && other !== el && el.contains(other)) return null;
    const b = rendered(c) ? drawnBox(c) : null;
    if (b) boxes.push(b);
    if (boxes.length > 1) return null;
  }
  if (boxes.length !== 1 || !innerTextOf(el).trim()) return null;
  return {kind: boxes[0].kind, checked: drawnState(boxes[0], el)};
}
// A control drawn faded (its own and its ancestors' opacity together under 0.6, or taking no pointer): the look of
// a button held back until the form is filled (sahel's «Supprimer» at opacity .45 ignoring taps until its box is
// ticked) — a look, not a state: the control may still work (a refusal drawn faded is a refusal), so it is told
// apart from `enabled`.
function faded(el) {
  if (cs(el).pointerEvents === 'none') return true;
  let opacity = 1;
  for (let e = el, i = 0; e && e.nodeType === 1 && i < 12; e = e.parentElement, i++) opacity *= parseFloat(cs(e).opacity) || 0;
  return opacity < 0.6;
}
"""

__all__ = ["DRAWN_CONTROL_JS"]

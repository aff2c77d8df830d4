"""A web component's control as the DOM snapshot (snapshot_script.py) reads it: the words a user reads on a control
drawn inside a shadow root include what the page slots into it (the host's own text, rendered through a <slot>),
and a host that only wraps one such control is that control (its role, its state: disabled on the inner <button>).

`SLOTTED_JS` defines `flatText(el)` (the words of an element as rendered, following <slot>s to the nodes assigned
to them: a shadow <button> holding a <slot> and a drawn chevron reads «Sign in ›», not «›»; whitespace
collapsed, '' when none) and `standsFor(item, from)` (the index in `out`, from `from` on, of the one control read
inside a host's shadow tree that is the host's control: about the host's box, holding its words, with a role unless
the host has one; -1 when none)
and `absorbInto(item, k)` (the host's item takes that control's role, state and missing words; the control's item
is removed from `out`). It needs the snapshot's `cs`, `rendered`, `norm` and `out` and native_dom.py's accessors
at call time.
"""
from __future__ import annotations

SLOTTED_JS = r"""
// The words of an element as drawn, slots followed (WAI-ARIA accname: a button's name comes from its content in
// the flat tree, slotted nodes included; innerText leaves them out: a shadow <button><slot> read as «»).
function flatText(el) {
  if (!el.querySelector('slot')) return norm(innerTextOf(el));
  return norm(flatWords(el));
}
function flatWords(node) {
  let t = '';
  for (const n of nodesOf(node)) {
    if (n.nodeType === 3) { t += textOf(n); continue; }
    if (n.nodeType !== 1 || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(n.tagName)) continue;
    if (n.tagName === 'SLOT') {
      const given = n.assignedNodes({flatten: true});
      for (const g of given.length ? given : [...nodesOf(n)]) {
        if (g.nodeType === 3) t += textOf(g);
        // an element without innerText (an <svg> icon slotted into an icon button) is read by its parts: no
        // JS `undefined` stringified into the words (corpus lauks: its back arrow read «undefined»)
        else if (g.nodeType === 1 && shownPart(g))
          t += ' ' + (g.querySelector('slot') || typeof g.innerText !== 'string' ? flatWords(g) : innerTextOf(g)) + ' ';
      }
      continue;
    }
    if (!shownPart(n)) continue;
    const gap = /^inline/.test(cs(n).display) ? '' : ' ';
    t += gap + flatWords(n) + gap;
  }
  return t;
}
function shownPart(el) { return cs(el).display === 'contents' || rendered(el); }
// The control a host stands for: one clickable element with a role read inside its shadow tree (items `from` on),
// its box within 2 px of the host's on each edge, its words holding the host's own (slotted into it). A host with
// a role of its own stands for a role-less clickable box too — its own drawing (Shoelace's sl-menu-item: role
// menuitem on the host, a pointer `div#anchor` about it in the shadow root; read as two controls of one box).
function standsFor(item, from) {
  let found = -1;
  for (let i = from; i < out.length; i++) {
    const c = out[i];
    if (!c.clickable || !(c.role || item.role) || c.frame !== undefined) continue;
    if (found >= 0) return -1;
    found = i;
  }
  if (found < 0) return -1;
  const c = out[found], a = item.bounds, b = c.bounds;
  if (a.some((v, k) => Math.abs(v - b[k]) > 2 * dpr)) return -1;
  return !item.text || norm(c.text).includes(norm(item.text)) ? found : -1;
}
// The host is that control (a tap on it lands in the control, through the slot): the control's role, state and
// words where the host has none of its own; the control is no second element of the screen.
function absorbInto(item, k) {
  const c = out[k];
  if (!item.role) { item.role = c.role; item.checked = c.checked; }
  item.enabled = item.enabled && c.enabled;
  item.focused = item.focused || c.focused;
  item.required = item.required || c.required;
  if (!item.text) item.text = c.text;
  if (!item.name) item.name = c.name;
  out.splice(k, 1);
}
"""

__all__ = ["SLOTTED_JS"]

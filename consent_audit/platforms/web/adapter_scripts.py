"""The scripts the explorer's web adapter runs in the page (consent_audit/platforms/web/adapter.py): finding a
captured element again (LOCATE_JS), whether a finger reaches each control (COVERED_JS), the containers still to
scroll (SCROLLABLE_JS)."""
from __future__ import annotations

from .scoped_ids import SCOPED_ID_JS
from .scripts import MOVES_ON_JS, NEAR_UP_JS, SHADOW_OF_JS

# The live element at captured bounds (device px), preferring the id, then a form control for a control role,
# then the element whose text is the label, then the innermost. None there: the control may have moved since the
# capture (an endless animation of a layout property — a bobbing icon above it in a centred column — or a sheet
# still settling): the element of the same size and the same words (any, for a control without words) nearest
# to the captured box, when it lies less than half its smaller side away; else nothing (the operator captures
# again and finds the control by its key).
LOCATE_JS = SHADOW_OF_JS + SCOPED_ID_JS + r"""
const [x, y, w, h, rid, text, role] = arguments;
const dpr = window.devicePixelRatio || 1;
const topRect = (el) => { const r = el.getBoundingClientRect();
  let left = r.left, top = r.top, win = el.ownerDocument.defaultView;
  while (win && win.frameElement) { const f = win.frameElement, fr = f.getBoundingClientRect();
    left += fr.left + f.clientLeft; top += fr.top + f.clientTop; win = win.parent; }
  return {left: left, top: top, width: r.width, height: r.height}; };
const same = (el) => { const r = topRect(el);
  return Math.round(r.left * dpr) === x && Math.round(r.top * dpr) === y &&
         Math.round(r.width * dpr) === w && Math.round(r.height * dpr) === h; };
// an element of a same-origin frame: the frame (of this document) to switch into first
const outer = (el) => { if (el.ownerDocument === document) return el;
  let win = el.ownerDocument.defaultView;
  while (win.parent !== window && win.parent !== win) win = win.parent;
  return win.parent === window ? {frame: win.frameElement} : null; };
if (rid) { const el = byScopedId(rid, document); if (el && same(el)) return el; }
const found = [];
const deep = (root) => { for (const el of root.querySelectorAll('*')) {      // shadow roots, frames too
  if (same(el)) found.push(el); if (shadowOf(el)) deep(shadowOf(el));
  if (el.tagName === 'IFRAME') { try { if (el.contentDocument && el.contentDocument.body) deep(el.contentDocument.body); }
                                 catch (e) { /* another origin */ } } } };
deep(document.body);
const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
if (!found.length) {
  if (rid && byScopedId(rid, document)) return byScopedId(rid, document);
  let best = null, bestD = Math.min(w, h) / 2;
  const near = (root) => { for (const el of root.querySelectorAll('*')) {
    const r = topRect(el), ew = Math.round(r.width * dpr), eh = Math.round(r.height * dpr);
    if (ew > 0 && eh > 0 && Math.abs(ew - w) <= 2 && Math.abs(eh - h) <= 2 && (!text || norm(el.innerText) === text)) {
      const d = Math.hypot(r.left * dpr + ew / 2 - (x + w / 2), r.top * dpr + eh / 2 - (y + h / 2));
      if (d <= bestD) { best = el; bestD = d; } }
    if (el.shadowRoot) near(el.shadowRoot);
    if (el.tagName === 'IFRAME') { try { if (el.contentDocument && el.contentDocument.body) near(el.contentDocument.body); }
                                   catch (e) { /* another origin */ } } } };
  near(document.body);
  return best ? outer(best) : null;
}
const tags = {textbox: ['INPUT', 'TEXTAREA'], checkbox: ['INPUT'], radio: ['INPUT'], switch: ['INPUT']}[role];
if (tags) { const c = found.find(e => tags.includes(e.tagName)); if (c) return outer(c); }
// its words as written (innerText follows CSS text-transform: Ionic's md buttons read in capitals), then its role
// (a component's host, not the ripple or the padding box of its shadow root that shares its box — corpus sakala:
// the last one found, an <ion-ripple-effect>, was clicked and the host intercepted the click)
const fold = (t) => norm(t).toLowerCase();
return outer(found.find(e => norm(e.innerText) === text) || found.find(e => fold(e.textContent) === fold(text)) ||
             found.find(e => role && (e.getAttribute('role') === role || (role === 'button' && e.tagName === 'BUTTON'))) ||
             found[found.length - 1]);
"""

# For each element's centre (device px): is what the user would touch there that element (or inside it)? (For an
# element of a cross-origin frame, `arguments[1][i]`, the frame's <iframe>: whether the touch reaches that frame;
# the adapter then asks inside the frame.) The
# element is known by its box: the same, or — when it moved a little since the capture (an endless animation of
# a layout property nearby) — the same size less than half its smaller side away; a moving control is not covered.
COVERED_JS = SHADOW_OF_JS + NEAR_UP_JS + r"""
const boxes = arguments[0], frames = arguments[1] || [];   // frames[i]: the cross-origin <iframe> box i lies in
const dpr = window.devicePixelRatio || 1;
const out = [];
const is = (r, x, y, w, h) => { const ew = Math.round(r.width * dpr), eh = Math.round(r.height * dpr);
  return Math.abs(ew - w) <= 2 && Math.abs(eh - h) <= 2 &&
    Math.hypot(r.left * dpr + ew / 2 - (x + w / 2), r.top * dpr + eh / 2 - (y + h / 2)) <= Math.min(w, h) / 2; };
boxes.forEach(([x, y, w, h], i) => {
  const cx = (x + w / 2) / dpr, cy = (y + h / 2) / dpr;
  if (cx < 0 || cy < 0 || cx >= innerWidth || cy >= innerHeight) return;
  let hit = document.elementFromPoint(cx, cy), fx = 0, fy = 0;
  for (let depth = 0; hit && depth < 8; depth++) {    // into shadow roots and same-origin frames
    let inner = null;
    const root = shadowOf(hit);
    if (root) inner = root.elementFromPoint(cx - fx, cy - fy);
    else if (hit.tagName === 'IFRAME') {
      try { const r = hit.getBoundingClientRect(); const doc = hit.contentDocument;
            if (doc) { fx += r.left + hit.clientLeft; fy += r.top + hit.clientTop; inner = doc.elementFromPoint(cx - fx, cy - fy); } }
      catch (e) { inner = null; }
    }
    if (!inner || inner === hit) break;
    hit = inner;
  }
  if (frames[i]) {     // a finger reaches the frame: the cross-origin <iframe> itself, in the page or in the
    let top = hit;      // same-origin frame (frames[i]) it lies in
    while (top && top.ownerDocument !== document) top = top.ownerDocument.defaultView.frameElement;
    if (!hit || hit.tagName !== 'IFRAME' || top !== frames[i]) out.push(i);
    return;
  }
  const label = hit && hit.closest ? hit.closest('label') : null;   // a styled switch's drawing is the switch
  const control = label && label.control;
  if (control) {
    if (is(control.getBoundingClientRect(), x, y, w, h)) return;
  }
  if (hit && drawnAround(hit, x, y, w, h)) return;
  const first = hit;
  while (hit) {
    const b = hit.getBoundingClientRect(), r = {left: b.left + (hit.ownerDocument === document ? 0 : fx),
      top: b.top + (hit.ownerDocument === document ? 0 : fy), width: b.width, height: b.height};
    if (is(r, x, y, w, h)) return;
    // up the composed tree: a node slotted into a widget goes up through its slot (md-list-item's headline
    // lies in the item's shadow <div> around the slot, not in the host's light children alone)
    hit = hit.assignedSlot || hit.parentElement || (hit.parentNode && hit.parentNode.host) ||
          (hit.ownerDocument !== document && hit.ownerDocument.defaultView.frameElement) || null;
  }
  if (first && first.ownerDocument === document && wrappedReached(first, x, y, w, h)) return;
  if (first && heldInShadow(first, first.ownerDocument === document ? 0 : fx, first.ownerDocument === document ? 0 : fy,
                            x, y, w, h)) return;
  out.push(i);
});
// A hit on a shadow host that its shadow root does not pass on (the point lies on the host's own words, slotted
// into a control of its shadow tree: a tick's label): the host draws nothing over its own shadow tree, so a
// control of that tree at the point is what a finger there reaches (the tap goes through the slot into it).
function heldInShadow(host, dx, dy, x, y, w, h) {
  const root = shadowOf(host);
  if (!root) return false;
  for (const el of root.querySelectorAll('*')) {
    const b = el.getBoundingClientRect();
    if (is({left: b.left + dx, top: b.top + dy, width: b.width, height: b.height}, x, y, w, h)) return true;
    if (shadowOf(el) && heldInShadow(el, dx, dy, x, y, w, h)) return true;
  }
  return false;
}
// A visually hidden control (a box no finger can touch: at most 2 CSS px a side, a 1×1 clipped checkbox) held by
// its own drawing and no <label> (a web component's switch: <div class=c-switch><input …><div class=c-switch-control>,
// or its host in a row): a finger on it touches that drawing — the element hit and the control share an ancestor
// at most three steps (parents, shadow hosts) above each — what lies over it is its own widget, no other layer.
function drawnAround(hit, x, y, w, h) {
  if (w > 2 * dpr + 1 || h > 2 * dpr + 1) return false;
  const controls = node => {
    const found = [];
    for (const el of node.querySelectorAll('*')) {
      if (el.matches('input,[role=switch],[role=checkbox],[role=radio]')) found.push(el);
      const root = shadowOf(el);
      if (root) found.push(...controls(root));
    }
    return found;
  };
  for (const a of nearUp(hit)) {
    for (const c of controls(a)) if (is(c.getBoundingClientRect(), x, y, w, h) && nearUp(c).includes(a)) return true;
  }
  return false;
}
// An inline control wrapped over two lines (a link in a sentence): its box's centre lies on the sentence around
// it; it is reached when a finger on one of its own line boxes touches it.
function wrappedReached(around, x, y, w, h) {
  for (const el of around.querySelectorAll('*')) {
    const lines = el.getClientRects();
    if (lines.length < 2 || !is(el.getBoundingClientRect(), x, y, w, h)) continue;
    return [...lines].some(l => { const t = document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2);
                                  return !!t && (t === el || el.contains(t)); });
  }
  return false;
}
return out;
"""

# Scrollable containers not yet scrolled to their end, with their last child (the end a user scrolls to).
SCROLLABLE_JS = MOVES_ON_JS + r"""
const out = [];
for (const el of document.querySelectorAll('body *')) if (movesOn(el)) out.push([el, el.lastElementChild || el]);
if (pageMovesOn()) {
  const last = document.body.lastElementChild;
  if (last) out.push([null, last]);
}
return out;
"""

"""The JavaScript the web platform runs in the audited page through WebDriver's execute / execute_async, and the
position granted geolocation reports (what is installed into every document: instrumentation.py)."""
from __future__ import annotations

# A host element's shadow root: open, or closed and noted by INSTRUMENTATION_JS (the app still sees it closed).
# Put in front of each script that walks or hit-tests into shadow trees (the DOM snapshot, locating, covering).
SHADOW_OF_JS = r"""
function shadowOf(el) {
  const closed = (el.ownerDocument.defaultView || window).__caShadows;
  return el.shadowRoot || (closed ? closed.get(el) : null) || null;
}
"""

# Whether a container scrolls up and down and is not at its end yet (`movesOn`), and whether the page itself is not
# (`pageMovesOn`): what the adapter's SCROLLABLE_JS lists and what undrawn.py looks into for rows not drawn yet.
MOVES_ON_JS = r"""
function movesOn(el) {
  if (el.scrollHeight <= el.clientHeight + 2 || el.getClientRects().length === 0) return false;
  const oy = getComputedStyle(el).overflowY;
  return (oy === 'auto' || oy === 'scroll') && el.scrollTop + el.clientHeight < el.scrollHeight - 2;
}
function pageMovesOn() {
  const root = document.scrollingElement;
  return !!root && root.scrollTop + innerHeight < root.scrollHeight - 2;
}
"""

# A node's nearest ancestors, itself first: slots it is assigned to, parents and shadow hosts (the composed tree),
# four at most (itself and three steps up) —
# where a visually hidden control and the drawing a finger lands on meet (covering and tapping).
NEAR_UP_JS = r"""
function nearUp(el) {
  const out = [];
  for (let a = el; a && out.length < 4; a = a.assignedSlot || a.parentElement || (a.parentNode && a.parentNode.host) || null)
    out.push(a);
  return out;
}
"""

# What a finger on an element's centre reaches when the browser's hit test named another element: the element's
# own drawing there — a styled switch's slider inside the label of a checkbox hidden by CSS (opacity 0, or
# "visually hidden": 1×1 px, clipped), returned to be clicked; or the words its host slots into it (a shadow
# <div role=checkbox> around a <slot>: the hit test answers with the host, whose text lies there, yet the touch
# goes through the slot into the element), true: tapped where it is; a visually hidden control under its own
# drawing and no label, the element itself (clicked by script). null: something else lies over it.
# Hit-tested in the element's own tree (a widget's shadow root: the document would answer with its host).
REACHED_JS = NEAR_UP_JS + r"""
const el = arguments[0];
const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
const tree = el.getRootNode && el.getRootNode().elementFromPoint ? el.getRootNode() : document;
const hit = tree.elementFromPoint(x, y);
const label = hit && hit.closest ? hit.closest('label') : null;
if (label && label.control === el) return hit;
const on = (boxes) => [...boxes].some(b => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
// the hit is the element's own container up the composed tree (the component host its words or its shadow
// button sit in: Ionic's ion-button answers for the <button> of its shadow root): a finger there is on it
for (let a = el.assignedSlot || el.parentElement || (el.parentNode && el.parentNode.host); a;
     a = a.assignedSlot || a.parentElement || (a.parentNode && a.parentNode.host))
  if (a === hit) return true;
for (const slot of el.querySelectorAll('slot')) {
  for (const n of slot.assignedNodes({flatten: true})) {
    let boxes = [];
    if (n.nodeType === 1) boxes = n.getClientRects();
    else if (n.nodeType === 3) { const g = document.createRange(); g.selectNodeContents(n); boxes = g.getClientRects(); }
    if (on(boxes)) return true;
  }
}
// no label: a control no finger can touch (at most 2 CSS px a side) whose own drawing the finger lands on — the
// hit and the control sharing an ancestor at most three steps (parents, shadow hosts) above each (a web
// component's switch): the control itself, clicked as assistive technology clicks it
if (!hit || r.width > 2 || r.height > 2) return null;
const mine = nearUp(el);
return nearUp(hit).some(a => mine.includes(a)) ? el : null;
"""

# The visible box (CSS px) of a container, or of the window for the page: [x, y, width, height].
BOX_JS = r"""
const r = (arguments[0] || document.scrollingElement).getBoundingClientRect();
const top = Math.max(0, r.top), bottom = Math.min(window.innerHeight, r.bottom);
const left = Math.max(0, r.left), right = Math.min(window.innerWidth, r.right);
return [Math.round(left), Math.round(top), Math.round(right - left), Math.round(bottom - top)];
"""

# Whether a container (the page when null) can move no further in a direction (2 px of tolerance).
AT_END_JS = r"""
const el = arguments[0] || document.scrollingElement, page = !arguments[0];
const height = page ? innerHeight : el.clientHeight, width = page ? innerWidth : el.clientWidth;
switch (arguments[1]) {
  case 'up': return el.scrollTop <= 2;
  case 'left': return el.scrollLeft <= 2;
  case 'right': return el.scrollLeft + width >= el.scrollWidth - 2;
  default: return el.scrollTop + height >= el.scrollHeight - 2;
}
"""

# The nearest ancestor of an element (across open shadow roots) that scrolls vertically and holds more than it
# shows — an inner `overflow: auto` list in a page that does not scroll itself; null: the page.
SCROLLER_OF_JS = r"""
let el = arguments[0];
while (el) {
  const root = el.getRootNode();
  el = el.parentElement || (root instanceof ShadowRoot ? root.host : null);
  if (!el || el === document.body || el === document.documentElement) return null;
  const oy = getComputedStyle(el).overflowY;
  if (['auto', 'scroll', 'overlay'].includes(oy) && el.scrollHeight > el.clientHeight + 2) return el;
}
return null;
"""

# Whether an element is whole inside its container's box and the window (1 px of tolerance), and not under a bar that
# stays put (a fixed or sticky layer over its centre that does not hold it).
IN_VIEW_JS = r"""
const el = arguments[0], r = el.getBoundingClientRect();
const c = arguments[1] ? arguments[1].getBoundingClientRect() : {top: 0, bottom: window.innerHeight};
if (!(r.height > 0 && r.top >= Math.max(0, c.top) - 1 && r.bottom <= Math.min(window.innerHeight, c.bottom) + 1))
  return false;
// inside the window yet under a bar that stays put (a tab bar at the foot, a sticky header): not seen yet
const x = r.left + r.width / 2, y = r.top + r.height / 2;
if (el.getRootNode() !== document || x < 0 || x >= innerWidth) return true;
const hit = document.elementFromPoint(x, y);
if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return true;
for (let n = hit; n && n !== document.body; n = n.parentElement) {
  const p = getComputedStyle(n).position;
  if (p === 'fixed' || p === 'sticky') return n.contains(el);
}
return true;
"""

# A position for granted geolocation (there is no network location provider here): Beijing, Tiananmen.
DEFAULT_POSITION = {"latitude": 39.9087, "longitude": 116.3975, "accuracy": 20}



# What the page stored, and a TCF v2 CMP's answer (getTCData; none within 2 s: no answer).
STORED_JS = r"""
const done = arguments[arguments.length - 1];
const out = {local: {}, session: {}, cookies: {}, tcf: null};
const dump = (st, into) => { try { for (let i = 0; i < st.length; i++) { const k = st.key(i); into[k] = st.getItem(k); } } catch (e) {} };
dump(window.localStorage, out.local);
dump(window.sessionStorage, out.session);
try { document.cookie.split(';').forEach(c => { const i = c.indexOf('='); if (i > 0) out.cookies[c.slice(0, i).trim()] = c.slice(i + 1); }); } catch (e) {}
if (typeof window.__tcfapi !== 'function') { done(out); return; }
let answered = false, timer = null;
const finish = () => { if (!answered) { answered = true; clearTimeout(timer); done(out); } };
timer = setTimeout(finish, 2000);      // cleared once answered: not a timer of the app's (SCHEDULED_JS)
try {
  window.__tcfapi('getTCData', 2, (d, ok) => {
    if (answered) return;
    if (ok && d) out.tcf = {purposes: (d.purpose || {}).consents || {}, cmpStatus: d.cmpStatus || '',
      eventStatus: d.eventStatus || '', vendors: Object.values((d.vendor || {}).consents || {}).filter(Boolean).length};
    finish();
  });
} catch (e) { finish(); }
"""

# One round trip for a CSS locator: the element found in the scope, displayed (and enabled when asked), or null.
VISIBLE_JS = (
    "const scope = arguments[0] || document; const e = scope.querySelector(arguments[1]);"
    "if (!e || e.getClientRects().length === 0) return null;"
    "const st = getComputedStyle(e); if (st.visibility === 'hidden' || st.display === 'none') return null;"
    "if (arguments[2] && (e.disabled || e.getAttribute('aria-disabled') === 'true')) return null;"
    "return e;")

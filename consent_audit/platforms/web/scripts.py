"""The JavaScript the web platform runs in the audited page (through WebDriver's execute / execute_async or
DevTools' Page.addScriptToEvaluateOnNewDocument), and the position granted geolocation reports."""
from __future__ import annotations

# The start of every script the suite installs into a document (here and settle_scripts.SETTLE_JS), whichever
# comes first: `window.__caMark(wrapper, original)` makes a wrapper of a built-in read as the browser's own
# function to the page (its text, name and length), as in a person's browser — a page that looks for automation
# by how built-ins print sees none.
MARK_JS = r"""
(() => {
  if (window.__caMark) return;
  const fts = Function.prototype.toString, natives = new WeakMap();
  const mark = (wrapper, original) => {
    natives.set(wrapper, natives.get(original) || original);      // a wrapper of a wrapper: the built-in's
    for (const p of ['name', 'length']) Object.defineProperty(wrapper, p, {value: original[p], configurable: true});
    return wrapper;
  };
  Function.prototype.toString = mark(function toString() { return fts.call(natives.get(this) || this); }, fts);
  Object.defineProperty(window, '__caMark', {value: mark, enumerable: false});
})();
"""

# Installed into every document before the app's own scripts: counts permission requests the app makes
# (the browser would show its prompt for each where undecided) and registers click listeners so plain
# <div>s with handlers count as actionable.
INSTRUMENTATION_JS = MARK_JS + r"""
(() => {
  if (window.__caInstalled) return; window.__caInstalled = true;
  const mark = window.__caMark;
  const counts = window.__caPrompts = {geolocation: 0, notifications: 0, camera: 0, microphone: 0};
  const bump = (n) => { counts[n] = (counts[n] || 0) + 1; };
  try {
    const geo = navigator.geolocation;
    if (geo) {
      const g = geo.getCurrentPosition, w = geo.watchPosition;
      geo.getCurrentPosition = mark(function (...a) { bump('geolocation'); return g.apply(geo, a); }, g);
      geo.watchPosition = mark(function (...a) { bump('geolocation'); return w.apply(geo, a); }, w);
    }
  } catch (e) {}
  try {
    if (window.Notification && Notification.requestPermission) {
      const r = Notification.requestPermission;
      Notification.requestPermission = mark(function (...a) { bump('notifications'); return r.apply(Notification, a); }, r);
    }
  } catch (e) {}
  try {
    const md = navigator.mediaDevices;
    if (md && md.getUserMedia) {
      const u = md.getUserMedia;
      md.getUserMedia = mark(function (c) {
        if (c && c.video) bump('camera');
        if (c && c.audio) bump('microphone');
        return u.call(md, c);
      }, u);
    }
  } catch (e) {}
  // A closed shadow root stays closed to the app, but the snapshot reads it as a user sees it (a consent
  // dialog drawn inside one is on screen all the same): the host → root, for the suite's scripts only.
  // Every shadow root is listed too (weakly): the settle wait asks each for its running animations, which the
  // document's own list leaves out.
  const shadows = window.__caShadows = new WeakMap();
  const roots = window.__caRoots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = mark(function (init) {
    const root = attach.call(this, init);
    if (init && init.mode === 'closed') shadows.set(this, root);
    roots.push(new WeakRef(root));
    return root;
  }, attach);
  // Work the page has pending that may send a moment later (a tracker's delayed beacon): short timers (delay of
  // at most 2 s, as the settle wait's "short timer"), idle callbacks, one-shot animation frames, IndexedDB
  // requests, network calls (below): key → when due (performance.now() ms; idle work, frames, database requests
  // and calls, whose time is not known, count as due in IDLE_MS / FRAME_MS for as long as they are pending).
  // The traffic capture waits for them before it calls the network quiet (SCHEDULED_JS).
  const IDLE_MS = 50, FRAME_MS = 16;
  const add = EventTarget.prototype.addEventListener;
  const due = window.__caTimers = new Map();
  const ran = (key) => { if (due.delete(key)) window.__caTimerRan = performance.now(); };
  const after = (fn, key) => typeof fn !== 'function' ? fn
    : function (...b) { try { return fn.apply(this, b); } finally { ran(key()); } };
  const st = window.setTimeout, ct = window.clearTimeout;
  window.setTimeout = mark(function (fn, ms, ...a) {
    const delay = Number(ms) || 0;
    if (delay > 2000) return st.call(window, fn, ms, ...a);
    let id;
    if (typeof fn === 'function') id = st.call(window, after(fn, () => id), ms, ...a);
    else { id = st.call(window, fn, ms, ...a); st.call(window, () => ran(id), ms); }   // code as text: as set
    due.set(id, performance.now() + delay);
    return id;
  }, st);
  window.clearTimeout = mark(function (id) { due.delete(id); return ct.call(window, id); }, ct);
  const later = (request, cancel, prefix, ms) => {
    const ask = window[request], drop = window[cancel];
    if (typeof ask !== 'function') return;
    window[request] = mark(function (fn, ...a) {
      let id;
      id = ask.call(window, after(fn, () => prefix + id), ...a);
      due.set(prefix + id, performance.now() + ms);
      return id;
    }, ask);
    if (typeof drop === 'function') {
      window[cancel] = mark(function (id) { due.delete(prefix + id); return drop.call(window, id); }, drop);
    }
  };
  later('requestIdleCallback', 'cancelIdleCallback', 'idle:', IDLE_MS);
  later('requestAnimationFrame', 'cancelAnimationFrame', 'frame:', FRAME_MS);
  if (window.IDBRequest) {        // a database read or write: its success or error handler may send
    let n = 0;
    const watch = (req) => {
      if (!(req instanceof IDBRequest) || req.readyState === 'done') return req;
      const key = 'db:' + (++n);
      due.set(key, performance.now() + IDLE_MS);
      const end = () => st.call(window, () => ran(key), 0);   // after the page's own handlers ran
      add.call(req, 'success', end); add.call(req, 'error', end);
      return req;
    };
    for (const [proto, names] of [[window.IDBObjectStore && IDBObjectStore.prototype,
                                   ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'clear', 'count', 'openCursor']],
                                  [window.IDBIndex && IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor']],
                                  [window.IDBFactory && IDBFactory.prototype, ['open', 'deleteDatabase']]]) {
      for (const name of proto ? names : []) {
        const f = proto[name];
        if (typeof f === 'function') proto[name] = mark(function (...a) { return watch(f.apply(this, a)); }, f);
      }
    }
  }
  // A network call the page made: the capture sees the answer arrive before the page has handled it (the
  // body read, the handler that sends a beacon with the data or asks for idle time to do so), so a call is
  // pending from when it is made until its promise settles (fetch, a body read: the page's own handlers run
  // in the same turn, after this one) or its XMLHttpRequest's loadend handlers ran.
  let calls = 0;
  const answered = (p) => {
    if (!p || typeof p.then !== 'function') return p;
    const key = 'net:' + (++calls), end = () => ran(key);
    due.set(key, performance.now() + IDLE_MS);
    p.then(end, end);
    return p;
  };
  if (typeof window.fetch === 'function') {
    const f = window.fetch;
    window.fetch = mark(function (...a) { return answered(f.apply(this, a)); }, f);
  }
  for (const name of window.Response ? ['json', 'text', 'arrayBuffer', 'blob', 'formData'] : []) {
    const f = Response.prototype[name];
    if (typeof f === 'function') Response.prototype[name] = mark(function (...a) { return answered(f.apply(this, a)); }, f);
  }
  if (window.XMLHttpRequest) {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = mark(function (...a) {
      const key = 'net:' + (++calls);
      due.set(key, performance.now() + IDLE_MS);
      add.call(this, 'loadend', () => st.call(window, () => ran(key), 0));   // after the page's own handlers
      return send.apply(this, a);
    }, send);
  }
  // The browser's own dialogs (alert, confirm, prompt) block the page, and the driver can read only their message:
  // each message is marked with its kind by two zero-width characters a reader does not see
  // (js_dialogs.DIALOG_MARKS), so the suite shows a confirm's two buttons and an alert's one.
  for (const [kind, tag] of [['alert', '\u2060\u200b'], ['confirm', '\u2060\u200c'], ['prompt', '\u2060\u200d']]) {
    const native = window[kind];
    if (typeof native !== 'function') continue;
    window[kind] = mark(function (message, ...rest) {
      return native.call(window, tag + (message === undefined ? '' : String(message)), ...rest);
    }, native);
  }
  const reg = window.__caClickTargets = new WeakSet();
  EventTarget.prototype.addEventListener = mark(function (type, ...rest) {
    if (type === 'click' && this instanceof Element) reg.add(this);
    return add.call(this, type, ...rest);
  }, add);
})();
"""

# When the page's last pending work is due (INSTRUMENTATION_JS: short timers, idle callbacks, animation frames,
# IndexedDB requests, network calls not yet handled), in ms from now (0: none pending; at least 1 for work
# pending; work that ended less than arguments[0] ms ago counts as due that much later: what it sent may not
# show in the capture yet); null when the page cannot tell (not instrumented) or has frames (their own work).
SCHEDULED_JS = r"""
const due = window.__caTimers;
if (!due || window.frames.length) return null;
const now = performance.now();
let last = window.__caTimerRan === undefined ? 0 : Math.max(0, arguments[0] - (now - window.__caTimerRan));
for (const at of due.values()) last = Math.max(last, at - now, 1);
return last;
"""

# A host element's shadow root: open, or closed and noted by INSTRUMENTATION_JS (the app still sees it closed).
# Put in front of each script that walks or hit-tests into shadow trees (the DOM snapshot, locating, covering).
SHADOW_OF_JS = r"""
function shadowOf(el) {
  const closed = (el.ownerDocument.defaultView || window).__caShadows;
  return el.shadowRoot || (closed ? closed.get(el) : null) || null;
}
"""

# A node's nearest ancestors, itself first: parents and shadow hosts, four at most (itself and three steps up) —
# where a visually hidden control and the drawing a finger lands on meet (covering and tapping).
NEAR_UP_JS = r"""
function nearUp(el) {
  const out = [];
  for (let a = el; a && out.length < 4; a = a.parentElement || (a.parentNode && a.parentNode.host) || null) out.push(a);
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

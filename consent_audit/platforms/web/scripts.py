"""The JavaScript the web platform runs in the audited page (through WebDriver's execute / execute_async or
DevTools' Page.addScriptToEvaluateOnNewDocument), and the position granted geolocation reports."""
from __future__ import annotations

# Installed into every document before the app's own scripts: counts permission requests the app makes
# (the browser would show its prompt for each where undecided) and registers click listeners so plain
# <div>s with handlers count as actionable.
INSTRUMENTATION_JS = r"""
(() => {
  if (window.__caInstalled) return; window.__caInstalled = true;
  const counts = window.__caPrompts = {geolocation: 0, notifications: 0, camera: 0, microphone: 0};
  const bump = (n) => { counts[n] = (counts[n] || 0) + 1; };
  try {
    const geo = navigator.geolocation;
    if (geo) {
      const g = geo.getCurrentPosition.bind(geo), w = geo.watchPosition.bind(geo);
      geo.getCurrentPosition = function (...a) { bump('geolocation'); return g(...a); };
      geo.watchPosition = function (...a) { bump('geolocation'); return w(...a); };
    }
  } catch (e) {}
  try {
    if (window.Notification && Notification.requestPermission) {
      const r = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = function (...a) { bump('notifications'); return r(...a); };
    }
  } catch (e) {}
  try {
    const md = navigator.mediaDevices;
    if (md && md.getUserMedia) {
      const u = md.getUserMedia.bind(md);
      md.getUserMedia = function (c) {
        if (c && c.video) bump('camera');
        if (c && c.audio) bump('microphone');
        return u(c);
      };
    }
  } catch (e) {}
  // A closed shadow root stays closed to the app, but the snapshot reads it as a user sees it (a consent
  // dialog drawn inside one is on screen all the same): the host → root, for the suite's scripts only.
  // Every shadow root is listed too (weakly): the settle wait asks each for its running animations, which the
  // document's own list leaves out.
  const shadows = window.__caShadows = new WeakMap();
  const roots = window.__caRoots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (init && init.mode === 'closed') shadows.set(this, root);
    roots.push(new WeakRef(root));
    return root;
  };
  // Short timers the page has pending (delay of at most 2 s, as the settle wait's "short timer"): id → when due
  // (performance.now() ms). What a page sends a moment after a load or a tap (a tracker's delayed beacon) is
  // set off by one; the traffic capture waits for them before it calls the network quiet (SCHEDULED_JS).
  const due = window.__caTimers = new Map();
  const st = window.setTimeout, ct = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...a) {
    const delay = Number(ms) || 0;
    if (delay > 2000) return st(fn, ms, ...a);
    let id;
    const ran = () => { due.delete(id); window.__caTimerRan = performance.now(); };
    const run = function (...b) { try { return fn.apply(this, b); } finally { ran(); } };
    if (typeof fn === 'function') id = st(run, ms, ...a);
    else { id = st(fn, ms, ...a); st(ran, ms); }       // code as text: run as the page set it
    due.set(id, performance.now() + delay);
    return id;
  };
  window.clearTimeout = function (id) { due.delete(id); return ct(id); };
  const reg = window.__caClickTargets = new WeakSet();
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === 'click' && this instanceof Element) reg.add(this);
    return add.call(this, type, ...rest);
  };
})();
"""

# When the page's last pending short timer is due, in ms from now (0: none pending; at least 1 for one due and
# not run yet; one that ran less than arguments[0] ms ago counts as due that much later: what it sent may not
# show in the capture yet); null when the page cannot tell (not instrumented) or has frames (their own timers).
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

# Whether an element is whole inside its container's box and the window (1 px of tolerance).
IN_VIEW_JS = r"""
const r = arguments[0].getBoundingClientRect();
const c = arguments[1] ? arguments[1].getBoundingClientRect() : {top: 0, bottom: window.innerHeight};
return r.height > 0 && r.top >= Math.max(0, c.top) - 1 && r.bottom <= Math.min(window.innerHeight, c.bottom) + 1;
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

"""The script installed into every document of the audited page before its own (DevTools'
Page.addScriptToEvaluateOnNewDocument) — permission requests counted, click listeners registered, closed shadow
roots noted, the page's pending work kept — the mark that makes its wrappers read as the browser's own, and the
reader of that pending work (SCHEDULED_JS, through WebDriver's execute)."""
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
  // A permission decided "when asked" (platform.py `decide_permission(…, when_asked=True)`; names in
  // window.__caUndecided, set before the page's scripts) reads undecided to the page — Notification.permission
  // 'default', navigator.permissions.query 'prompt' — until the page asks for it: then the browser answers as
  // decided and the page reads that answer, as on a fresh install where the user answers the prompt.
  const undecided = (n) => Array.isArray(window.__caUndecided) && window.__caUndecided.includes(n) && !(counts[n] > 0);
  try {
    const d = window.Notification && Object.getOwnPropertyDescriptor(Notification, 'permission');
    if (d && d.get && d.configurable) {
      Object.defineProperty(Notification, 'permission', {configurable: true, enumerable: d.enumerable,
        get: mark(function () { return undecided('notifications') ? 'default' : d.get.call(this); }, d.get)});
    }
  } catch (e) {}
  try {
    const perms = navigator.permissions, query = perms && perms.query;
    const names = {geolocation: 'geolocation', notifications: 'notifications', push: 'notifications',
                   camera: 'camera', microphone: 'microphone'};
    if (query) {
      perms.query = mark(function (desc, ...rest) {
        const n = desc && names[desc.name];
        return query.call(perms, desc, ...rest).then((status) => {
          const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(status), 'state');
          if (n && own && own.get && undecided(n)) {
            Object.defineProperty(status, 'state', {configurable: true, enumerable: true,
              get: mark(function () { return undecided(n) ? 'prompt' : own.get.call(status); }, own.get)});
          }
          return status;
        });
      }, query);
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
  let n = 0;
  const pending = (prefix) => { const key = prefix + (++n); due.set(key, performance.now() + IDLE_MS); return key; };
  if (window.IDBRequest) {        // a database read or write: its success or error handler may send
    const watch = (req) => {
      if (!(req instanceof IDBRequest) || req.readyState === 'done') return req;
      const key = pending('db:');
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
  const answered = (p) => {
    if (!p || typeof p.then !== 'function') return p;
    const key = pending('net:'), end = () => ran(key);
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
      const key = pending('net:');
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

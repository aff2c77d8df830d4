"""The web platform's instrumentation of when the app is quiet, as scripts: SETTLE_JS, installed into every
document before the app's own scripts (requests and permission requests in flight, short and longer timers, DOM
changes, words that flashed by, the page's scroll listeners); SETTLED_JS, the condition a wait polls;
LATE_PENDING_JS and SCROLL_LISTENED_JS, what the app may still show by itself or once the user scrolls. Used by
consent_audit.platforms.web.adapter (and frames, in each cross-origin frame)."""
from .instrumentation import MARK_JS

# Installed into every document before the app's scripts: counts requests in flight and short timers, and
# notes the time of the last DOM change, so "settled" is a condition, not a pause.
SETTLE_JS = MARK_JS + r"""
(() => {
  if (window.__cxSettle) return;
  let next = 0;
  const s = window.__cxSettle = {pending: new Map(), timers: new Set(), frames: new Map(), last: performance.now()};
  // each wrapper reads as the browser's own function (instrumentation.MARK_JS)
  const mark = window.__caMark;
  const touch = () => { s.last = performance.now(); };
  const start = () => { const id = ++next; s.pending.set(id, performance.now()); touch(); return id; };
  const end = (id) => { s.pending.delete(id); touch(); };
  const track = (make) => mark(function (...a) { const id = start(); try { return Promise.resolve(make.apply(this, a)).finally(() => end(id)); } catch (e) { end(id); throw e; } }, make);
  if (window.fetch) window.fetch = track(window.fetch);
  // reading a response's body is the request's tail: the app draws its answer after `await response.json()`
  // (under load the body outlasted the quiet time and a sign-up's answer was read as the form staying put)
  if (window.Response) for (const k of ['json', 'text', 'blob', 'arrayBuffer', 'formData']) {
    const own = Response.prototype[k];
    if (typeof own === 'function') Response.prototype[k] = track(own);
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = mark(function (...a) { const id = start(); this.addEventListener('loadend', () => end(id)); return send.apply(this, a); }, send);
  try {   // a permission request in flight keeps the app busy (its answer changes the screen)
    const geo = navigator.geolocation, own = geo.getCurrentPosition, get = own.bind(geo);
    geo.getCurrentPosition = mark(function (ok, fail, opts) {
      const id = start();
      return get((...a) => { end(id); if (ok) ok(...a); }, (...a) => { end(id); if (fail) fail(...a); }, opts);
    }, own);
  } catch (e) {}
  try { if (window.Notification && Notification.requestPermission) Notification.requestPermission = track(Notification.requestPermission); } catch (e) {}
  try { const md = navigator.mediaDevices; if (md && md.getUserMedia) md.getUserMedia = track(md.getUserMedia); } catch (e) {}
  try { const pq = navigator.permissions; if (pq && pq.query) pq.query = track(pq.query); } catch (e) {}
  const st = window.setTimeout, ct = window.clearTimeout;
  // a longer timer is not waited for after each action; its due time (ms since the document began) is noted,
  // so a launch can wait for what the app schedules a few seconds after load (a consent dialog's delay)
  s.late = new Map();
  s.lateAt = new Map();     // when each longer timer was set (a launch layer answered may set one: see SETTLED_JS)
  window.setTimeout = mark(function (fn, ms, ...a) {
    if (typeof fn !== 'function') return st(fn, ms, ...a);
    const long = (ms || 0) > 2000;
    let id;
    id = st(function () { (long ? s.late : s.timers).delete(id); s.lateAt.delete(id); try { return fn.apply(this, a); } finally { touch(); } }, ms);
    if (long) { s.late.set(id, performance.now() + (Number(ms) || 0)); s.lateAt.set(id, performance.now()); }
    else s.timers.add(id);
    return id;
  }, st);
  window.clearTimeout = mark(function (id) { s.timers.delete(id); s.late.delete(id); s.lateAt.delete(id); return ct(id); }, ct);
  // an interval polling for the page's load (a consent box drawn once `document.readyState` is 'complete'): each
  // interval's period and last run, and when the load ended — one of a second or less not run since is pending
  // work for 3 s after the load (SETTLED_JS); an interval is never waited for otherwise (it never ends)
  const si = window.setInterval, ci = window.clearInterval;
  s.intervals = new Map();
  window.setInterval = mark(function (fn, ms, ...a) {
    if (typeof fn !== 'function') return si(fn, ms, ...a);
    let id;
    id = si(function () { const e = s.intervals.get(id); if (e) e[1] = performance.now(); return fn.apply(this, a); }, ms);
    s.intervals.set(id, [Number(ms) || 0, -1]);
    return id;
  }, si);
  window.clearInterval = mark(function (id) { s.intervals.delete(id); return ci(id); }, ci);
  if (document.readyState === 'complete') s.loadedAt = performance.now();
  else window.addEventListener('load', () => { s.loadedAt = performance.now(); touch(); });
  // a change the app makes over its next few frames (a sheet un-hidden, then slid up two frames later: under load
  // those frames can come later than the DOM's quiet time, and the capture saw the sheet still below the screen —
  // a nagging dialog counted 0): a chain of animation frames of at most 8 links is pending work; a longer chain is
  // an endless loop (a canvas, a ticker) and a frame not run within 1 s a throttled one (a hidden frame), neither waited for
  const raf = window.requestAnimationFrame, caf = window.cancelAnimationFrame;
  let link = 0;
  if (typeof raf === 'function') {
    window.requestAnimationFrame = mark(function (fn, ...a) {
      if (typeof fn !== 'function') return raf.call(window, fn, ...a);
      const depth = link + 1;
      let id;
      id = raf.call(window, function (...b) {
        s.frames.delete(id); const was = link; link = depth;
        try { return fn.apply(this, b); } finally { link = was; } }, ...a);
      s.frames.set(id, [depth, performance.now()]);
      return id;
    }, raf);
    if (typeof caf === 'function') window.cancelAnimationFrame = mark(function (id) { s.frames.delete(id); return caf.call(window, id); }, caf);
  }
  // what the app does when the user scrolls: listeners for scrolling on the page itself and observers of what
  // comes into view (a consent sheet shown at the first scroll, with no timer, is there only for a user who
  // scrolls); counted, never called
  s.scrollers = 0;
  const page = (t) => t === window || t === document || t === document.documentElement || t === document.body;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = mark(function (type, ...a) {
    if (page(this) && ['scroll', 'wheel', 'touchmove', 'scrollend'].includes(type)) s.scrollers += 1;
    return add.call(this, type, ...a);
  }, add);
  if (window.IntersectionObserver) {
    const IO = window.IntersectionObserver;
    window.IntersectionObserver = mark(function (...a) { s.scrollers += 1; return new IO(...a); }, IO);
    window.IntersectionObserver.prototype = IO.prototype;
  }
  // what appeared while the app settled (a toast gone before the screen is captured): its words, kept for the
  // next capture (DOM_SNAPSHOT_JS takes them), the last 40
  s.flashed = [];
  const note = (text) => { text = (text || '').replace(/\s+/g, ' ').trim();
    if (text && text.length <= 200) { s.flashed.push(text); if (s.flashed.length > 40) s.flashed.shift(); } };
  // a script or style sheet the app inserts (a cookie notice's library loaded once a promotion is skipped) is
  // in flight until it loaded: what it will show is not there yet
  const loading = (n) => (n.tagName === 'SCRIPT' && n.src) || (n.tagName === 'LINK' && /stylesheet/i.test(n.rel || ''));
  const follow = (n) => { if (!loading(n) || n.__cxFollowed) return; n.__cxFollowed = true;
    const id = start(); n.addEventListener('load', () => end(id)); n.addEventListener('error', () => end(id)); };
  new MutationObserver((records) => {
    touch();
    for (const r of records) {
      if (r.type === 'characterData') note(r.target.data);
      else for (const n of r.addedNodes) {
        if (n.nodeType === 1 || n.nodeType === 3) note(n.textContent);
        if (n.nodeType === 1 && document.readyState === 'complete') {
          follow(n); if (n.querySelectorAll) n.querySelectorAll('script[src], link[rel~="stylesheet"]').forEach(follow);
        }
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""

# Settled: loaded, no finite CSS animation or transition running, in the document or in a shadow tree (a sheet
# sliding in is not where it stops; endless spinners are ignored), every same-origin frame shown loaded and quiet
# too (its document come, nothing of it in flight, no short timer, no DOM change), nothing in flight for less than
# 3 s (what never answers is not waited for), no short timer due, no short chain of animation frames pending,
# within 3 s of the load no interval of a second or less that has not run since the load (SETTLE_JS), no longer
# timer due within `arguments[1]` ms of the document's
# start (0: none waited for; launches only) — or, with `arguments[2]` (ms since the document's start: when a launch
# layer was answered), none set since then due within `arguments[1]` ms of its setting (a notice the app schedules
# once its promotion is skipped) — and no DOM change for `arguments[0]` ms.
SETTLED_JS = r"""
const s = window.__cxSettle;
const late = arguments[1] || 0;
const since = arguments[2];
if (document.readyState !== 'complete') return false;
const moving = (a) => a.playState === 'running' && a.effect &&
  Number.isFinite(a.effect.getComputedTiming().endTime);
if (document.getAnimations && document.getAnimations().some(moving)) return false;
for (const ref of window.__caRoots || []) {     // a shadow tree's animations are not the document's
  const root = ref.deref();
  if (root && root.host && root.host.isConnected && root.getAnimations().some(moving)) return false;
}
// a same-origin <iframe> shown on the page is part of the screen (a banner framed by the app): settled only once
// its document came (not the empty one a frame starts with) and is quiet by the same measure (its own __cxSettle:
// requests, short timers, DOM changes); frames of another origin are asked by frames.settled_inside
const quiet = arguments[0];
const busy = (doc, depth) => {
  for (const f of doc.querySelectorAll('iframe')) {
    let d = null, w = null;
    try { d = f.contentDocument; w = f.contentWindow; } catch (e) {}
    const r = f.getBoundingClientRect();
    if (!d || !w || f.loading === 'lazy' || r.width < 1 || r.height < 1) continue;
    const src = f.getAttribute('src') || '';
    if (d.readyState !== 'complete' || (src && !/^(about|javascript|data|blob):/i.test(src) && d.URL === 'about:blank')) return true;
    const fs = w.__cxSettle, t = w.performance.now();
    if (fs) {
      for (const t0 of fs.pending.values()) if (t - t0 < 3000) return true;
      if (fs.timers.size || t - fs.last < quiet) return true;
      if (fs.frames) for (const [depth, t0] of fs.frames.values()) if (depth <= 8 && t - t0 < 1000) return true;
    }
    if (depth < 3 && busy(d, depth + 1)) return true;
  }
  return false;
};
if (busy(document, 0)) return false;
if (!s) return true;
const now = performance.now();
for (const t0 of s.pending.values()) if (now - t0 < 3000) return false;
if (s.frames) for (const [depth, t0] of s.frames.values()) if (depth <= 8 && now - t0 < 1000) return false;
if (s.intervals && s.loadedAt != null && now - s.loadedAt < 3000)
  for (const [period, ran] of s.intervals.values()) if (period <= 1000 && ran < s.loadedAt) return false;
if (late && s.late && since == null) for (const due of s.late.values()) if (due <= late) return false;
if (late && s.late && since != null && s.lateAt)
  for (const [id, due] of s.late) { const at = s.lateAt.get(id); if (at >= since && due - at <= late) return false; }
return s.timers.size === 0 && now - s.last >= arguments[0];
"""

# Longer timers (> 2 s) the document still has pending: what the app may yet show by itself.
LATE_PENDING_JS = "const s = window.__cxSettle; return s && s.late ? s.late.size : 0;"

# What listens for the user's scrolling (SETTLE_JS `scrollers`, and `onscroll` handlers set as properties), and
# whether the page can scroll at all: [listeners, page scrolls].
SCROLL_LISTENED_JS = r"""
const s = window.__cxSettle;
const own = (s && s.scrollers || 0) + (window.onscroll ? 1 : 0) + (document.onscroll ? 1 : 0) +
  (document.body && document.body.onscroll ? 1 : 0);
const root = document.scrollingElement;
return [own, !!root && root.scrollHeight > innerHeight + 2];
"""

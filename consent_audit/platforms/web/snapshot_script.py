"""The DOM snapshot script: one round trip that reads the page source, the rendered elements (text, accessible
name, role, device-px bounds, state, whether another layer covers them, whether they stay put) and the
structural shape of the DOM. What it returns is read into a Screen by dom.py (`screen_from_dom`); the
cross-origin frames it lists are read by frames.py."""
from __future__ import annotations

from .accname import ACCNAME_JS
from .contents_script import THROUGH_JS
from .drawn_controls import DRAWN_CONTROL_JS
from .hidden_controls import HIDDEN_CONTROL_JS
from .native_dom import NATIVE_DOM_JS
from .painted import SEMANTICS_ON_JS
from .reach_script import REACH_JS
from .scoped_ids import SCOPED_ID_JS
from .scripts import SHADOW_OF_JS
from .slotted import SLOTTED_JS

# One round trip: page source, rendered elements and the structural shape of the DOM.
DOM_SNAPSHOT_JS = NATIVE_DOM_JS + SHADOW_OF_JS + SCOPED_ID_JS + SEMANTICS_ON_JS + ACCNAME_JS + THROUGH_JS + HIDDEN_CONTROL_JS + SLOTTED_JS + REACH_JS + DRAWN_CONTROL_JS + r"""
const dpr = window.devicePixelRatio || 1;
const CLICK_TAGS = new Set(['A','BUTTON','INPUT','SELECT','TEXTAREA','LABEL','SUMMARY','OPTION']);
const CLICK_ROLES = new Set(['button','link','checkbox','radio','switch','tab','menuitem','option']);
const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','META','LINK','HEAD']);
const out = [], frames = [];
// Boxes drawn with an area so far (a count): a fixed layer's host whose subtree adds none draws nothing.
let boxesDrawn = 0;
// Elements of same-origin <iframe>s are read as part of the page (a consent dialog in a frame): their styles
// from their own window, their boxes moved by the frames they sit in.
const cs = (e, p) => (e.ownerDocument.defaultView || window).getComputedStyle(e, p);
function topRect(el, box) {
  const r = box || el.getBoundingClientRect();
  let left = r.left, top = r.top, win = el.ownerDocument.defaultView;
  while (win && win.frameElement) {
    const f = win.frameElement, fr = f.getBoundingClientRect();
    left += fr.left + f.clientLeft; top += fr.top + f.clientTop; win = win.parent;
  }
  return {left: left, top: top, width: r.width, height: r.height};
}
function framePath(el) {
  const steps = [];
  let cur = el;
  while (cur && cur.ownerDocument !== document) {
    const i = [...cur.ownerDocument.querySelectorAll('iframe')].indexOf(cur);
    if (i < 0) return null;
    steps.unshift(i);
    cur = cur.ownerDocument.defaultView.frameElement;
  }
  return cur ? [cur, ...steps] : null;
}
function frameDoc(el) {
  if (el.tagName !== 'IFRAME') return null;
  try { return el.contentDocument && el.contentDocument.body ? el.contentDocument : null; } catch (e) { return null; }
}
function rendered(el) {
  if (el.getClientRects().length === 0) return false;
  // content the browser lays out but does not draw: a closed <details>' body, content-visibility: hidden,
  // hidden="until-found" (their boxes are computed when asked for, so rects alone call them on screen)
  if (el.checkVisibility && !el.checkVisibility()) return false;
  const st = cs(el);
  return st.visibility !== 'hidden' && st.display !== 'none';
}
function ownText(el) {
  let t = '';
  for (const n of nodesOf(el)) if (n.nodeType === 3) t += textOf(n);
  return t.replace(/\s+/g, ' ').trim();
}
function role(el) {
  const r = el.getAttribute('role'), tag = el.tagName;
  // a field the user types into stays a text field whatever role it claims (an autocomplete's combobox)
  if (r && (tag === 'INPUT' || tag === 'TEXTAREA') && ['combobox', 'searchbox'].includes(r)) return 'textbox';
  if (r) return r;
  // a native drop-down: a combobox (ARIA's implicit role), its `checked` whether a real option is chosen
  if (tag === 'SELECT') return (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
  // a modal layer by structure: a native <dialog> (rendered: open) and aria-modal carry the dialog role
  if (tag === 'DIALOG' || el.getAttribute('aria-modal') === 'true') return 'dialog';
  if (tag === 'A') return 'link';
  if (tag === 'BUTTON') return 'button';
  if (tag === 'INPUT') {
    const t = (el.type || 'text').toLowerCase();
    if (t === 'checkbox') return 'checkbox';
    if (t === 'radio') return 'radio';
    if (t === 'button' || t === 'submit') return 'button';
    return 'textbox';
  }
  if (tag === 'TEXTAREA') return 'textbox';
  if (tag === 'IMG') return 'img';
  return '';
}
function clickable(el, r) {
  if (CLICK_TAGS.has(el.tagName) || CLICK_ROLES.has(r)) return true;
  if (typeof el.onclick === 'function') return true;
  const targets = (el.ownerDocument.defaultView || window).__caClickTargets;
  if (targets && targets.has(el)) return true;
  // a pointer cursor of its own, not one inherited: the parent asked in the composed tree — a node slotted into a
  // shadow <button> inherits the button's cursor through its slot, and a shadow root's top node its host's
  // (Ionic's ion-item: its slotted ion-label and its drawn chevron were controls apart from the row)
  const cur = cs(el).cursor, up = el.assignedSlot || el.parentElement || (el.parentNode && el.parentNode.host) || null;
  return cur === 'pointer' && !(up && cs(up).cursor === 'pointer');
}
// Covered: a later layer lies over the element's centre (a screen slid over it on a stack, a wall over the app):
// in the DOM, not seen. Judged on the settled geometry by hit testing; only for the page's own document (an
// element of a frame or a shadow root, or one outside the viewport, is never called covered).
function coveredAt(el, rect) {
  if (el.ownerDocument !== document || el.getRootNode() !== document) return false;
  // an inline element wrapped over two lines (a link in a sentence): its box's centre may lie on the sentence,
  // not on its words — hit-test the centre of its largest line box, where a finger would tap it (as the
  // adapter's COVERED_JS does)
  const lines = el.getClientRects();
  const box = lines.length > 1 ? [...lines].reduce((a, b) => a.width * a.height >= b.width * b.height ? a : b) : rect;
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
  const hit = document.elementFromPoint(x, y);
  return !!hit && hit !== el && !el.contains(hit) && !hit.contains(el);
}
// Siblings each placed by their own coordinates (position absolute or fixed: the accessibility layer a painted
// UI lays over its canvas, Flutter's <flt-semantics>) draw the same screen in any DOM order — a layer that keeps
// the nodes it had and appends the ones it makes anew shows the home it left in another order: their shapes are
// taken in sorted order (siblings in the flow keep theirs: there, the order is what the user sees).
function placedAlone(el) { return ['absolute', 'fixed'].includes(cs(el).position); }
const MESSAGE_ROLES = new Set(['status', 'alert']);
const CONTROLS = 'a[href],button,input,select,textarea,[role=button],[role=link],[role=checkbox],[role=switch],[role=radio]';
function walk(el, parent) {
  if (SKIP.has(el.tagName) || el.hasAttribute('inert')) return '';
  if (cs(el).display === 'contents') return through(el, parent);
  if (!rendered(el)) return '';
  const st0 = cs(el), up = parent || {fixed: false, hidden: false, shut: false, view: [0, innerHeight]};
  if (up.shut && st0.position !== 'fixed') return '';
  const drawnBefore = boxesDrawn, pushedAt = out.length;
  const ctx = {fixed: st0.position === 'fixed' || (up.fixed && !scroller(el, st0)),
               hidden: up.hidden || el.getAttribute('aria-hidden') === 'true', shut: clipsAll(el, st0)};
  let r = role(el);
  const rect = topRect(el);
  // the span of the window its scroll container shows (an inner list's box: what lies below it is out of view)
  const box = scroller(el, st0) && /(auto|scroll)/.test(st0.overflowY) ? rect.top + el.clientTop : null;
  ctx.view = st0.position === 'fixed' ? [0, innerHeight] : box === null ? up.view || [0, innerHeight]
    : [Math.max(up.view[0], box), Math.min(up.view[1], box + el.clientHeight)];
  // the same across: the span of the window a container scrolling sideways shows (a tab strip in a card)
  const side = scroller(el, st0) && /(auto|scroll)/.test(st0.overflowX) ? rect.left + el.clientLeft : null;
  const across = up.across || [0, innerWidth];
  ctx.across = st0.position === 'fixed' ? [0, innerWidth] : side === null ? across
    : [Math.max(across[0], side), Math.min(across[1], side + el.clientWidth)];
  if (outOfReach(el, rect, ctx)) return '';
  if (rect.width > 0 && rect.height > 0) boxesDrawn++;
  let isClickable = clickable(el, r) && !namesField(el);
  const drawn = (isClickable && !r) ? drawnControl(el) : null;
  if (drawn) r = drawn.kind;
  const behind = (isClickable && !r) ? nativeBehind(el) : null;
  if (behind) { r = role(behind); absorbed.add(behind); }
  let text = ownText(el);
  if (!text && isClickable && el.tagName !== 'BODY') text = flatText(el);
  if (el.tagName === 'INPUT' && ['button','submit'].includes((el.type||'').toLowerCase())) text = el.value;
  if (el.tagName === 'SELECT') text = el.selectedIndex >= 0 ? norm(el.options[el.selectedIndex].text) : '';
  const isInput = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
  const label = labelledBy(el) || el.getAttribute('aria-label') || el.getAttribute('placeholder') ||
                (el.labels && el.labels.length ? innerTextOf(el.labels[0]).trim() : '') ||
                (el.tagName === 'IMG' ? norm(el.alt) : '') || (isClickable ? norm(el.getAttribute('title')) : '') ||
                (behind && !text ? (labelledBy(behind) || behind.getAttribute('aria-label') || '') : '') ||
                (isClickable && !text ? drawnName(el) : '') || '';
  const item = {
    text: text.slice(0, isClickable ? 500 : 20000), name: label.slice(0, 200), rid: scopedId(el), role: r,
    bounds: [Math.round((rect.left) * dpr), Math.round((rect.top) * dpr),
             Math.round(rect.width * dpr), Math.round(rect.height * dpr)],
    clickable: isClickable, checked: drawn ? drawn.checked : behind ? !!behind.checked : (r === 'checkbox' || r === 'radio' || r === 'switch') ?
      (el.checked !== undefined ? !!el.checked : el.getAttribute('aria-checked') === 'true') :
      el.tagName === 'SELECT' ? (!!(el.value || '').trim() && !(el.selectedIndex >= 0 && el.options[el.selectedIndex].disabled)) : null,
    // a label is as operable as its control (a locked purpose's label does nothing)
    enabled: !(el.disabled || el.getAttribute('aria-disabled') === 'true' ||
               (el.tagName === 'LABEL' && el.control && el.control.disabled) || (behind && behind.disabled)),
    focused: document.activeElement === el,
    // the current one of a set (a tab bar's tab, a menu's page): where the user is, not a way on
    selected: el.getAttribute('aria-selected') === 'true' ||
              (el.hasAttribute('aria-current') && el.getAttribute('aria-current') !== 'false'),
    secret_field: isInput && (el.type || '').toLowerCase() === 'password',
    // a field the markup types as an e-mail address, whatever its words («ኢሜይልዎን እንደገና ያስገቡ»)
    mailbox: el.tagName === 'INPUT' && ((el.type || '').toLowerCase() === 'email' ||
             ['email', 'username'].includes((el.getAttribute('autocomplete') || '').trim().toLowerCase())),
    covered: !!text && coveredAt(el, rect),
    fixed: ['fixed', 'sticky'].includes(st0.position),
    required: !!el.required || el.getAttribute('aria-required') === 'true',
    faded: isClickable && faded(el),
    multiline: el.tagName === 'TEXTAREA' || el.getAttribute('aria-multiline') === 'true',
    value: (isInput && !['checkbox','radio','password'].includes((el.type||'').toLowerCase())) ? (el.value || '') : '',
    group: r === 'radio' ? radioGroup(behind || el) : '',
    option: r === 'radio' ? radioValue(behind || el) : '',
    view: up.view && (up.view[0] > 0 || up.view[1] < innerHeight) ? up.view.map(v => Math.round(v * dpr)) : null,
    across: up.across && (up.across[0] > 0 || up.across[1] < innerWidth) ? up.across.map(v => Math.round(v * dpr)) : null
  };
  if ((item.text || item.name || item.rid || item.clickable || r || item.fixed) && !drawnByOther(el)) out.push(item);
  const kids = [], placed = [];
  for (const c of kidsOf(el)) { const s = walk(c, ctx); if (s) { kids.push(s); placed.push(placedAlone(c)); } }
  const root = shadowOf(el), shadowAt = out.length;
  if (root) for (const c of root.children) { const s = walk(c, ctx); if (s) { kids.push(s); placed.push(placedAlone(c)); } }
  // a host wrapping one control of its shadow tree is that control (role and state from the inner <button>)
  const own = root && isClickable ? standsFor(item, shadowAt) : -1;
  if (own >= 0) absorbInto(item, own);
  const inner = frameDoc(el);
  if (inner) { const s = walk(inner.body); if (s) { kids.push(s); placed.push(false); } }
  else if (el.tagName === 'IFRAME' && el.clientWidth > 0 && el.clientHeight > 0) {
    // another origin's document (a CMP's dialog): the page's scripts cannot read it; the platform switches into
    // the frame and reads it with this same script (frames.py). Here: where its elements go (a placeholder in
    // `out` and in the shape) and where its viewport lies on the page (CSS px, inside the frame's border).
    // An element of another document cannot be handed back to the automation: a frame inside same-origin frames
    // is reached through them (`via`: the outermost, in this document, then each next <iframe>'s index among
    // its document's; null when one lies in a shadow root, which such an index cannot name).
    const k = frames.length, nested = el.ownerDocument !== document;
    frames.push({el: nested ? null : el, via: nested ? framePath(el) : null, left: rect.left + el.clientLeft, top: rect.top + el.clientTop, width: el.clientWidth,
                 height: el.clientHeight, src: (el.src || '').slice(0, 300), sandbox: el.getAttribute('sandbox'),
                 nested: nested});
    out.push({frame: k});
    kids.push('@frame' + k + '@');
    placed.push(false);
  }
  // a fixed layer's host left in the page once its layer closed — no area, no words, no control, nothing drawn
  // below it (a consent library's container after the answer) — is no part of the screen: a relaunch that never
  // creates it shows the same screen
  if (item.fixed && boxesDrawn === drawnBefore && !item.text && !item.name && !isClickable && !r &&
      !el.querySelector('iframe') && out.length === pushedAt + 1) {
    out.pop();
    return '';
  }
  const shapes = placed.length > 1 && placed.every(Boolean) ? [...kids].sort() : kids;
  const collapsed = shapes.filter((s, i) => i === 0 || s !== shapes[i - 1]);
  const id = (el.id || '').replace(/\d+/g, '');
  // a live message (role status / alert holding no control: a toast, an inline refusal) is no part of what the
  // screen is: its elements are read, its shape is not (the screen a refusal leaves in place stays that screen)
  if (MESSAGE_ROLES.has(r) && !isClickable && !el.querySelector(CONTROLS)) return '';
  return el.tagName.toLowerCase() + '[' + r + ']' + (id ? '#' + id : '') +
         (collapsed.length ? '(' + collapsed.join(',') + ')' : '');
}
const shape = walk(document.body || document.documentElement);
// The page source with its shadow trees (open and closed, as declarative <template shadowrootmode>), so the
// evidence holds what the user saw inside web components; outerHTML where getHTML is missing.
function source() {
  const h = document.documentElement;
  if (!h) return '';
  if (!h.getHTML) return h.outerHTML;
  const roots = (window.__caRoots || []).map(r => r.deref()).filter(r => r && r.host && r.host.isConnected);
  try {
    const attrs = [...h.attributes].map(a => ' ' + a.name + '="' + a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') + '"');
    return '<html' + attrs.join('') + '>' + h.getHTML({serializableShadowRoots: true, shadowRoots: roots}) + '</html>';
  } catch (e) { return h.outerHTML; }
}
const flashed = window.__cxSettle && window.__cxSettle.flashed ? window.__cxSettle.flashed.splice(0) : [];
return {elements: out, shape: shape, url: location.href, title: document.title, prompts: window.__caPrompts || null,
        flashed: flashed, frames: frames, dpr: dpr, semantics_on: semanticsOn,
        width: Math.round(window.innerWidth * dpr), height: Math.round(window.innerHeight * dpr),
        source: source()};
"""


__all__ = ["DOM_SNAPSHOT_JS"]

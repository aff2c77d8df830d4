"""Ids as the page scopes them (WHATWG DOM: `getElementById` of a document or of a shadow root): an id is unique
only within its own tree — the inner <button id="button"> of every Material Web component is one id in as many
shadow roots (corpus lauks). The DOM snapshot names an element by `scopedId`; the adapter finds it again by
`byScopedId`.

`SCOPED_ID_JS` defines `scopedId(el)` (a string: the element's id in a document; inside a shadow root a deep
selector from the document through each shadow host, `#c-accept >>> #button`, a host without an id by its tag,
`md-list-item >>> #item`, which several controls may share; '' without an id) and `byScopedId(rid, doc)` (the
element `rid` names in `doc`, each step resolved in its own tree; null when a step names no element or is a
tag). It needs `shadowOf` (scripts.SHADOW_OF_JS) at call time. The step between hosts is screen.SHADOW_STEP
(`Element.own_id`: the last step's id).
"""
from __future__ import annotations

SCOPED_ID_JS = r"""
function hostPath(host) {
  const own = host.id ? '#' + CSS.escape(host.id) : host.tagName.toLowerCase(), up = host.getRootNode();
  return up && up.host ? hostPath(up.host) + ' >>> ' + own : own;
}
function scopedId(el) {
  if (!el.id) return '';
  const root = el.getRootNode();
  return root && root.host ? hostPath(root.host) + ' >>> #' + CSS.escape(el.id) : el.id;
}
function byScopedId(rid, doc) {
  if (!rid.includes(' >>> ')) return doc.getElementById(rid);
  let scope = doc, el = null;
  for (const step of rid.split(' >>> ')) {
    if (!step.startsWith('#')) return null;
    if (el) { scope = shadowOf(el); if (!scope) return null; }
    try { el = scope.querySelector(step); } catch (e) { return null; }
    if (!el) return null;
  }
  return el;
}
"""



__all__ = ["SCOPED_ID_JS"]

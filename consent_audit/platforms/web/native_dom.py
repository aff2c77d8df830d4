"""The browser's own DOM accessors, as the page scripts that read the DOM use them (the snapshot: snapshot_script.py).

A framework's scoped components hide what they render from the usual properties: Stencil's slot polyfill (Ionic's
`ion-input`, `ion-alert` …; its components built with `scoped: true`) redefines `children`, `childNodes`,
`textContent` and `innerText` on each host's prototype so that they answer only what the page slotted in — an
`ion-input` reports no children while it draws a `<label>` holding the real `<input>`. The user sees what the
browser draws; so the snapshot reads through the accessors of `Element.prototype`, `Node.prototype` and
`HTMLElement.prototype`, taken once before any page script can be asked for them.

`NATIVE_DOM_JS` defines `kidsOf(node)` (the element children as drawn: an element's through the native getter, a
document's or shadow root's as they are), `nodesOf(node)` (the child nodes, the same way), `textOf(node)` (the
native textContent) and `innerTextOf(el)` (the native innerText; '' for an element that has none — an `<svg>`).
A getter of one window works on an element of another (a same-origin `<iframe>`'s): WebIDL checks the interface,
not the realm.
"""
from __future__ import annotations

NATIVE_DOM_JS = r"""
const NATIVE_CHILDREN = Object.getOwnPropertyDescriptor(Element.prototype, 'children').get;
const NATIVE_NODES = Object.getOwnPropertyDescriptor(Node.prototype, 'childNodes').get;
const NATIVE_TEXT = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
const NATIVE_INNER = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText').get;
function kidsOf(node) { return node.nodeType === 1 ? NATIVE_CHILDREN.call(node) : node.children; }
function nodesOf(node) { return NATIVE_NODES.call(node); }
function textOf(node) { return NATIVE_TEXT.call(node) || ''; }
function innerTextOf(el) {
  try { return NATIVE_INNER.call(el); } catch (e) { return typeof el.innerText === 'string' ? el.innerText : ''; }
}
"""

__all__ = ["NATIVE_DOM_JS"]

"""A control's accessible name beyond aria-label / placeholder / <label>, read in the page (WAI-ARIA accname 1.2,
https://www.w3.org/TR/accname-1.2/, in its order where it matters).

`ACCNAME_JS` runs at the start of the DOM snapshot (snapshot_script.py) and defines `norm(text)` (whitespace collapsed),
`labelledBy(el)` (the words of the elements aria-labelledby names, '' without) and `drawnName(el)` (the name of
what draws a control without words: an inner <img alt>, <svg><title>, aria-label or title, else its CSS-drawn
words, at most 60 characters; '' when none). It needs `cs(el, pseudo)` from the snapshot script.
"""
from __future__ import annotations

ACCNAME_JS = r"""
// The accessible name beyond aria-label / placeholder / <label> (WAI-ARIA accname 1.2, in its order where it
// matters): aria-labelledby first, an image's alt, a title; for a control without words, the name of what draws
// it (an <img alt>, an <svg><title>, an inner aria-label) or its CSS-drawn words (::before / ::after content,
// not an icon font's private-use glyphs).
const norm = (t) => (t || '').replace(/\s+/g, ' ').trim();
function labelledBy(el) {
  const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  if (!ids.length) return '';
  const root = el.getRootNode(), doc = el.ownerDocument;
  return norm(ids.map(id => { const r = (root.getElementById && root.getElementById(id)) || doc.getElementById(id);
                              return r ? (r.innerText || r.textContent || '') : ''; }).join(' '));
}
function drawnName(el) {
  for (const c of el.querySelectorAll('img[alt],svg title,[aria-label],[title]')) {
    const t = norm(c.tagName === 'IMG' ? c.alt : c.tagName.toLowerCase() === 'title' ? c.textContent :
                   c.getAttribute('aria-label') || c.getAttribute('title'));
    if (t) return t;
  }
  for (const p of ['::before', '::after']) {
    const m = /^"(.*)"$/.exec(cs(el, p).content || '');
    const t = m ? norm(m[1].replace(/[\ue000-\uf8ff]/g, '')) : '';
    if (t && t.length <= 60) return t;
  }
  return '';
}
"""

__all__ = ["ACCNAME_JS"]

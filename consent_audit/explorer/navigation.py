"""Global navigation: a control whose tap lays a navigation layer over the screen it was tapped on — a side drawer
behind a ☰, a menu sheet, a persistent header's menu — as a tab bar is always there. Told by structure, by what the
tap opens, never by its glyph or its words: after the tap the screen below is still there (most of its words are
still in the page, now covered), the control itself is still where it was (a toggle, not a page that replaced
it), what the screen offered is no longer offered (the layer covers it), and at least `MIN_ITEMS` controls that
were not offered before are, every one a plain tap (no field, box or switch: a form or a consent settings layer is
no navigation) and none worded as a decision or a way out (`DECISIONS`: a consent dialog's Accept / Reject /
Manage, an "Are you sure?", a screen pushed over the last one on a stack with its back).

Such a layer is the same from every screen it is opened on, so the screens it opens are as near the start as a tab
bar's: the layer sits at the level of the shallowest screen offering its control, and its items one level below
(corpus lapis: ☰ → Ustawienia is 1 deep from anywhere, not one more level per screen the ☰ was opened on).

A layer need not cover the page: a menu laid beside it (an HTML `popover` in the top layer, a non-modal sheet)
leaves the page's controls offered and usable. Then it is a layer when nothing of the page moved (every control
of the screen before is still there, with its words, at its place — an accordion opened in place pushes what lies
below it) and it lays at least `MENU_ITEMS` new plain controls (corpus feira: the avatar's «Entrar» / «Criar conta»
over any page)."""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .elements import Target, Use

MIN_ITEMS = 3          # a layer of fewer new controls is a question (yes / no), not navigation
# words of a decision or a way out (lexicon categories): a layer offering one is a dialog (a consent layer's Accept /
# Reject / Manage, an "Are you sure?"), not navigation
DECISIONS = frozenset({"agree", "decline", "confirm", "save", "manage", "close", "back", "next", "acknowledge",
                       "permission_request", "open_settings", "retry", "exit"})
KEPT = 0.5             # share of the screen's words still in the page: the screen stayed below the layer
MENU_ITEMS = 2         # a layer beside a page still in use: a menu (one control alone is a hint, a snackbar's undo)


def opens_nav_layer(before: Screen, offered: set[str], tapped: Target, after: Screen,
                    after_found: list[Target]) -> bool:
    """Whether tapping `tapped` on `before` (which offered the controls keyed `offered`) laid a navigation layer
    over it: `after`, offering `after_found`."""
    if not any(e.bounds == tapped.bounds for e in after.elements):
        return False
    old = offered - {tapped.key}
    new = [t for t in after_found if t.key not in old and t.key != tapped.key]
    if any(t.use != Use.TAP or cues.categories(t.label) & DECISIONS for t in new):
        return False
    still = {t.key for t in after_found} & old
    if old and len(still) > len(old) * KEPT:
        # the screen's own controls still offered: a layer beside them only if nothing of the page moved
        if len(new) < MENU_ITEMS or not unmoved(before, after):
            return False
    elif len(new) < MIN_ITEMS:
        return False
    words = [t for t in before.texts() if t.strip()]
    kept = set(after.texts())
    return bool(words) and sum(t in kept for t in words) >= len(words) * KEPT


def unmoved(before: Screen, after: Screen) -> bool:
    """Whether every control of `before` is still in `after`, with its words (its label), at its place (bounds):
    what was tapped added to the page without pushing anything of it aside."""
    placed = {(e.label, e.bounds) for e in after.elements}
    return all((e.label, e.bounds) in placed for e in before.elements if e.clickable)

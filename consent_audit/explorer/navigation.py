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
(corpus lapis: ☰ → Ustawienia is 1 deep from anywhere, not one more level per screen the ☰ was opened on)."""
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


def opens_nav_layer(before: Screen, offered: set[str], tapped: Target, after: Screen,
                    after_found: list[Target]) -> bool:
    """Whether tapping `tapped` on `before` (which offered the controls keyed `offered`) laid a navigation layer
    over it: `after`, offering `after_found`."""
    if not any(e.bounds == tapped.bounds for e in after.elements):
        return False
    old = offered - {tapped.key}
    new = [t for t in after_found if t.key not in old and t.key != tapped.key]
    if len(new) < MIN_ITEMS or any(t.use != Use.TAP or cues.categories(t.label) & DECISIONS for t in new):
        return False
    still = {t.key for t in after_found} & old
    if old and len(still) > len(old) * KEPT:
        return False              # the screen's own controls still offered: no layer over it
    words = [t for t in before.texts() if t.strip()]
    kept = set(after.texts())
    return bool(words) and sum(t in kept for t in words) >= len(words) * KEPT

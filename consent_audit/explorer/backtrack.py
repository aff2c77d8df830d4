"""Back from a dead end, a search for one screen (`Goal.at_hand`: the account, the deletion) tries the dead end's
neighbours first — the other controls of the screen its tap was made on — as a user who opened a menu's row and
found nothing there tries the row below it before leaving the menu. Before, the fallback's depth penalty (assets/
explorer.yaml search.depth_penalty, 3 a level) and the way back (route_cost, 6 a step) sent it to the shallower
screens' unscored controls first — the start screen's, a row of the menu one level up — and back down later
(corpus notice-only: «Zmena hesla» a dead end, then «Profil» › «Ochrana súkromia» and «Profil» › «Nastavenia účtu»
again before «Zrušiť účet», beside «Zmena hesla» all along; after «Moje lístky», the start screen's «Zastávky v
mojom okolí» before «Nastavenia účtu», its neighbour).

Only the order of the unscored controls changes (the search's fallback): nothing is skipped, and a control the
words favour still comes first."""
from __future__ import annotations

from .graph import Node

SIBLINGS = 15.0   # tie-break points: more than two steps of the way back and a level (route_cost 6, depth_penalty 3)


def dead_end(parent: Node, child: Node) -> bool:
    """Whether the screen `child`, reached by a tap on `parent`, is a dead end: another screen a level below it
    (not a section unfolded in place nor a tab's screen: the map keeps those at their opener's level), outside the
    deletion flow, offering nothing untried that `parent` does not offer too (a tab bar, a header's controls)."""
    if child.ident == parent.ident or child.in_flow or child.depth <= parent.depth:
        return False
    return not any(not c.tried and not c.why_not and key not in parent.candidates
                   for key, c in child.candidates.items())

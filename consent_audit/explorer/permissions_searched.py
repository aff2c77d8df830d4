"""The sentence saying what the permissions goal searched and what it did not (explorer/permissions_exploring.py):
the launches made, the launch modals answered and their agreeing answers tried, a consent wall accepted, the
screens and controls searched beyond the core screen, what was avoided on purpose and what was left unsearched."""
from __future__ import annotations

from typing import Any

from .beyond_core import Beyond
from .moves import moves_said


def searched(search: Any, probed: int, beyond: Beyond) -> str:
    """What the permissions search `search` (a `PermissionExplorations`) searched, exactly, and what it did
    not: the sentence a clean verdict rests on, from `probed` (controls of the core screen tried for their
    words) and `beyond` (explorer/beyond_core.py's search)."""
    modals = [m.label for m in search.launch_moves]
    agreeing = [search.soft_asks.alternatives[m].label for m in search.soft_asks.tried]
    depth = beyond.levels if beyond.levels is not None else int(search.config.search.get("permission_depth", 2))
    return ((f"behind the log-in at launch ({(search.gate_mode or '').replace('_', ' ')}: "
             + moves_said(search.gate_moves) + "), " if search.gate_moves else "")
            + "a launch with every permission granted when asked (undecided until then) and one with every"
              " permission refused"
            + (" (the consent dialog accepted at both: it offers no way to refuse and covers the app)"
               if search.consent_walled else "")
            + (f" (launch modals answered: {', '.join(modals)})" if modals else "")
            + (f", the agreeing answer of each launch modal tried ({', '.join(agreeing)})" if agreeing else "")
            + (f", {probed} control{'' if probed == 1 else 's'} of the core screen tried first for what their words name"
               if probed else "")
            + ", then the core screen and the screens its controls lead to up"
            f" to {depth} level(s) deep: {beyond.screens} screen(s), {beyond.taps} control(s) used"
            + (f"; not tapped on purpose, as they leave the app, end the session, delete, pay or save (what"
               f" lies behind them is not searched): {', '.join(beyond.avoided[:8])}" if beyond.avoided else "")
            + (f"; a log-in inside the app not passed ({', '.join(beyond.log_ins[:3])}): the signed-in app behind"
               " it was not searched" if beyond.log_ins and not search.gate_moves else "")
            + (f"; behind the log-in inside the app ({beyond.signed_in})" if beyond.signed_in else "")
            + ("; not searched: " + "; ".join(beyond.unsearched[:6]) if beyond.unsearched
               else "; everything else reached was searched"
               if beyond.avoided or (beyond.log_ins and not search.gate_moves)
               else "; nothing reached was left unsearched"))

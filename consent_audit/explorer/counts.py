"""A control whose words carry a count that changes as the app is used — a cart tab «Kosár 1», «Inbox 12», a
badge «99+» — is the same control with another count: a learnt path's move keyed by the words it had then
(`elements.targets` keys: `role|words|rank`) finds it again by its words without the count (`counted_alike`),
when exactly one control on the screen answers so. Before, the walk to a feature said its first step «not on
screen» on a fresh install (an empty cart: «Kosár»), and the refusal of that feature's permission was unmeasured
(corpus fozo: the camera behind Kosár → «Kupon beolvasása»)."""
from __future__ import annotations

import re

from .elements import Target

COUNT = re.compile(r"(?<!\S)\(?[#\d]+\+?\)?(?!\S)")
"""A count standing alone among a control's words (a badge drawn beside them): digits — in a key, '#' each
(`cues.norm_label`) — maybe with a '+', maybe in brackets."""


def without_counts(key: str) -> str:
    """The key with the counts among its words taken out; '' when nothing but counts named it (no words left to
    match a control by) or when the key holds no count at all."""
    head, sep, rest = key.partition("|")
    if not sep or "|" not in rest:
        return ""
    words, _, rank = rest.rpartition("|")
    kept = " ".join(COUNT.sub(" ", words).split())
    return f"{head}|{kept}|{rank}" if kept and kept != words else ""


def counted_alike(found: list[Target], key: str) -> Target | None:
    """The one control among `found` whose key differs from `key` only by the counts among its words (either
    side), else None — none, or several (a «Kosár 1» beside a «Kosár» says nothing of which)."""
    bare = without_counts(key) or key
    alike = [t for t in found if t.key != key and (without_counts(t.key) or t.key) == bare]
    return alike[0] if len(alike) == 1 else None

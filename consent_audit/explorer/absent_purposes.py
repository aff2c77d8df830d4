"""A refusal stored as the absence of the accept's purpose records, told apart from the accept by structure.

Some libraries write one record every answer stores alike («the user answered»: @palmabit/react-cookie-law's
`rcl_consent_given=true`) and, beside it, one record per purpose consented to (`rcl_marketing=true` …): the
accept stores them all, a settings layer's save with the purposes unticked stores none of them. Compared on the
record every answer wrote (`consent_answers.answers`), the two read the same. Here a *purpose record* is a
record an answer stored beyond that common one which holds switches only, every one on (an id, a time or a
token holds none: what the accept let the app keep, not a purpose); an answer that did not store a purpose
record another answer stored has that purpose off — absent is not consented. Read by the records' own values
(readback.switches), never by their names.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from ..stored_records import switches

if TYPE_CHECKING:       # consent_answers reads this module: the type only
    from .consent_answers import Tried


def _purpose_records(stored: Mapping[str, str], common: frozenset[str]) -> dict[str, dict[str, bool]]:
    """{record name: its switches by path} of the records `stored` holds beyond `common` that hold switches
    only, all on (a purpose consented to)."""
    out: dict[str, dict[str, bool]] = {}
    for name, value in stored.items():
        if name in common:
            continue
        on = switches({name: value})
        if on and all(on.values()):
            out[name] = on
    return out


def widened(stored: Sequence["Tried"], common: frozenset[str]) -> list[tuple["Tried", dict[str, bool]]] | None:
    """Each answer of `stored` (those that answered and stored something) with its switches read over the
    `common` records and every purpose record any answer stored (`_purpose_records`), a purpose record it did
    not store read as off. None when no answer stored a purpose record, or every answer stored all of them
    (nothing absent: the common record decides), or the answers read the same."""
    purposes: dict[str, dict[str, bool]] = {}
    for tried in stored:
        for name, on in _purpose_records(tried.stored, common).items():
            purposes.setdefault(name, {}).update(on)
    if not purposes or all(set(purposes) <= set(t.stored) for t in stored):
        return None
    out: list[tuple["Tried", dict[str, bool]]] = []
    for tried in stored:
        read = switches({k: tried.stored[k] for k in common})
        for name, on in purposes.items():
            read.update(switches({name: tried.stored[name]}) if name in tried.stored
                        else {path: False for path in on})
        out.append((tried, read))
    if len({sum(r.values()) for _, r in out}) < 2:
        return None
    return out

"""Answers of a candidate consent layer that store one record with different values and no switch in it
(corpus kofi: «Kubali» stores idhini=kubali, «Kataa» idhini=kataa): different choices, told apart by what else
each answer lets the app keep — never by the values' words, which no lexicon may have.

- `differs`: whether the record every answer writes holds different values between them (digits masked: a
  time or a counter is no choice) — different choices, never "the same choice";
- `by_what_kept`: which of them accepts and which refuses, by structure: the answer after which the app keeps
  more — records of its own beside the choice (an analytics id, more purpose keys), or more purposes named in
  the record's value ("necessary" against "necessary,analytics") — accepts; the one keeping least refuses.
  Without words of consent on the layer, only what a consent lets an app keep makes it one: an id (a value
  random per install) or two records or names more — a tour's "started" beside its step, one setting's
  value, is none. None when it cannot be told (no answer keeps more than another, or they keep other things):
  the consent is then unmeasured, never clean.

What the app sends after an answer (to third parties) is not read here: the trials read storage only."""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .consent_answers import Tried

_DIGITS = re.compile(r"\d+")
_IDENT = re.compile(r"^[A-Za-z0-9_\-.:]{8,}$")
_NAMES = re.compile(r"[,|;+\s]+")


def _masked(value: str) -> str:
    return _DIGITS.sub("#", value.strip())


def _record(t: Tried, keys: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The answer's values of the shared record, digits masked, in a stable order."""
    return tuple(sorted((k, _masked(t.stored[k])) for k in keys))


def differs(stored: Sequence[Tried], common: frozenset[str]) -> bool:
    """Whether the record every answer in `stored` wrote (`common`: its keys) holds different values between
    them, digits masked."""
    return bool(common) and len({_record(t, common) for t in stored}) > 1


def ident(value: str) -> bool:
    """A value random per install — an id, a uuid: eight characters or more of letters and digits both, with
    no space (kofi's «kmimzm5gq», a uuid); a time (digits only), a word or a record is none."""
    text = value.strip()
    return bool(_IDENT.match(text)) and any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _names(value: str) -> frozenset[str]:
    """The names a value lists, split at commas, bars, semicolons, pluses or spaces (a JSON value: none —
    readback.listed reads its lists)."""
    try:
        json.loads(value)
        return frozenset()
    except ValueError:
        pass
    return frozenset(n.lower() for n in _NAMES.split(value.strip()) if n and not n.isdigit())


def _ends(stored: Sequence[Tried], size: dict[int, int]) -> tuple[Tried, Tried] | None:
    """(most, least) by `size`: each end one answer, or several storing the same (the fewest moves taken);
    None when an end is held by answers storing different things."""
    def end(pick: int) -> Tried | None:
        at = [t for t in stored if size[id(t)] == pick]
        if len({_record(t, frozenset(t.stored)) for t in at}) > 1:
            return None
        return min(at, key=lambda t: (len(t.moves), t.untick))
    high, low = end(max(size.values())), end(min(size.values()))
    return None if high is None or low is None or high is low else (high, low)


def by_what_kept(stored: Sequence[Tried], common: frozenset[str], about: bool) -> tuple[Tried, Tried] | None:
    """(accept, reject) among `stored` (answers that took the layer away storing something, at least two),
    whose shared record (`common`) holds different values, told by what else each lets the app keep (the
    module doc); `about`: the layer's words speak of consent. None when it cannot be told."""
    if len(stored) < 2 or not differs(stored, common):
        return None
    extra = {id(t): frozenset(t.stored) - common for t in stored}
    found = _ends(stored, {id(t): len(extra[id(t)]) for t in stored})
    if found is not None:
        high, low = found
        more = extra[id(high)] - extra[id(low)]
        if extra[id(low)] < extra[id(high)] and _record(high, common) != _record(low, common) and (
                about or len(more) >= 2 or any(ident(high.stored[k]) for k in more)):
            return high, low
        return None
    names = {id(t): frozenset().union(*(_names(t.stored[k]) for k in sorted(common))) for t in stored}
    if len(set(extra.values())) != 1 or not any(len(n) >= 2 for n in names.values()):
        return None
    found = _ends(stored, {id(t): len(names[id(t)]) for t in stored})
    if found is None:
        return None
    high, low = found
    if names[id(low)] < names[id(high)] and (about or len(names[id(high)] - names[id(low)]) >= 2):
        return high, low
    return None

"""The purposes a refusal kept on that the accept switched on, and whether any of them is consent stored for a
refusal. Shapes: a record is one flat {"local:<name>" | "cookie:<name>" | …: value} map (stored_records.changed).

A "reject" that keeps on a purpose the accept switched on stores consent for a refusal, unless that purpose is a
mandatory one. What is mandatory is told by structure first — the path showed `locked` purposes ticked and locked
(no refusal turns more off) — then by the purpose's own name (assets/purpose_names.yaml). Where it cannot be told
the answer is open (None), never "honoured"."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Mapping

import yaml

from .paths import ASSETS
from .stored_records import listed, switches

_WORD = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=1)
def _stems() -> dict[str, tuple[str, ...]]:
    """assets/purpose_names.yaml: mandatory, optional, answered → their stems (lower case, no diacritics)."""
    data = yaml.safe_load((ASSETS / "purpose_names.yaml").read_text(encoding="utf-8"))
    return {kind: tuple(_plain(str(s)) for s in stems) for kind, stems in data.items()}


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _words(name: str) -> list[str]:
    return _WORD.findall(_plain(_CAMEL.sub(" ", name)))


def kind(name: str) -> str | None:
    """'mandatory', 'optional' or 'answered' for a purpose's stored name (its words, the first kind one of them
    begins with a stem of, in that order: «strictly_necessary_analytics» is no name an app gives); None: untold."""
    words = _words(name)
    for which, stems in _stems().items():
        if any(w == s[1:] if s.startswith("=") else w.startswith(s) for w in words for s in stems):
            return which
    return None


def kept_on(acc: Mapping[str, str], rej: Mapping[str, str]) -> list[str]:
    """The purposes, by their own name (a switch's last field, a listed name), that the accept record holds on
    and the reject record still holds on."""
    on_rej = switches(rej)
    names = [path.rsplit(".", 1)[-1].rsplit(":", 1)[-1] for path, on in switches(acc).items()
             if on and on_rej.get(path) is True]
    names_rej = listed(rej)
    for path, names_acc in listed(acc).items():
        names += sorted(names_acc & names_rej.get(path, frozenset()))
    return names


def still_consents(acc: Mapping[str, str], rej: Mapping[str, str], locked: int) -> tuple[bool | None, list[str]]:
    """(False, []) when nothing the refusal kept on can be consent: none kept on, no more than the `locked` ones
    the path showed, or each a mandatory purpose or an answered mark by its name; (True, the optional ones) when
    it keeps an optional purpose on; (None, the untold ones) when what it keeps on cannot be told."""
    kept = [n for n in kept_on(acc, rej) if kind(n) != "answered"]
    if len(kept) <= locked:
        return False, []
    optional = [n for n in kept if kind(n) == "optional"]
    if optional:
        return True, optional
    untold = [n for n in kept if kind(n) is None]
    return (None, untold) if untold else (False, [])

"""A consent record as an app stores it, read: what an answer stored (cookies, local and session storage, each
value parsed: JSON, base64 JSON, `a=1&b=0` pairs), its switches (a purpose on or off, by the vocabulary in
assets/stored_values.yaml), the purposes it lists by name, and whether its values speak of consent at all.
Shapes: a stored state is {"cookies": {name: value}, "local": {...}, "session": {...}} (platform.stored_state());
a record is one flat {"cookie:<name>" | "local:<name>" | "session:<name>": value} map (`changed`).
Judging a refusal against an acceptance with these: consent_audit/readback.py."""
from __future__ import annotations

import base64
import json
import re
from typing import Any, Mapping
from urllib.parse import unquote

import yaml

from .paths import ASSETS

_DIGITS = re.compile(r"\d+")


def _vocabulary() -> dict[str, frozenset[str]]:
    """assets/stored_values.yaml: switched_on, switched_off, consent_only → their values (lower case)."""
    data = yaml.safe_load((ASSETS / "stored_values.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(str(v).lower() for v in values) for k, values in data.items()}


_VALUES = _vocabulary()
ON_WORDS, OFF_WORDS = _VALUES["switched_on"], _VALUES["switched_off"]


def _items(state: Mapping[str, Any] | None) -> dict[str, str]:
    """One flat name → value map of a stored state: cookies, local and session storage."""
    if not state:
        return {}
    out: dict[str, str] = {}
    for name, value in (state.get("cookies") or {}).items():
        out[f"cookie:{name}"] = str(value)
    for name, value in (state.get("local") or {}).items():
        out[f"local:{name}"] = str(value)
    for name, value in (state.get("session") or {}).items():
        out[f"session:{name}"] = str(value)
    return out


def changed(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, str]:
    """What an answer stored: items new or changed since the unanswered launch."""
    old, new = _items(before), _items(after)
    return {k: v for k, v in new.items() if old.get(k) != v}


def stored_now(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> bool:
    """Whether a move stored something (`before`, `after`: the states read just before and just after it, with
    no relaunch between): an item new, or changed other than in its digits (a clock or a counter ticking is no
    answer). False when either state is unreadable (None)."""
    if before is None or after is None:
        return False
    old = _items(before)
    return any(k not in old or _DIGITS.sub("#", old[k]) != _DIGITS.sub("#", v) for k, v in _items(after).items())


_BASE64 = re.compile(r"^[A-Za-z0-9+/_-]{8,}={0,2}$")


_NAME = re.compile(r"^[A-Za-z_$][\w.$-]*$")
_DELIMITERS = "&|;,"
_FLAGS = {"1": True, "0": False}


def _pairs(text: str, delimiters: str = _DELIMITERS) -> dict[str, Any] | None:
    """A record of name:value (or name=value) pairs joined by one delimiter (the first of `delimiters` it holds)
    — cookie-though's «essential:1|statistics:0», CookieYes' «consent:yes,analytics:no», a query string's
    «groups=C0001:1,C0002:0» inside — as {name: value}, a value 1 / 0 a switch on / off and a value that is a
    record of its own read with the delimiters after its own; None when the text is no such record (fewer
    than two pairs, or a part that is no pair)."""
    for at, mark in enumerate(delimiters):
        if mark not in text:
            continue
        out: dict[str, Any] = {}
        for part in text.split(mark):
            cut = min((i for i in (part.find(":"), part.find("=")) if i > 0), default=-1)
            name, value = part[:cut].strip(), part[cut + 1:].strip()
            if cut < 0 or not _NAME.match(name) or name in out:
                return None
            out[name] = _FLAGS.get(value, _pairs(value, delimiters[at + 1:]) or value)
        return out if len(out) >= 2 else None
    return None


def _parse(value: str) -> Any:
    """A stored value as JSON where it is JSON — as is, percent-encoded, or base64 of JSON
    (@beyonk/gdpr-cookie-consent-banner keeps btoa(JSON.stringify({choices}))) — or as a record of name:value
    pairs (`_pairs`), else the value itself."""
    for text in (value, unquote(value)):
        try:
            return json.loads(text)
        except (ValueError, TypeError):
            continue
    text = unquote(value).strip()
    record = _pairs(text)
    if record is not None:
        return record
    if _BASE64.match(text):
        try:
            decoded = base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4))
            found = json.loads(decoded.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return value
        if isinstance(found, (dict, list)):
            return found
    return value


def _leaves(value: Any, path: str, out: dict[str, bool], named: bool = False, digits: bool = True) -> None:
    """Switch-like leaves (true/false, granted/denied …) of a stored value, by path. A value kept under a name
    in a record (`named`: {"analytics": 1, "ads": 0}) may be a flag kept as a digit, 1 / 0 or "1" / "0", as
    `_pairs` reads «statistics:0»; a list's numbers are no flags (TCF purpose ids: [1, 2, 3])."""
    if isinstance(value, dict):
        for k, v in value.items():
            _leaves(v, f"{path}.{k}", out, named=digits, digits=digits)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _leaves(v, f"{path}[{i}]", out, digits=digits)
    elif isinstance(value, bool):
        out[path] = value
    elif isinstance(value, int) and named and value in (0, 1):
        out[path] = value == 1
    elif isinstance(value, str):
        word = value.strip().lower()
        if word in ON_WORDS | OFF_WORDS:
            out[path] = word in ON_WORDS
        elif named and word in _FLAGS:
            out[path] = _FLAGS[word]


def switches(record: Mapping[str, str], digits: bool = True) -> dict[str, bool]:
    """The record's switch-like leaves by path (`_leaves`). `digits` False: a flag kept as a digit (1 / 0 under
    a name) is not read as one — to tell *whether* something stored is a choice at all, where {"seen": 1, "v": 1}
    (a what's-new's mark and its version) would otherwise pass for two switches. A stored value whose JSON
    writes flags as true / false keeps its numbers as numbers: {"version": 1, "categories": {"analytics":
    false}} holds one switch, not two (cookiecraft's record beside its revision)."""
    out: dict[str, bool] = {}
    for name, value in record.items():
        parsed = _parse(value)
        _leaves(parsed, name, out, digits=digits and not _has_bool(parsed))
    return out


def _has_bool(value: Any) -> bool:
    """Whether a parsed stored value holds a JSON true / false anywhere inside it."""
    if isinstance(value, dict):
        return any(_has_bool(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_bool(v) for v in value)
    return isinstance(value, bool)


def listed(record: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """The lists of names a record holds, by path (a record of the purposes consented to, as
    @dmstr/cookie-consent keeps it: '["analytics","marketing"]' accepted, '[]' refused; a JSON object's list
    values too); records holding none left out."""
    out: dict[str, frozenset[str]] = {}
    for name, value in record.items():
        found = _parse(value)
        parts = found.items() if isinstance(found, dict) else [("", found)]
        for key, part in parts:
            if isinstance(part, list) and all(isinstance(v, str) for v in part):
                out[f"{name}.{key}" if key else name] = frozenset(part)
    return out


_CONSENT_VALUES = _VALUES["consent_only"]
"""Values only a consent record holds (assets/stored_values.yaml consent_only)."""


def _words(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_words(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_words(v) for v in value)) if value else set()
    return {value.strip().lower()} if isinstance(value, str) else set()


def consent_worded(record: Mapping[str, str]) -> bool:
    """Whether a stored record says consent in its values (`_CONSENT_VALUES`), whatever its names."""
    return any(_words(_parse(value)) & _CONSENT_VALUES for value in record.values())


_TOKEN = re.compile(r"^[A-Za-z0-9_\-.~+/=%]{16,}$")


def _token(value: str) -> bool:
    """An id, a session or a signature: random per install, it says nothing about the choice."""
    return bool(_TOKEN.match(value)) and not isinstance(_parse(value), (dict, list))


def _masked(record: Mapping[str, str]) -> dict[str, str]:
    """A record with its tokens and digits masked (a time, an id, a counter); a value that is a bare flag, "1" or
    "0" (a cookie «consent=1»), is a choice and kept as it is."""
    return {k: "<token>" if _token(v) else v if v.strip() in _FLAGS else _DIGITS.sub("#", v)
            for k, v in record.items()}

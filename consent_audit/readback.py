"""What an app stored after a consent answer, read back, and whether a refusal was stored as a refusal.

A consent path is verified by what the app kept, not by the button's words: the platform reads its storage
(cookies, localStorage, sessionStorage) and, where a CMP implements the IAB TCF v2 API, its
`__tcfapi('getTCData')` answer, after a relaunch (what survives is what counts). The reject path is judged
against the accept path of the same app:

- a TCF answer after the reject that still gives consent to any purpose: the refusal was not honoured;
- otherwise the storage the reject path changed, against what the accept path changed: the same record
  (digits masked: timestamps, ids; its switches the same), or every purpose the accept path switched on still switched on, is consent
  stored for a refusal;
- an accept path that stored nothing readable leaves the question open (None), never a "honoured";
- a reject path that stored the accept path's own record unchanged and other records beside it (the answer of
  a prompt the app showed after the dialog: a notification pre-prompt's) stored no refusal of its own: the
  consent record decides, and it does not differ — open (None), never a "honoured".
"""
from __future__ import annotations

import base64
import json
import re
from typing import Any, Mapping
from urllib.parse import unquote

_DIGITS = re.compile(r"\d+")
ON_WORDS = {"true", "granted", "allow", "allowed", "accept", "accepted", "agree", "agreed", "consented", "yes",
            "on", "opt-in", "optin", "enabled"}
OFF_WORDS = {"false", "denied", "deny", "decline", "declined", "reject", "rejected", "refused", "no", "off",
             "opt-out", "optout", "disabled"}


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


_CONSENT_VALUES = {"granted", "denied", "accept", "accepted", "agree", "agreed", "consented", "reject", "rejected",
                   "refused", "decline", "declined", "opt-in", "optin", "opt-out", "optout"}
"""Values only a consent record holds (Google Consent Mode's granted/denied, a CMP's accepted/rejected…); a
setting's true/false, on/off, yes/no, enabled/disabled say nothing of what was decided about."""


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


def tcf_consents(state: Mapping[str, Any] | None) -> list[str] | None:
    """Purposes the CMP's TCF answer gives consent to (None: no TCF answer)."""
    tcf = (state or {}).get("tcf")
    if not isinstance(tcf, dict):
        return None
    return sorted(str(p) for p, on in (tcf.get("purposes") or {}).items() if on)


def judge(unanswered: Mapping[str, Any] | None, accepted: Mapping[str, Any] | None,
          rejected: Mapping[str, Any] | None, optional: int = 0, locked: int = 0) -> dict[str, Any]:
    """{'reject_honoured': True | False | None, 'accept_stored': …, 'how': …, 'reject_stored': …}; when the refusal
    still consents, `basis` names how it was told (tcf, same_record, all_on, all_listed, fewer_off: the messages'
    reasons in assets/findings.yaml) and `how` says it in English for the evidence.
    `optional`: the purposes the reject path had switched off when it answered (boxes enabled and unticked on
    its layer, 0: none shown); `locked`: those it showed locked on. A refusal that differs from the accept yet
    stores fewer of the accept's purposes off than the user switched off, keeping more on than the locked ones,
    still consents (`_still_consenting`)."""
    if accepted is None or rejected is None:
        return {"reject_honoured": None, "accept_stored": None, "how": "storage not readable on this platform"}
    acc, rej = changed(unanswered, accepted), changed(unanswered, rejected)
    tcf_rej, tcf_acc = tcf_consents(rejected), tcf_consents(accepted)
    out: dict[str, Any] = {"accept_stored": sorted(acc), "reject_stored": sorted(rej)}
    if tcf_rej is not None:
        out.update(how="tcf getTCData after a relaunch", basis="tcf", reject_consents=tcf_rej,
                   accept_consents=tcf_acc, reject_honoured=not tcf_rej)
        return out
    if not acc:
        out.update(how="the accept path stored nothing readable", reject_honoured=None)
        return out
    on_acc = {k for k, v in switches(acc).items() if v}
    on_rej = switches(rej)
    # the same record with its digits masked (timestamps, ids) — but the same switches too: a flag kept as a
    # digit («statistics:0» against «statistics:1») is a choice, not a number to mask
    if _masked(acc) == _masked(rej) and any(not _token(v) for v in acc.values()) and switches(acc) == switches(rej):
        out.update(how="the reject path stored what the accept path stored", basis="same_record", reject_honoured=False)
    elif on_acc and all(on_rej.get(k) is True for k in on_acc):
        out.update(how="every purpose the accept path switched on is on after the reject path", basis="all_on",
                   reject_on=sorted(on_acc), reject_honoured=False)
    elif _lists_kept(acc, rej):
        out.update(how="every purpose the accept path listed is listed after the reject path", basis="all_listed",
                   reject_listed=sorted(set().union(*listed(acc).values())), reject_honoured=False)
    elif _masked(acc).items() <= _masked(rej).items() and any(not _token(v) for v in acc.values()) \
            and switches(acc).items() <= switches(rej).items():     # unchanged: its switches too
        out.update(how="the reject path stored the accept path's record unchanged, and other records beside it",
                   reject_others=sorted(set(rej) - set(acc)), reject_honoured=None)
    elif _still_consenting(acc, rej, optional, locked):
        out.update(how=f"the reject path stored fewer of the accept path's purposes off than the {optional} it "
                       f"switched off ({locked} locked): optional purposes still consented",
                   basis="fewer_off", optional=optional, locked=locked, reject_honoured=False)
    else:
        out.update(how="the reject path stored other choices than the accept path", reject_honoured=True)
    return out


def _lists_kept(acc: Mapping[str, str], rej: Mapping[str, str]) -> bool:
    """Whether records that hold their choice as lists of names (vanilla-cookieconsent's `{"categories": [...],
    "consentId": <uuid>, "revision": 0, …}`), their switches alike, list after the refusal every name the accept
    listed — the same consent under a new id and time, which differ per answer and are no choice."""
    if switches(acc) != switches(rej):
        return False
    names_acc, names_rej = listed(acc), listed(rej)
    return any(names_acc.values()) and all(names <= names_rej.get(path, frozenset())
                                           for path, names in names_acc.items())


def _still_consenting(acc: Mapping[str, str], rej: Mapping[str, str], optional: int, locked: int) -> bool:
    """Whether a reject record that differs from the accept's still consents to optional purposes: of the
    purposes the accept record holds on (switches on, names listed), the refusal turned off fewer than the
    `optional` ones the user had switched off when answering, and it holds more on than the `locked` ones (a
    settings layer's save that ignores the unticks: the pre-ticked purposes stay on, only one off by default is
    off). A box the path left ticked is the path's, not the app's: not counted.
    Counted by the records' own switches and lists, whatever their names."""
    if optional <= 0:
        return False
    on_acc, on_rej = switches(acc), switches(rej)
    names_acc, names_rej = listed(acc), listed(rej)
    turned_off = sum(1 for k, v in on_acc.items() if v and on_rej.get(k) is not True) + sum(
        len(names - names_rej.get(k, frozenset())) for k, names in names_acc.items())
    still_on = sum(on_rej.values()) + sum(len(names) for names in names_rej.values())
    return turned_off < optional and still_on > locked


def after_relaunch(platform: Any, recorder: Any) -> dict[str, Any] | None:
    """What the app kept, read after a relaunch (not a user's action: no step is recorded); None where the
    platform cannot read storage (then nothing is relaunched).

    The relaunch's traffic is a phase of its own and is not waited for here (reading storage sends nothing):
    the flow waits for quiet (Recorder.settle_traffic, the figures' settle) before whatever could cut it short
    (a reset, another relaunch). That quiet is counted from the relaunch's own requests
    (TrafficLog.last_activity), so it is as long as a wait here would be, with the storage read inside it."""
    if platform.stored_state() is None:
        return None
    recorder.relaunched()
    platform.relaunch()
    recorder.invalidate()
    return platform.stored_state()

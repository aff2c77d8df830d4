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
  consent record decides, and it does not differ — open (None), never a "honoured";
- a refusal that differs yet keeps on a purpose the accept switched on, beyond the locked ones the path showed:
  an optional one (by its name) is consent stored for a refusal; one told neither mandatory nor optional leaves
  the question open (None), never a "honoured" (kept_purposes.py).
"""
from __future__ import annotations

from typing import Any, Mapping

from .findings.base import part_text
from .kept_purposes import still_consents
from .stored_records import _masked, _token, changed, listed, switches
from .stored_records import consent_worded, stored_now  # noqa: F401  (read from here by callers before the split)


def tcf_consents(state: Mapping[str, Any] | None) -> list[str] | None:
    """Purposes the CMP's TCF answer gives consent to (None: no TCF answer)."""
    tcf = (state or {}).get("tcf")
    if not isinstance(tcf, dict):
        return None
    return sorted(str(p) for p, on in (tcf.get("purposes") or {}).items() if on)


def judge(unanswered: Mapping[str, Any] | None, accepted: Mapping[str, Any] | None,
          rejected: Mapping[str, Any] | None, optional: int = 0, locked: int = 0) -> dict[str, Any]:
    """{'reject_honoured': True | False | None, 'accept_stored': …, 'how': …, 'reject_stored': …}; when the refusal
    still consents, `basis` names how it was told (tcf, same_record, all_on, all_listed, fewer_off, kept_on: the messages'
    reasons in assets/findings.yaml) and `how` says it in English for the evidence (the same reason's text).
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
        out.update(how=_told("tcf"), basis="tcf", reject_consents=tcf_rej,
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
        out.update(how=_told("same_record"), basis="same_record", reject_honoured=False)
    elif on_acc and all(on_rej.get(k) is True for k in on_acc):
        out.update(how=_told("all_on"), basis="all_on",
                   reject_on=sorted(on_acc), reject_honoured=False)
    elif _lists_kept(acc, rej):
        out.update(how=_told("all_listed"), basis="all_listed",
                   reject_listed=sorted(set().union(*listed(acc).values())), reject_honoured=False)
    elif _masked(acc).items() <= _masked(rej).items() and any(not _token(v) for v in acc.values()) \
            and switches(acc).items() <= switches(rej).items():     # unchanged: its switches too
        out.update(how="the reject path stored the accept path's record unchanged, and other records beside it",
                   reject_others=sorted(set(rej) - set(acc)), reject_honoured=None)
    elif _still_consenting(acc, rej, optional, locked):
        out.update(how=_told("fewer_off", optional=optional, locked=locked), basis="fewer_off", optional=optional, locked=locked, reject_honoured=False)
    else:
        consents, kept = still_consents(acc, rej, locked)
        if consents is None:
            out.update(how="the reject path kept on purposes the accept switched on, none told mandatory or optional",
                       reject_kept=kept, reject_honoured=None)
        elif consents:
            out.update(how=_told("kept_on"), basis="kept_on", reject_on=kept,
                       reject_honoured=False)
        else:
            out.update(how="the reject path stored other choices than the accept path", reject_honoured=True)
    return out


def _told(basis: str, **values: Any) -> str:
    """The English evidence line of a refusal that still consents, told by `basis`: the reason's own sentence in
    assets/findings.yaml (`part_text`), so the evidence and the finding's message say it alike."""
    return str(part_text(basis)).format(**values)


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

"""The traffic figures of one flow, from its TrafficLog (None: not captured, so every figure is None,
"unmeasured", never "nothing sent").

Figures (lists of evidence rows {phase, host, path, tracker, company, planted}, see dataflows.evidence_rows):
- sent_before_consent: requests in phases before any consent choice ("unanswered") to a host the tracker
  database knows, or carrying planted data to a third party (MIIT 2019 3.1; GDPR 6/7, ePrivacy 5(3)).
- sent_after_reject: the same in phases after a reject (MIIT 2019 3.2; GDPR 7(3)).
- tc_strings_after_reject: TC strings sent after a reject that grant a purpose: [{phase, host, where, cmp_id,
  purposes, vendors}] (purposes / vendors: sorted ids granted by consent).
- sent_while_denied: requests carrying the data a denied permission gives (assets/traffic.yaml
  permission_gives): [{permission, phase, host, path, planted}].
- data_flows: the summary table (dataflows.data_flows); traffic_requests: requests captured; traffic_har: the
  HAR's path relative to the test folder.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, Iterable, Mapping, Sequence

from .dataflows import data_flows, evidence_rows, flow_rows, settings, tc_strings
from .honey import Planted
from .log import HAR_FILE, TrafficLog

log = logging.getLogger(__name__)

FIGURES = ("sent_before_consent", "sent_after_reject", "tc_strings_after_reject",
           "sent_while_denied", "data_flows", "traffic_requests")
QUIET_S = 0.3            # no new request for this long: the app has sent what the flow made it send
STEP_QUIET_S = 0.15      # the same after a launch or a user's choice, before the flow goes on
STEP_SETTLE_TIMEOUT_S = 1.5   # a request that stays open (long poll, stream) must not hold every step
SETTLE_TIMEOUT_S = 5.0
OPEN_POLL_S = 0.03       # how often a capture with requests still open is read again
_PAUSE = threading.Event()   # never set: an interruptible pause between two reads of the capture


def settle(traffic: TrafficLog, quiet: float = QUIET_S, timeout: float = SETTLE_TIMEOUT_S) -> None:
    """Collect until no request is open and none started or ended for `quiet` s (at most `timeout` s; then
    logged). The quiet is counted from the last network activity the log knows of (TrafficLog.last_activity:
    a step's or phase's start, a request's end), not from the call: after a step that sent nothing, or whose
    requests ended long enough ago, one read of the capture suffices. While nothing is open the next read is
    when the quiet would be complete (each read is a round trip to the driver); while a request is open, every
    OPEN_POLL_S. A read that answered less than OPEN_POLL_S ago (the one that ended a step, just before a
    phase opens) counts as the first: a settle is never surer than its poll interval, and every later read
    is its own. When what the log knows already puts the end of the quiet ahead (a relaunch's requests just
    ended), the first read waits for it: reading sooner could only move that end further away. Bodies the
    source asks for separately (DevTools) are asked for inside the wait, and always before it returns."""
    deadline = time.monotonic() + timeout
    just_read = time.monotonic() - traffic.read_at < OPEN_POLL_S
    ahead = quiet - (time.time() - traffic.last_activity())
    if not just_read and ahead > 0:
        _PAUSE.wait(min(ahead, timeout))
    while True:
        if not just_read:
            traffic.collect(bodies=False)
        just_read = False
        still_open = int(getattr(traffic.source, "pending", lambda: 0)())
        left = quiet - (time.time() - traffic.last_activity())
        if not still_open and left <= 0:
            traffic.read_bodies()
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            log.info("the app's network traffic did not go quiet within %gs (%d requests open); going on",
                     timeout, still_open)
            traffic.read_bodies()
            return
        traffic.read_bodies()           # inside the window: the quiet is counted from the last activity
        left = quiet - (time.time() - traffic.last_activity())
        remaining = deadline - time.monotonic()
        pause = min(OPEN_POLL_S if still_open else left, remaining)
        if pause > 0:
            _PAUSE.wait(pause)


def _tracking(rows: Iterable[Mapping[str, Any]], consent: str) -> list[dict[str, Any]]:
    return evidence_rows(r for r in rows if r["consent"] == consent and r["third_party"]
                         and (r["tracker"] or r["planted"]))


def _tcf_granted(entries: Sequence[Mapping[str, Any]], phases: Mapping[str, Any]) -> list[dict[str, Any]]:
    from .tcf import decode
    out: list[dict[str, Any]] = []
    for entry in entries:
        phase = phases.get(entry.get("_phase", ""))
        if getattr(phase, "consent", "") != "rejected" or entry.get("_blocked"):
            continue
        for where, value in tc_strings(entry):
            try:
                tc = decode(value)
            except ValueError as exc:
                log.info("not a TC string in %s: %s", where, exc)
                continue
            if tc.purposes_consent or tc.vendors_consent:
                out.append({"phase": phase.name, "host": entry.get("_host", ""), "where": where,
                            "cmp_id": tc.cmp_id, "purposes": sorted(tc.purposes_consent),
                            "vendors": sorted(tc.vendors_consent)})
    unique = {(d["phase"], d["host"], d["where"], tuple(d["purposes"]), tuple(d["vendors"])): d for d in out}
    return list(unique.values())


def _after_denied(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    gives = settings()["permission_gives"]
    out: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for row in rows:
        for permission in row["denied"]:
            kinds = set(gives.get(permission, []))
            names = [n for n in row["planted"] if kinds & set(_kinds_of(row, n))]
            if names:
                key = (permission, row["phase"], row["host"], row["path"])
                item = out.setdefault(key, {"permission": permission, "phase": row["phase"], "host": row["host"],
                                            "path": row["path"], "planted": []})
                item["planted"] = sorted(set(item["planted"]) | set(names))
    return list(out.values())


def _kinds_of(row: Mapping[str, Any], name: str) -> list[str]:
    return row.get("kind_of", {}).get(name, row["kinds"])


def traffic_metrics(traffic: TrafficLog | None, planted: Sequence[Planted]) -> dict[str, Any]:
    """Every figure above (None each when `traffic` is None)."""
    if traffic is None:
        return {name: None for name in FIGURES}
    settle(traffic, quiet=QUIET_S)       # every request open (CDP) or not recorded yet (proxy) is waited for
    entries = traffic.stored()
    phases = {p.id: p for p in traffic.phases}
    rows = flow_rows(entries, planted, traffic.first_party, phases)
    kinds = {p.name: p.kind for p in planted}
    for row in rows:
        row["kind_of"] = {n: [kinds[n]] for n in row["planted"] if n in kinds}
    return {"sent_before_consent": _tracking(rows, "unanswered"),
            "sent_after_reject": _tracking(rows, "rejected"),
            "tc_strings_after_reject": _tcf_granted(entries, phases),
            "sent_while_denied": _after_denied(rows),
            "data_flows": data_flows(rows), "traffic_requests": len(entries), "traffic_har": HAR_FILE}


def flow_figures(recorder: Any, planted: Sequence[Planted], names: Sequence[str]) -> dict[str, Any]:
    """The named figures for a flow, plus data_flows, traffic_requests and traffic_har (None each when the
    recorder captures no traffic)."""
    figures = traffic_metrics(getattr(recorder, "traffic", None), planted)
    keep = list(names) + ["data_flows", "traffic_requests", "traffic_har"]
    return {name: figures.get(name) for name in keep}


__all__ = ["traffic_metrics", "flow_figures", "settle", "FIGURES", "STEP_QUIET_S", "STEP_SETTLE_TIMEOUT_S"]

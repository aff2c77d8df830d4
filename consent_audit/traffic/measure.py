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
from typing import Any, Callable, Iterable, Mapping, Sequence

from .dataflows import data_flows, evidence_rows, flow_rows, settings, tc_strings
from .honey import Planted
from .log import HAR_FILE, TrafficLog

log = logging.getLogger(__name__)

FIGURES = ("sent_before_consent", "sent_after_reject", "tc_strings_after_reject",
           "sent_while_denied", "data_flows", "traffic_requests")
QUIET_S = 0.3            # no new request for this long: the app has sent what the flow made it send
STEP_QUIET_S = 0.15      # the same after a launch or a user's choice, before the flow goes on
SCHEDULED_QUIET_S = 0.05  # the same once the app has no timer pending (it says so: Platform.scheduled): what
                          # is left is the time from one request to the next its answer sets off (a few ms)
CHAIN_S = 1.0            # work the app keeps saying is pending (one piece setting off the next) is waited for this
                         # long from its first answer; past it, a loop: the whole window instead
STEP_SETTLE_TIMEOUT_S = 1.5   # a request that stays open (long poll, stream) must not hold every step
SETTLE_TIMEOUT_S = 5.0
OPEN_POLL_S = 0.03       # how often a capture with requests still open is read again
_PAUSE = threading.Event()   # never set: an interruptible pause between two reads of the capture


def settle(traffic: TrafficLog, quiet: float = QUIET_S, timeout: float = SETTLE_TIMEOUT_S) -> None:
    """Collect until no request is open and none started or ended for `quiet` s (at most `timeout` s; then
    logged) — or, where the app can say what it has scheduled (TrafficLog.scheduled, Platform.scheduled: the
    web page's timers of at most 2 s, idle callbacks, frames, database requests, network calls whose answer
    it has not yet handled), for SCHEDULED_QUIET_S once the work it says is pending has run: what it sends a
    moment later (a tracker's delayed beacon) is set off by such work, so the quiet is waited for after it
    instead of as a fixed window that later work outlasts. The app is asked before the read that ends the wait
    (a request set off before the answer is in that read), and again while it says work is pending (a chain:
    a response's handler asking for idle time, which asks for more); one still saying so CHAIN_S s after its
    first such answer (a polling loop) gets the whole `quiet` window from there, as does an app that cannot say
    (None: Android, frames, the page gone).

    The quiet is counted from the last network activity the log knows of (TrafficLog.last_activity: a step's
    or phase's start, a request's end), not from the call: after a step that sent nothing, or whose requests
    ended long enough ago, one read of the capture suffices. While nothing is open the next read is when the
    quiet would be complete (each read is a round trip to the driver); while a request is open, every
    OPEN_POLL_S. A read that answered less than OPEN_POLL_S ago (the one that ended a step, just before a
    phase opens) counts as the first: a settle is never surer than its poll interval, and every later read
    is its own. When what the log knows already puts the end of the quiet ahead (a relaunch's requests just
    ended), the first read waits for it: reading sooner could only move that end further away. Bodies the
    source asks for separately (DevTools) are asked for inside the wait, and always before it returns."""
    deadline = time.monotonic() + timeout
    ask: Callable[[float], float | None] | None = traffic.scheduled if quiet > SCHEDULED_QUIET_S else None
    timers_due: float | None = None    # wall time when the work the app last said it had pending is due
    chained: float | None = None       # wall time of its first answer with work pending
    idle = False                       # its last answer: no timer pending

    def mark() -> float:               # the last activity; a timer waited for counts as one (it may send)
        return max(traffic.last_activity(), timers_due or 0.0)

    just_read = time.monotonic() - traffic.read_at < OPEN_POLL_S
    ahead = (SCHEDULED_QUIET_S if ask else quiet) - (time.time() - mark())
    if not just_read and ahead > 0:
        _PAUSE.wait(min(ahead, timeout))
    still_open = 0
    while True:
        asked = ask is not None and not still_open and time.time() - mark() >= SCHEDULED_QUIET_S
        idle = idle and asked          # only an answer given just before this read can end the wait early
        if asked:
            due = ask(SCHEDULED_QUIET_S)    # a timer that just ran counts as pending: it may have sent
            if due is None or (due > 0 and chained is not None and time.time() - chained > CHAIN_S):
                ask, idle = None, False        # it cannot say, or keeps scheduling (a loop): the whole window
            elif due > 0:
                chained = chained or time.time()
                timers_due, idle = time.time() + due, False
            else:
                idle = True
        if not just_read or asked:     # an answer is always followed by a read
            traffic.collect(bodies=False)
        just_read = False
        still_open = int(getattr(traffic.source, "pending", lambda: 0)())
        if not still_open and time.time() - mark() >= (SCHEDULED_QUIET_S if idle else quiet):
            traffic.read_bodies()
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            log.info("the app's network traffic did not go quiet within %gs (%d requests open); going on",
                     timeout, still_open)
            traffic.read_bodies()
            return
        traffic.read_bodies()           # inside the window: the quiet is counted from the last activity
        need = SCHEDULED_QUIET_S if ask is not None else quiet
        pause = OPEN_POLL_S if still_open else need - (time.time() - mark())
        pause = min(pause, deadline - time.monotonic())
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

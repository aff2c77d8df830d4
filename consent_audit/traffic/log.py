"""One test's traffic: the entries a capture source delivered, each attributed to the recorder's step and to
the phase during which it started, and the HAR 1.2 file written from them.

Phases (consent_audit.traffic.log.Phase): a launch opens "launch" (nothing answered yet); a relaunch opens a
new phase that keeps the choices in force; a flow opens the others where its user made a choice ("after
accept", "after reject", "after denying geolocation", "after account deletion"), from the step that made it.
A phase's `consent` is "unanswered" | "accepted" | "rejected" | "unknown"; `denied` the runtime permissions
denied while it lasted.

A capture source has `drain() -> list[entry]` (finished requests since the last call) and `flush() ->
list[entry]` (the rest, at the end), entries being HAR 1.2 dicts with `_wallTime` (s since the epoch) and raw
bodies (see consent_audit.traffic.cdp). Attribution is by time: an entry belongs to the last step and the last
phase that had started when its request was sent.
"""
from __future__ import annotations

import bisect
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol
from urllib.parse import urlsplit

from ..masking import Masker
from .dataflows import platform_host
from .har import har_document, stored_entry, write_har

log = logging.getLogger(__name__)

HAR_FILE = "traffic.har"
BODIES_DIR = "traffic-bodies"
CONSENT_STATES = ("unanswered", "accepted", "rejected", "unknown")
LABELS = ("_phase", "_phaseName", "_step", "pageref", "_host", "_firstParty", "_platform")
"""What TrafficLog._label writes on a captured entry (the rest of it never changes once captured)."""


class Source(Protocol):
    def drain(self) -> list[dict[str, Any]]: ...
    def flush(self) -> list[dict[str, Any]]: ...


@dataclass
class Phase:
    """A stretch of one test between two user decisions (or launches). `since` wall time (s), `step` the index
    of the step that opened it (0: before any step)."""

    index: int
    name: str
    since: float
    step: int
    consent: str = "unknown"
    denied: tuple[str, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"phase-{self.index}"

    def to_page(self) -> dict[str, Any]:
        """The phase as a HAR 1.2 page (`pages[]`)."""
        from datetime import datetime, timezone
        return {"id": self.id, "title": self.name,
                "startedDateTime": datetime.fromtimestamp(self.since, timezone.utc).isoformat(timespec="milliseconds"),
                "pageTimings": {}, "_consent": self.consent, "_denied": list(self.denied), "_step": self.step}


class TrafficLog:
    """The captured requests of one test, with their steps and phases (see the module doc)."""

    def __init__(self, source: Source, masker: Masker, out_dir: Path, first_party: str,
                 source_name: str = "cdp", platform: str = "") -> None:
        self.source = source
        self.masker = masker
        self.out_dir = out_dir
        self.first_party = (urlsplit(first_party).hostname or first_party).lower()
        self.source_name = source_name
        self.platform = platform                         # its own service hosts are marked `_platform`
        self.phases: list[Phase] = [Phase(0, "before launch", 0.0, 0)]
        self.entries: list[dict[str, Any]] = []          # raw, attributed, in start order
        self._steps: list[tuple[float, int]] = []        # (start wall time, step index)
        self.seconds = 0.0                               # time spent capturing (the cost of the capture)
        self._last_end = 0.0                             # the latest end (wall time) of a request seen
        self.read_at = float("-inf")                     # time.monotonic() when the last drain that answered was asked
        self._read_wall = float("-inf")                  # the same, wall time (s since the epoch)
        self._stored: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}   # id(raw) -> (its labels, stored)
        self.scheduled: Callable[[float], float | None] | None = None
        """The app's pending short timers (Platform.scheduled(recent): seconds until the last is due, 0.0 none,
        None cannot tell), which a settle waits for instead of a whole quiet window (traffic.measure.settle)."""

    # --- phases and steps ---
    @property
    def current(self) -> Phase:
        return max(self.phases, key=lambda p: (p.since, p.index))

    def phase(self, name: str, since: float | None = None, step: int | None = None, consent: str | None = None,
              denied: list[str] | tuple[str, ...] | None = None, **notes: Any) -> Phase:
        """Open a phase from `since` (wall time; default now) and `step` (default the last step begun); what is
        not given is carried over from the phase in force."""
        if consent is not None and consent not in CONSENT_STATES:
            raise ValueError(f"unknown consent state {consent!r}; one of {', '.join(CONSENT_STATES)}")
        prev = self.current
        opened = Phase(len(self.phases), name, time.time() if since is None else since,
                       self._steps[-1][1] if step is None and self._steps else (step or 0),
                       consent if consent is not None else prev.consent,
                       tuple(sorted(denied)) if denied is not None else prev.denied, notes)
        self.phases.append(opened)
        self.phases.sort(key=lambda p: (p.since, p.index))
        self._label(self.entries)       # a phase opened from a past step takes that step's requests
        return opened

    def step_started(self, index: int, wall: float) -> None:
        self._steps.append((wall, index))

    def step_started_at(self, index: int) -> float | None:
        return next((w for w, i in self._steps if i == index), None)

    def last_activity(self) -> float:
        """Wall time (s since the epoch) of the latest thing known to have set the network going: the start of
        the last step or phase, or the end of the last request seen (its start plus its HAR `time`); 0.0 when
        nothing happened yet."""
        marks = [w for w, _ in self._steps[-1:]] + [self.current.since]
        return max(marks + [self._last_end])

    # --- collecting ---
    def collect(self, bodies: bool = True) -> list[dict[str, Any]]:
        """Drain the source; the new entries, attributed. `read_at` says when the drain was asked. With `bodies`
        False, bodies a source must ask for separately (consent_audit.traffic.cdp) wait for `read_bodies()`."""
        began, asked, wall = time.perf_counter(), time.monotonic(), time.time()
        try:
            new = self.source.drain() if bodies or not self._deferring else self.source.drain(bodies=False)
            self.read_at, self._read_wall = asked, wall      # it holds at least everything sent before it was asked
        except Exception as exc:       # a capture failure must never end the audit; it is logged and counted
            log.warning("traffic capture failed: %s", str(exc).splitlines()[0] if str(exc) else exc)
            new = []
        self._attribute(new)
        self.seconds += time.perf_counter() - began
        return new

    def before_navigation(self) -> None:
        """A launch or relaunch is about to replace the page, and the browser forgets the bodies of its requests
        with it: unless the log was read since the last step began (a settle), it is read now, bodies and all.
        Nothing before the first step."""
        if self._steps and self._read_wall < self._steps[-1][0]:
            self.collect()

    @property
    def _deferring(self) -> bool:
        return callable(getattr(self.source, "read_bodies", None))

    def read_bodies(self) -> None:
        """The bodies left by `collect(bodies=False)`, asked for now (entries completed in place)."""
        if not self._deferring:
            return
        began = time.perf_counter()
        try:
            self.source.read_bodies()
        except Exception as exc:
            log.warning("traffic capture failed reading bodies: %s", str(exc).splitlines()[0] if str(exc) else exc)
        self.seconds += time.perf_counter() - began

    def finish(self) -> list[dict[str, Any]]:
        """The last drain and the requests still open (at the end of the test)."""
        new = self.collect()
        try:
            rest = self.source.flush()
        except Exception as exc:
            log.warning("traffic capture failed at its end: %s", exc)
            rest = []
        self._attribute(rest)
        return new + rest

    def _attribute(self, new: list[dict[str, Any]]) -> None:
        self._label(new)
        for entry in new:
            end = float(entry.get("_wallTime") or 0.0) + float(entry.get("time") or 0.0) / 1000.0
            self._last_end = max(self._last_end, end)
        self.entries.extend(new)
        self.entries.sort(key=lambda e: float(e.get("_wallTime") or 0.0))

    def _label(self, entries: list[dict[str, Any]]) -> None:
        starts = [p.since for p in self.phases]
        step_walls = [w for w, _ in self._steps]
        for entry in entries:
            wall = float(entry.get("_wallTime") or time.time())
            phase = self.phases[max(0, bisect.bisect_right(starts, wall) - 1)]
            at = bisect.bisect_right(step_walls, wall) - 1
            entry["_phase"], entry["_phaseName"] = phase.id, phase.name
            entry["_step"] = self._steps[at][1] if at >= 0 else 0
            entry["pageref"] = phase.id
            host = (urlsplit(entry["request"]["url"]).hostname or "").lower()
            entry["_host"] = host
            entry["_firstParty"] = host == self.first_party
            if self.platform and platform_host(host, self.platform):
                entry["_platform"] = True

    def in_phase(self, phase: Phase) -> list[dict[str, Any]]:
        return [e for e in self.entries if e.get("_phase") == phase.id]

    def of_step(self, index: int) -> list[dict[str, Any]]:
        return [e for e in self.entries if e.get("_step") == index]

    # --- output ---
    def stored(self) -> list[dict[str, Any]]:
        """Every entry as written to the HAR: bounded, hashed, masked. An entry is bounded and masked once, and
        again only when a phase opened since relabelled it, a body came in or the masker learnt a secret (the
        figures and the HAR use the same entries)."""
        bodies = self.out_dir / BODIES_DIR
        secrets = len(self.masker.secrets)          # secrets are only ever added
        out: list[dict[str, Any]] = []
        for entry in self.entries:
            labels = (secrets, entry.get("_requestBody") is None, entry.get("_responseBody") is None,
                      *(entry.get(k) for k in LABELS))
            known = self._stored.get(id(entry))
            if known is None or known[0] != labels:
                known = (labels, stored_entry(entry, self.masker, bodies))
                self._stored[id(entry)] = known
            out.append(known[1])
        return out

    def write(self, version: str = "") -> Path:
        """`traffic.har` in the test folder (HAR 1.2; phases as pages)."""
        document = har_document(self.stored(), f"consent-audit ({self.source_name})", version,
                                [p.to_page() for p in self.phases])
        return write_har(self.out_dir / HAR_FILE, document, self.masker)


def summary_line(entry: dict[str, Any]) -> str:
    """One line per request for a step's Allure attachment: method, status, URL (cut), body size."""
    req, res = entry["request"], entry["response"]
    status = entry.get("_error") or res.get("status") or "…"
    party = "1st" if entry.get("_firstParty") else "3rd"
    return f"[{party}] {req['method']} {status} {req['url'][:160]} ({req.get('bodySize', 0)} B sent)"


__all__ = ["TrafficLog", "Phase", "Source", "HAR_FILE", "BODIES_DIR", "summary_line", "CONSENT_STATES"]

"""The run model: steps and trails the recorder saw, findings, one result per audit and its outcome, the run
record. Pure data: no Allure, OpenCV or Selenium here, so every output (summary.json, Allure, the report, the
evidence bundle, the terminal table, the CLI verdict) is a writer over the same record.

An audit's outcome is set only through explicit calls (`conclude`, `broken`, `not_found`, `interrupted`); a
result nobody concluded is broken. Nothing is inferred from the type of an exception."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .screen import Screen


class Kind(str, Enum):
    """What a recorded step was."""

    TAP = "tap"
    TEXT = "text"
    TOGGLE = "toggle"
    SCROLL = "scroll"
    BACK = "back"
    LAUNCH = "launch"
    RELAUNCH = "relaunch"
    PERMISSION = "permission"


USER_ACTIONS = (Kind.TAP, Kind.TEXT, Kind.TOGGLE)
"""The kinds that count as a user's action ('steps'): scrolls, backs and launches are counted apart."""


@dataclass
class Step:
    """One action and the screen after it."""

    index: int
    kind: Kind
    title: str
    target: dict[str, Any]
    at: str                        # UTC ISO time the action started
    seconds: float
    screen: Screen
    files: dict[str, str] = field(default_factory=dict)   # relative paths of screenshot / source
    # the screen looked at again after this step, before the next action (the last such capture: a confirm
    # counting down, waited for until enabled — what the user acted on); None when nothing was looked at again
    looked: Screen | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"index": self.index, "kind": self.kind.value, "title": self.title, "target": self.target,
                "at": self.at, "seconds": round(self.seconds, 3), "screen": self.screen.signature,
                "in_app": self.screen.in_app, "location": self.screen.location, "files": self.files}
        if self.screen.tab:
            data["tab"] = self.screen.tab
        return data


@dataclass
class Trail:
    """The ordered steps of one journey, with the screen it started on."""

    name: str
    start: Screen | None = None
    steps: list[Step] = field(default_factory=list)
    start_files: dict[str, str] = field(default_factory=dict)

    def count(self, kind: Kind) -> int:
        return sum(1 for s in self.steps if s.kind == kind)

    @property
    def counts(self) -> dict[str, int]:
        """steps (taps + text inputs + toggles), taps, text_inputs, toggles, scrolls, backs."""
        taps, texts, toggles = self.count(Kind.TAP), self.count(Kind.TEXT), self.count(Kind.TOGGLE)
        return {"steps": taps + texts + toggles, "taps": taps, "text_inputs": texts, "toggles": toggles,
                "scrolls": self.count(Kind.SCROLL), "backs": self.count(Kind.BACK)}

    @property
    def screens(self) -> list[Screen]:
        return ([self.start] if self.start else []) + [s.screen for s in self.steps]

    @property
    def distinct_screens(self) -> int:
        return len({s.signature for s in self.screens})

    @property
    def last_screen(self) -> Screen | None:
        return self.steps[-1].screen if self.steps else self.start

    def evidence(self) -> list[str]:
        """Screenshot files of the start screen and of every step, in order (relative to the test folder)."""
        files = [self.start_files.get("screenshot")] + [s.files.get("screenshot") for s in self.steps]
        return [f for f in files if f]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start.signature if self.start else None,
                "start_files": self.start_files, "counts": self.counts,
                "distinct_screens": self.distinct_screens, "steps": [s.to_dict() for s in self.steps]}


class Outcome(str, Enum):
    """How one audit ended. Exit status and Allure status follow from it (see `EXIT` and `ALLURE_STATUS`)."""

    CLEAN = "clean"              # the flow ran to its end and no rule found a dark pattern
    FOUND = "found"              # at least one finding
    BROKEN = "broken"            # automation: time-out, session error, a journey that could not do its job
    NOT_FOUND = "not_found"      # a goal the explorer did not reach within its budget
    INTERRUPTED = "interrupted"  # Ctrl-C, SIGTERM, the server or browser going away under the run


ALLURE_STATUS = {Outcome.CLEAN: "passed", Outcome.FOUND: "failed", Outcome.BROKEN: "broken",
                 Outcome.NOT_FOUND: "skipped", Outcome.INTERRUPTED: "broken"}
"""The Allure status of each outcome; with the category (consent_audit.report.CATEGORIES, which tells broken
from interrupted by the message's first word) each outcome has exactly one place in the report."""

EXIT_CLEAN, EXIT_FOUND, EXIT_INCOMPLETE = 0, 1, 2


@dataclass
class Finding:
    """A dark pattern a rule found: its pattern id, the rule items it falls under, the screenshots that show it,
    the figures the rule used and its message in each language (rendered from those figures)."""

    pattern: str
    rule_refs: list[str]
    evidence: list[str]
    figures: dict[str, Any] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)   # language code → text

    @property
    def message(self) -> str:
        return self.messages.get("en", next(iter(self.messages.values()), ""))

    def to_dict(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "rule_refs": self.rule_refs, "evidence": self.evidence,
                "figures": self.figures, "message": self.message, "messages": self.messages}


class OutcomeAlreadySet(RuntimeError):
    """A result's outcome is set once; a second, different verdict is a bug in the flow."""


@dataclass
class Result:
    """What one flow measured on one target, and how it ended."""

    target: str
    flow: str
    folder: str                                   # the test's folder, relative to the run folder
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    expected_findings: list[str] | None = None    # a reference target's ground truth
    explored: bool = False
    _outcome: Outcome | None = None
    reason: str = ""
    error_trace: str = ""        # a flow stopped before its verdict: where (its Python traceback; masked when written)

    # --- the only ways an outcome is set ---
    def conclude(self, findings: list[Finding]) -> Outcome:
        """The flow ran to its end: `found` with these findings, or `clean` when there are none."""
        self.findings = list(findings)
        return self._set(Outcome.FOUND if self.findings else Outcome.CLEAN, "")

    def broken(self, reason: str) -> Outcome:
        """The automation could not do its job; nothing can be concluded from this audit."""
        return self._set(Outcome.BROKEN, reason)

    def not_found(self, reason: str) -> Outcome:
        """The explorer did not reach the goal this flow needs."""
        return self._set(Outcome.NOT_FOUND, reason)

    def interrupted(self, reason: str) -> Outcome:
        """The run was stopped while this audit ran (or before it could run)."""
        return self._set(Outcome.INTERRUPTED, reason)

    def _set(self, outcome: Outcome, reason: str) -> Outcome:
        if self._outcome is not None and self._outcome != outcome:
            raise OutcomeAlreadySet(f"{self.target}/{self.flow} is already {self._outcome.value}, not {outcome.value}")
        self._outcome, self.reason = outcome, reason or self.reason
        return outcome

    @property
    def outcome(self) -> Outcome | None:
        """None until one of the explicit calls above set it."""
        return self._outcome

    @property
    def final_outcome(self) -> Outcome:
        """The outcome for the record: an audit nobody concluded proves nothing, so it is broken."""
        return self._outcome or Outcome.BROKEN

    @property
    def as_expected(self) -> bool | None:
        """For a reference target: whether it ended clean/found with exactly the expected patterns; None when it
        cannot tell — no ground truth, or a pattern the target is built to show was left out of this run
        (metrics['not_checked']): a self-check that did not look is no match."""
        if self.expected_findings is None:
            return None
        left_out = self.metrics.get("not_checked") or {}
        if any(p in left_out for p in self.expected_findings):
            return None
        found = sorted({f.pattern for f in self.findings})
        return self.final_outcome in (Outcome.CLEAN, Outcome.FOUND) and found == self.expected_findings

    def to_dict(self) -> dict[str, Any]:
        outcome = self.final_outcome
        data: dict[str, Any] = {"target": self.target, "flow": self.flow, "outcome": outcome.value,
                                "status": ALLURE_STATUS[outcome], "metrics": self.metrics,
                                "findings": [f.to_dict() for f in self.findings], "folder": self.folder}
        reason = self.reason or ("" if self._outcome else "the flow stopped before it reached a verdict")
        if reason:
            data["message"] = reason
        if self.error_trace:
            data["traceback"] = self.error_trace
        if self.expected_findings is not None:
            data["expected_findings"] = self.expected_findings
            data["as_expected"] = self.as_expected
        if self.explored:
            data["explored"] = True
        return data


@dataclass
class RunRecord:
    """Everything one run leaves behind, built once at the end of the session and handed to each writer."""

    run_id: str
    started: str
    finished: str
    device_profile: str
    meta: dict[str, Any]
    results: list[Result]
    interrupted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"run_id": self.run_id, "started": self.started, "finished": self.finished,
                "device_profile": self.device_profile, **self.meta,
                "outcome": run_outcome(self.results, self.interrupted).value,
                "results": [r.to_dict() for r in self.results]}
        if self.interrupted:
            data["interrupted"] = self.interrupted
        return data


def run_outcome(results: list[Result], interrupted: str | None = None) -> Outcome:
    """The run's outcome: interrupted, else broken or not_found if any audit was, else found if any, else
    clean. A run with no result at all is broken (it cannot claim completeness)."""
    if interrupted:
        return Outcome.INTERRUPTED
    outcomes = [r.final_outcome for r in results]
    for worst in (Outcome.INTERRUPTED, Outcome.BROKEN, Outcome.NOT_FOUND, Outcome.FOUND):
        if worst in outcomes:
            return worst
    return Outcome.CLEAN if outcomes else Outcome.BROKEN


def exit_status(outcome: Outcome) -> int:
    """0 all clean; 1 found and nothing broken; 2 anything broken, not found or interrupted."""
    return {Outcome.CLEAN: EXIT_CLEAN, Outcome.FOUND: EXIT_FOUND}.get(outcome, EXIT_INCOMPLETE)

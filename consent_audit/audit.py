"""The pytest side of an audit's outcome.

Each flow test gets a `Result` the moment its setup starts (so an audit that cannot even start is recorded,
as broken, instead of missing from the run), and an `Audit` handle as the `audit` fixture. The outcome is set
only by explicit calls: `audit.conclude(evaluation)` (clean or found), `audit.broken(reason)`,
`audit.not_found(reason)`, and here, for a flow that stopped before its verdict, `Result.broken(...)` or
`Result.interrupted(...)`. The outcome then decides what pytest and Allure see: found → DarkPatternFound
(failed), broken → AutomationError (broken), not_found → skipped, clean → passed. No verdict is ever inferred
from the type of an exception."""
from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import allure
import pytest

from .errors import AutomationError, DarkPatternFound, GoalNotReached, UsageError
from .findings.registry import Evaluation, evaluate
from .model import Outcome, Result, Trail

RESULT_KEY = pytest.StashKey[Result]()


def flow_of(item: pytest.Item) -> str:
    """The flow's name: its `flow` marker, else the test function's name without test_."""
    marker = item.get_closest_marker("flow")
    if marker and marker.args:
        return str(marker.args[0])
    return getattr(item, "originalname", item.name).removeprefix("test_")


class Audit:
    """What a flow holds: its metrics, the evidence paths, and the only ways to end with a verdict."""

    def __init__(self, result: Result, test_dir: Path, run_dir: Path, policy: Any = None,
                 target: Any = None) -> None:
        self.result = result
        self.test_dir = test_dir
        self.run_dir = run_dir
        self.policy = policy
        self._target = target
        self.out_of_scope: dict[str, str] = {}
        """Figure → why this run leaves it unmeasured on purpose (see `leave_out`)."""
        self.hints: dict[str, str] = {}
        """Figure → what to do so it can be measured, added to a 'could not measure' message."""
        self.incomplete: str | None = None
        """Why the search this flow rests on did not cover the app (see `partial`)."""
        self.untold: dict[str, str] = {}
        """Figure → why what it counts could not be told, the automation having done its job (see `not_told`)."""

    @property
    def facts(self) -> dict[str, Any]:
        """What the target file says that rules need, read when the rules run (an explored target learns
        what its sign-up collects only while exploring)."""
        return {"collected_at_signup": list(getattr(self._target, "collected_at_signup", []) or []),
                "language": getattr(self._target, "language", None)}

    @property
    def flow(self) -> str:
        return self.result.flow

    @property
    def target(self) -> str:
        return self.result.target

    @property
    def metrics(self) -> dict[str, Any]:
        return self.result.metrics

    @property
    def explored(self) -> bool:
        return self.result.explored

    @explored.setter
    def explored(self, value: bool) -> None:
        self.result.explored = value

    def evidence_path(self, relative: str) -> str:
        """A test-folder path made relative to the run folder."""
        return str((self.test_dir / relative).relative_to(self.run_dir))

    def evidence_of(self, trail: Trail, last: int | None = None) -> list[str]:
        """The trail's screenshots (all, or the last `last`), relative to the run folder."""
        files = trail.evidence()
        return [self.evidence_path(f) for f in (files[-last:] if last else files)]

    def leave_out(self, figures: Iterable[str], reason: str) -> None:
        """The user's choice for this run leaves `figures` unmeasured (`--traffic off`, a goal not explored):
        a rule that lacks only such figures is reported as not checked, with `reason`, instead of breaking the
        audit. A figure that could not be measured for any other reason still breaks it."""
        for name in figures:
            self.out_of_scope[name] = reason

    def partial(self, reason: str) -> None:
        """The search the flow rests on did not cover the app (its budget spent, screens left unsearched): no
        finding then concludes 'not_found' with `reason` (what was not searched), never 'clean'; findings in
        what was searched stay found."""
        self.incomplete = reason

    def not_told(self, figure: str, reason: str) -> None:
        """`figure` was left unmeasured because what it counts could not be told (a relaunch whose consent
        dialog could not be told shown or not), not by a failure of the automation: a verdict lacking only such
        figures concludes 'not_found' with `reason` — never 'clean', never 'broken' (the figures measured
        stand, the unmeasured ones are listed in metrics['unmeasured'])."""
        self.untold[figure] = reason

    def evaluate(self, evidence: Mapping[str, list[str]] | None = None) -> Evaluation:
        """Every rule of this flow over the metrics measured so far (see consent_audit.findings)."""
        return evaluate(self.flow, self.metrics, evidence or {}, self.facts, self.policy, self.out_of_scope)

    # --- verdicts ---
    def conclude(self, evaluation: Evaluation) -> None:
        """The flow ran to its end. Findings → 'found' (raises DarkPatternFound so pytest marks the test
        failed); none, and every rule measured or left out by the run's scope (`leave_out`) → 'clean', the rules
        left out listed in metrics['not_checked']; none, but a rule lacked a figure → 'broken' ('not_found' when
        every figure lacking is one `not_told` names)."""
        if evaluation.not_checked:
            self.metrics["not_checked"] = evaluation.not_checked
        if evaluation.unmeasured:
            self.metrics["unmeasured"] = evaluation.unmeasured
        if not evaluation.findings and evaluation.unmeasured:
            missing = [f for figs in evaluation.unmeasured.values() for f in figs]
            if all(f in self.untold for f in missing):
                self.not_found("could not measure " + "; ".join(
                    f"{f} ({self.untold[f]})" for f in dict.fromkeys(missing)))
            hints = list(dict.fromkeys(self.hints[f] for f in missing if f in self.hints))
            self.broken("could not measure " + "; ".join(f"{', '.join(figs)} (for {pattern})"
                                                          for pattern, figs in evaluation.unmeasured.items())
                        + "".join(f"; {hint}" for hint in hints))
        if not evaluation.findings and self.incomplete:
            self.not_found(self.incomplete)
        self.result.conclude(evaluation.findings)
        if self.result.outcome == Outcome.FOUND:
            parts = [f"{f.pattern} ({f.message})" if f.message else f.pattern for f in evaluation.findings]
            raise DarkPatternFound(f"dark pattern found on {self.target}: " + "; ".join(parts), evaluation.findings)

    def broken(self, reason: str) -> None:
        """The automation could not do its job: records 'broken' and raises AutomationError."""
        self.result.broken(reason)
        raise AutomationError(reason)

    def not_found(self, reason: str) -> None:
        """What this flow needs (a goal, a dialog) was not found: records 'not_found' and skips the test."""
        self.result.not_found(reason)
        pytest.skip(f"not found: {reason}")


def allure_test_open() -> bool:
    """Whether Allure has a test result open to add parameters or attachments to. After an interrupt,
    pytest tears fixtures down at the end of the session, when Allure has already closed the test (its
    `allure.dynamic.*` calls would fail with AttributeError). True when Allure is not collecting at all."""
    from allure_commons import plugin_manager

    loggers = [p.allure_logger for p in plugin_manager.get_plugins() if hasattr(p, "allure_logger")]
    return not loggers or any(logger.get_test(None) is not None for logger in loggers)


def _first_line(exc: BaseException) -> str:
    """The exception's first line for a user: the suite's own errors (AutomationError, UsageError,
    GoalNotReached) carry a sentence and are said as it; a foreign exception keeps its class name in front
    (what went wrong where)."""
    text = str(exc).strip().splitlines()
    if text and isinstance(exc, (AutomationError, UsageError, GoalNotReached)):
        return text[0][:300]
    return f"{type(exc).__name__}: {text[0][:300]}" if text else type(exc).__name__


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Record the audit before any fixture runs: one that cannot start is still a (broken) result."""
    if "audit" not in getattr(item, "fixturenames", ()):
        return
    from .plugin import RUN_KEY
    run = item.config.stash.get(RUN_KEY, None)
    if run is None:
        return
    _record(item, run)


def _record(item: pytest.Item, run: Any) -> Result:
    """The audit's Result for a collected flow test (its target, flow and folder), stashed on the item and
    added to the run's results."""
    callspec = getattr(item, "callspec", None)
    target = str(callspec.params.get("target_name", "")) if callspec is not None else ""
    result = Result(target=target, flow=flow_of(item), folder=str(run.test_dir(item.nodeid).relative_to(run.dir)))
    item.stash[RESULT_KEY] = result
    run.results.append(result)
    return result


def record_unstarted(items: list[pytest.Item], run: Any, reason: str) -> None:
    """An interrupted run: every collected audit whose turn never came is recorded as interrupted (not
    started), so summary.json lists what the run did not do instead of leaving it out."""
    for item in items:
        if "audit" in getattr(item, "fixturenames", ()) and item.stash.get(RESULT_KEY, None) is None:
            _record(item, run).interrupted(f"interrupted: {reason} (before this audit started)")


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Iterator[Any]:
    """After the flow's body: a flow that stopped without a verdict is broken (its error is the reason);
    then the outcome decides the exception pytest and Allure see."""
    result = pyfuncitem.stash.get(RESULT_KEY, None)
    if result is None:
        return (yield)
    try:
        value = yield
    except (KeyboardInterrupt, SystemExit):
        raise                                          # the session records 'interrupted'
    except pytest.skip.Exception:
        if result.outcome is None:
            result.not_found("the flow skipped itself")
        raise
    except GoalNotReached as exc:                      # no automation failure: not reached, with the reason
        if result.outcome is None:
            result.not_found(_first_line(exc))
        allure.dynamic.label("outcome", result.final_outcome.value)
        pytest.skip(f"not found: {_first_line(exc)}")
    except BaseException as exc:
        if result.outcome is None:
            result.broken(f"the flow stopped before its verdict: {_first_line(exc)}")
            result.error_trace = "".join(traceback.format_exception(exc))     # where (the summary, the evidence)
        allure.dynamic.label("outcome", result.final_outcome.value)
        if result.outcome == Outcome.BROKEN and not isinstance(exc, AutomationError):
            raise AutomationError(result.reason) from exc
        raise
    if result.outcome is None:
        result.broken("the flow ended without a verdict (it never called audit.conclude)")
    allure.dynamic.label("outcome", result.final_outcome.value)
    if result.outcome == Outcome.BROKEN:
        raise AutomationError(result.reason)
    return value


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """A setup that failed (no session, unknown target…) leaves the audit broken, with the reason."""
    outcome = yield
    report = outcome.get_result()
    result = item.stash.get(RESULT_KEY, None)
    try:
        _settle_setup(result, report, call)
    finally:
        if result is not None and result.outcome is not None and report.when in ("setup", "call"):
            report.audit_outcome = result.outcome.value    # a plain attribute: pytest-xdist carries it over


def _settle_setup(result: Result | None, report: pytest.TestReport, call: pytest.CallInfo) -> None:
    if result is None or result.outcome is not None or report.when != "setup" or report.passed:
        return
    if call.excinfo is None or isinstance(call.excinfo.value, (KeyboardInterrupt, SystemExit)):
        return
    if report.skipped:     # e.g. a target of another platform than the profile: not audited, so not complete
        result.broken(f"not run: {str(call.excinfo.value).strip()[:300]}")
    else:
        result.broken(f"the audit could not start: {_first_line(call.excinfo.value)}")
        if not isinstance(call.excinfo.value, UsageError):      # where it broke (summary, traceback.txt)
            result.error_trace = "".join(traceback.format_exception(call.excinfo.value))


STATUS = {Outcome.CLEAN: (".", "CLEAN", "green"), Outcome.FOUND: ("F", "FOUND", "red"),
          Outcome.BROKEN: ("B", "BROKEN", "yellow"), Outcome.NOT_FOUND: ("N", "NOT FOUND", "yellow"),
          Outcome.INTERRUPTED: ("I", "INTERRUPTED", "yellow")}
"""Each outcome's progress letter, verbose word and colour on pytest's terminal."""


@pytest.hookimpl(tryfirst=True)
def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> tuple[str, str, Any] | None:
    """An audit's own outcome on pytest's lines ("FOUND", "NOT FOUND" …) instead of FAILED / SKIPPED, so a
    line never reads as the opposite of the verdict. The category stays pytest's own (failed / passed /
    skipped / error): its counts, its FAILURES section and its exit status are unchanged — except with
    `--count-outcomes` (the CLI's runs), where the last line counts the outcomes themselves ("1 clean, 1 found");
    the exit status is still pytest's own."""
    value = getattr(report, "audit_outcome", None)
    if value is None or report.when not in ("setup", "call") or (report.when == "setup" and report.passed):
        return None
    letter, word, colour = STATUS[Outcome(value)]
    if config is not None and config.getoption("count_outcomes", False):
        return word.lower(), letter, (word, {colour: True})
    category = ("passed" if report.passed else "skipped" if report.skipped
                else "failed" if report.when == "call" else "error")
    return category, letter, (word, {colour: True})


def settle_unfinished(results: list[Result], interrupted: str | None) -> None:
    """At the end of the session: every audit without an outcome was interrupted (when the run was) or broke."""
    for result in results:
        if result.outcome is None:
            if interrupted:
                result.interrupted(f"interrupted: {interrupted}")
            else:
                result.broken("the flow stopped before it reached a verdict")

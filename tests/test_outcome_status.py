"""An audit's outcome on pytest's own lines: FOUND / CLEAN / NOT FOUND / BROKEN instead of FAILED / PASSED /
SKIPPED (a new user read "FAILED" as the suite failing), while pytest's categories, counts and exit status
stay its own; the outcome travels on the report, so pytest-xdist's controller shows it too."""
from __future__ import annotations

from types import SimpleNamespace

import pluggy
import pytest

from consent_audit.audit import RESULT_KEY, pytest_report_teststatus, pytest_runtest_makereport
from consent_audit.model import Result


def _report(when: str, outcome: str) -> pytest.TestReport:
    return pytest.TestReport("flows/test_consent.py::test_consent[x]", ("flows/test_consent.py", 1, "x"), {},
                             outcome, None if outcome == "passed" else "why", when)


def _made(result: Result, when: str, outcome: str) -> pytest.TestReport:
    """The report as the audit plugin's makereport wrapper leaves it."""
    stash = pytest.Stash()
    stash[RESULT_KEY] = result
    item = SimpleNamespace(stash=stash)
    report = _report(when, outcome)
    wrapper = pytest_runtest_makereport(item, SimpleNamespace(excinfo=None))
    next(wrapper)
    with pytest.raises(StopIteration):
        wrapper.send(pluggy.Result(report, None))
    return report


def _result() -> Result:
    return Result(target="x", flow="consent", folder="tests/x")


@pytest.mark.parametrize("settle, when, outcome, expected", [
    (lambda r: r.conclude([]), "call", "passed", ("passed", ".", "CLEAN")),
    (lambda r: r.conclude([object()]), "call", "failed", ("failed", "F", "FOUND")),
    (lambda r: r.not_found("no deletion within budget"), "call", "skipped", ("skipped", "N", "NOT FOUND")),
    (lambda r: r.broken("time-out"), "call", "failed", ("failed", "B", "BROKEN")),
    (lambda r: r.broken("unknown target"), "setup", "failed", ("error", "B", "BROKEN")),
])
def test_each_outcome_has_its_own_word_and_pytests_category(settle, when, outcome, expected) -> None:
    result = _result()
    settle(result)
    report = _made(result, when, outcome)
    category, letter, (word, markup) = pytest_report_teststatus(report, None)
    assert (category, letter, word) == expected
    assert len(markup) == 1 and list(markup.values()) == [True]


def test_a_test_that_is_no_audit_keeps_pytests_words() -> None:
    assert pytest_report_teststatus(_report("call", "failed"), None) is None
    result = _result()                        # an audit still running: its setup passed, no outcome yet
    assert pytest_report_teststatus(_made(result, "setup", "passed"), None) is None
    result.conclude([])                       # the teardown line is pytest's own
    assert pytest_report_teststatus(_made(result, "teardown", "passed"), None) is None


def test_the_outcome_survives_the_trip_from_an_xdist_worker() -> None:
    result = _result()
    result.conclude([object()])
    report = _made(result, "call", "failed")
    again = pytest.TestReport._from_json(report._to_json())
    assert pytest_report_teststatus(again, None)[2][0] == "FOUND"


def test_the_clis_runs_count_the_outcomes_themselves_on_pytests_last_line() -> None:
    """`--count-outcomes` (set by the consent-audit CLI): "1 found" on the last line, not "1 failed"."""
    config = SimpleNamespace(getoption=lambda name, default=None: name == "count_outcomes")
    found, gone = _result(), _result()
    found.conclude([object()])
    gone.not_found("no deletion within budget")
    assert pytest_report_teststatus(_made(found, "call", "failed"), config)[:2] == ("found", "F")
    assert pytest_report_teststatus(_made(gone, "call", "skipped"), config)[:2] == ("not found", "N")

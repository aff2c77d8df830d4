"""Which audits get the failure evidence (screen at failure, page source, Appium log tail) at teardown: a
setup or test that failed, never an audit whose only "failure" is its verdict found (pytest fails the test,
but the evidence of a finding is its own screenshots). Before, a found audit took a fresh screenshot at
teardown that a clean one did not, so only runs that find something (e.g. with the traffic captured) paid it."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from consent_audit.audit import RESULT_KEY
from consent_audit.failure_evidence import failed
from consent_audit.model import Finding, Result
from consent_audit.plugin import REPORTS_KEY


def request_with(reports: dict[str, bool], outcome: str | None) -> Any:
    stash = pytest.Stash()
    stash[REPORTS_KEY] = {when: SimpleNamespace(failed=failed) for when, failed in reports.items()}
    result = Result(target="refapp-x", flow="consent", folder="tests/x")
    if outcome == "found":
        result.conclude([Finding(pattern="tracking_before_consent", rule_refs=[], evidence=[])])
    elif outcome == "broken":
        result.broken("a locator timed out")
    elif outcome == "clean":
        result.conclude([])
    stash[RESULT_KEY] = result
    return SimpleNamespace(node=SimpleNamespace(stash=stash))


def test_a_found_audit_is_not_a_failure_to_capture() -> None:
    assert not failed(request_with({"setup": False, "call": True}, "found"))


def test_broken_audits_and_failed_setups_are() -> None:
    assert failed(request_with({"setup": False, "call": True}, "broken"))
    assert failed(request_with({"setup": False, "call": True}, None))        # nobody concluded: broken
    assert failed(request_with({"setup": True}, None))
    assert failed(request_with({"setup": True}, "found")) is True            # a finding does not hide a setup failure
    assert not failed(request_with({"setup": False, "call": False}, "clean"))


# --- a broken flow keeps its Python traceback (bench29a chaguan: "NotOnScreen: '跳過 1' is no longer on the
# screen" and no word of where it was raised: summary.json, the Allure result and the run folder held only the
# exception's first line) ---

def _stopped_deep_inside(secret: str) -> None:
    raise LookupError(f"'跳過 1' is no longer on the screen (typed {secret})")


def test_a_flow_stopped_before_its_verdict_keeps_the_traceback_in_its_summary() -> None:
    from consent_audit import audit as audit_module
    from consent_audit.errors import AutomationError

    result = Result(target="127.0.0.1/chaguan", flow="permissions", folder="t")
    walk = audit_module.pytest_pyfunc_call(SimpleNamespace(stash={RESULT_KEY: result}))
    next(walk)
    try:
        _stopped_deep_inside("Corpus-pass-1")
    except LookupError as exc:
        with pytest.raises(AutomationError):
            walk.throw(exc)
    data = result.to_dict()
    assert data["outcome"] == "broken" and data["message"].startswith("the flow stopped before its verdict")
    assert "_stopped_deep_inside" in data["traceback"] and "test_failure_evidence.py" in data["traceback"]
    assert "traceback" not in Result(target="t", flow="consent", folder="t").to_dict()


def test_the_traceback_is_written_to_the_failure_evidence_masked(tmp_path) -> None:
    from consent_audit.failure_evidence import attach_failure
    from consent_audit.masking import Masker
    from consent_audit.screen import Screen

    masker = Masker()
    masker.add("Corpus-pass-1")
    rec = SimpleNamespace(last_screen=Screen(elements=[], signature="s", size=(1, 1), source="<html/>",
                                             screenshot=b"png"))
    run = SimpleNamespace(appium_log=tmp_path / "none.log")
    trace = 'Traceback (most recent call last):\n  File "x.py", line 1\nLookupError: typed Corpus-pass-1\n'
    attach_failure(rec, "on", tmp_path, run, masker, trace)
    written = (tmp_path / "traceback.txt").read_text()
    assert "LookupError" in written and "Corpus-pass-1" not in written

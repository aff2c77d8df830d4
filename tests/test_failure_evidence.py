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

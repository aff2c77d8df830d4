"""Figures a run leaves out by the user's own choice (`--traffic off`, an explorer goal not chosen) make the rules
that need only them "not checked" — listed with the reason, neither found nor cleared — while a figure that could
not be measured for any other reason still breaks the audit, with a hint on how to measure it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_audit.audit import Audit
from consent_audit.errors import AutomationError
from consent_audit.evidence.summary_page import SummaryPage, load_strings
from consent_audit.findings import evaluate
from consent_audit.model import Outcome, Result
from consent_audit.rules import load_catalog
from consent_audit.traffic.scope import NOT_CAPTURED, left_out, traffic_figures

UI = {"accept_steps": 1, "reject_steps": 1, "preticked": 0, "shaming_text": [], "reject_is_text_link": False,
      "prominence": {"area_ratio": 1.0, "contrast_accept": 3.0, "contrast_reject": 3.0,
                     "saturation_accept": 0.5, "saturation_reject": 0.5}}
TRAFFIC_PATTERNS = {"tracking_before_consent", "tracking_after_reject", "consent_string_contradicts_choice"}
OFF = "traffic capture off (--traffic off)"


def _audit(tmp_path: Path) -> Audit:
    return Audit(Result(target="t", flow="consent", folder="tests/x"), tmp_path, tmp_path)


def test_rules_lacking_only_figures_left_out_are_not_checked() -> None:
    scope = dict.fromkeys(traffic_figures(), OFF)
    result = evaluate("consent", UI, out_of_scope=scope)
    assert result.findings == [] and result.unmeasured == {}
    assert result.not_checked == dict.fromkeys(TRAFFIC_PATTERNS, OFF)


def test_a_figure_missing_for_another_reason_is_still_unmeasured() -> None:
    result = evaluate("consent", {k: v for k, v in UI.items() if k != "prominence"},
                      out_of_scope=dict.fromkeys(traffic_figures(), OFF))
    assert result.unmeasured == {"visual_interference": ["prominence"]}
    assert set(result.not_checked) == TRAFFIC_PATTERNS
    mixed = evaluate("policy", {"policy_permissions": ["camera"], "permissions_requested": None, "deletion_in_app": None},
                     out_of_scope={"permissions_requested": "goal not explored"})
    assert mixed.unmeasured["policy_contradicts_behaviour"] == ["permissions_requested", "deletion_in_app"]
    assert mixed.not_checked == {}                      # only one of the two figures it lacks was left out


def test_an_audit_left_only_out_of_scope_figures_is_clean_and_says_what_it_did_not_check(tmp_path: Path) -> None:
    audit = _audit(tmp_path)
    audit.leave_out(traffic_figures(), OFF)
    audit.metrics.update({**UI, **dict.fromkeys(traffic_figures())})
    audit.conclude(audit.evaluate())
    assert audit.result.outcome == Outcome.CLEAN
    assert audit.metrics["not_checked"] == dict.fromkeys(TRAFFIC_PATTERNS, OFF) and "unmeasured" not in audit.metrics


def test_traffic_not_captured_breaks_the_audit_and_says_how_to_capture_it(tmp_path: Path) -> None:
    audit = _audit(tmp_path)
    audit.hints.update(dict.fromkeys(traffic_figures(), NOT_CAPTURED))
    audit.metrics.update({**UI, **dict.fromkeys(traffic_figures())})
    with pytest.raises(AutomationError) as raised:
        audit.conclude(audit.evaluate())
    assert audit.result.outcome == Outcome.BROKEN and "not_checked" not in audit.metrics
    assert str(raised.value).count(NOT_CAPTURED) == 1 and "sent_before_consent" in str(raised.value)


@pytest.mark.parametrize(("option", "profile", "mode", "reason"), [
    ("off", None, "off", OFF), ("auto", "off", "off", "traffic capture off (the device profile's `traffic: off`)"),
    ("auto", None, "off", None),           # an app on a device whose profile sets up no proxy: not captured
    ("auto", None, "cdp", None), ("proxy", "off", "proxy", None)])
def test_only_the_users_choice_leaves_traffic_out(option: str, profile: str | None, mode: str, reason: str | None) -> None:
    assert left_out(option, profile, mode) == reason


def test_the_summary_page_lists_what_was_not_checked_apart(tmp_path: Path) -> None:
    result = {"target": "t", "flow": "consent", "outcome": "clean", "folder": "tests/x", "findings": [],
              "metrics": {"accept_steps": 1, "not_checked": dict.fromkeys(sorted(TRAFFIC_PATTERNS), OFF)}}
    (tmp_path / "summary.json").write_text(json.dumps({"run_id": "r", "results": [result]}), encoding="utf-8")
    flows = {"consent": ["asymmetric_choice", *sorted(TRAFFIC_PATTERNS)]}
    page = SummaryPage(tmp_path, {"run_id": "r"}, "en", "b.zip", load_catalog(), flows).render()
    checked, rest = page.split(load_strings()["en"]["not_checked"])
    assert "tracking_before_consent" not in checked.split(load_strings()["en"]["checked"])[1]
    assert rest.count(OFF) == 3


def test_a_reference_target_whose_patterns_were_left_out_is_not_compared(tmp_path: Path) -> None:
    audit = _audit(tmp_path)
    audit.result.expected_findings = ["tracking_before_consent"]
    audit.leave_out(traffic_figures(), OFF)
    audit.metrics.update({**UI, **dict.fromkeys(traffic_figures())})
    audit.conclude(audit.evaluate())
    assert audit.result.as_expected is None            # the self-check did not look: no match claimed
    assert audit.result.to_dict()["as_expected"] is None
    audit.result.metrics.pop("not_checked")
    assert audit.result.as_expected is False           # had it been checked, missing it would be wrong


POLICY = {"policy_permissions": ["camera"], "permissions_requested": ["camera"], "deletion_in_app": True,
          "policy_deletion_days": 7, "waiting_period_days": 7, "policy_at_first_run": True, "policy_reached": True,
          "policy_taps": 2, "policy_is_text": True, "policy_languages": ["en"], "unfair_terms": [],
          "biometric_gates": [], "data_sent_before_policy": None, "policy_third_parties": None,
          "hosts_contacted": None}


def test_says_vs_does_is_not_cleared_without_the_third_party_side() -> None:
    result = evaluate("policy", POLICY)
    assert result.unmeasured["policy_contradicts_behaviour"] == ["hosts_contacted", "policy_third_parties"]
    left_out = evaluate("policy", POLICY, out_of_scope=dict.fromkeys(traffic_figures(), OFF))
    assert left_out.not_checked == {"policy_contradicts_behaviour": OFF} and left_out.unmeasured == {}
    measured = evaluate("policy", {**POLICY, "policy_third_parties": [], "hosts_contacted": []})
    assert measured.unmeasured == {} and measured.findings == []
    waited = evaluate("policy", {**POLICY, "waiting_period_days": 30})          # found without the traffic side
    assert [f.pattern for f in waited.findings] == ["policy_contradicts_behaviour"]

"""The main job end to end: `consent-audit run` on every reference-app variant, through the real Appium
server and Chromium, measured figures compared with the ground truth exactly."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from truth_figures import pinned

from allure_results import allure_results
from plain_files import plain_bytes
from consent_audit.report import third_party_references
from consent_audit.rules import load_catalog
from consent_audit.targets import default_targets, load_target

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(1800)]   # the whole reference audit runs in its fixture (bounded at 1500 s)

ROOT = Path(__file__).resolve().parent.parent
TARGETS = default_targets()


def _reference_audit(tmp_path_factory: pytest.TempPathFactory, run_id: str, *extra: str) -> dict[str, Any]:
    reports = tmp_path_factory.mktemp("reports")
    proc = subprocess.run([sys.executable, "-m", "consent_audit.cli", "run", "--reports-dir", str(reports),
                           "--run-id", run_id, "--quiet", *extra], cwd=ROOT, capture_output=True, text=True,
                          timeout=1500, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    run_dir = reports / run_id
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    return {"proc": proc, "dir": run_dir, "summary": summary,
            "results": {(r["target"], r["flow"]): r for r in summary["results"]}}


@pytest.fixture(scope="module")
def audit_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One process, a new browser session for every audit: the reference every other way of running is held to."""
    return _reference_audit(tmp_path_factory, "truth-run", "--sessions", "per-test")


@pytest.fixture(scope="module")
def parallel_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same audit as `make audit` runs it: two pytest-xdist workers (consent_audit/parallel.py), each
    keeping one browser session made fresh before each audit (consent_audit/sessions.py)."""
    return _reference_audit(tmp_path_factory, "truth-run-2", "--workers", "2")


def truth_of(target: str) -> dict[str, Any]:
    found = load_target(target).truth()
    assert found is not None
    return found


def test_the_demo_run_completes_and_says_so(audit_run) -> None:
    proc = audit_run["proc"]
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "caught the deliberate dark patterns as expected" in proc.stdout
    assert len(audit_run["results"]) == 4 * len(TARGETS)
    assert all(r["outcome"] in ("clean", "found") for r in audit_run["summary"]["results"])
    assert audit_run["summary"]["outcome"] == "found"


@pytest.mark.parametrize("target", TARGETS)
def test_deletion_figures_equal_the_truth(audit_run, target: str) -> None:
    measured = audit_run["results"][(target, "deletion")]["metrics"]
    full = truth_of(target)["deletion"]
    truth = {k: v for k, v in full.items() if k not in ("path", "note") and not k.startswith("decision_prominence")}
    assert {k: measured[k] for k in truth} == truth
    if "decision_prominence" in full:     # the last decision before deletion (issue 13, kind 17)
        assert pinned(measured["decision_prominence"], full["decision_prominence"]) == pytest.approx(full["decision_prominence"], abs=0.01)


@pytest.mark.parametrize("target", TARGETS)
def test_permission_figures_equal_the_truth(audit_run, target: str) -> None:
    measured = audit_run["results"][(target, "permissions")]["metrics"]
    truth = truth_of(target)["permissions"]
    assert measured["outcomes"] == truth["outcomes"]
    assert measured["prompts_per_launch"] == truth["prompts_per_launch"]
    assert measured["bundled_demand"] == truth["bundled_demand"]
    assert measured["requested_at_launch"] == truth["requested_at_launch"]
    traffic = truth_of(target)["traffic"]["permissions"]                  # what went out, per phase
    assert {k: measured.get(k) for k in traffic} == traffic


@pytest.mark.parametrize("target", TARGETS)
def test_consent_figures_equal_the_truth(audit_run, target: str) -> None:
    measured = audit_run["results"][(target, "consent")]["metrics"]
    truth = truth_of(target)["consent"]
    for key in ("accept_steps", "reject_steps", "preticked", "shaming_text", "reject_is_text_link"):
        assert measured[key] == truth[key], key
    assert pinned(measured["prominence"], truth["prominence"]) == pytest.approx(truth["prominence"], abs=0.01)
    traffic = truth_of(target)["traffic"]["consent"]
    assert {k: measured.get(k) for k in traffic} == traffic


@pytest.mark.parametrize("target", TARGETS)
def test_policy_figures_equal_the_truth(audit_run, target: str) -> None:
    result = audit_run["results"][(target, "policy")]
    measured = result["metrics"]
    truth = {k: v for k, v in truth_of(target)["policy"].items() if k != "note"}
    assert {k: measured.get(k) for k in truth} == truth
    captured = audit_run["dir"] / measured["policy_file"]          # the policy as shown, hashed into the bundle
    assert hashlib.sha256(captured.read_bytes()).hexdigest() == measured["policy_sha256"]
    for finding in result["findings"]:
        if finding["pattern"] == "unfair_policy_terms":             # every hit quoted in the message
            assert all(f"“{hit['sentence']}”" in finding["messages"]["en"] for hit in truth["unfair_terms"])


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("flow", ["deletion", "permissions", "consent", "policy"])
def test_findings_equal_the_truth(audit_run, target: str, flow: str) -> None:
    result = audit_run["results"][(target, flow)]
    expected = truth_of(target)["findings_by_flow"][flow]
    assert sorted({f["pattern"] for f in result["findings"]}) == expected
    assert result["outcome"] == ("found" if expected else "clean")
    assert result["status"] == ("failed" if expected else "passed")          # the Allure status of the outcome
    catalog = load_catalog()
    for finding in result["findings"]:
        assert finding["rule_refs"]
        assert [catalog.get(ref).id for ref in finding["rule_refs"]] == finding["rule_refs"]
        assert {item.id for item in catalog.for_pattern(finding["pattern"])} == set(finding["rule_refs"])
        assert finding["evidence"], finding["pattern"]
        for path in finding["evidence"]:
            assert (audit_run["dir"] / path).is_file(), path


def test_allure_shows_every_deletion_step_with_its_screenshot_in_order(audit_run) -> None:
    case = next(r for r in allure_results(audit_run["dir"] / "allure-results")
                if "test_account_deletion[refapp-obstructed-deletion]" in r["fullName"]
                or "refapp-obstructed-deletion" in r.get("name", "") and "deletion" in r["fullName"])
    journey = next(s for s in case["steps"] if s["name"] == "Journey: delete account")
    titles = [s["name"] for s in journey["steps"]]
    assert len(titles) == 13 + 1    # 13 actions and one scroll, in order
    assert titles[0] == 'Tap "我的"' and titles[-1] == 'Tap "确认注销"'
    assert all(s.get("attachments") for s in journey["steps"])
    assert case["status"] == "failed" and "dark pattern found" in case["statusDetails"]["message"]


def test_the_report_is_one_file_with_no_third_party_request(audit_run) -> None:
    report = audit_run["dir"] / audit_run["summary"]["report"]
    html = report.read_text(encoding="utf-8")
    assert len(html) > 100_000
    assert third_party_references(html) == []
    assert "googletagmanager" not in html and "gtag(" not in html


def test_no_secret_in_any_file_of_the_run(audit_run) -> None:
    secrets = set()
    for target in TARGETS:
        secrets.update(load_target(target).secrets())
    assert secrets
    leaks = []
    for path in audit_run["dir"].rglob("*"):
        if path.is_file():
            data = plain_bytes(path)
            leaks += [(str(path.relative_to(audit_run["dir"])), s) for s in secrets if s.encode() in data]
    assert leaks == []


def test_two_workers_make_one_run_with_both_servers(parallel_run, audit_run) -> None:
    summary, run_dir = parallel_run["summary"], parallel_run["dir"]
    assert summary["sessions"]["mode"] == "reuse" and summary["sessions"]["reused"] > 0
    assert audit_run["summary"]["sessions"] == {"mode": "per-test", "started": len(TARGETS) * 4, "reused": 0}
    assert parallel_run["proc"].returncode == audit_run["proc"].returncode, parallel_run["proc"].stderr[-3000:]
    assert sorted(summary["workers"]) == ["gw0", "gw1"]          # each started its own Appium and reference app
    urls = [w["appium"]["url"] for w in summary["workers"].values()]
    assert len(set(urls)) == 2 and sorted(p.name for p in run_dir.glob("appium-gw*.log*")) == ["appium-gw0.log.gz", "appium-gw1.log.gz"]
    assert [(r["target"], r["flow"]) for r in summary["results"]] == [(r["target"], r["flow"]) for r in audit_run["summary"]["results"]]
    assert summary["report"] and (run_dir / summary["report"]).is_file()
    assert len(list(run_dir.glob("evidence-*.zip"))) == 1
    assert len(list((run_dir / "allure-results").glob("*-result.json"))) == len(summary["results"])


@pytest.mark.parametrize("target", TARGETS)
def test_two_workers_give_the_figures_and_findings_of_one(parallel_run, audit_run, target: str) -> None:
    """…and a kept session made fresh gives what a new session gives."""
    for flow in ("deletion", "permissions", "consent", "policy"):
        one, two = audit_run["results"][(target, flow)], parallel_run["results"][(target, flow)]
        assert two == one, flow         # outcome, every figure, every finding with its evidence and messages

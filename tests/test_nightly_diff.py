"""`consent-audit diff`: a pair of summaries built for it, where a figure moves 3 → 5, a finding appears, an
outcome turns broken, a figure becomes unmeasured, an audit goes missing, and things improve."""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

from consent_audit.cli import main
from consent_audit.nightly.diff import compare, load_summary, table
from consent_audit.nightly.figures import UNMEASURED, key_figures, key_values


def _result(target: str, flow: str, outcome: str, metrics: dict[str, Any], patterns: list[str] = (),
            **extra: Any) -> dict[str, Any]:
    return {"target": target, "flow": flow, "outcome": outcome, "metrics": metrics,
            "findings": [{"pattern": p, "rule_refs": ["x"], "evidence": []} for p in patterns], **extra}


BASE = {"run_id": "night-1", "started": "2026-11-27T01:00:00+00:00", "results": [
    _result("shop", "deletion", "clean", {"steps": 3, "deletion_in_app": True, "waiting_period_days": 7,
                                          "data_demanded": ["password"], "login_after_deletion": "rejected"}),
    _result("shop", "consent", "clean", {"reject_steps": 1, "prominence": {"area_ratio": 1.0}}),
    _result("shop", "permissions", "found", {"outcomes": {"camera": "blocked"}}, ["forced_permission"]),
    _result("news", "deletion", "found", {"steps": 9}, ["obstructed_deletion"]),
    _result("news", "policy", "clean", {"policy_taps": 2}),
]}


def _night_2() -> dict[str, Any]:
    new = copy.deepcopy(BASE)
    new["run_id"] = "night-2"
    deletion, consent, permissions, news_deletion, _ = new["results"]
    deletion["metrics"].update(steps=5, waiting_period_days=None, data_demanded=["password", "id_number"])
    consent.update(outcome="found", findings=[{"pattern": "visual_interference", "rule_refs": ["x"], "evidence": []}])
    consent["metrics"]["prominence"]["area_ratio"] = 2.4
    permissions["metrics"]["outcomes"]["camera"] = "degraded"
    permissions.update(outcome="clean", findings=[])
    news_deletion.update(outcome="broken", findings=[], message="locator timed out")
    new["results"].pop()                                              # news/policy did not run
    new["results"].append(_result("blog", "deletion", "clean", {"steps": 2}))
    return new


def _changes(diff, target: str, flow: str) -> dict[str, Any]:
    return {c.what: c for c in diff.changes if (c.target, c.flow) == (target, flow)}


def test_a_figure_that_grew_in_its_harmful_direction_is_a_regression() -> None:
    shop = _changes(compare(BASE, _night_2()), "shop", "deletion")
    steps = shop["steps to delete"]
    assert (steps.old, steps.new, steps.direction, steps.regression) == ("3", "5", "worse", True)
    demanded = shop["data demanded to delete"]
    assert demanded.direction == "worse" and demanded.regression


def test_a_figure_that_became_unmeasured_is_a_change_not_the_same() -> None:
    waiting = _changes(compare(BASE, _night_2()), "shop", "deletion")["waiting period (days)"]
    assert (waiting.old, waiting.new, waiting.direction, waiting.regression) == ("7", "unmeasured", "unmeasured", True)


def test_a_finding_that_appeared_and_one_that_went() -> None:
    diff = compare(BASE, _night_2())
    consent = _changes(diff, "shop", "consent")
    assert consent["outcome"].regression and (consent["outcome"].old, consent["outcome"].new) == ("clean", "found")
    assert consent["visual_interference"].direction == "appeared" and consent["visual_interference"].regression
    assert consent["accept/reject area"].direction == "worse"
    permissions = _changes(diff, "shop", "permissions")
    assert permissions["forced_permission"].direction == "went" and not permissions["forced_permission"].regression
    assert permissions["outcome if denied: camera"].direction == "better"
    assert not any(c.regression for c in permissions.values())


def test_an_outcome_turning_broken_gates_and_its_figures_are_not_compared() -> None:
    news = _changes(compare(BASE, _night_2()), "news", "deletion")
    assert news["outcome"].new == "broken" and news["outcome"].regression
    assert news["findings and figures"].new == "unmeasured"
    assert "obstructed_deletion" not in news           # not "went": it was not looked for
    assert "steps to delete" not in news


def test_missing_and_new_audits() -> None:
    diff = compare(BASE, _night_2())
    missing = _changes(diff, "news", "policy")["audit"]
    assert missing.direction == "missing" and missing.regression
    new = _changes(diff, "blog", "deletion")["audit"]
    assert new.direction == "new" and not new.regression
    assert diff.compared == 4


def test_the_same_run_has_no_change() -> None:
    diff = compare(BASE, copy.deepcopy(BASE))
    assert diff.changes == [] and "no regression" in table(diff)


def test_a_reference_target_no_longer_as_expected_gates() -> None:
    base = {"results": [_result("refapp-fair", "consent", "clean", {}, as_expected=True)]}
    new = {"results": [_result("refapp-fair", "consent", "clean", {}, as_expected=False)]}
    assert [c.what for c in compare(base, new).regressions] == ["as expected (reference truth)"]


def test_an_incomplete_run_gates() -> None:
    new = copy.deepcopy(BASE)
    new["incomplete"] = "the evidence bundle failed"
    assert any(c.kind == "run" and c.regression for c in compare(BASE, new).changes)


def test_key_figures_with_a_wildcard_and_a_sum() -> None:
    assert key_figures()["deletion"][0].path == "steps"
    values = key_values("permissions", {"outcomes": {"camera": "loop", "all": "usable"},
                                        "prompts_per_launch": {"permission": [1, 2, 0]}})
    assert values["outcomes.camera"][1] == "loop" and values["outcomes.all"][1] == "usable"
    figure, raw = values["prompts_per_launch.permission"]
    assert figure.value(raw) == 3
    assert values["bundled_demand"][1] is UNMEASURED


# --- the command -------------------------------------------------------------------------------------

@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "reports" / "night-1"
    base.mkdir(parents=True)
    (base / "summary.json").write_text(json.dumps(BASE), encoding="utf-8")
    new = tmp_path / "night-2-summary.json"
    new.write_text(json.dumps(_night_2()), encoding="utf-8")
    return base, new


def test_the_command_prints_a_table_and_exits_1_on_a_regression(pair, capsys) -> None:
    code = main(["diff", str(pair[0]), str(pair[1])])
    out = capsys.readouterr().out
    assert code == 1
    line = next(l for l in out.splitlines() if "steps to delete" in l)
    assert line.startswith("!") and line.split()[-3:] == ["3", "5", "worse"]
    assert "regressions (marked !)" in out.splitlines()[-1]


def test_the_command_as_json_and_exit_0_without_regression(pair, capsys) -> None:
    assert main(["diff", str(pair[0]), str(pair[1]), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["regressions"] >= 5 and data["audits_compared"] == 4
    assert {"target": "shop", "flow": "deletion", "kind": "figure", "what": "steps to delete", "old": "3",
            "new": "5", "direction": "worse", "regression": True, "path": "steps"} in data["changes"]
    assert main(["diff", str(pair[0]), str(pair[0] / "summary.json")]) == 0


def test_bad_input_is_one_line_exit_2(pair, tmp_path, capsys) -> None:
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    for bad in (tmp_path / "nothing-here", tmp_path / "junk.json"):
        assert main(["diff", str(bad), str(pair[1])]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("consent-audit: ")


def test_latest_is_read_when_loaded_not_when_the_next_run_moves_it(pair) -> None:
    reports = pair[0].parent
    (reports / "latest").symlink_to("night-1", target_is_directory=True)
    summary, file = load_summary(reports / "latest")
    os.remove(reports / "latest")
    (reports / "latest").symlink_to("elsewhere", target_is_directory=True)
    assert summary["run_id"] == "night-1" and file == (pair[0] / "summary.json").resolve()


def test_an_evidence_bag_folder_is_read_through_its_data(pair) -> None:
    bag = pair[0].parent / "evidence-night-1" / "data"
    bag.mkdir(parents=True)
    (bag / "summary.json").write_text(json.dumps(BASE), encoding="utf-8")
    assert load_summary(bag.parent)[0]["run_id"] == "night-1"


def test_a_finding_no_longer_looked_for_is_not_checked_never_went_nor_better() -> None:
    base = {"run_id": "on", "results": [_result("shop", "consent", "found", {"reject_steps": 1},
                                                ["tracking_before_consent"])]}
    off = {"run_id": "off", "results": [_result("shop", "consent", "clean", {
        "reject_steps": 1, "not_checked": {"tracking_before_consent": "traffic capture off (--traffic off)"}})]}
    changes = _changes(compare(base, off), "shop", "consent")
    assert changes["outcome"].direction == "not checked" and changes["outcome"].regression
    finding = [c for c in compare(base, off).changes if c.kind == "finding"]
    assert [(c.what, c.new, c.regression) for c in finding] == [("tracking_before_consent", "not checked", True)]
    scope = [c for c in compare(base, off).changes if c.kind == "checked"]
    assert [(c.what, c.direction, c.regression) for c in scope] == [("tracking_before_consent", "not checked", True)]
    assert not any(c.what.startswith("not_checked") for c in compare(base, off).changes)
    back = [c for c in compare(off, base).changes if c.kind == "checked"]
    assert [(c.direction, c.regression) for c in back] == [("checked again", False)]

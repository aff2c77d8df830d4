"""Defect 10: a run in which no audit could run says what failed, in one line, instead of "the run wrote
no summary (pytest exit N)"; the verdict of a broken run goes to stderr."""
from __future__ import annotations

from pathlib import Path

import pytest

from consent_audit.commands.finish import read_outcome

from .conftest import assert_one_line, run_cli, small_run


@pytest.mark.area_bad_input
def test_nothing_selected_says_so(tmp_path: Path) -> None:
    proc = run_cli("run", "--flow", "deletion", "--target", "refapp-fair", "-k", "no_such_audit",
                   "--reports-dir", str(tmp_path), "--run-id", "empty", "--quiet")
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.startswith("consent-audit: ")]
    assert lines == ["consent-audit: no audit ran: every audit was deselected (check -k)"], proc.stderr


@pytest.mark.area_bad_input
def test_verdict_of_a_broken_run_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = small_run(tmp_path)
    run.results[0]._outcome = None
    run.results[0].broken("the session stopped answering")
    run.write_summary()
    status, _ = read_outcome(run.dir, 1, bundle_wanted=False)
    out = capsys.readouterr()
    assert status == 2 and "the session stopped answering" in out.err and "consent-audit" not in out.out


@pytest.mark.area_bad_input
def test_missing_truth_file_is_named_before_the_run(tmp_path: Path) -> None:
    import yaml

    from consent_audit.targets import find_target
    data = yaml.safe_load(find_target("refapp-fair").read_text(encoding="utf-8"))  # type: ignore[union-attr]
    data["truth"] = "no-such-truth.json"
    path = tmp_path / "no-truth.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    proc = run_cli("run", "--target", str(path), "--reports-dir", str(tmp_path / "r"), "--quiet")
    assert_one_line(proc, 2, "no-such-truth.json", "does not exist")

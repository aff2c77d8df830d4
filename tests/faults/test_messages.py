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

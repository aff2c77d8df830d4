"""`consent-audit prune --keep N`, the Allure history trimmed with it, and the trend page of the kept runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consent_audit.cli import main
from consent_audit.nightly.history import history_file, trim_history
from consent_audit.nightly.retention import finished_runs, prune
from consent_audit.nightly.trend import render, write_trend
from consent_audit.report import third_party_references


def _run(reports: Path, run_id: str, started: str, steps: int | None = 3, outcome: str = "clean") -> Path:
    folder = reports / run_id
    (folder / "tests" / "t").mkdir(parents=True)
    (folder / "tests" / "t" / "shot.png").write_bytes(b"x" * 5000)
    summary = {"run_id": run_id, "started": started, "results": [
        {"target": "shop", "flow": "deletion", "outcome": outcome, "metrics": {"steps": steps}, "findings": []}]}
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    return folder


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    # names sort differently from start times: the start time decides
    _run(root, "b-oldest", "2026-11-20T01:00:00+00:00", 3)
    _run(root, "a-middle", "2026-11-21T01:00:00+00:00", None)
    _run(root, "c-newest", "2026-11-22T01:00:00+00:00", 5, "found")
    (root / "d-killed" / "tests").mkdir(parents=True)               # no summary: in progress or killed
    (root / ".allure").mkdir()
    (root / "README.md").write_text("keep me", encoding="utf-8")
    (root / "latest").symlink_to("c-newest", target_is_directory=True)
    return root


def test_keeps_the_newest_by_start_time_and_leaves_the_rest_alone(reports: Path) -> None:
    pruned = prune(reports, 2)
    assert [p.name for p in pruned.removed] == ["b-oldest"]
    assert sorted(p.name for p in reports.iterdir()) == [".allure", "README.md", "a-middle", "c-newest",
                                                         "d-killed", "latest"]
    assert [p.name for p in pruned.unfinished] == ["d-killed"] and pruned.freed_bytes > 5000


def test_the_run_latest_points_to_and_a_protected_baseline_are_kept(reports: Path) -> None:
    (reports / "latest").unlink()
    (reports / "latest").symlink_to("b-oldest", target_is_directory=True)
    pruned = prune(reports, 1, protect=(reports / "a-middle",))
    assert pruned.removed == [] and {p.name for p in pruned.kept} == {"b-oldest", "a-middle", "c-newest"}


def test_dry_run_removes_nothing(reports: Path) -> None:
    pruned = prune(reports, 1, dry_run=True)
    assert [p.name for p in pruned.removed] == ["b-oldest", "a-middle"]
    assert (reports / "b-oldest").is_dir() and (reports / "a-middle").is_dir()


def test_the_command(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prune", "--keep", "1", "--reports-dir", str(reports)]) == 0
    out = capsys.readouterr().out
    assert "removed 2 run folders" in out and "left " in out and "d-killed" in out
    assert (reports / "trend.html").is_file()
    assert [r.run_id for r in finished_runs(reports)[0]] == ["c-newest"]


def test_bad_keep_is_one_line(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prune", "--keep", "0", "--reports-dir", str(reports)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == ["consent-audit: --keep must be a number from 1 to 100000, not 0"]
    assert main(["prune", "--keep", "2", "--reports-dir", str(reports / "nope")]) == 2


def test_history_keeps_the_last_entries(tmp_path: Path) -> None:
    path = history_file(tmp_path)
    path.parent.mkdir()
    path.write_text("".join(json.dumps({"n": n}) + "\n" for n in range(5)), encoding="utf-8")
    assert trim_history(tmp_path, 2) == 3
    assert [json.loads(line)["n"] for line in path.read_text().splitlines()] == [3, 4]
    assert trim_history(tmp_path / "none", 2) == 0


def test_trend_page_plots_each_figure_with_unmeasured_nights_as_gaps(reports: Path) -> None:
    runs, _ = finished_runs(reports)
    page = render(runs)
    assert page.count("<svg") == len([f for f in page.split("<figcaption>")[1:]])
    assert "steps to delete" in page and "shop" in page
    assert "a-middle: unmeasured" in page and "c-newest: 5" in page and "b-oldest: 3" in page
    assert 'fill="white"' in page                                  # the hollow mark of the unmeasured night
    assert third_party_references(page) == [] and "<script" not in page
    assert write_trend(reports).read_text(encoding="utf-8") == page

"""Defects 5 and 7: run ids are folder names, a run folder is never reused, and a reports path of any name
gives a bundle that verifies."""
from __future__ import annotations

from pathlib import Path

import pytest

from consent_audit.evidence.bundle import BundleOptions, make_bundle
from consent_audit.evidence.verify import verify

from .conftest import assert_one_line, run_cli, small_run

BAD_IDS = ["a/b", "../escape", "..", ".hidden", "", "latest", "x" * 101, "sp ace", "tab\tid"]


@pytest.mark.area_bad_input
@pytest.mark.parametrize("run_id", BAD_IDS, ids=[f"id{i}" for i in range(len(BAD_IDS))])
@pytest.mark.parametrize("command", ["run", "explore"])
def test_unsafe_run_id_is_refused(tmp_path: Path, run_id: str, command: str) -> None:
    reports = tmp_path / "reports"
    extra = ["--url", "http://127.0.0.1:9/", "--goal", "consent"] if command == "explore" else []
    proc = run_cli(command, *extra, "--reports-dir", str(reports), "--run-id", run_id, "--quiet")
    assert_one_line(proc, 2, "--run-id")
    assert not (tmp_path / "escape").exists()
    assert not reports.exists() or not any(p for p in reports.rglob("*") if p.is_file())


@pytest.mark.area_bad_input
def test_existing_run_folder_is_refused(tmp_path: Path) -> None:
    """Reusing a run id would put the old run's screenshots into the new bundle."""
    reports = tmp_path / "reports"
    small_run(reports, "reused")
    before = sorted(p.relative_to(reports) for p in reports.rglob("*"))
    proc = run_cli("run", "--reports-dir", str(reports), "--run-id", "reused", "--quiet")
    assert_one_line(proc, 2, "already exists", "reused")
    assert sorted(p.relative_to(reports) for p in reports.rglob("*")) == before


@pytest.mark.area_bad_input
def test_unwritable_reports_dir_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = run_cli("run", "--reports-dir", str(blocker / "reports"), "--quiet")
    assert_one_line(proc, 2, "--reports-dir")


@pytest.mark.area_tamper
@pytest.mark.parametrize("folder", ["tagmanifest-sha256.txt", "manifest-md5.txt", "über reports"])
def test_reports_path_of_any_name_bundles(tmp_path: Path, folder: str) -> None:
    """bagit takes the hash name from the whole path: a reports folder named like a manifest broke it."""
    run = small_run(tmp_path / folder / "reports")
    bundle = make_bundle(run, BundleOptions(operator="tester", pdf=False))
    for path in (bundle.folder, bundle.zip):
        verdict = verify(path)
        assert verdict.ok, [p.line() for p in verdict.problems]

"""The fault harness: each defect of issue 15 injected by a test. Every test carries the area it counts
toward (`area_fault`, `area_bad_input`, `area_tamper`, `area_injection`) so `benchmarks/faults_tally.py`
(or `pytest -m area_tamper tests/faults`) gives the four counts."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import cv2
import numpy as np
import pytest

from consent_audit.cli import main
from consent_audit.masking import Masker
from consent_audit.model import Result
from consent_audit.run import Run

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "consent_audit.cli"]
SECRET = "Fault-Secret-4471"
AREAS = {"area_fault": "a fault during a run (signal, full disk, dead child)",
         "area_bad_input": "bad input to a command or a file",
         "area_tamper": "a tampered or hostile evidence bundle",
         "area_injection": "hostile markup captured from the audited app"}


def pytest_configure(config: pytest.Config) -> None:
    for name, what in AREAS.items():
        config.addinivalue_line("markers", f"{name}: fault harness area: {what}")


@pytest.fixture(autouse=True)
def no_full_disk_on_record() -> Iterator[None]:
    """A full disk one test injects is recorded process-wide (consent_audit.diskfull.PLACES): without this, a
    later test in the same process (pytest-xdist's order) would find its verdict not said."""
    from consent_audit import diskfull
    diskfull.forget()
    yield
    diskfull.forget()


def small_run(root: Path, run_id: str = "fault-run", source: str | None = None) -> Run:
    """A run folder as the recorder leaves it: one concluded test with a screenshot, a page source, a trace."""
    run = Run(root, run_id, device_profile="local-chromium", masker=Masker([SECRET]))
    test_dir = run.test_dir("flows/test_deletion.py::test_account_deletion[refapp-fair]")
    (test_dir / "steps").mkdir()
    image = np.full((240, 120, 3), 250, np.uint8)
    cv2.putText(image, "Delete", (10, 120), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 2)
    (test_dir / "steps" / "001-tap.png").write_bytes(cv2.imencode(".png", image)[1].tobytes())
    html = source if source is not None else f"<html><input value='{SECRET}'></html>"
    (test_dir / "steps" / "001-tap.html").write_text(html, encoding="utf-8")
    trace = {"steps": [{"index": 1, "kind": "tap", "title": 'Tap "Delete"', "at": "2026-11-28T10:00:00.000+00:00",
                        "files": {"screenshot": "steps/001-tap.png", "source": "steps/001-tap.html"}}],
             "trails": [], "captures": 1}
    (test_dir / "trace.json").write_text(json.dumps(trace), encoding="utf-8")
    record = Result(target="refapp-fair", flow="deletion", folder=str(test_dir.relative_to(run.dir)),
                    metrics={"steps": 1})
    record.conclude([])
    run.results.append(record)
    run.write_summary()
    return run


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command line in a child process (so a traceback or a stray print is seen as the user sees it)."""
    return subprocess.run(CLI + list(args), cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """The command line in this process: (exit status, stdout lines, stderr lines)."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.strip().splitlines(), out.err.strip().splitlines()


def assert_one_line(proc: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """Exit `code`, exactly one stderr line starting 'consent-audit: ' holding `words`, no traceback."""
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("consent-audit: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- the tally: which area each case counts toward, and whether it held (benchmarks/faults_tally.py) ------

_TALLY: dict[str, dict[str, str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not os.environ.get("CONSENT_AUDIT_TALLY") or "tests/faults/" not in report.nodeid.replace("\\", "/"):
        return
    entry = _TALLY.setdefault(report.nodeid, {"outcome": "not run"})
    if report.failed:
        entry["outcome"] = "failed"
    elif report.skipped and report.when in ("setup", "call"):
        entry["outcome"] = "skipped"
    elif report.when == "call" and entry["outcome"] == "not run":
        entry["outcome"] = "passed"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        areas = [name for name in AREAS if item.get_closest_marker(name)]
        if areas:
            _TALLY.setdefault(item.nodeid, {"outcome": "not run"})["area"] = areas[0]


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = os.environ.get("CONSENT_AUDIT_TALLY")
    if out:
        Path(out).write_text(json.dumps(_TALLY, indent=1), encoding="utf-8")

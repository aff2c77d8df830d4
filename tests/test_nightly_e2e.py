"""One real run through the farm options (≈30 s): judged against a baseline where a figure was lower (exit 1,
diff.json), retention, the trend page, the bag linking the run's own files without a zip, and the report
with reduced images — the bag still verifies."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from consent_audit.cli import main
from consent_audit.paths import ROOT

pytestmark = pytest.mark.e2e


def test_a_night_against_its_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = tmp_path / "reports"
    old = reports / "night-0"
    old.mkdir(parents=True)
    (old / "summary.json").write_text(json.dumps({"run_id": "night-0", "started": "2026-01-01T00:00:00+00:00",
        "results": [{"target": "refapp-fair", "flow": "deletion", "outcome": "clean", "findings": [],
                     "metrics": {"steps": 0}}]}), encoding="utf-8")
    (reports / "latest").symlink_to("night-0", target_is_directory=True)
    (reports / "night-older").mkdir()
    (reports / "night-older" / "summary.json").write_text(json.dumps({"run_id": "night-older", "results": [],
                                                                      "started": "2025-12-31T00:00:00+00:00"}))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "consent_audit.cli", "run", "--target", "refapp-fair",
                           "--flow", "deletion", "--quiet", "--no-zip", "--reports-dir", str(reports),
                           "--run-id", "night-1", "--baseline", str(reports / "latest"), "--keep", "1"],
                          capture_output=True, text=True, timeout=400, env=env, cwd=ROOT)
    said = proc.stdout[-3000:] + proc.stderr[-3000:]
    assert proc.returncode == 1, said                        # steps 0 → n: a regression
    run = reports / "night-1"
    diff = json.loads((run / "diff.json").read_text(encoding="utf-8"))
    steps = next(c for c in diff["changes"] if c["path"] == "steps")
    assert steps["old"] == "0" and steps["direction"] == "worse" and steps["regression"]
    assert "! " in proc.stdout and "steps to delete" in proc.stdout
    assert not re.search(r"^audit \d+/\d+", proc.stdout, re.M)       # --quiet: no progress line
    assert (reports / "night-0").is_dir() and not (reports / "night-older").exists()  # the baseline is protected
    assert "removed 1 run folders" in proc.stdout and "kept 2" in proc.stdout
    assert (reports / "trend.html").is_file() and (reports / ".allure" / "history.jsonl").is_file()
    bag = run / "evidence-night-1"
    assert not (run / "evidence-night-1.zip").exists()
    shots = sorted((run / "tests").rglob("*.png"))
    assert shots and all(os.path.samefile(p, bag / "data" / p.relative_to(run)) for p in shots)
    assert "image/png;base64" not in (run / "report.html").read_text(encoding="utf-8")[:5_000_000]
    assert main(["verify", str(bag)]) == 0, capsys.readouterr()

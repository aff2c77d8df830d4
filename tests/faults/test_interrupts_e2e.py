"""Defects 1 and 8 end to end: a real run stopped by a signal at a chosen step, or killed outright, still
ends as `interrupted`, exit 2, one line, everything captured so far summarised and in a verifying bundle."""
from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Callable

import pytest

from consent_audit.waits import wait_until

from .conftest import CLI, ROOT, run_cli

pytestmark = pytest.mark.e2e


def _group_of_children(pid: int) -> list[int]:
    """Process groups of the run's children (the Appium server runs in its own session)."""
    groups = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            groups.add(int(fields[2]))
    return sorted(groups - {os.getpgid(pid)})


def _start(tmp_path: Path, flow: str) -> tuple[subprocess.Popen, Path]:
    reports = tmp_path / "reports"
    log = (tmp_path / "run.log").open("w")
    proc = subprocess.Popen(CLI + ["run", "--target", "refapp-fair", "--flow", flow, "--quiet",
                                   "--reports-dir", str(reports), "--run-id", "stopped"],
                            stdout=log, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    return proc, reports / "stopped"


def _when(proc: subprocess.Popen, ready: Callable[[], bool], what: str) -> None:
    wait_until(lambda: proc.poll() is not None or ready(), timeout=240, interval=0.05, message=what)
    assert proc.poll() is None, f"the run ended before {what}"


def _verifies(path: Path) -> None:
    proc = run_cli("verify", str(path))
    assert proc.returncode == 0 and proc.stdout.startswith("consent-audit: OK"), proc.stdout + proc.stderr


@pytest.mark.area_fault
@pytest.mark.parametrize(("flow", "sent", "pngs"), [("permissions", signal.SIGINT, 8),
                                                    ("permissions", signal.SIGTERM, 3)],
                         ids=["permissions-ctrl-c-after-first-deny", "permissions-sigterm-at-start"])
def test_signal_at_a_step_ends_interrupted(tmp_path: Path, flow: str, sent: int, pngs: int) -> None:
    proc, run_dir = _start(tmp_path, flow)
    try:
        _when(proc, lambda: len(list((run_dir / "tests").glob("*/steps/*.png"))) >= pngs, f"{pngs} screenshots")
        proc.send_signal(sent)
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "AttributeError" not in err, err
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["outcome"] == "interrupted" and summary["results"][0]["outcome"] == "interrupted"
    _verifies(run_dir / "evidence-stopped.zip")


@pytest.mark.area_fault
def test_killed_run_is_bundled_afterwards(tmp_path: Path) -> None:
    proc, run_dir = _start(tmp_path, "deletion")
    try:
        _when(proc, lambda: len(list((run_dir / "tests").glob("*/steps/*.png"))) >= 2, "2 screenshots")
        groups = _group_of_children(proc.pid)
        proc.kill()
        proc.wait()
    finally:
        for group in groups if "groups" in dir() else []:      # the orphans SIGKILL leaves (defect 11)
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert not (run_dir / "summary.json").exists()
    made = run_cli("bundle", str(run_dir))
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stdout + made.stderr
    _verifies(run_dir / "evidence-stopped.zip")
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert "killed" in summary["interrupted"]

"""Defect 11: every process the suite starts ends with the run: when the run is killed outright, and when
chromedriver or the Appium server dies under it; a later run never trips over an orphan."""
from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from consent_audit.reaper import group_alive
from consent_audit.waits import wait_until

from .conftest import CLI, ROOT

pytestmark = pytest.mark.e2e


def _children(pid: int) -> list[tuple[int, int, bytes]]:
    """(pid, process group, command line) of the children of `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append((int(stat.parent.name), int(fields[2]), (stat.parent / "cmdline").read_bytes()))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _start(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    reports = tmp_path / "reports"
    proc = subprocess.Popen(CLI + ["run", "--target", "refapp-fair", "--flow", "deletion", "--quiet",
                                   "--reports-dir", str(reports), "--run-id", "orphans"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    run_dir = reports / "orphans"
    wait_until(lambda: proc.poll() is not None or len(list((run_dir / "tests").glob("*/steps/*.png"))) >= 2,
               timeout=240, interval=0.05, message="2 screenshots")
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    return proc, run_dir


def _appium_group(run_pid: int) -> int:
    return next(group for pid, group, command in _children(run_pid) if b"appium" in command and b"server" in command)


@pytest.mark.area_fault
@pytest.mark.parametrize("victim", ["run", "chromedriver", "appium"])
def test_no_process_outlives_the_run(tmp_path: Path, victim: str) -> None:
    proc, run_dir = _start(tmp_path)
    group = _appium_group(proc.pid)
    tmpdir = next(item.split(b"=", 1)[1] for item in Path(f"/proc/{group}/environ").read_bytes().split(b"\0")
                  if item.startswith(b"TMPDIR="))
    try:
        if victim == "run":
            proc.kill()
        else:
            pids = [pid for pid, _, command in _children(group) if b"chromedriver" in command] \
                if victim == "chromedriver" else [group]
            assert pids, _children(group)
            os.kill(pids[0], signal.SIGKILL)
        proc.communicate(timeout=300)
        wait_until(lambda: not group_alive(group), timeout=30, interval=0.1, message="the Appium group to end")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if group_alive(group):                     # do not leave them to the next test
            os.killpg(group, signal.SIGKILL)
    # the group's own TMPDIR (Chromium's and chromedriver's leftovers) goes with it, however the run ended
    wait_until(lambda: not os.path.exists(tmpdir), timeout=30, interval=0.1, message="the group's TMPDIR removed")
    if victim != "run":
        assert proc.returncode == 2
        summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
        assert summary["outcome"] in ("broken", "interrupted")

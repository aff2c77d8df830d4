"""Defect 4 end to end: the reports folder on a tiny tmpfs fills up during the capture. One line saying
the disk is full and where, exit 2, no traceback, and summary.json (when it still fits) marked incomplete."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from .conftest import run_cli

pytestmark = pytest.mark.e2e


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1.5 MB tmpfs (needs root, as on this project's machines and CI)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0 or os.geteuid() != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.area_fault
def test_disk_full_during_capture(tiny_disk: Path) -> None:
    proc = run_cli("run", "--target", "refapp-fair", "--flow", "deletion", "--quiet", "--reports-dir",
                   str(tiny_disk / "reports"), "--run-id", "full", timeout=600)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("consent-audit: the disk is full at "), lines[:5]
    assert str(tiny_disk) in lines[0]
    summary = tiny_disk / "reports" / "full" / "summary.json"
    if summary.exists():
        assert "disk is full" in json.loads(summary.read_text(encoding="utf-8"))["incomplete"]

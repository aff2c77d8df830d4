"""An interrupted run (Ctrl-C, SIGTERM from a CI timeout, the Appium server killed) still leaves a bundle of
everything captured so far that verifies and says it was interrupted; no server is left behind."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import bagit
import pytest

from plain_files import plain_bytes
from consent_audit.evidence import layout
from consent_audit.paths import ROOT
from consent_audit.targets import load_target
from consent_audit.waits import wait_until

pytestmark = pytest.mark.e2e

CLI = [str(Path(sys.executable).with_name("consent-audit"))]
RUN_ID = "interrupted"


def _appium_pid(parent: int) -> int | None:
    """The Appium server the run started (a child of the consent-audit process)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == parent and b"appium" in command and b"server" in command:
            return int(stat.parent.name)
    return None


def _children(parent: int) -> list[tuple[int, bytes]]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == parent:
                found.append((int(stat.parent.name), (stat.parent / "cmdline").read_bytes()))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _browser_pid(appium: int) -> int | None:
    """The browser of the current session: Appium → chromedriver → chromium."""
    for driver, command in _children(appium):
        if b"chromedriver" in command:
            for pid, child in _children(driver):
                if b"chrom" in child:
                    return pid
    return None


def _group_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@pytest.fixture
def started(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """`consent-audit run` on the fair target in the background (the deletion flow, or the flows given as the
    fixture's param), once its first screenshot is on disk."""
    reports = tmp_path / "reports"
    log = (tmp_path / "run.log").open("w")
    flows = [a for flow in getattr(request, "param", ["deletion"]) for a in ("--flow", flow)]
    proc = subprocess.Popen(CLI + ["run", "--target", "refapp-fair", *flows, "--quiet",
                                   "--reports-dir", str(reports), "--run-id", RUN_ID],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT)
    run_dir = reports / RUN_ID
    state: dict[str, Any] = {"proc": proc, "run_dir": run_dir, "log": tmp_path / "run.log", "appium": None}
    try:
        wait_until(lambda: proc.poll() is not None or any((run_dir / "tests").glob("*/steps/*.png")), timeout=120,
                   interval=0.1, message="the run's first screenshot")
        assert proc.poll() is None, state["log"].read_text()
        state["appium"] = _appium_pid(proc.pid)
        assert state["appium"] is not None
        yield state
    finally:
        if proc.poll() is None:                  # the test failed before the run ended: end it, and its server
            proc.kill()
            proc.wait(timeout=30)
        if state["appium"] is not None and not _group_gone(state["appium"]):
            os.killpg(state["appium"], signal.SIGKILL)
        log.close()


def _check_bundle(run_dir: Path, reason: str) -> None:
    folder, zipped = run_dir / layout.bundle_name(RUN_ID), run_dir / f"{layout.bundle_name(RUN_ID)}.zip"
    assert folder.is_dir() and zipped.is_file()
    for path in (folder, zipped):
        proc = subprocess.run(CLI + ["verify", str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0 and proc.stdout.startswith("consent-audit: OK"), proc.stdout + proc.stderr
    info = bagit.Bag(str(folder)).info
    assert reason in info["Interrupted"]
    data = folder / "data"
    summary = json.loads((data / "summary.json").read_text(encoding="utf-8"))
    assert reason in summary["interrupted"]
    assert list((data / "tests").glob("*/steps/*.png")), "the screenshots captured before the interruption"
    assert list((data / "tests").glob("*/trace.json")), "the trace of the interrupted test"
    page = (data / layout.SUMMARY_HTML).read_text(encoding="utf-8")
    assert reason in page and "data:image/jpeg;base64," in page     # the screens captured before it stopped
    secrets = load_target("refapp-fair").secrets()
    for path in folder.rglob("*"):
        if path.is_file():
            assert not any(s.encode() in plain_bytes(path) for s in secrets), path


@pytest.mark.parametrize("started", [["deletion", "consent"]], indirect=True)
@pytest.mark.parametrize(("sent", "reason"), [(signal.SIGINT, "interrupted by the user (Ctrl-C)"),
                                             (signal.SIGTERM, "terminated (SIGTERM)")], ids=["ctrl-c", "sigterm"])
def test_signal_leaves_a_verifying_bundle(started: dict[str, Any], sent: signal.Signals, reason: str) -> None:
    proc = started["proc"]
    proc.send_signal(sent)
    code = proc.wait(timeout=240)
    output = started["log"].read_text()
    assert code == 2, output[-3000:]
    assert "Traceback" not in output
    _check_bundle(started["run_dir"], reason)
    summary = json.loads((started["run_dir"] / "summary.json").read_text(encoding="utf-8"))
    outcomes = {r["flow"]: (r["outcome"], r.get("message", "")) for r in summary["results"]}
    assert set(outcomes) == {"deletion", "consent"}             # the audit whose turn never came is listed too
    assert outcomes["consent"][0] == "interrupted" and "before this audit started" in outcomes["consent"][1]
    wait_until(lambda: _group_gone(started["appium"]), timeout=30, message="the Appium server to be gone")


def test_killed_appium_server_is_recorded(started: dict[str, Any]) -> None:
    os.killpg(started["appium"], signal.SIGKILL)         # the server and the drivers it started
    code = started["proc"].wait(timeout=240)
    output = started["log"].read_text()
    assert code == 2, output[-3000:]
    _check_bundle(started["run_dir"], "the Appium server stopped during the run")
    summary = json.loads((started["run_dir"] / "summary.json").read_text(encoding="utf-8"))
    assert [r["outcome"] for r in summary["results"]] == ["broken"]


def test_crashed_browser_is_recorded(started: dict[str, Any]) -> None:
    browser = wait_until(lambda: _browser_pid(started["appium"]), timeout=30, message="the session's browser")
    assert browser is not None
    os.kill(browser, signal.SIGKILL)
    code = started["proc"].wait(timeout=240)
    output = started["log"].read_text()
    assert code == 2, output[-3000:]
    folder = started["run_dir"] / layout.bundle_name(RUN_ID)
    proc = subprocess.run(CLI + ["verify", str(folder.with_suffix(".zip"))], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    info = bagit.Bag(str(folder)).info
    assert info["Broken-Audit"].startswith("refapp-fair/deletion: ") and "Interrupted" not in info
    summary = json.loads((folder / "data" / "summary.json").read_text(encoding="utf-8"))
    assert [r["outcome"] for r in summary["results"]] == ["broken"] and summary["results"][0]["message"]
    assert list((folder / "data" / "tests").glob("*/steps/*.png"))

"""Bad input: one clear line on stderr, exit status 2, no traceback, nothing half-written."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "consent_audit.cli"]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def assert_one_line_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("consent-audit: ")
    assert "Traceback" not in proc.stderr + proc.stdout
    for word in words:
        assert word in lines[0], lines[0]


def test_unknown_profile(tmp_path: Path) -> None:
    proc = run_cli("run", "--profile", "no-such-phone", "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "unknown profile 'no-such-phone'", "local-chromium")
    assert list(tmp_path.iterdir()) == []


def test_malformed_capability(tmp_path: Path) -> None:
    proc = run_cli("run", "--capability", "appium:newCommandTimeout", "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "malformed --capability", "KEY=VALUE")
    assert list(tmp_path.iterdir()) == []


def test_unreachable_appium_url(tmp_path: Path) -> None:
    with socket.socket() as sock:          # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run_cli("run", "--appium-url", f"http://127.0.0.1:{port}", "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "unreachable", f"127.0.0.1:{port}")
    assert list(tmp_path.iterdir()) == []


def test_appium_url_of_a_server_that_is_not_appium(tmp_path: Path, static_url: str) -> None:
    proc = run_cli("run", "--appium-url", static_url, "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "not an Appium server", "HTTP 404")
    assert list(tmp_path.iterdir()) == []


def test_chromedriver_missing(tmp_path: Path) -> None:
    proc = run_cli("run", "--capability", "appium:executable=/nonexistent/chromedriver", "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "chromedriver not found at /nonexistent/chromedriver", "make setup")


def test_chromium_missing(tmp_path: Path) -> None:
    proc = run_cli("run", "--capability", "goog:chromeOptions.binary=/nonexistent/chromium", "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, "chromium not found at /nonexistent/chromium")


def test_requested_port_taken(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        proc = run_cli("run", "--appium-port", str(port), "--reports-dir", str(tmp_path))
    assert_one_line_error(proc, f"port {port} is already in use")


def test_android_profile_without_device_fails_fast(tmp_path: Path) -> None:
    """No emulator here: the preflight check answers before any session is asked for (not the driver's 20 s
    wait; not timed here — a loaded machine slows the CLI's start alone past any bound: no run folder is made)."""
    proc = run_cli("run", "--profile", "android-emulator", "--reports-dir", str(tmp_path))
    assert not any(tmp_path.iterdir()), "a run was started before the device check"
    # adb missing or no device listed: either way one line that says how to start an emulator
    assert_one_line_error(proc, "emulator", "--appium-url")


def test_android_target_without_device_names_how_to_start_one(tmp_path: Path, monkeypatch) -> None:
    from consent_audit.errors import UsageError
    from consent_audit.platforms import check_android_device
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    adb = fake_bin / "adb"
    adb.write_text("#!/bin/sh\necho 'List of devices attached'\necho\n")
    adb.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}:{os.environ['PATH']}")
    with pytest.raises(UsageError, match="no Android device attached.*emulator -avd.*--appium-url"):
        check_android_device()


def test_missing_environment_credentials_named(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAUCE_")}
    proc = subprocess.run(CLI + ["run", "--profile", "sauce-android", "--reports-dir", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env)
    assert_one_line_error(proc, "SAUCE_USERNAME")

"""The adb commands that route an Android device through mitmproxy: as the code emits them, as docs/android.md
shows them, as `consent-audit proxy-setup` prints and runs them (with a recording `adb` on PATH)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from consent_audit.cli import main
from consent_audit.paths import SOURCE_ROOT
from consent_audit.traffic.android_proxy import (APEX_SCRIPT, CA_MODES, clear_commands, setup_commands,
                                                 shell_line, subject_hash_old)

DOC = SOURCE_ROOT / "docs" / "android.md"
MITM_HASH = "c8750f0d"       # subject_hash_old of mitmproxy's CA subject (CN=mitmproxy, O=mitmproxy)


@pytest.fixture(scope="module")
def mitm_ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA made the way mitmproxy makes its own (mitmproxy.certs.CertStore), without starting a proxy."""
    from mitmproxy.certs import CertStore
    folder = tmp_path_factory.mktemp("confdir")
    CertStore.create_store(folder, "mitmproxy", 2048)
    return folder / "mitmproxy-ca-cert.pem"


def doc_blocks() -> list[list[str]]:
    """The fenced code blocks of the Android proxy section, as lists of lines."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Traffic through mitmproxy"):]
    section = section[:section.index("\n## ", 4)]
    return [block.strip().splitlines() for block in re.findall(r"```\n(.*?)```", section, re.S)]


def as_documented(commands: list[list[str]]) -> list[str]:
    """Shell lines with the APEX script's path as the docs give it (relative to the checkout)."""
    script = str(APEX_SCRIPT.relative_to(SOURCE_ROOT))
    return [shell_line(command).replace(str(APEX_SCRIPT), script) for command in commands]


def test_subject_hash_matches_openssl(mitm_ca: Path) -> None:
    openssl = subprocess.run(["openssl", "x509", "-subject_hash_old", "-noout", "-in", str(mitm_ca)],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert subject_hash_old(mitm_ca.read_bytes()) == openssl == MITM_HASH


@pytest.mark.parametrize("mode", CA_MODES)
def test_documented_commands_are_the_emitted_ones(mode: str) -> None:
    emitted = as_documented(setup_commands(8080, Path("mitmproxy-ca-cert.pem"), MITM_HASH, mode))
    blocks = doc_blocks()
    if mode == "none":
        assert emitted in blocks
    else:
        assert emitted in blocks, f"docs/android.md shows no block equal to {emitted}"
        assert f"--ca-mode {mode} --print" in DOC.read_text(encoding="utf-8")
    assert as_documented(clear_commands(8080)) in blocks


def test_order_ca_first_then_proxy_after_any_reboot() -> None:
    lines = [shell_line(c) for c in setup_commands(9, Path("ca.pem"), "abcd0123", "writable-system", "emulator-5554")]
    assert all(line.startswith("adb -s emulator-5554 ") for line in lines)
    assert lines.index("adb -s emulator-5554 reboot") < lines.index("adb -s emulator-5554 reverse tcp:9 tcp:9")
    assert lines[-1] == "adb -s emulator-5554 shell settings put global http_proxy 127.0.0.1:9"


@pytest.mark.parametrize("port, mode, message", [(0, "none", "outside 1-65535"), (70000, "none", "outside"),
                                                 (8080, "magisk", "unknown")])
def test_bad_arguments_are_one_line(port: int, mode: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        setup_commands(port, Path("ca.pem"), MITM_HASH, mode)


def test_apex_script_is_valid_shell() -> None:
    subprocess.run(["sh", "-n", str(APEX_SCRIPT)], check=True)
    text = APEX_SCRIPT.read_text(encoding="utf-8")
    assert "/apex/com.android.conscrypt/cacerts" in text and "nsenter --mount=/proc/" in text


def test_cli_prints_the_commands(mitm_ca: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["proxy-setup", "--port", "8080", "--ca", str(mitm_ca), "--ca-mode", "apex", "--print"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed == [shell_line(c) for c in setup_commands(8080, mitm_ca, MITM_HASH, "apex")]


def fake_adb(folder: Path, status: int = 0) -> dict[str, str]:
    """An `adb` on PATH that appends its arguments to calls.txt and exits with `status`."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "adb"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/calls.txt"\necho "error: no devices" >&2\n'
                      f"exit {status}\n", encoding="utf-8")
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_cli_runs_them_through_adb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in fake_adb(tmp_path / "bin").items():
        monkeypatch.setenv(key, value)
    assert main(["proxy-setup", "--port", "8081", "--serial", "emulator-5556"]) == 0
    calls = (tmp_path / "bin" / "calls.txt").read_text(encoding="utf-8").splitlines()
    assert calls == ["-s emulator-5556 reverse tcp:8081 tcp:8081",
                     "-s emulator-5556 shell settings put global http_proxy 127.0.0.1:8081"]


def test_cli_failure_and_bad_ca_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for key, value in fake_adb(tmp_path / "bin", status=1).items():
        monkeypatch.setenv(key, value)
    assert main(["proxy-setup", "--port", "8081", "--clear"]) == 2
    assert capsys.readouterr().err.strip() == ("consent-audit: `adb shell settings put global http_proxy :0` "
                                               "failed (status 1): error: no devices")
    (tmp_path / "ca.pem").write_text("not a certificate", encoding="utf-8")
    assert main(["proxy-setup", "--port", "8081", "--ca", str(tmp_path / "ca.pem"), "--ca-mode", "apex"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a PEM certificate" in err[0]

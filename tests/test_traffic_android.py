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


WORKFLOW = SOURCE_ROOT / ".github" / "workflows" / "nightly-farm.yml"


def _expand(text: str, values: dict[str, str]) -> str:
    """A workflow line with its `${{ matrix.X }}`, `${{ env.X }}`, `${{ github.workspace }}` and `$X` replaced."""
    text = re.sub(r"\$\{\{\s*(?:matrix|env)\.([\w-]+)\s*\}\}", lambda m: values[m.group(1)], text)
    text = text.replace("${{ github.workspace }}", values["workspace"])
    return re.sub(r"\$([A-Z_]+)", lambda m: values[m.group(1)], text)


@pytest.mark.parametrize("api_level", [33, 34])
def test_the_nightly_workflow_routes_the_emulator_through_the_proxy_before_the_audit(
        api_level: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The farm captures the traffic: on the emulator it starts, `proxy-setup` (CA made in the lasting confdir,
    installed the way that image takes a system CA, the emulator routed) comes before the app's forward (a
    reboot ends forwards) and before `run --traffic proxy` on the same port with the same confdir; the
    commands are the ones the code emits, in the documented order, and `run` accepts that confdir."""
    import shlex

    import yaml

    from consent_audit.cli import parser
    from consent_audit.commands.proxy_setup import run_args
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    audit = flow["jobs"]["audit"]
    assert api_level in audit["strategy"]["matrix"]["api-level"]
    matrix = next(m for m in audit["strategy"]["matrix"]["include"] if m["api-level"] == api_level)
    step = [s for s in audit["steps"] if str(s.get("uses", "")).startswith("reactivecircus/android-emulator-runner@")][-1]
    values = {**{k: str(v) for k, v in {**flow["env"], **audit["env"]}.items()}, **{k: str(v) for k, v in matrix.items()},
              "api-level": str(api_level), "workspace": str(tmp_path), "TRACKER_HOSTS": "app.adjust.com,graph.facebook.com"}
    values = {k: _expand(v, values) if "$" in v and k != "TARGETS" else v for k, v in values.items()}
    lines = [line for line in step["with"]["script"].splitlines() if line.strip()]
    setup = next(i for i, line in enumerate(lines) if "consent-audit proxy-setup" in line)
    forward = next(i for i, line in enumerate(lines) if line.startswith("adb reverse tcp:${{ env.REFAPP_PORT }}"))
    audit_line = next(i for i, line in enumerate(lines) if "consent-audit run " in line)
    assert setup < forward < audit_line
    assert "--traffic off" not in audit["env"]["AUDIT_ARGS"]
    ca_mode = matrix["ca-setup"].split("--ca-mode ")[1].split()[0]
    if ca_mode == "writable-system":               # remount needs it; the snapshot cannot hold a writable system
        assert "-writable-system" in _expand(step["with"]["emulator-options"], values)
    # proxy-setup as the workflow runs it, printed: the code's commands, CA first, the route last
    argv = shlex.split(_expand(lines[setup], values))
    assert argv[0].endswith("consent-audit")
    assert main([*argv[1:], "--print"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    port, confdir = int(values["PROXY_PORT"]), Path(values["MITM_CONFDIR"])
    ca = confdir / "mitmproxy-ca-cert.pem"
    assert ca.is_file()                            # made in the lasting confdir, kept for the audit
    emitted = setup_commands(port, ca, subject_hash_old(ca.read_bytes()), ca_mode,
                             disable_verification="--disable-verification" in argv)
    assert printed == [shell_line(c) for c in emitted]
    assert printed[-2:] == [f"adb reverse tcp:{port} tcp:{port}",
                            f"adb shell settings put global http_proxy 127.0.0.1:{port}"]
    # the audit: the proxy on that port with that CA, the tracker hosts mapped; `run` accepts the confdir now
    run_argv = shlex.split(_expand(lines[audit_line].split(" $(printf")[0], values))
    args = parser().parse_args(run_argv[1:])
    assert (args.traffic, args.proxy_port, Path(args.proxy_confdir)) == ("proxy", port, confdir)
    assert run_args(args) == ["--proxy-port", str(port), "--proxy-confdir", str(confdir.resolve()),
                              "--proxy-loopback-hosts", values["TRACKER_HOSTS"]]
    hosts_step = "\n".join(s.get("run", "") for s in audit["steps"])
    assert 'echo "TRACKER_HOSTS=$(.venv/bin/python -m refapp --tracker-hosts)" >> "$GITHUB_ENV"' in hosts_step


def test_disabling_verification_comes_first_as_documented() -> None:
    plain = setup_commands(8080, Path("mitmproxy-ca-cert.pem"), MITM_HASH, "writable-system")
    first = setup_commands(8080, Path("mitmproxy-ca-cert.pem"), MITM_HASH, "writable-system",
                           disable_verification=True)
    assert first[len(first) - len(plain):] == plain
    assert as_documented(first[:len(first) - len(plain)]) in doc_blocks()
    with pytest.raises(ValueError, match="writable-system only"):
        setup_commands(8080, Path("ca.pem"), MITM_HASH, "apex", disable_verification=True)


def test_run_proxy_options_are_checked_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from consent_audit.cli import parser
    from consent_audit.commands.proxy_setup import run_args
    from consent_audit.errors import UsageError
    base = ["run", "--profile", "android-emulator"]
    with pytest.raises(UsageError, match="holds no mitmproxy-ca-cert.pem.*proxy-setup --confdir"):
        run_args(parser().parse_args([*base, "--traffic", "proxy", "--proxy-confdir", str(tmp_path)]))
    with pytest.raises(UsageError, match="--proxy-port applies to the mitmproxy capture; pass --traffic proxy"):
        run_args(parser().parse_args([*base, "--traffic", "cdp", "--proxy-port", "8080"]))
    with pytest.raises(UsageError, match="outside 1-65535"):
        run_args(parser().parse_args([*base, "--traffic", "proxy", "--proxy-port", "70000"]))
    assert run_args(parser().parse_args(base)) == []
    assert main(["proxy-setup", "--port", "8080", "--ca", "x.pem", "--confdir", str(tmp_path)]) == 2
    assert "not both" in capsys.readouterr().err


def test_refapp_prints_its_tracker_hosts() -> None:
    import sys

    from refapp.catalog import load_variants
    from refapp.trackers import tracker_hosts
    out = subprocess.run([sys.executable, "-m", "refapp", "--tracker-hosts"], cwd=SOURCE_ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout.strip()
    assert out.split(",") == list(tracker_hosts(load_variants())) and "app.adjust.com" in out

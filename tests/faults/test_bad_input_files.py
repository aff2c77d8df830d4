"""Defect 9 (and 5's reports folder): bad input is one line on stderr, exit 2, no traceback, whatever the
input: numbers out of range, an Appium URL that does not speak HTTP, target and profile files with fields
of the wrong type (checked against their JSON Schemas)."""
from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from consent_audit.paths import PROFILES
from consent_audit.targets import find_target

from .conftest import assert_one_line, run_cli

NUMBERS = [("run", "--appium-port", "70000", "--appium-port"), ("run", "--appium-port", "-5", "--appium-port"),
           ("run", "--appium-port", "0", "--appium-port"), ("run", "--relaunches", "1000000000", "--relaunches"),
           ("run", "--relaunches", "0", "--relaunches"),
           ("explore", "--budget-seconds", "nan", "--budget-seconds"),
           ("explore", "--budget-seconds", "inf", "--budget-seconds"),
           ("explore", "--budget-seconds", "-1", "--budget-seconds"),
           ("explore", "--budget-actions", "0", "--budget-actions"),
           ("explore", "--relaunches", "1000000000", "--relaunches")]


@pytest.mark.area_bad_input
@pytest.mark.parametrize(("command", "option", "value", "word"), NUMBERS,
                         ids=[f"{c}{o}={v}" for c, o, v, _ in NUMBERS])
def test_numbers_out_of_range(tmp_path: Path, command: str, option: str, value: str, word: str) -> None:
    extra = ["--url", "http://127.0.0.1:9/", "--goal", "consent"] if command == "explore" else []
    proc = run_cli(command, *extra, option, value, "--reports-dir", str(tmp_path / "r"), "--quiet")
    assert_one_line(proc, 2, word)
    assert not (tmp_path / "r").exists()


@pytest.fixture
def not_http() -> Iterator[int]:
    """A loopback port that answers every connection with a line that is not HTTP."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.sendall(b"SSH-2.0-OpenSSH_9.6 not http\r\n")
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    server.close()


@pytest.mark.area_bad_input
def test_appium_url_that_is_not_http(tmp_path: Path, not_http: int) -> None:
    proc = run_cli("run", "--appium-url", f"http://127.0.0.1:{not_http}", "--reports-dir", str(tmp_path / "r"))
    assert_one_line(proc, 2, f"127.0.0.1:{not_http}", "--appium-url")


def _target_with(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load(find_target("refapp-fair").read_text(encoding="utf-8"))  # type: ignore[union-attr]
    data.update(changes)
    data["truth"] = str(find_target("refapp-fair").parent / data["truth"])  # type: ignore[union-attr]
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


TARGET_FIELDS = [("account", ["user", "pass"], "account"), ("permissions", "camera", "permissions"),
                 ("default", "no", "default"), ("kind", "desktop", "kind"), ("pages", "no colon here", "pages"),
                 ("account", {"password": {"secret": "yes"}}, "account.password.secret"),
                 ("collected_at_signup", ["name", 2], "collected_at_signup.1"), ("start", 42, "start")]


@pytest.mark.area_bad_input
@pytest.mark.parametrize(("field", "value", "named"), TARGET_FIELDS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(TARGET_FIELDS)])
def test_target_field_of_the_wrong_type(tmp_path: Path, field: str, value: object, named: str) -> None:
    path = _target_with(tmp_path, **{field: value})
    proc = run_cli("run", "--target", str(path), "--reports-dir", str(tmp_path / "r"))
    line = assert_one_line(proc, 2, str(path), f"field '{named}'")
    assert "must be" in line or "unknown key" in line


def _profile_with(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load((PROFILES / "local-chromium.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "hostile-profile.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


PROFILE_FIELDS = [("requires_device", "no", "requires_device"), ("server", "cloud", "server"),
                  ("capabilities", ["a"], "capabilities"), ("secret_capabilities", "x", "secret_capabilities"),
                  ("appium_url", 4723, "appium_url")]


@pytest.mark.area_bad_input
@pytest.mark.parametrize(("field", "value", "named"), PROFILE_FIELDS, ids=[f for f, _, _ in PROFILE_FIELDS])
def test_profile_field_of_the_wrong_type(tmp_path: Path, field: str, value: object, named: str) -> None:
    path = _profile_with(tmp_path, **{field: value})
    proc = run_cli("run", "--profile", str(path), "--reports-dir", str(tmp_path / "r"))
    assert_one_line(proc, 2, str(path), f"field '{named}'", "must be")


@pytest.mark.area_bad_input
def test_targets_listing_survives_a_broken_target(tmp_path: Path) -> None:
    folder = tmp_path / "project" / "assets" / "targets"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("kind: web\nplatform: web-chromium\nstart: http://127.0.0.1:9/\n"
                                        "pages: x.y:Z\naccount: [a, b]\n", encoding="utf-8")
    proc = run_cli("targets", env={"CONSENT_AUDIT_ROOT": str(tmp_path / "project")})
    line = assert_one_line(proc, 2, "broken.yaml", "field 'account'")
    assert "refapp-fair" in proc.stdout, line

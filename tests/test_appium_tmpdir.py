"""The Appium server's group (chromedriver, Chromium) gets a TMPDIR of its own, removed when the server stops:
Chromium leaves `org.chromium.Chromium.*` and chromedriver `scoped_dir*` folders in TMPDIR that nothing else
removes (about 1800 per CI run before)."""
from __future__ import annotations

import os
from pathlib import Path

from consent_audit.appium_server import AppiumServer


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode("utf-8", "replace").split("=", 1) for item in raw if b"=" in item)


def test_the_server_group_has_its_own_tmpdir_removed_at_stop(tmp_path: Path) -> None:
    server = AppiumServer(tmp_path / "appium.log").start()
    try:
        assert server.process is not None and server.tmpdir is not None
        tmpdir = server.tmpdir
        assert _environ(server.process.pid)["TMPDIR"] == str(tmpdir)
        assert tmpdir.is_dir() and tmpdir != Path(os.environ.get("TMPDIR", "/tmp"))
        (tmpdir / "org.chromium.Chromium.left").mkdir()          # what a browser of the group leaves
    finally:
        server.stop()
    assert not tmpdir.exists()

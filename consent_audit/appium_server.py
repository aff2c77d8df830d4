"""The Appium 3 server the suite starts on loopback (or the external one given by --appium-url)."""
from __future__ import annotations

import gzip
import http.client
import json
import logging
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from .errors import UsageError
from .masking import Masker
from .paths import APPIUM_HOME, NODE_MODULES
from .waits import wait_until

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"


def free_port(host: str = LOOPBACK) -> int:
    return free_ports(1, host)[0]


def free_ports(count: int, host: str = LOOPBACK) -> list[int]:
    """`count` distinct free ports: all held open together while chosen (ports picked one after another may
    come back the same once each is released)."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:
            sock.bind((host, 0))
        return [int(sock.getsockname()[1]) for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def port_in_use(port: int, host: str = LOOPBACK) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def server_status(url: str, timeout: float = 3.0) -> dict:
    """GET /status of an Appium server; raises UsageError when it does not answer."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/status", timeout=timeout) as response:
            answer = json.loads(response.read(1 << 20).decode("utf-8"))
    except urllib.error.HTTPError as exc:        # something answers there, but not an Appium server
        raise UsageError(f"{url} answered GET /status with HTTP {exc.code}: it is not an Appium server (or not at "
                         f"this path); check --appium-url") from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}".rstrip(": ")
        reason = (str(reason).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise UsageError(f"Appium server at {url} is unreachable ({reason}); start it or check --appium-url") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("value", {}), dict):
        raise UsageError(f"{url} answered /status, but not as an Appium server does; check --appium-url")
    return answer.get("value", {})


def find_appium(node_modules: Path = NODE_MODULES) -> list[str] | None:
    """The command that runs Appium: the project's node_modules/appium (`npm install`) through node, else an
    `appium` on PATH (a global install); None when there is neither."""
    entry = node_modules / "appium" / "index.js"
    node = shutil.which("node")
    if entry.is_file() and node is not None:
        return [node, str(entry)]
    found = shutil.which("appium")
    return [found] if found else None


NOT_INSTALLED = ("Appium is not installed: no node_modules/appium here and no `appium` on PATH; install it "
                 "(npm install appium && npx appium driver install chromium) or give --appium-url")


class AppiumServer:
    """A local Appium server process bound to loopback, with its log in the run folder."""

    def __init__(self, log_path: Path, port: int | None = None, masker: Masker | None = None,
                 appium_home: Path = APPIUM_HOME, node_modules: Path = NODE_MODULES,
                 extra_args: list[str] | None = None, compress_log: bool = False) -> None:
        """`extra_args`: more `appium server` arguments (e.g. --default-capabilities for a Grid node's server);
        `compress_log`: at stop, the log becomes `<log>.gz` (masked again with every secret known by then) — the
        debug log of a run is ~9 MB per server and compresses about tenfold."""
        self.log_path = log_path
        self.compress_log = compress_log
        self.extra_args = list(extra_args or [])
        self.port = port
        self.masker = masker or Masker()
        self._pump: threading.Thread | None = None
        self.appium_home = appium_home
        self.command = find_appium(node_modules)
        self.process: subprocess.Popen | None = None
        self.tmpdir: Path | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self, timeout: float = 60.0) -> "AppiumServer":
        if self.command is None:
            raise UsageError(NOT_INSTALLED)
        if self.port is None:
            self.port = free_port()
        elif port_in_use(self.port):
            raise UsageError(f"port {self.port} is already in use; choose another --appium-port or omit it")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # The log goes through the masker line by line: a secret registered at any time before it is
        # typed never reaches the file (Appium's own --log-filters are fixed at start).
        args = [*self.command, "server", "--address", LOOPBACK, "--port", str(self.port),
                "--log-timestamp", "--log-no-colors", "--local-timezone", "--log-level", "debug", *self.extra_args]
        # The server's group (drivers, browsers) gets a temporary folder of its own: Chromium and chromedriver
        # leave `org.chromium.Chromium.*` / `scoped_dir*` folders in TMPDIR (~30 per session) that nothing else
        # removes; this one goes when the group ends (`stop`, or the watcher when the run is killed).
        self.tmpdir = Path(tempfile.mkdtemp(prefix="consent-audit-appium-"))
        env = dict(os.environ, APPIUM_HOME=str(self.appium_home), TMPDIR=str(self.tmpdir))
        log.info("starting Appium on %s", self.url)
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        self._pump = threading.Thread(target=self._write_log, args=(self.process.stdout,), daemon=True,
                                      name="appium-log")
        self._pump.start()
        from .reaper import start_watcher
        self._watcher = start_watcher(self.process.pid, self.tmpdir)  # ends the group if this run is killed

        def ready() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise UsageError(f"Appium exited at start (status {self.process.returncode}): "
                                 f"{self._stderr_tail()}; see {self.log_path}")
            try:
                return bool(server_status(self.url, timeout=1.0).get("ready"))
            except UsageError:
                return False

        try:
            wait_until(ready, timeout=timeout, interval=0.1, message="Appium /status ready")
        except UsageError:
            self.stop()
            raise
        except TimeoutError:
            self.stop()
            raise UsageError(f"Appium did not become ready within {timeout:g}s; see {self.log_path}") from None
        return self

    def _write_log(self, stream: IO[bytes]) -> None:
        """Copy the server's output to its log, masked; on a full disk keep draining it (a server whose
        output pipe fills up stops answering) and record where."""
        from .diskfull import is_disk_full, record
        out: IO[str] | None = None
        try:
            out = self.log_path.open("w", encoding="utf-8")
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            record(exc, self.log_path)
        for raw in iter(stream.readline, b""):
            if out is None:
                continue
            try:
                out.write(self.masker.mask(raw.decode("utf-8", "replace")))
                out.flush()
            except OSError as exc:
                if not is_disk_full(exc):
                    raise
                record(exc, self.log_path)
                out = None
        if out is not None:
            try:
                out.close()
            except OSError:
                pass

    def _stderr_tail(self) -> str:
        if self._pump is not None:
            self._pump.join(timeout=5)
        lines = log_tail(self.log_path, 5).strip().splitlines()
        return lines[-1] if lines else "no output"

    def stop(self) -> None:
        """End the server and everything it started (its process group: drivers, browsers), also when the
        server itself already died and left them; then its watcher."""
        from .reaper import end_group
        if self.process is None:
            return
        end_group(self.process.pid, reap=self.process.poll)   # start_new_session: its pid is its group's id
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if self._pump is not None:
            self._pump.join(timeout=10)
        watcher = getattr(self, "_watcher", None)
        if watcher is not None and watcher.poll() is None:
            watcher.terminate()
            watcher.wait(timeout=5)
        self.process = None
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)   # only what the ended group left there
            self.tmpdir = None
        if self.compress_log and self.log_path.suffix != ".gz" and self.log_path.is_file():
            self.log_path = compress(self.log_path, self.masker)


    def __enter__(self) -> "AppiumServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def compress(path: Path, masker: Masker | None = None) -> Path:
    """`path` → `path.gz` line by line (masked when a masker is given), the plain file removed; returns the new
    path. On an OSError (full disk) the plain log stays and is returned: the log is evidence, never lost."""
    target = path.with_name(path.name + ".gz")
    try:
        with path.open("r", encoding="utf-8", errors="replace") as src, \
                gzip.open(target, "wt", encoding="utf-8", compresslevel=6) as out:
            for line in src:
                out.write(masker.mask(line) if masker is not None else line)
    except OSError as exc:
        log.warning("could not compress %s (%s); it stays as it is", path, exc)
        target.unlink(missing_ok=True)
        return path
    path.unlink()
    return target



def log_tail(path: Path, lines: int = 80) -> str:
    """The last `lines` lines of a log, plain or gzip-compressed (also when only `<path>.gz` is left)."""
    packed = path if path.suffix == ".gz" else path.with_name(path.name + ".gz")
    try:
        if packed == path or (not path.is_file() and packed.is_file()):
            with gzip.open(packed, "rt", encoding="utf-8", errors="replace") as f:
                return "\n".join(f.read().splitlines()[-lines:])
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""

"""mitmproxy as a component the suite starts and stops, like its Appium server (consent_audit/appium_server.py):
`mitmdump` from the pinned PyPI package, on 127.0.0.1 and a free port, with its own confdir (so its own CA) and
the addon consent_audit/traffic/mitm_addon.py that writes every flow as a HAR 1.2 entry line.

    with MitmProxy(run_dir / ".proxy") as proxy:          # a dot-folder: the evidence bundle skips it
        chromium args: --proxy-server=http://127.0.0.1:{proxy.port} --proxy-bypass-list=<-loopback>
                       --ignore-certificate-errors-spki-list={proxy.spki_sha256_b64}
        ... proxy.entries()

Files under `workdir`: `confdir/` (mitmproxy-ca-cert.pem, the CA certificate; the CA's private key while it
runs), `flows.jsonl` (the entries while it runs), `mitmdump.log`. They hold unmasked traffic and a private key,
so the workdir belongs in a folder the bundle skips; `stop()` deletes the private key and the flows file and
keeps the entries in memory and the CA certificate (the evidence of which CA the device trusted); a lasting
`confdir` given by the caller keeps its key.

`open_flows()` first syncs with the addon (`sync()`: a request the addon answers itself once it has written a
line for it), so that the requests mitmproxy had received by then all have their start line: the barrier the
figures wait on covers every request that reached the proxy, not only those it had got round to reading.

`entries()` returns every entry so far in the order flows finished: the addon's entries (see its docstring)
with the bodies as bytes in `_requestBody` / `_responseBody` (None when there was none), the shape
consent_audit.traffic.har.stored_entry bounds, hashes and masks when the HAR is written.

Android: the same proxy serves an emulator through `adb reverse` (see consent_audit/traffic/android_proxy.py and
docs/android.md). Errors: UsageError (one line) when mitmproxy is not installed, exits at start or does not
listen within the timeout.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import logging
import os
import subprocess
import sys
from http.client import HTTPConnection
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..appium_server import LOOPBACK, free_port, log_tail, port_in_use
from ..errors import UsageError
from ..waits import wait_until

log = logging.getLogger(__name__)

ADDON = Path(__file__).with_name("mitm_addon.py")
BODY_CAP = 1 << 20
"""Bytes of each body the addon keeps (1 MiB; beyond it the full size is recorded and the entry marked truncated)."""
CA_CERT = "mitmproxy-ca-cert.pem"
PRIVATE_FILES = ("mitmproxy-ca.pem", "mitmproxy-ca.p12", "mitmproxy-dhparam.pem")
LAUNCH = "from mitmproxy.tools.main import mitmdump; mitmdump()"
SYNC_HOST = "consent-audit.sync"
"""The host of sync requests, answered by the addon (mitm_addon.SYNC_HOST; the addon imports only mitmproxy)."""


def spki_sha256_b64(cert_pem: bytes) -> str:
    """Base64 of the SHA-256 of a certificate's SubjectPublicKeyInfo (DER): Chromium's
    --ignore-certificate-errors-spki-list format. mitmproxy signs its leaf certificates with the CA's key, so
    the CA's SPKI is also every leaf's."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    cert = x509.load_pem_x509_certificate(cert_pem)
    spki = cert.public_key().public_bytes(serialization.Encoding.DER,
                                          serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


class MitmProxy:
    """One mitmdump process on loopback. `loopback_hosts`: names the proxy sends to 127.0.0.1 (a local tracker
    server standing in for real hosts); `upstream`: connect to non-loopback servers at all (False: such
    requests are recorded and refused, nothing leaves 127.0.0.0/8); `upstream_ca`: a PEM bundle mitmproxy
    trusts for servers (a local https server's certificate); `port`: fixed port, else a free one; `confdir`: a
    lasting mitmproxy confdir (its CA kept across runs, e.g. one an Android image already trusts as a system
    CA); without it, `workdir/confdir` with a CA made for this run, whose key `stop()` deletes."""

    def __init__(self, workdir: Path, *, loopback_hosts: Iterable[str] = (), upstream: bool = False,
                 upstream_ca: Path | None = None, port: int | None = None, body_cap: int = BODY_CAP,
                 confdir: Path | None = None) -> None:
        self.workdir = Path(workdir)
        self.confdir = Path(confdir) if confdir is not None else self.workdir / "confdir"
        self.own_ca = confdir is None
        self.flows_path = self.workdir / "flows.jsonl"
        self.log_path = self.workdir / "mitmdump.log"
        self.loopback_hosts = tuple(loopback_hosts)
        self.upstream = upstream
        self.upstream_ca = upstream_ca
        self.port = port or 0
        self.body_cap = body_cap
        self.process: subprocess.Popen | None = None
        self._log: Any = None
        self._read: list[dict[str, Any]] = []      # entries parsed so far
        self._open: dict[str, float] = {}           # flows started (their start line read), not yet an entry
        self._offset = 0                            # bytes of flows.jsonl parsed so far
        self._syncs = 0                             # sync requests sent (their tokens)
        self._synced = ""                           # the token of the last sync line read

    @property
    def ca_cert(self) -> Path:
        """The CA certificate (PEM) clients must trust."""
        return self.confdir / CA_CERT

    @property
    def spki_sha256_b64(self) -> str:
        return spki_sha256_b64(self.ca_cert.read_bytes())

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def command(self) -> list[str]:
        """The mitmdump command line (the interpreter running the suite, so the pinned mitmproxy)."""
        args = [sys.executable, "-c", LAUNCH, "--listen-host", LOOPBACK, "--listen-port", str(self.port),
                "--set", f"confdir={self.confdir}", "--set", "connection_strategy=lazy",
                "--set", "termlog_verbosity=info", "--set", "flow_detail=0",
                "-s", str(ADDON), "--set", f"ca_flows={self.flows_path}",
                "--set", f"ca_body_cap={self.body_cap}", "--set", f"ca_upstream={str(self.upstream).lower()}",
                "--set", f"ca_loopback_hosts={','.join(self.loopback_hosts)}"]
        if self.upstream_ca is not None:
            args += ["--set", f"ssl_verify_upstream_trusted_ca={self.upstream_ca}"]
        return args

    def start(self, timeout: float = 30.0) -> "MitmProxy":
        if importlib.util.find_spec("mitmproxy") is None:
            raise UsageError("mitmproxy is not installed; run `make setup` (pip install -e .)")
        if self.upstream_ca is not None and not Path(self.upstream_ca).is_file():
            raise UsageError(f"the upstream CA file {self.upstream_ca} does not exist; give a PEM certificate file")
        if not self.port:
            self.port = free_port()
        elif port_in_use(self.port):
            raise UsageError(f"port {self.port} is already in use; choose another proxy port or omit it")
        self.confdir.mkdir(parents=True, exist_ok=True)
        self.workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workdir, 0o700)
        os.chmod(self.confdir, 0o700)
        self.flows_path.touch(mode=0o600)
        self.flows_path.write_bytes(b"")
        self._read, self._offset, self._open = [], 0, {}
        self._log = self.log_path.open("w", encoding="utf-8")
        log.info("starting mitmproxy on %s (confdir %s)", self.url, self.confdir)
        self.process = subprocess.Popen(self.command(), stdout=self._log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        from ..reaper import start_watcher
        self._watcher = start_watcher(self.process.pid)

        def ready() -> bool:       # listening with its CA made, or exited (wait_until swallows exceptions)
            exited = self.process is not None and self.process.poll() is not None
            return exited or (self.ca_cert.is_file() and port_in_use(self.port))

        try:
            wait_until(ready, timeout=timeout, interval=0.1, message="mitmproxy listening")
        except TimeoutError:
            self.stop()
            raise UsageError(f"mitmproxy did not listen within {timeout:g}s; see {self.log_path}") from None
        if self.process is not None and self.process.poll() is not None:
            status = self.process.returncode
            self.stop()
            tail = (log_tail(self.log_path, 3).strip().splitlines() or ["no output"])[-1]
            raise UsageError(f"mitmproxy exited at start (status {status}): {tail}; see {self.log_path}")
        return self

    def entries(self) -> list[dict[str, Any]]:
        """Every flow so far as a HAR entry (bodies as bytes in `_requestBody` / `_responseBody`), in the order
        the flows finished; after `stop()` the entries it had."""
        self._load_new()
        return [dict(entry) for entry in self._read]

    def open_flows(self) -> int:
        """Requests the proxy has received whose flow is not recorded yet (no response or error so far), after
        a sync with the addon (`sync()`): the barrier a reader waits on before it takes figures
        (ProxySource.pending)."""
        self.sync()
        self._load_new()
        return len(self._open)

    def sync(self, timeout: float = 10.0) -> bool:
        """Handshake with the addon: a request for http://consent-audit.sync/<token> through the proxy, which
        the addon answers itself after writing {"_sync": token} (see consent_audit/traffic/mitm_addon.py);
        when its answer has come, every request mitmproxy read before it has its start line in the flows file.
        False (logged) when the proxy does not answer within `timeout` s or is not running: the reader then
        goes by the file as it is."""
        if self.process is None or self.process.poll() is not None:
            return False
        self._syncs += 1
        token = f"{os.getpid()}-{self._syncs}"
        connection = HTTPConnection(LOOPBACK, self.port, timeout=timeout)
        try:
            connection.request("GET", f"http://{SYNC_HOST}/{token}", headers={"Host": SYNC_HOST})
            status = connection.getresponse().status
        except OSError as exc:
            log.warning("no sync with mitmproxy on %s: %s", self.url, exc)
            return False
        finally:
            connection.close()
        self._load_new()
        if status != 204 or self._synced != token:
            log.warning("mitmproxy on %s answered the sync %s with %s and wrote %r", self.url, token, status,
                        self._synced)
            return False
        return True

    def _load_new(self) -> None:
        """Parse the lines the addon appended since the last call (a line still being written waits)."""
        try:
            with self.flows_path.open("rb") as flows:
                flows.seek(self._offset)
                chunk = flows.read()
        except FileNotFoundError:
            return
        complete = chunk[:chunk.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.decode("utf-8").split("\n"):
            if not line.strip():
                continue
            item = json.loads(line)
            if "_sync" in item:
                self._synced = str(item["_sync"])
                continue
            if "_started" in item:
                self._open[str(item["_started"])] = float(item.get("_wallTime") or 0.0)
                continue
            self._open.pop(str(item.get("_flowId", "")), None)
            self._read.append(_with_bodies(item))

    def stop(self) -> None:
        """End mitmdump (its process group) and its watcher; keep the entries in memory, delete the flows file
        and the CA's private key. Safe to call twice."""
        if self.process is not None:
            from ..reaper import end_group
            end_group(self.process.pid, reap=self.process.poll)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            watcher = getattr(self, "_watcher", None)
            if watcher is not None and watcher.poll() is None:
                watcher.terminate()
                watcher.wait(timeout=5)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.flows_path.exists():
            self._load_new()
            self.flows_path.unlink()
        if self.own_ca:
            for name in PRIVATE_FILES:
                (self.confdir / name).unlink(missing_ok=True)

    def __enter__(self) -> "MitmProxy":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _with_bodies(entry: dict[str, Any]) -> dict[str, Any]:
    for prefix in ("_request", "_response"):
        encoded = entry.pop(f"{prefix}BodyB64", None)
        entry[f"{prefix}Body"] = base64.b64decode(encoded) if encoded is not None else None
    return entry


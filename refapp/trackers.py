"""The reference app's third parties: one small loopback server that answers for every tracker host a variant
names (`tracking.beacons[].host`, real names as the tracker database knows them). The browser resolves those
names to 127.0.0.1 (the server's `loopback_hosts`, which the suite turns into `--host-resolver-rules`), so the
classification is tested on real names while no packet leaves the machine.

It answers any path: a GET with a 1×1 GIF (a pixel), a POST with 204, an OPTIONS with the CORS preflight;
it logs each request it got (`requests`: [{host, method, path, query, body}]) for the tests, nothing else.
"""
from __future__ import annotations

import http.server
import threading
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
MAX_BODY = 64 * 1024


def tracker_hosts(variants: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Every host a variant's beacons name, sorted."""
    return sorted({str(b["host"]) for v in variants.values() for b in (v.get("tracking") or {}).get("beacons", [])})


def variant_csp(base: str, variant: Mapping[str, Any], port: int | None) -> str:
    """The reference app's CSP, opened for exactly the tracker origins this variant's beacons use."""
    hosts = sorted({str(b["host"]) for b in (variant.get("tracking") or {}).get("beacons", [])})
    if not hosts or port is None:
        return base
    origins = " ".join(f"http://{h}:{port}" for h in hosts)
    return (base.replace("connect-src 'self'", f"connect-src 'self' {origins}")
                .replace("img-src 'self' data:", f"img-src 'self' data: {origins}"))


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "tracker"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    log: list[dict[str, Any]]
    lock: threading.Lock

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return

    def _note(self, body: bytes) -> None:
        parts = urlsplit(self.path)
        with self.lock:
            self.log.append({"host": (self.headers.get("Host") or "").split(":")[0], "method": self.command,
                             "path": parts.path, "query": parts.query, "body": body.decode("utf-8", "replace")})

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
        self.send_header("Access-Control-Allow-Credentials", "true")
        self.send_header("Access-Control-Allow-Headers", "content-type")
        self.send_header("Cache-Control", "no-store")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._note(b"")
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", "image/gif")
        self.send_header("Content-Length", str(len(PIXEL)))
        self.end_headers()
        self.wfile.write(PIXEL)

    def do_POST(self) -> None:
        try:
            length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        except ValueError:
            length = 0
        self._note(self.rfile.read(length) if length > 0 else b"")
        self.send_response(204)
        self._cors()
        self.send_header("Content-Length", "0")
        self.end_headers()


class TrackerServer:
    """The third parties on a loopback port (`port`), for the host names in `hosts`."""

    def __init__(self, hosts: Iterable[str], host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError(f"the tracker server binds loopback only; refusing {host!r}")
        self.hosts = sorted(set(hosts))
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._bind = ("127.0.0.1", int(port))
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self.port: int | None = None

    def start(self) -> int:
        handler = type("TrackerHandler", (_Handler,), {"log": self.requests, "lock": self._lock})
        server = http.server.ThreadingHTTPServer(self._bind, handler)
        server.daemon_threads = True
        self._httpd, self.port = server, server.server_address[1]
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="tracker-server",
                         daemon=True).start()
        return self.port

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


__all__ = ["TrackerServer", "tracker_hosts", "variant_csp", "PIXEL"]

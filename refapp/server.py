"""Reference app server: a stdlib-only HTTP server for the consent-flow reference app.

It serves the single-page app (refapp/static), one JSON config per variant (refapp/variants)
and a small accounts API (sign-up, log in, SMS code, account deletion) backed by a fresh
SQLite database per server instance. It binds loopback only and logs nothing.
"""
from __future__ import annotations

import http.server
import ipaddress
import json
import re
import threading
from typing import Any
from urllib.parse import urlsplit

from .accounts import AccountStore
from .api import AccountsApi
from .catalog import STATIC_DIR, compute_build, load_variants
from .trackers import tracker_hosts, variant_csp

MAX_BODY = 64 * 1024

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
# The app makes no outside request of any kind; the policy makes the browser enforce it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; media-src 'self' blob:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def _check_loopback(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"refapp binds loopback only; {host!r} is not a loopback address") from None
    if not address.is_loopback:
        raise ValueError(f"refapp binds loopback only; refusing {host!r}")
    return host


class _Handler(AccountsApi, http.server.BaseHTTPRequestHandler):
    server_version = "refapp"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    app: "RefAppServer"  # set on the per-server subclass

    # -- quiet -------------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002
        return

    # -- responses ---------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None,
              csp: str = CSP) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", csp)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, CONTENT_TYPES[".json"])

    def _html(self, status: int, text: str) -> None:
        self._send(status, text.encode("utf-8"), CONTENT_TYPES[".html"])

    def _not_found(self) -> None:
        self._html(404, _page("Not found", "<h1>404 — not found</h1>"
                              "<p>No such page. <a href=\"/\">All variants</a></p>"))

    def _body(self) -> dict | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY:
            return None
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def _token(self) -> str | None:
        auth = self.headers.get("Authorization") or ""
        if auth.startswith("Bearer "):
            return auth[7:].strip() or None
        return None

    # -- routing -----------------------------------------------------------------------------
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        parts = [p for p in path.split("/") if p]
        app = self.app
        if path == "/":
            return self._html(200, app.index_html())
        if len(parts) == 2 and parts[0] == "static":
            return self._static(parts[1])
        if parts and parts[0] == "app":
            if len(parts) == 2 and parts[1] in app.variants:
                if not path.endswith("/"):
                    return self._send(301, b"", "text/plain", {"Location": f"/app/{parts[1]}/"})
                return self._static("index.html", variant_csp(CSP, app.variants[parts[1]], app.tracker_port))
            return self._not_found()
        if parts[:2] == ["api", "info"] and len(parts) == 2:
            return self._json(200, {"build": app.build, "variants": sorted(app.variants)})
        if len(parts) == 3 and parts[0] == "api":
            variant = app.variants.get(parts[1])
            if variant is None:
                return self._json(404, {"error": "unknown variant"})
            if parts[2] == "config":
                if variant.get("tracking") and app.tracker_port is not None:
                    variant = {**variant, "tracking": {**variant["tracking"], "port": app.tracker_port}}
                return self._json(200, variant)
            if parts[2] == "me":
                account = self._auth(parts[1])
                if account is None:
                    return self._json(401, {"error": "not logged in"})
                return self._json(200, {"username": account["username"], "phone": account["phone"]})
        if parts == ["favicon.ico"]:
            return self._send(204, b"", "image/x-icon")
        return self._not_found()

    def do_POST(self) -> None:
        parts = [p for p in urlsplit(self.path).path.split("/") if p]
        if len(parts) != 3 or parts[0] != "api":
            return self._json(404, {"error": "not found"})
        name, action = parts[1], parts[2]
        variant = self.app.variants.get(name)
        if variant is None:
            return self._json(404, {"error": "unknown variant"})
        handler = {
            "signup": self._signup, "login": self._login, "logout": self._logout,
            "sms": self._sms, "delete": self._delete,
        }.get(action)
        if handler is None:
            return self._json(404, {"error": "not found"})
        data = self._body()
        if data is None:
            return self._json(400, {"error": "invalid JSON body"})
        return handler(name, variant, data)

    def _static(self, filename: str, csp: str = CSP) -> None:
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", filename):
            return self._not_found()
        path = STATIC_DIR / filename
        if not path.is_file():
            return self._not_found()
        content_type = CONTENT_TYPES.get(path.suffix, "application/octet-stream")
        self._send(200, path.read_bytes(), content_type, csp=csp)


def _page(title: str, body: str) -> str:
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{title}</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>"
            f"<body class=\"plain-page\">{body}</body></html>")


def _esc(text: str) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


class RefAppServer:
    """The reference app on a loopback port, served from a daemon thread.

    >>> with RefAppServer() as srv:
    ...     srv.url  # doctest: +SKIP
    'http://127.0.0.1:40123'
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, db_path: str | None = None,
                 tracker_port: int | None = None):
        self.host = _check_loopback(host)
        self.tracker_port = tracker_port      # the third parties' loopback server (refapp.trackers), if started
        self.port = int(port)
        self.db_path = db_path
        self.variants = load_variants()
        self.build = compute_build()
        self.store: AccountStore | None = None
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    @property
    def loopback_hosts(self) -> list[str]:
        """The tracker host names the variants use: the browser resolves them to 127.0.0.1."""
        return tracker_hosts(self.variants) if self.tracker_port is not None else []

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("server not started")
        return self._url

    def index_html(self) -> str:
        items = "".join(
            f"<li><a id=\"variant-{_esc(n)}\" href=\"/app/{_esc(n)}/\">{_esc(n)}</a> "
            f"<span class=\"lang\">[{_esc(c.get('language', ''))}]</span>"
            f"<div class=\"models\">{_esc(c.get('models', ''))}</div></li>"
            for n, c in sorted(self.variants.items()))
        return _page("Consent audit reference app",
                     f"<h1>Consent audit reference app</h1><p>Build <code>{_esc(self.build)}</code></p>"
                     f"<ul class=\"variants\">{items}</ul>")

    def start(self) -> str:
        if self._httpd is not None:
            return self.url
        self.store = AccountStore(self.db_path)
        handler = type("RefAppHandler", (_Handler,), {"app": self})
        family_v6 = ":" in self.host

        class _HTTPServer(http.server.ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            if family_v6:
                import socket as _socket
                address_family = _socket.AF_INET6

        self._httpd = _HTTPServer((self.host, self.port), handler)
        bound_host, bound_port = self._httpd.server_address[:2]
        self.port = bound_port
        shown = f"[{bound_host}]" if family_v6 else bound_host
        self._url = f"http://{shown}:{bound_port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="refapp-server", daemon=True)
        self._thread.start()
        return self._url

    @property
    def bound_address(self) -> tuple:
        if self._httpd is None:
            raise RuntimeError("server not started")
        return self._httpd.socket.getsockname()

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.store is not None:
            self.store.close()
        self._httpd = None
        self._thread = None
        self.store = None

    def __enter__(self) -> "RefAppServer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""A stdlib server on loopback for the explorer's unseen test apps: each folder here with an index.html is an
app at /<folder>/, with an in-memory accounts API at /<folder>/api/… configured by its app.json."""
from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".json": "application/json"}


class Accounts:
    """One app's accounts: sign up, log in, log out, delete (at once or after a cooling-off period)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.users: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, str] = {}
        self.lock = threading.Lock()

    def handle(self, action: str, body: dict[str, Any], token: str | None) -> tuple[int, dict[str, Any]]:
        with self.lock:
            user = self.tokens.get(token or "")
            if action == "signup":
                name, password = str(body.get("username", "")).strip(), str(body.get("password", ""))
                if len(password) < 6 or not name:
                    return 400, {"error": "invalid"}
                if self.config.get("phone_username") and not (name.isdigit() and len(name) == 11 and name[0] == "1"):
                    return 400, {"error": "phone"}
                if name in self.users:
                    return 409, {"error": "taken"}
                self.users[name] = {"password": password, "status": "active"}
                return 201, {"token": self._session(name)}
            if action == "login":
                found = self.users.get(str(body.get("username", "")).strip())
                if found is None or found["password"] != body.get("password"):
                    return 401, {"error": "wrong"}
                if found["status"] == "pending":
                    return 200, {"status": "pending", "days": self.config["deletion"]["days"]}
                return 200, {"status": "active", "token": self._session(str(body["username"]).strip())}
            if user is None:
                return 401, {"error": "not logged in"}
            if action == "logout":
                self.tokens.pop(token or "", None)
                return 200, {}
            if action == "delete":
                if self.config["deletion"].get("password") and body.get("password") != self.users[user]["password"]:
                    return 400, {"error": "password"}
                self.tokens = {t: u for t, u in self.tokens.items() if u != user}
                if self.config["deletion"].get("days"):
                    self.users[user]["status"] = "pending"
                    return 200, {"status": "pending", "days": self.config["deletion"]["days"]}
                del self.users[user]
                return 200, {"status": "deleted"}
            return 404, {"error": "unknown action"}

    def _session(self, name: str) -> str:
        token = secrets.token_hex(12)
        self.tokens[token] = name
        return token


class AppServer:
    """Serves every app folder under ROOT on 127.0.0.1 (never another interface)."""

    def __init__(self, port: int = 0) -> None:
        apps = {p.name: Accounts(json.loads((p / "app.json").read_text(encoding="utf-8")))
                for p in ROOT.iterdir() if (p / "index.html").is_file()}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Security-Policy", "default-src 'self' 'unsafe-inline'")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                parts = self.path.split("?", 1)[0].strip("/").split("/")
                if not parts or parts[0] not in apps:
                    return self._send(404, b"not found", "text/plain")
                rel = "/".join(parts[1:]) or "index.html"
                path = (ROOT / parts[0] / rel).resolve()
                if ROOT not in path.parents or not path.is_file() or path.suffix not in TYPES:
                    return self._send(404, b"not found", "text/plain")
                self._send(200, path.read_bytes(), TYPES[path.suffix])

            def do_POST(self) -> None:
                parts = self.path.strip("/").split("/")
                if len(parts) != 3 or parts[0] not in apps or parts[1] != "api":
                    return self._send(404, b"{}", "application/json")
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                auth = self.headers.get("Authorization", "")
                token = auth[7:] if auth.startswith("Bearer ") else None
                status, answer = apps[parts[0]].handle(parts[2], body, token)
                self._send(status, json.dumps(answer).encode(), "application/json")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True, name="explore-apps")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> "AppServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":   # python tests/data/explore/appserver.py [port]: serve until Ctrl-C
    import sys
    server = AppServer(int(sys.argv[1]) if len(sys.argv) > 1 else 0).start()
    print(server.url, *(f"{server.url}/{p.name}/" for p in ROOT.iterdir() if (p / "index.html").is_file()))
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()

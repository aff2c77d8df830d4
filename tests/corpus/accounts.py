"""One corpus app's accounts, in memory (the corpus server's POST /<app>/api/<action>; configured by its app.json).
Loaded by path beside server.py (tests/corpus is no package)."""
from __future__ import annotations

import secrets
import threading
from typing import Any


class Accounts:
    """One app's accounts. app.json "deletion": {"password": bool (re-entry checked), "reason": bool (a reason is
    required: an empty one is refused with 400 "reason"), "days": N (pending for N days instead of deleted at once),
    "effective": bool (default true; false = only the sessions end)}; "frame_localhost": bool (the app's
    pages may frame http://localhost:<port>, a second origin on loopback)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.deletion = config.get("deletion", {})
        self.users: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, str] = {}
        self.lock = threading.Lock()

    def handle(self, action: str, body: dict[str, Any], token: str | None) -> tuple[int, dict[str, Any]]:
        with self.lock:
            user = self.tokens.get(token or "")
            name = str(body.get("username", "")).strip()
            if action == "signup":
                password = str(body.get("password", ""))
                if len(password) < 6 or not name:
                    return 400, {"error": "invalid"}
                if self.config.get("phone_username") and not (name.isdigit() and len(name) == 11 and name[0] == "1"):
                    return 400, {"error": "phone"}
                if name in self.users:
                    return 409, {"error": "taken"}
                self.users[name] = {"password": password, "status": "active"}
                return 201, {"token": self._session(name), "username": name}
            if action == "login":
                found = self.users.get(name)
                if found is None or found["password"] != body.get("password"):
                    return 401, {"error": "wrong"}
                if found["status"] == "pending":
                    return 200, {"status": "pending", "days": self.deletion.get("days")}
                return 200, {"status": "active", "token": self._session(name), "username": name}
            if user is None:
                return 401, {"error": "not logged in"}
            if action == "me":
                return 200, {"username": user}
            if action == "logout":
                self.tokens.pop(token or "", None)
                return 200, {}
            if action == "delete":
                if self.deletion.get("password") and body.get("password") != self.users[user]["password"]:
                    return 400, {"error": "password"}
                if self.deletion.get("reason") and not str(body.get("reason", "")).strip():
                    return 400, {"error": "reason"}
                self.tokens = {t: u for t, u in self.tokens.items() if u != user}
                if not self.deletion.get("effective", True):
                    return 200, {"status": "deleted"}
                if self.deletion.get("days"):
                    self.users[user]["status"] = "pending"
                    return 200, {"status": "pending", "days": self.deletion["days"]}
                del self.users[user]
                return 200, {"status": "deleted"}
            return 404, {"error": "unknown action"}

    def _session(self, name: str) -> str:
        token = secrets.token_hex(12)
        self.tokens[token] = name
        return token

"""The reference app's accounts and sessions: one SQLite database per server instance (in memory unless a path is
given), passwords as PBKDF2-SHA256 with a random salt, session tokens from `secrets`."""
from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading

PBKDF2_ITERATIONS = 100_000


class AccountStore:
    """Accounts and sessions in one SQLite connection guarded by a lock (thread-safe)."""

    def __init__(self, db_path: str | None):
        self._lock = threading.Lock()
        self._db = sqlite3.connect(db_path or ":memory:", check_same_thread=False)
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS accounts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                variant TEXT NOT NULL,
                username TEXT NOT NULL,
                phone TEXT,
                salt BLOB NOT NULL,
                pw_hash BLOB NOT NULL,
                status TEXT NOT NULL DEFAULT 'active',
                waiting_days INTEGER,
                sms_requested INTEGER NOT NULL DEFAULT 0,
                UNIQUE(variant, username)
            );
            CREATE TABLE IF NOT EXISTS sessions (
                token TEXT PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                variant TEXT NOT NULL
            );
            """
        )
        self._db.commit()

    @staticmethod
    def _hash(password: str, salt: bytes) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)

    def _new_token(self, account_id: int, variant: str) -> str:
        token = secrets.token_urlsafe(24)
        self._db.execute("INSERT INTO sessions(token, account_id, variant) VALUES (?,?,?)",
                         (token, account_id, variant))
        return token

    def signup(self, variant: str, username: str, password: str, phone: str | None) -> str | None:
        salt = secrets.token_bytes(16)
        pw_hash = self._hash(password, salt)
        with self._lock:
            try:
                cur = self._db.execute(
                    "INSERT INTO accounts(variant, username, phone, salt, pw_hash) VALUES (?,?,?,?,?)",
                    (variant, username, phone, salt, pw_hash))
            except sqlite3.IntegrityError:
                return None
            token = self._new_token(cur.lastrowid, variant)
            self._db.commit()
            return token

    def login(self, variant: str, username: str, password: str) -> dict | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, salt, pw_hash, status, waiting_days FROM accounts WHERE variant=? AND username=?",
                (variant, username)).fetchone()
        if row is None:
            self._hash(password, b"timing-equaliser")
            return None
        account_id, salt, pw_hash, status, waiting_days = row
        if not hmac.compare_digest(self._hash(password, salt), pw_hash):
            return None
        if status == "pending":
            return {"status": "pending", "waiting_days": waiting_days}
        if status != "active":
            return None
        with self._lock:
            token = self._new_token(account_id, variant)
            self._db.commit()
        return {"status": "active", "token": token}

    def account_for(self, variant: str, token: str) -> dict | None:
        with self._lock:
            row = self._db.execute(
                "SELECT a.id, a.username, a.phone, a.status, a.sms_requested, a.salt, a.pw_hash "
                "FROM sessions s JOIN accounts a ON a.id = s.account_id "
                "WHERE s.token=? AND s.variant=?", (token, variant)).fetchone()
        if row is None or row[3] != "active":
            return None
        keys = ("id", "username", "phone", "status", "sms_requested", "salt", "pw_hash")
        return dict(zip(keys, row))

    def check_password(self, account: dict, password: str) -> bool:
        return hmac.compare_digest(self._hash(password, account["salt"]), account["pw_hash"])

    def logout(self, token: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM sessions WHERE token=?", (token,))
            self._db.commit()

    def mark_sms(self, account_id: int) -> None:
        with self._lock:
            self._db.execute("UPDATE accounts SET sms_requested=1 WHERE id=?", (account_id,))
            self._db.commit()

    def delete(self, account_id: int, mode: str, waiting_days: int | None) -> None:
        with self._lock:
            self._db.execute("DELETE FROM sessions WHERE account_id=?", (account_id,))
            if mode == "immediate":
                self._db.execute("DELETE FROM accounts WHERE id=?", (account_id,))
            elif mode == "pending":
                self._db.execute("UPDATE accounts SET status='pending', waiting_days=? WHERE id=?",
                                 (waiting_days, account_id))
            # mode "none": the app says "deleted" but only the sessions go (deletion not effective)
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()

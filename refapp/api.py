"""The reference app's accounts API as the HTTP handler answers it: sign-up, log in, log out, SMS code and
account deletion (with the variant's demands: reason, SMS code, ID number, password, face scan; immediate or
pending). A mixin of refapp.server's handler: it uses the handler's `app.store` (refapp.accounts.AccountStore),
`_json(status, payload)` and `_token()`."""
from __future__ import annotations

import re
from typing import Any

ID_NUMBER_RE = re.compile(r"^\d{17}[\dXx]$")
PHONE_RE = re.compile(r"^1\d{10}$")


class AccountsApi:
    app: Any

    def _json(self, status: int, payload: Any) -> None:
        raise NotImplementedError

    def _token(self) -> str | None:
        raise NotImplementedError

    def _auth(self, name: str) -> dict | None:
        token = self._token()
        return self.app.store.account_for(name, token) if token else None

    # -- accounts API ------------------------------------------------------------------------
    def _signup(self, name: str, variant: dict, data: dict) -> None:
        username = data.get("username")
        password = data.get("password")
        phone = data.get("phone")
        if not isinstance(username, str) or not username.strip() or len(username) > 64:
            return self._json(400, {"error": "username required"})
        if not isinstance(password, str) or len(password) < 6 or len(password) > 256:
            return self._json(400, {"error": "password must be at least 6 characters"})
        if phone is not None and (not isinstance(phone, str) or not PHONE_RE.match(phone)):
            return self._json(400, {"error": "invalid phone number"})
        if variant.get("signup", {}).get("username_kind") == "phone":
            if not PHONE_RE.match(username):
                return self._json(400, {"error": "invalid phone number"})
            phone = username
        token = self.app.store.signup(name, username.strip(), password, phone)
        if token is None:
            return self._json(409, {"error": "username already registered"})
        return self._json(201, {"token": token})

    def _login(self, name: str, variant: dict, data: dict) -> None:
        username, password = data.get("username"), data.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            return self._json(401, {"error": "wrong username or password"})
        result = self.app.store.login(name, username.strip(), password)
        if result is None:
            return self._json(401, {"error": "wrong username or password"})
        return self._json(200, result)

    def _logout(self, name: str, variant: dict, data: dict) -> None:
        token = self._token()
        if token:
            self.app.store.logout(token)
        return self._json(200, {"status": "logged_out"})

    def _sms(self, name: str, variant: dict, data: dict) -> None:
        account = self._auth(name)
        if account is None:
            return self._json(401, {"error": "not logged in"})
        self.app.store.mark_sms(account["id"])
        return self._json(200, {"sent": True})

    def _delete(self, name: str, variant: dict, data: dict) -> None:
        account = self._auth(name)
        if account is None:
            return self._json(401, {"error": "not logged in"})
        deletion = variant.get("deletion", {})
        if not deletion.get("in_app", True):
            return self._json(403, {"error": "account deletion is not available in the app"})
        demands = deletion.get("demands", [])
        if "reason" in demands:
            reason = data.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                return self._json(400, {"error": "reason required", "field": "reason"})
        if "sms_code" in demands:
            if not account["sms_requested"]:
                return self._json(400, {"error": "request an SMS code first", "field": "sms_code"})
            if str(data.get("sms_code", "")).strip() != str(deletion.get("sms_code")):
                return self._json(400, {"error": "wrong SMS code", "field": "sms_code"})
        if "id_number" in demands:
            if not ID_NUMBER_RE.match(str(data.get("id_number", "")).strip()):
                return self._json(400, {"error": "invalid ID number", "field": "id_number"})
        if "password" in demands:
            password = data.get("password")
            if not isinstance(password, str) or not self.app.store.check_password(account, password):
                return self._json(400, {"error": "wrong password", "field": "password"})
        if "face_scan" in demands and data.get("face_verified") is not True:
            return self._json(400, {"error": "face verification required", "field": "face_scan"})
        mode = deletion.get("mode", "immediate")
        waiting = deletion.get("waiting_days")
        self.app.store.delete(account["id"], mode, waiting)
        if mode == "pending":
            return self._json(200, {"status": "pending", "waiting_days": waiting})
        return self._json(200, {"status": "deleted"})

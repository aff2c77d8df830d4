"""Runtime permissions of the app under audit, through UiAutomator2's `mobile:` commands: what it requests, what
is granted, the flow's decisions applied through the OS, and the permission requests since the (re)launch.

Requests are counted two ways, the larger count per permission wins: system dialogs the dialog page object
answered (`note_dialog`), and the lines "ConsentAudit: permission-request NAME" an instrumented app (the
reference APK) writes to logcat for every request, including those the system answers without a dialog.
The app's own rationale before the system prompt (a pre-prompt) is counted with them (`note_pre_prompt`).
"""
from __future__ import annotations

import logging
import re
from typing import Any

from selenium.common.exceptions import WebDriverException

from ..base import PERMISSIONS, STATES

log = logging.getLogger(__name__)

ANDROID_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "geolocation": ("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"),
    "notifications": ("android.permission.POST_NOTIFICATIONS",),
    "camera": ("android.permission.CAMERA",),
    "microphone": ("android.permission.RECORD_AUDIO",),
}
RUNTIME_SINCE = {"android.permission.POST_NOTIFICATIONS": 33}   # a runtime permission from this API level on
MIN_RUNTIME_API = 23
NOTIFICATION_APPOP = "POST_NOTIFICATION"       # the user's notification switch before Android 13
INSTRUMENTATION_TAG = "ConsentAudit"
_REQUEST_LINE = re.compile(rf"\b{INSTRUMENTATION_TAG}\s*:\s*permission-request (\w+)")


class RuntimePermissions:
    """Mixed into AndroidPlatform: needs `_mobile`, `package`, `api_level`, `driver`, `decided` and the counters
    `_dialogs_seen`, `_requests_logged`, `_pre_prompts`, `_logcat`, `_requested`."""

    driver: Any
    package: str
    decided: dict[str, str]
    _dialogs_seen: dict[str, int]
    _requests_logged: dict[str, int]
    _pre_prompts: dict[str, int]
    _logcat: bool
    _requested: set[str] | None
    when_asked: frozenset[str] = frozenset()     # the names decided when asked (`decide_permission`)

    def requested_permissions(self) -> set[str]:
        """Android permissions the app's manifest requests (`mobile: getPermissions` type requested)."""
        if self._requested is None:
            requested = self._mobile("getPermissions", {"type": "requested", "appPackage": self.package})
            self._requested = set(requested or [])
        return self._requested

    def permission_states(self) -> dict[str, str]:
        """granted / denied for each permission the app requests, read from the OS."""
        granted = set(self._mobile("getPermissions", {"type": "granted", "appPackage": self.package}) or [])
        states = {}
        for name in PERMISSIONS:
            wanted = [p for p in ANDROID_PERMISSIONS[name] if p in self.requested_permissions()]
            if wanted:
                states[name] = "granted" if granted & set(wanted) else "denied"
        return states

    def _runtime(self, name: str) -> list[str]:
        """The app's runtime permissions for `name` on this API level."""
        return [p for p in ANDROID_PERMISSIONS[name]
                if self.api_level >= RUNTIME_SINCE.get(p, MIN_RUNTIME_API) and p in self.requested_permissions()]

    def decide_permission(self, name: str, state: str, when_asked: bool = False) -> None:
        """granted: grant it through the OS, so the app is never asked — `when_asked`: leave it, the app finds
        it not granted and its dialog is answered "Allow". denied: revoke it; when the app asks, the dialog is
        answered "Don't allow" (the app cannot tell this from a permission never asked). prompt: leave it; a
        dialog for it is refused."""
        if name not in ANDROID_PERMISSIONS or state not in STATES:
            raise ValueError(f"unknown permission decision {name}={state}")
        self.decided[name] = state
        self.when_asked = self.when_asked - {name} | ({name} if when_asked else frozenset())
        self._apply(name, self.applied(name))

    def applied(self, name: str) -> str:
        """What the OS is told for `name`: its decision, but a grant given when asked is left to the dialog."""
        state = self.decided[name]
        return "prompt" if state == "granted" and name in self.when_asked else state

    def _apply(self, name: str, state: str) -> None:
        if state == "prompt":
            return
        permissions = self._runtime(name)
        if permissions:
            self._mobile("changePermissions", {"permissions": permissions, "appPackage": self.package,
                                              "action": "grant" if state == "granted" else "revoke"})
        elif name == "notifications" and self.api_level < RUNTIME_SINCE[ANDROID_PERMISSIONS[name][0]]:
            try:
                self._mobile("changePermissions", {"permissions": [NOTIFICATION_APPOP], "appPackage": self.package,
                                                  "action": "allow" if state == "granted" else "deny",
                                                  "target": "appops"})
            except WebDriverException as exc:
                if state == "denied":
                    raise RuntimeError(f"notifications cannot be denied on API {self.api_level} without the Appium "
                                       f"server feature uiautomator2:adb_shell ({exc.msg})") from None

    def note_dialog(self, permission: str) -> None:
        """The system permission dialog page object reports each dialog it answers for the app."""
        self._dialogs_seen[permission] = self._dialogs_seen.get(permission, 0) + 1

    def _read_log(self) -> None:
        """Count the app's logged permission requests since the last read (`logcat` log type)."""
        if not self._logcat:
            return
        try:
            entries = self.driver.get_log("logcat") or []
        except WebDriverException as exc:
            log.info("logcat is not available (%s); counting permission dialogs only", exc.msg)
            self._logcat = False
            return
        for entry in entries:
            match = _REQUEST_LINE.search(str(entry.get("message", "")))
            if match and match.group(1) in self._requests_logged:
                self._requests_logged[match.group(1)] += 1

    def permission_requests(self) -> dict[str, int]:
        self._read_log()
        return {p: max(self._dialogs_seen.get(p, 0), self._requests_logged.get(p, 0)) + self._pre_prompts.get(p, 0)
                for p in PERMISSIONS}

    def granted_permissions(self) -> list[str]:
        """Android permissions granted to the app now (`mobile: getPermissions` type granted)."""
        return list(self._mobile("getPermissions", {"type": "granted", "appPackage": self.package}) or [])

    def pending_permissions(self) -> list[str]:
        """Permissions (geolocation, camera …) the app requests as runtime permissions on this API level and
        does not hold: the only ones a system dialog can be asking for."""
        granted = set(self.granted_permissions())
        return [p for p in PERMISSIONS if self._runtime(p) and not granted & set(self._runtime(p))]

    @staticmethod
    def permissions_named(android: set[str]) -> list[str]:
        """The permissions (geolocation …) these Android permission names belong to."""
        return [p for p in PERMISSIONS if android & set(ANDROID_PERMISSIONS[p])]

    def retract_dialog(self, permission: str) -> None:
        """A dialog noted for `permission` was, the OS says, for another one (the page object notes that one)."""
        self._dialogs_seen[permission] = max(0, self._dialogs_seen.get(permission, 0) - 1)

    def note_pre_prompt(self, permission: str) -> None:
        """The app's own rationale for `permission` was shown (before the system dialog): counted with requests."""
        self._pre_prompts[permission] = self._pre_prompts.get(permission, 0) + 1

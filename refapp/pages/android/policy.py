"""The reference APK's privacy-policy journeys (consent_audit.journeys.PolicyJourneys) and its sign-up face
scan, mixed into RefAppAndroid. Same contract as the web page objects (refapp/README.md): the policy view
`#screen-privacy-policy` with paragraphs `#policy-p-N`, the first-run link `#consent-policy`, the sign-up
scan `#signup-face-start` / `#signup-face-status`.

Written against the DOM contract and the APK's WebView ids like the other Android page objects, but not yet
run on a device or emulator (the nightly farm is the first place it runs)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from refapp.pages.web.structure import route_to_policy

from .base import rid
from .state import AppState

if TYPE_CHECKING:
    from consent_audit.page import AppContext
    from consent_audit.platforms.android import PermissionDialog

    from .base import RefAppAndroidPage

MAX_PROMPTS = 4


class PolicyJourneysMixin:
    """Needs from the host class: context, config, page, dialog, state(), _open_me()."""

    context: "AppContext"
    config: dict[str, Any]
    page: "RefAppAndroidPage"
    dialog: "PermissionDialog"
    _policy_view = "screen-privacy-policy"
    _policy_link = "consent-policy"
    _face_start = "signup-face-start"
    _face_status = "signup-face-status"

    def state(self) -> AppState:  # provided by the host
        raise NotImplementedError

    def _open_me(self) -> Any:  # provided by the host
        raise NotImplementedError

    @staticmethod
    def _paragraphs_in(state: AppState) -> list[tuple[str, str]]:
        return [(e.rid, e.text.strip()) for e in state.screen.elements if e.rid.startswith("policy-p-") and e.text]

    def _policy_shown(self, state: AppState) -> bool:
        return state.app and (state.has(self._policy_view) or bool(self._paragraphs_in(state)))

    @property
    def policy_at_first_run(self) -> bool:
        state = self.state()
        return state.app and (state.has(self._policy_link) or self._policy_shown(state))

    def open_policy(self) -> bool:
        self._open_me()
        route = route_to_policy(self.config)
        screens = self.config.get("screens", {})
        for item in route:
            target = item["to"]
            rows = [i["id"] for i in screens.get(target, {}).get("items", [])]

            def opened(target: str = target, rows: list[str] = rows) -> bool:
                state = self.state()
                if target == "privacy-policy":
                    return self._policy_shown(state)
                return state.has(f"screen-{target}") or any(state.has(r) for r in rows)
            self.page.tap(rid(item["id"]), settle=opened)
        return self._policy_shown(self.state())

    def policy_paragraphs(self) -> list[tuple[str, str]]:
        return self._paragraphs_in(self.state())

    # --- sign-up biometric gate ---
    def face_required_on_signup(self) -> bool:
        state = self.state()
        submit = state.element("signup-submit")
        return state.has(self._face_start) and submit is not None and not submit.enabled

    def scan_face_on_signup(self) -> None:
        """Start the scan, answer the camera prompt as the flow decided, wait for the app's answer."""
        idle = self.state().text(self._face_status)
        self.page.tap(rid(self._face_start),
                      settle=lambda: (lambda s: s.prompt or s.text(self._face_status) != idle)(self.state()))
        for _ in range(MAX_PROMPTS):
            if not self.state().prompt:
                break
            self.dialog.answer()
        self.page.wait().until(lambda _: self.state().text(self._face_status) != idle,
                               message="the face scan to answer")

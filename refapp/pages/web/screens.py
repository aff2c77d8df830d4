"""The reference app's fixed screens and dialogs."""
from __future__ import annotations

from .base import RefAppPage, css


class ConsentDialog(RefAppPage):
    _dialog = css("#dlg-consent")
    _policy = css("#consent-policy")
    _accept = css("#consent-accept")
    _reject = css("#consent-reject")
    _manage = css("#consent-manage")

    @property
    def loaded(self) -> bool:
        return self.is_element_displayed(self._dialog)

    @property
    def links_policy(self) -> bool:
        """The dialog shows a link to the privacy policy."""
        return self.is_element_displayed(self._policy)

    @property
    def has_direct_reject(self) -> bool:
        return self.is_element_displayed(self._reject)

    @property
    def reject_entry(self) -> str:
        """The element that starts the reject path: a direct reject, else 'manage'."""
        return "consent-reject" if self.has_direct_reject else "consent-manage"


class ConsentManagePage(RefAppPage):
    name = "consent-manage"
    _purposes = css("#screen-consent-manage input[type=checkbox]")
    _save = css("#consent-save")

    @property
    def ticked_ids(self) -> list[str]:
        return [box.get_attribute("id") for box in self.find_elements(self._purposes) if box.is_selected()]


class ShameDialog(RefAppPage):
    _dialog = css("#dlg-consent-shame")
    _keep = css("#shame-keep")
    _decline = css("#shame-decline")

    @property
    def loaded(self) -> bool:
        return self.is_element_displayed(self._dialog)


class HomePage(RefAppPage):
    name = "home"
    _status = css("#feature-status")

    @staticmethod
    def feature(permission: str):
        return css(f"#feature-{permission}")

    def feature_state(self, permission: str) -> str | None:
        found = self.find_elements(self.feature(permission))
        return found[0].get_attribute("data-state") if found else None


class MePage(RefAppPage):
    name = "me"
    _username = css("#me-username")
    _login = css("#me-login")
    _signup = css("#me-signup")

    @property
    def logged_in(self) -> bool:
        return self.is_element_displayed(self._username)


class LoginPage(RefAppPage):
    name = "login"
    _username = css("#login-username")
    _password = css("#login-password")
    _submit = css("#login-submit")
    _message = css("#login-message")

    @property
    def message(self) -> str:
        return self.find_element(self._message).text.strip()


class SignupPage(RefAppPage):
    name = "signup"
    _username = css("#signup-username")
    _password = css("#signup-password")
    _agree = css("#signup-agree")
    _submit = css("#signup-submit")
    _message = css("#signup-message")
    _face_start = css("#signup-face-start")
    _face_status = css("#signup-face-status")

    @property
    def has_agree(self) -> bool:
        return self.is_element_present(self._agree)

    @property
    def face_required(self) -> bool:
        """A face scan is offered and the submit button waits for it."""
        return self.is_element_displayed(self._face_start) and not self.find_element(self._submit).is_enabled()

    def scan_face(self) -> None:
        """Start the face scan and wait until the app answers (passed or refused)."""
        idle = self.find_element(self._face_status).text.strip()
        self.tap(self._face_start, settle=lambda: self.find_element(self._face_status).text.strip() != idle)

    @property
    def message(self) -> str:
        return self.find_element(self._message).text.strip()


class BlockerPage(RefAppPage):
    name = "perm-blocker"
    _retry = css("#blocker-retry")
    _exit = css("#blocker-exit")


class RationaleDialog(RefAppPage):
    _dialog = css("#dlg-perm-rationale")
    _cancel = css("#rationale-cancel")
    _allow = css("#rationale-allow")

    @property
    def loaded(self) -> bool:
        return self.is_element_displayed(self._dialog)


class PolicyPage(RefAppPage):
    """The privacy policy view: its paragraphs, each with the id the app gives it."""

    name = "privacy-policy"
    _paragraphs = css("#policy-text p")

    @property
    def paragraphs(self) -> list[tuple[str, str]]:
        return [(p.get_attribute("id") or f"paragraph {n}", p.text.strip())
                for n, p in enumerate(self.find_elements(self._paragraphs), 1)]


class MenuPage(RefAppPage):
    """A settings-like list of rows; rows are tapped by their id."""

    def row(self, row_id: str):
        return css(f"#{row_id}")

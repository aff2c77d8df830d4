"""The reference APK's fixed screens and dialogs (DOM contract: refapp/README.md), with Android locators."""
from __future__ import annotations

from .base import RefAppAndroidPage, rid
from .state import AppState

FEATURES = {"geolocation": "feature-geolocation", "notifications": "feature-notifications", "camera": "feature-camera"}


class ConsentDialog(RefAppAndroidPage):
    _dialog = rid("dlg-consent")
    _accept = rid("consent-accept")
    _reject = rid("consent-reject")
    _manage = rid("consent-manage")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and (state.has("dlg-consent") or state.has("consent-accept"))

    @staticmethod
    def reject_entry_in(state: AppState) -> str:
        """The first element of the reject path: the direct reject button, else "manage choices"."""
        return "consent-reject" if state.has("consent-reject") else "consent-manage"


class ConsentManagePage(RefAppAndroidPage):
    _save = rid("consent-save")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and state.has("consent-save")

    @staticmethod
    def ticked_in(state: AppState) -> list[str]:
        return [e.rid for e in state.screen.elements if e.rid.startswith("purpose-") and e.checked]


class ShameDialog(RefAppAndroidPage):
    _decline = rid("shame-decline")
    _keep = rid("shame-keep")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and (state.has("dlg-consent-shame") or state.has("shame-decline"))


class HomePage(RefAppAndroidPage):
    _status = rid("feature-status")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and not state.modal and (state.has("feature-status") or state.has("feature-geolocation"))

    @staticmethod
    def feature(permission: str):
        return rid(FEATURES[permission])


class MePage(RefAppAndroidPage):
    _login = rid("me-login")
    _signup = rid("me-signup")
    _tab = rid("tab-me")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and not state.modal and (state.has("me-username") or state.has("me-signup"))

    @staticmethod
    def logged_in(state: AppState) -> bool:
        return state.app and state.has("me-username")


class SignupPage(RefAppAndroidPage):
    _username = rid("signup-username")
    _password = rid("signup-password")
    _agree = rid("signup-agree")
    _submit = rid("signup-submit")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and state.has("signup-submit")


class LoginPage(RefAppAndroidPage):
    _username = rid("login-username")
    _password = rid("login-password")
    _submit = rid("login-submit")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and state.has("login-submit")


class BlockerPage(RefAppAndroidPage):
    _retry = rid("blocker-retry")
    _exit = rid("blocker-exit")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and state.has("blocker-retry")


class RationaleDialog(RefAppAndroidPage):
    _cancel = rid("rationale-cancel")
    _allow = rid("rationale-allow")

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app and (state.has("dlg-perm-rationale") or state.has("rationale-cancel"))

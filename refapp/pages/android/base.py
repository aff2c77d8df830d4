"""What every screen of the reference APK shares: actions by HTML id, state from one page source."""
from __future__ import annotations

from consent_audit.page import BasePage, Locator
from consent_audit.system_pages.android.locators import by_resource_id

from .state import PACKAGE, AppState


def rid(html_id: str) -> Locator:
    """An element of the web app by its HTML id, which the WebView dumps as resource-id."""
    return by_resource_id(html_id)


class RefAppAndroidPage(BasePage):
    """A screen of the APK; subclasses say when they are shown with `shown_in(state)`."""

    def state(self) -> AppState:
        return AppState.read(self.driver, PACKAGE)

    @classmethod
    def shown_in(cls, state: AppState) -> bool:
        return state.app

    @property
    def loaded(self) -> bool:
        return self.shown_in(self.state())

"""What the reference APK shows, read from one UiAutomator2 page source (no round trip per question)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consent_audit.platforms.android.uiautomator import PERMISSION_PROMPT_PACKAGES, screen_from_uiautomator_xml
from consent_audit.screen import Element, Screen

PACKAGE = "org.consentaudit.refapp"
ACTIVITY = ".MainActivity"
EXTRA_URL = "org.consentaudit.refapp.URL"
WEBVIEW_ID = f"{PACKAGE}:id/webview"


@dataclass
class AppState:
    """One snapshot: the screen and its elements by resource-id (the WebView's HTML ids)."""

    screen: Screen
    ids: dict[str, Element] = field(default_factory=dict)

    @classmethod
    def of(cls, screen: Screen) -> "AppState":
        ids: dict[str, Element] = {}
        for element in screen.elements:
            if element.rid:
                ids.setdefault(element.rid, element)
        return cls(screen=screen, ids=ids)

    @classmethod
    def read(cls, driver: Any, package: str = PACKAGE) -> "AppState":
        return cls.of(screen_from_uiautomator_xml(driver.page_source, app_package=package))

    def has(self, html_id: str) -> bool:
        return html_id in self.ids

    def element(self, html_id: str) -> Element | None:
        return self.ids.get(html_id)

    def text(self, html_id: str) -> str:
        element = self.ids.get(html_id)
        return (element.text or element.name).strip() if element is not None else ""

    @property
    def in_app(self) -> bool:
        return self.screen.in_app

    @property
    def prompt(self) -> bool:
        """A system permission prompt is the active window."""
        return self.screen.location in PERMISSION_PROMPT_PACKAGES

    @property
    def app(self) -> bool:
        """The app's own window is the active one (not a prompt, not another app)."""
        return self.in_app and not self.prompt

    @property
    def modal(self) -> bool:
        """A web dialog (role=dialog, dumped as android.app.Dialog) is open in the app."""
        return any(e.role == "dialog" for e in self.screen.elements)

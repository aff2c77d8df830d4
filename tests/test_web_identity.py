"""The summary's Identity of a web app is the address audited, never the browser's blank page the tab shows
between launches (a new user read `url: about:blank` for an explored app)."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from consent_audit.platforms.web.platform import WebChromiumPlatform

START = "http://127.0.0.1:8931/klaro-dark/"


class _Driver:
    def __init__(self, href: str, title: str) -> None:
        self.command_executor = SimpleNamespace(add_command=lambda *a: None)
        self.href, self.title = href, title

    def execute_script(self, script: str, *args: Any) -> dict[str, Any]:
        return {"url": self.href, "title": self.title, "build": None, "user_agent": "UA"}


def _identity(href: str, title: str) -> dict[str, Any]:
    return WebChromiumPlatform(_Driver(href, title), START).identity()


def test_the_blank_page_between_launches_is_never_the_identity() -> None:
    seen = _identity("about:blank", "")
    assert seen["url"] == START and seen["title"] is None and seen["kind"] == "web"


def test_another_site_left_to_is_not_the_app_audited() -> None:
    assert _identity("https://example.org/policy", "Example")["url"] == START
    assert _identity("http://127.0.0.1:89310/x", "other port")["url"] == START


def test_a_page_of_the_app_is_its_identity() -> None:
    seen = _identity(START + "#/profile", "Klaro shop")
    assert seen["url"] == START + "#/profile" and seen["title"] == "Klaro shop"

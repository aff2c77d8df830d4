"""UiAutomator2 locators the page objects build, in the subset of XPath 1.0 that ElementTree also
evaluates, so the tests check them on recorded page sources exactly as the server would."""
from __future__ import annotations

from consent_audit.page import Locator
from consent_audit.platforms.android import AndroidPlatform


def xpath_literal(text: str) -> str:
    """`text` as an XPath string literal (concat() when it holds both kinds of quote)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    parts = text.split("'")
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in parts) + ")"


def by_resource_id(resource_id: str) -> Locator:
    """A node by its resource-id as dumped. Fully qualified ids (pkg:id/name) use the `id` strategy; a
    WebView's HTML ids (no package) need XPath, since `id` would prefix the app package to them."""
    if ":id/" in resource_id:
        return ("id", resource_id)
    return ("xpath", f"//*[@resource-id={xpath_literal(resource_id)}]")


def by_text(text: str, clickable: bool = True) -> Locator:
    """A (clickable) node by its whole text."""
    where = "[@clickable='true']" if clickable else ""
    return ("xpath", f"//*{where}[@text={xpath_literal(text)}]")


def resource_id_of(locator: Locator) -> str | None:
    """The resource-id a locator built by `by_resource_id` names, else None."""
    return AndroidPlatform.element_id_of(locator)

"""The web platform's screen reader: one DOM snapshot (snapshot_script.DOM_SNAPSHOT_JS, run in the page) → the
neutral Screen."""
from __future__ import annotations

from typing import Any

from ...screen import Bounds, Element, Screen, signature_of


def elements_from_dom(items: list[dict]) -> tuple[list[Element], list[tuple[Bounds, str]]]:
    """Elements from the DOM snapshot, and (bounds, value) of filled inputs (for redaction only)."""
    elements, values = [], []
    for item in items:
        bounds = tuple(int(v) for v in item.get("bounds", (0, 0, 0, 0)))
        elements.append(Element(text=item.get("text", ""), name=item.get("name", ""), rid=item.get("rid", ""),
                                role=item.get("role", ""), bounds=bounds,  # type: ignore[arg-type]
                                clickable=bool(item.get("clickable")), checked=item.get("checked"),
                                enabled=bool(item.get("enabled", True)), focused=bool(item.get("focused")),
                                secret_field=bool(item.get("secret_field")), covered=bool(item.get("covered")),
                                mailbox=bool(item.get("mailbox")), faded=bool(item.get("faded")),
                                fixed=bool(item.get("fixed")), required=bool(item.get("required")),
                                multiline=bool(item.get("multiline")), filled=bool(item.get("value")),
                                selected=bool(item.get("selected")), group=str(item.get("group") or ""),
                                option=str(item.get("option") or ""),
                                view=tuple(int(v) for v in item["view"]) if item.get("view") else None,  # type: ignore[arg-type]
                                view_across=tuple(int(v) for v in item["across"])  # type: ignore[arg-type]
                                if item.get("across") else None))
        if item.get("value"):
            values.append((bounds, item["value"]))  # type: ignore[arg-type]
    return elements, values


LOAD_STATE_JS = """
const nav = performance.getEntriesByType('navigation')[0];
return {url: location.href, title: document.title, status: nav ? (nav.responseStatus || 0) : 0,
        error_page: !!document.querySelector('#main-frame-error, body.neterror')};
"""
"""How the current document loaded: its URL, title, HTTP status (0 when unknown) and whether it is
Chromium's own network-error page."""


def screen_from_dom(snapshot: dict[str, Any], screenshot: bytes = b"", origin: str = "",
                    prompts: dict[str, int] | None = None) -> Screen:
    """The Screen of a DOM snapshot (what snapshot_script.DOM_SNAPSHOT_JS returns: elements, shape, url, title, width,
    height in device px, source). `in_app` is whether the URL is under `origin` (always, without one)."""
    elements, _values = elements_from_dom(snapshot.get("elements", []))
    url = snapshot.get("url", "")
    return Screen(elements=elements, signature=signature_of(snapshot.get("shape", "")),
                  source=snapshot.get("source", ""), screenshot=screenshot, location=url,
                  title=snapshot.get("title", ""), size=(snapshot.get("width", 0), snapshot.get("height", 0)),
                  in_app=url.startswith(origin), source_kind="html", prompts=dict(prompts or {}),
                  flashed=[str(x) for x in snapshot.get("flashed") or []],
                  unread_frames=[str(x) for x in snapshot.get("unread_frames") or []])


def input_values(snapshot: dict[str, Any]) -> list[tuple[Bounds, str]]:
    """(bounds, value) of the filled inputs of a DOM snapshot: only to redact secrets from screenshots."""
    return elements_from_dom(snapshot.get("elements", []))[1]


__all__ = ["LOAD_STATE_JS", "elements_from_dom", "screen_from_dom", "input_values"]

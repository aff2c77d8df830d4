"""Captured markup kept inert: a page source the audited app served must never make the reviewer's browser
contact that app (or anyone) when opened from the run folder, the bundle or the report.

Stored HTML sources start with a Content-Security-Policy that forbids every load except inline images
(`data:`) and inline styles, so no image, script, frame, font or beacon leaves the machine; the Allure
report shows sources as plain text."""
from __future__ import annotations

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"
"""Nothing remote, nothing scripted; inline images and styles still render (what the user saw)."""

INERT_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
"""The first line of every stored HTML page source: the browser applies it before it reads any element."""


def inert_html(source: str) -> str:
    """The page source with INERT_META in front (once). A `<meta>` before `<html>` is placed in the head
    by every HTML parser, so the policy holds for the whole document."""
    if source.startswith(INERT_META):
        return source
    return f"{INERT_META}\n{source}"

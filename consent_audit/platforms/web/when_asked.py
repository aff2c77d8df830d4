"""Permissions decided "when asked" on the web platform: the page reads such a permission undecided —
`Notification.permission` 'default', `navigator.permissions.query` 'prompt' — until it asks for it; the browser
then answers as decided (DevTools' Browser.setPermission holds the answer) and the page reads that answer.

This is a fresh install whose user answers the browser's prompt when the app asks, and the same as Android's
runtime permissions, which an app sees only as "not granted" until its dialog was answered
(platforms/android/platform.py). A permission decided in advance is what the page reads at once: an app that
checks first and shows its own pre-prompt only while the permission is undecided (web.dev's advice for a
notification soft ask) never shows it then (issue 13, kind 13; corpus mtsvane: after the third article read).

The names not yet asked in this install are handed to every new document by a script run before the page's own
(INSTRUMENTATION_JS reads `window.__caUndecided`); a document that asked reads the answer at once (its request
counts), later documents get a script without the name. The count of a document is read at each capture and
before a relaunch leaves it.
"""
from __future__ import annotations

import json
from typing import Any, Callable


class WhenAsked:
    """The permissions decided when asked (`decided`) and those of them the app has not asked for since the
    last fresh install (`unasked`), installed into new documents through `cdp` (a DevTools call)."""

    def __init__(self, cdp: Callable[[str, dict[str, Any]], dict[str, Any]]) -> None:
        self.cdp = cdp
        self.decided: set[str] = set()
        self.unasked: set[str] = set()
        self._script: str | None = None      # identifier of the installed script, None when none is

    def decide(self, name: str, when_asked: bool) -> None:
        """`name` decided when asked (undecided to the page until it asks) or in advance (read at once)."""
        before = set(self.unasked)
        if when_asked:
            self.decided.add(name)
            self.unasked.add(name)
        else:
            self.decided.discard(name)
            self.unasked.discard(name)
        if self.unasked != before:
            self._install()

    def reset(self) -> None:
        """A fresh install: every permission decided when asked is unasked again."""
        if self.unasked != self.decided:
            self.unasked = set(self.decided)
            self._install()

    def note(self, counts: dict[str, int]) -> None:
        """The page's request counts (per document): what it asked for is no longer undecided to it."""
        asked = {p for p in self.unasked if counts.get(p, 0) > 0}
        if asked:
            self.unasked -= asked
            self._install()

    def source(self) -> str:
        """The script that tells a new document which permissions read undecided."""
        return f"window.__caUndecided = {json.dumps(sorted(self.unasked))};"

    def scripts(self) -> list[str]:
        """What a window followed now gets (`source`), [] when no permission reads undecided."""
        return [self.source()] if self.unasked else []

    def _install(self) -> None:
        if self._script is not None:
            self.cdp("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self._script})
            self._script = None
        if self.unasked:
            self._script = self.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": self.source()}).get(
                "identifier")

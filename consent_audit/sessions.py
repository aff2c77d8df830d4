"""Driver sessions kept between audits (`--sessions reuse`, the default where the platform allows it).

A new Appium session costs 1–2 s on an idle 2-core machine (browser start, chromedriver start) and several
seconds under load; an audit's own steps often take less. Where the platform can bring a used session back to
the state a new one starts in (`PlatformSpec.fresh_state`: web — a new tab, every origin's data, the cache and
the permission decisions cleared), each worker keeps one session and hands it to its next audit. A session
that no longer answers, or capabilities that differ, get a new session; `--sessions per-test` always does."""
from __future__ import annotations

import json
import logging
from typing import Any, Callable

log = logging.getLogger(__name__)

PER_TEST, REUSE = "per-test", "reuse"
VOLATILE = ("appium:chromedriverPort", "appium:systemPort", "appium:mjpegServerPort")
"""Capabilities that differ between two sessions of one kind (free ports): not part of a session's key."""


def session_key(capabilities: dict[str, Any]) -> str:
    """What makes two sessions interchangeable: their capabilities, free ports left out (JSON, sorted)."""
    return json.dumps({k: v for k, v in capabilities.items() if k not in VOLATILE}, sort_keys=True, default=str)


def quit_quietly(driver: Any) -> None:
    try:
        driver.quit()
    except Exception as exc:  # quitting must not hide the test's own failure
        log.warning("quitting the session failed: %s", exc)


class SessionPool:
    """At most one kept session (one per pytest worker: this lives in a session-scoped fixture)."""

    def __init__(self) -> None:
        self.driver: Any = None
        self.key: str | None = None
        self.started = 0          # sessions started, for the run's metadata
        self.reused = 0           # audits that got a kept session

    def take(self, key: str, start: Callable[[], Any], fresh: Callable[[Any], None]) -> Any:
        """The kept session made fresh when its key matches and it still answers; else a new one from `start`
        (the kept one, if any, is quit). Raises whatever `start` raises."""
        if self.driver is not None and self.key == key:
            try:
                fresh(self.driver)
                self.reused += 1
                return self.driver
            except Exception as exc:
                log.info("the kept session cannot be reused (%s); starting a new one",
                         (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200])
        self.close()
        self.driver, self.key = start(), key
        self.started += 1
        return self.driver

    def close(self) -> None:
        if self.driver is not None:
            quit_quietly(self.driver)
        self.driver, self.key = None, None

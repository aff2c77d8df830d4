"""Progress of a corpus bench while `consent-audit explore` runs: one line per goal as it ends, read from the run
folder's Allure results (each test's `*-result.json` is written when that test ends), and the bench's exit status.

    app        deletion     not_found     116 s

The seconds are the wall time since the previous goal of the app ended (the first: since explore started).
"""
from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, TextIO

POLL_S = 2.0       # how often the run folder is read while explore runs (a join's timeout, not a sleep)
STATUS = {"passed": "clean", "skipped": "not_found", "broken": "broken"}   # Allure status → outcome ("failed": below)


def outcome_of(result: dict[str, Any]) -> str:
    """The audit outcome an Allure test result (its JSON, a dict) stands for: clean, found, not_found or broken
    (a failed test is found when its message says a dark pattern was found, else broken)."""
    status = result.get("status", "")
    if status == "failed":
        message = (result.get("statusDetails") or {}).get("message", "")
        return "found" if "dark pattern found" in message else "broken"
    return STATUS.get(status, status or "-")


class GoalProgress:
    """Watches `results` (the run's allure-results folder, made or not yet) for goals of `app` that ended; files
    there before it started are not reported. `out`: where lines go (stderr), flushed each."""

    def __init__(self, app: str, results: Path, out: TextIO | None = None) -> None:
        self.app, self.results, self.out = app, results, out or sys.stderr
        self.seen = set(self._files())
        self.last = time.monotonic()

    def _files(self) -> list[Path]:
        return sorted(self.results.glob("*-result.json")) if self.results.is_dir() else []

    def poll(self) -> list[str]:
        """Print (and return) one line per goal that ended since the last poll: app, flow, outcome, seconds."""
        lines = []
        for path in self._files():
            if path in self.seen:
                continue
            try:
                result = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):       # still being written: read on the next poll
                continue
            self.seen.add(path)
            labels = {label.get("name"): label.get("value") for label in result.get("labels", [])}
            now = time.monotonic()
            lines.append(f"{self.app:20} {labels.get('flow', result.get('name', '?')):12} "
                         f"{outcome_of(result):10} {now - self.last:6.0f} s")
            self.last = now
        for line in lines:
            print(line, file=self.out, flush=True)
        return lines


def watched(run: Callable[[], Any], progress: GoalProgress) -> Any:
    """`run()` in a thread while `progress` is polled every POLL_S seconds; its return value (its exception
    raised here)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = run()
        except BaseException as exc:          # handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(POLL_S)
        progress.poll()
    progress.poll()
    if "error" in box:
        raise box["error"]
    return box["value"]


def failed(rows: list[tuple[Any, ...]]) -> list[str]:
    """The rows of a bench table (app, flow, outcome, exact, compared, unmeasured, ok, …) with a figure or a
    verdict wrong, as 'app flow' (the app rows, whose `ok` is a string, left out)."""
    return [f"{row[0]} {row[1]}" for row in rows
            if isinstance(row[6], bool) and (not row[6] or row[3] < row[4])]


__all__ = ["GoalProgress", "POLL_S", "failed", "outcome_of", "watched"]

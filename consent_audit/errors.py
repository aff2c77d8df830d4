"""Errors the suite reports to users as one clear line."""
from __future__ import annotations


class UsageError(Exception):
    """Bad input or a missing prerequisite: printed as one line, exit status 2, no traceback."""


class DarkPatternFound(AssertionError):
    """An audit assertion failed: the target shows a dark pattern (Allure: 'Dark pattern found')."""

    def __init__(self, message: str, findings: list | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []

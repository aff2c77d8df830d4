"""A full disk during a run: recorded where it happened, said in one line, never a wall of tracebacks.

What the suite writes itself fails as an OSError and breaks the audit that wrote it (its reason names the
file). What Allure's file logger and the Appium log writer would raise in pytest's own hooks is caught here
and recorded instead; the wrap-up then says once that the disk is full and where, skips the report and the
bundle (they need space) and still tries to leave summary.json marked incomplete."""
from __future__ import annotations

import errno
import functools
from typing import Any, Callable

FULL = (errno.ENOSPC, errno.EDQUOT)
PLACES: list[str] = []
"""Where a write failed for want of space, first first (paths)."""


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in FULL


def record(exc: OSError, where: object = "") -> None:
    place = str(exc.filename or where or "the reports folder")
    if place not in PLACES:
        PLACES.append(place)


def tolerant(method: Callable[..., Any], where: object = "") -> Callable[..., Any]:
    """`method`, with a full disk recorded instead of raised (any other error still raises)."""
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            record(exc, where)
            return None
    return call


def guard_allure() -> None:
    """Make Allure's file logger record a full disk instead of raising inside pytest's hooks."""
    from allure_commons import plugin_manager
    from allure_commons.logger import AllureFileLogger

    for plugin in plugin_manager.get_plugins():
        if isinstance(plugin, AllureFileLogger) and not getattr(plugin, "_consent_audit_guarded", False):
            where = getattr(plugin, "_report_dir", "")
            plugin._report_item = tolerant(plugin._report_item, where)        # results and containers
            for name in ("report_attached_file", "report_attached_data"):    # hooks: pluggy holds the function
                for impl in getattr(plugin_manager.hook, name).get_hookimpls():
                    if impl.plugin is plugin:
                        impl.function = tolerant(impl.function, where)
            plugin._consent_audit_guarded = True


def forget() -> None:
    """A new run (or a test of the fault harness) starts with no full disk on record: PLACES is per run, and a
    process may hold several (a farm worker, the test suite)."""
    PLACES.clear()


def line() -> str | None:
    """The one line for a run that ran out of space, or None."""
    if not PLACES:
        return None
    return f"the disk is full at {PLACES[0]}; the run could not keep everything it captured"

"""Explicit waits: poll a condition until it holds or a deadline passes."""
from __future__ import annotations

import threading
import time
from typing import Callable, TypeVar

T = TypeVar("T")

_never = threading.Event()


def wait_until(condition: Callable[[], T], timeout: float, interval: float = 0.1,
               message: str = "condition") -> T:
    """Return the first truthy value of `condition()`; raise TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except Exception as exc:  # the condition may fail while the thing it watches is starting
            last_error = exc
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise TimeoutError(f"timed out after {timeout:g}s waiting for {message}{detail}")
        _never.wait(interval)

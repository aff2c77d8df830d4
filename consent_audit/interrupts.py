"""Signals while the audits run: SIGTERM (a CI timeout, a device farm stopping the job) and Ctrl-C stop the run,
and a stop cannot be lost.

Python runs a signal handler in the main thread between bytecodes; the `KeyboardInterrupt` it raises is
*ignored* (handed to `sys.unraisablehook`, which pytest turns into a warning) when the main thread happens
to be inside a finaliser at that moment (`__del__`, a weakref callback, a generator closed by the garbage
collector). Seen in CI: a SIGTERM at the third screenshot ended the run `clean`, exit 0, nothing on stderr.
So the handler also records the signal (`PENDING`), every recorded step and capture calls `check()`, which
raises it again until pytest has seen it (`seen()`), and the end of the session marks the run interrupted
if it never did (`lost()`). Handlers are installed once per session (`install`) and put back (`restore`).
"""
from __future__ import annotations

import signal
import threading
from dataclasses import dataclass, field
from typing import Any

CTRL_C = "interrupted by the user (Ctrl-C)"
SIGTERM = "terminated (SIGTERM)"


@dataclass
class Pending:
    """The latest stop signal's `reason` (None: none since `install`) and whether pytest has seen its
    `KeyboardInterrupt` (`acknowledged`); `previous` holds the handlers `install` replaced."""

    reason: str | None = None
    acknowledged: bool = False
    previous: dict[int, Any] = field(default_factory=dict)


PENDING = Pending()


def handle(signum: int, frame: Any) -> None:
    """The handler: record the stop, then raise it (KeyboardInterrupt carrying the reason)."""
    PENDING.reason = SIGTERM if signum == signal.SIGTERM else CTRL_C
    PENDING.acknowledged = False
    raise KeyboardInterrupt(PENDING.reason)


def check() -> None:
    """Raise the recorded stop again if pytest has not seen it (it was swallowed where it was first raised)."""
    if PENDING.reason is not None and not PENDING.acknowledged:
        raise KeyboardInterrupt(PENDING.reason)


def seen() -> None:
    """pytest met the stop's KeyboardInterrupt: it ends the tests, nothing needs raising again."""
    PENDING.acknowledged = True


def lost() -> str | None:
    """The reason of a stop pytest never saw (every later raise swallowed too, or no step came after), else None."""
    return PENDING.reason if PENDING.reason is not None and not PENDING.acknowledged else None


def reason_of(exc: BaseException) -> str:
    """The reason an interrupt carries: SIGTERM's, else Ctrl-C's."""
    return SIGTERM if str(exc) == SIGTERM else CTRL_C


def install() -> None:
    """Catch SIGTERM and SIGINT with `handle` (main thread only: elsewhere Python cannot install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return
    PENDING.reason, PENDING.acknowledged = None, False
    for signum in (signal.SIGINT, signal.SIGTERM):
        PENDING.previous[signum] = signal.signal(signum, handle)


def restore() -> None:
    """Put back the handlers `install` replaced."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum, previous in PENDING.previous.items():
        signal.signal(signum, previous)
    PENDING.previous.clear()

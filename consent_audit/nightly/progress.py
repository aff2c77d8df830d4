"""Progress of a long run, one line per audit: audits done / total, the target and flow, time elapsed since
the run started and an estimate of the time left (the mean wall-clock time per finished audit so far times
the audits left, so parallel workers are accounted for; "estimating" before the first audit ends).

`--progress` (pytest option, set by `consent-audit run`): `live` writes the line when an audit starts (what
is running now), `lines` writes it when an audit ends (what finished), `off` writes nothing; `auto` (the
default) is live on a terminal and lines otherwise (a CI log gets one plain line per audit, no control
characters). `consent-audit run --quiet` passes off. Only flow tests (marked `flow`) are counted; a session
without any prints nothing."""
from __future__ import annotations

import sys
import time
from typing import Any, Callable

import pytest

MODES = ("auto", "live", "lines", "off")


def clock(seconds: float) -> str:
    """Seconds as H:MM:SS (M:SS under an hour)."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def time_left(audit_seconds: float, done: int, total: int) -> float | None:
    """Estimated seconds left: wall-clock seconds spent on audits so far / audits done × audits left; None
    before any audit ended."""
    if done <= 0:
        return None
    return audit_seconds / done * max(total - done, 0)


def progress_line(done: int, total: int, audit: str, elapsed: float, left: float | None, running: bool) -> str:
    """One progress line, e.g. `audit 3/21 refapp-x/deletion · elapsed 1:02 · about 2:40 left` (`running`:
    the audit is starting, numbered done + 1; else it just ended, numbered done)."""
    number = done + 1 if running else done
    verb = "running" if running else "done   "
    estimate = ("all audits done" if done >= total and not running else "estimating time left" if left is None
                else f"about {clock(left)} left")
    return f"audit {number}/{total} {verb} {audit} · elapsed {clock(elapsed)} · {estimate}"


def choose_mode(option: str, is_terminal: bool) -> str:
    """live / lines / off from the option and whether the output is a terminal."""
    if option == "auto":
        return "live" if is_terminal else "lines"
    return option


class Progress:
    """Counts audits as pytest reports them and writes one line per audit through `write`."""

    def __init__(self, mode: str, write: Callable[[str], None], now: Callable[[], float] = time.monotonic) -> None:
        self.mode, self.write, self.now = mode, write, now
        self.began = now()
        self.first_start: float | None = None
        self.names: dict[str, str] = {}
        self.done = 0

    @property
    def total(self) -> int:
        return len(self.names)

    def line(self, audit: str, running: bool) -> str:
        now = self.now()
        spent = now - self.first_start if self.first_start is not None else 0.0
        return progress_line(self.done, self.total, audit, now - self.began,
                             time_left(spent, self.done, self.total), running)

    def started(self, nodeid: str) -> None:
        if nodeid not in self.names or self.mode == "off":
            return
        if self.first_start is None:
            self.first_start = self.now()
        if self.mode == "live":
            self.write(self.line(self.names[nodeid], running=True))

    def finished(self, nodeid: str) -> None:
        if nodeid not in self.names or self.mode == "off":
            return
        self.done += 1
        if self.mode == "lines":
            self.write(self.line(self.names[nodeid], running=False))


def audit_name(item: pytest.Item) -> str | None:
    """`target/flow` of a flow test item; None for any other test."""
    marker = item.get_closest_marker("flow")
    if marker is None:
        return None
    flow = marker.args[0] if marker.args else item.name
    params = getattr(getattr(item, "callspec", None), "params", {})
    target = params.get("target_name") or (item.name.split("[", 1)[1].rstrip("]") if "[" in item.name else "?")
    return f"{target}/{flow}"


def name_from_nodeid(nodeid: str) -> str | None:
    """`target/flow` from a flow test's node id (`…/flows/test_deletion.py::test_x[refapp-fair]`), for a
    controller that never sees the items (pytest-xdist); None for a test outside the flows."""
    path, _, rest = nodeid.partition("::")
    if "/flows/" not in f"/{path}" or "[" not in rest:
        return None
    flow = path.rsplit("/", 1)[-1].removesuffix(".py").removeprefix("test_")
    return f"{rest.split('[', 1)[1].rstrip(']')}/{flow}"


PROGRESS_KEY = pytest.StashKey[Progress]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("consent-audit").addoption(
        "--progress", default="auto", choices=MODES,
        help="a line per audit with done/total, elapsed and time left: live (when it starts), lines (when it "
             "ends), off; auto: live on a terminal, lines otherwise")


def pytest_configure(config: pytest.Config) -> None:
    mode = choose_mode(config.getoption("--progress", "off") or "off", sys.stdout.isatty())
    if mode == "off" or hasattr(config, "workerinput"):       # an xdist worker: its controller reports
        return

    def write(text: str) -> None:
        terminal = config.pluginmanager.get_plugin("terminalreporter")
        if terminal is not None:
            terminal.ensure_newline()
            terminal.write_line(text, bold=mode == "live")
        else:
            print(text, flush=True)

    config.stash[PROGRESS_KEY] = Progress(mode, write)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    progress = config.stash.get(PROGRESS_KEY, None)
    if progress is None:
        return
    progress.names = {item.nodeid: name for item in items if (name := audit_name(item)) is not None}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """Under pytest-xdist the controller learns the audits from the workers' collections."""
    if _ACTIVE and not _ACTIVE[0].names:
        _ACTIVE[0].names = {nodeid: name for nodeid in ids if (name := name_from_nodeid(nodeid)) is not None}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logstart(nodeid: str, location: Any) -> None:
    if _ACTIVE:
        _ACTIVE[0].started(nodeid)


def pytest_runtest_logfinish(nodeid: str, location: Any) -> None:
    if _ACTIVE:
        _ACTIVE[0].finished(nodeid)


def pytest_sessionstart(session: pytest.Session) -> None:
    _ACTIVE.clear()
    progress = session.config.stash.get(PROGRESS_KEY, None)
    if progress is not None:
        _ACTIVE.append(progress)


def pytest_unconfigure(config: pytest.Config) -> None:
    _ACTIVE.clear()


_ACTIVE: list[Progress] = []   # logstart/logfinish get no config: the session's Progress waits here

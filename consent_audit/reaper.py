"""Every process the suite starts ends when the run ends, however it ends.

The Appium server runs in its own process group (session), and the drivers and browsers it starts
(chromedriver, Chromium, UiAutomator2's helpers) stay in that group. `end_group` ends the whole group:
SIGTERM, a bounded wait, then SIGKILL. A run that is killed outright (SIGKILL, the OOM killer) cannot do
that itself, so a small watcher process (`python -m consent_audit.reaper RUN_PID PGID`, in a session of
its own) waits for the run to go and then ends the group, and removes the group's temporary folder."""
from __future__ import annotations

import os
import select
import shutil
import signal
import sys
import time
from typing import Callable


def group_alive(pgid: int) -> bool:
    """Whether any process of group `pgid` is left (zombies included until their parent reaps them)."""
    return _signalled(os.killpg, pgid)


def _signalled(send: Callable[[int, int], None], target: int) -> bool:
    """Whether signal 0 reaches `target` through `send` (os.kill: a process, os.killpg: a group); one that exists
    but is not ours counts as there."""
    try:
        send(target, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def end_group(pgid: int, grace: float = 10.0, reap: Callable[[], object] | None = None) -> None:
    """SIGTERM every process of group `pgid`, wait up to `grace` seconds (bounded poll), then SIGKILL.
    `reap` collects the caller's own child in the group (a zombie still counts as a member)."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pgid, sent)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + (grace if sent == signal.SIGTERM else 5.0)
        while time.monotonic() < deadline and group_alive(pgid):
            time.sleep(0.05)
            if reap is not None:
                reap()
        if not group_alive(pgid):
            return


def watch(run_pid: int, pgid: int, tmpdir: str | None = None) -> None:
    """Wait until the run process `run_pid` is gone (or the group ended on its own), then end group `pgid`
    and remove `tmpdir` (the group's TMPDIR), if given."""
    try:
        fd = os.pidfd_open(run_pid)
    except (ProcessLookupError, OSError):
        fd = None
    while group_alive(pgid):
        if fd is not None:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready:
                break
        else:
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.5)
    if fd is not None:
        os.close(fd)
    end_group(pgid)
    if tmpdir and not _signalled(os.kill, run_pid):
        shutil.rmtree(tmpdir, ignore_errors=True)


def start_watcher(pgid: int, tmpdir: "os.PathLike[str] | None" = None) -> "subprocess.Popen[bytes]":
    """The watcher of this process and group `pgid`, in a session of its own (so a Ctrl-C to the run's
    terminal does not end it before it did its job); `tmpdir`: the group's TMPDIR, removed once the run is gone."""
    import subprocess
    extra = [os.fspath(tmpdir)] if tmpdir is not None else []
    return subprocess.Popen([sys.executable, "-m", "consent_audit.reaper", str(os.getpid()), str(pgid), *extra],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


if __name__ == "__main__":
    watch(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)

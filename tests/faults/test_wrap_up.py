"""Defects 4 and 8: the wrap-up (summary, bundle) survives a signal, a full disk and a kill: it completes,
or it leaves summary.json marked interrupted and incomplete and `consent-audit bundle RUN_DIR` finishes it."""
from __future__ import annotations

import errno
import json
import os
import signal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from consent_audit.evidence import bundle as bundle_module
from consent_audit.evidence.bundle import BundleOptions
from consent_audit.report import finish_run
from consent_audit.run import Run
from consent_audit.wrapup import STATE

from .conftest import call, small_run


class _Config(SimpleNamespace):
    def getoption(self, name: str, default: Any = None) -> Any:
        return {"--html-report": "off", "bundle": True}.get(name, default)

    pluginmanager = SimpleNamespace(get_plugin=lambda name: None)


@pytest.fixture
def wrap_up(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Signal handlers as the session's end installs them; restored afterwards."""
    monkeypatch.setattr(BundleOptions, "from_config", classmethod(lambda cls, config: cls(operator="tester", pdf=False)))
    STATE.__init__()
    STATE.install()
    yield STATE
    STATE.restore()


def _signal_while_bagging(monkeypatch: pytest.MonkeyPatch, times: int, signum: int = signal.SIGTERM) -> None:
    real = bundle_module.bagit.make_bag

    def make_bag(*args: Any, **kwargs: Any) -> Any:
        for _ in range(times):
            os.kill(os.getpid(), signum)
        return real(*args, **kwargs)
    monkeypatch.setattr(bundle_module.bagit, "make_bag", make_bag)


def _summary(run: Run) -> dict[str, Any]:
    return json.loads((run.dir / "summary.json").read_text(encoding="utf-8"))


@pytest.mark.area_fault
def test_one_signal_while_bundling_lets_the_bundle_finish(tmp_path: Path, wrap_up: Any,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    run = small_run(tmp_path / "reports")
    _signal_while_bagging(monkeypatch, 1)
    finish_run(run, _Config())
    err = capsys.readouterr().err
    assert "terminated (SIGTERM) during the wrap-up" in err and "Traceback" not in err
    code, out, _ = call(capsys, "verify", str(run.dir / "evidence-fault-run.zip"))
    assert code == 0, out
    assert "incomplete" not in _summary(run)


@pytest.mark.area_fault
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_a_second_signal_stops_the_bundle_and_it_is_resumable(tmp_path: Path, wrap_up: Any, signum: int,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    run = small_run(tmp_path / "reports")
    _signal_while_bagging(monkeypatch, 2, signum)
    finish_run(run, _Config())
    err = capsys.readouterr().err
    assert "the evidence bundle stopped" in err and f"consent-audit bundle {run.dir}" in err, err
    summary = _summary(run)
    assert summary["interrupted"] and "the evidence bundle stopped" in summary["incomplete"]
    assert not list(run.dir.glob("evidence-*")) and not list(run.dir.glob(".evidence-*"))
    monkeypatch.undo()
    code, out, err_lines = call(capsys, "bundle", str(run.dir))
    assert code == 0, out + err_lines
    code, out, _ = call(capsys, "verify", str(run.dir / "evidence-fault-run.zip"))
    assert code == 0, out


@pytest.mark.area_fault
def test_full_disk_while_bundling_is_one_line_and_marked(tmp_path: Path, wrap_up: Any,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    run = small_run(tmp_path / "reports")

    def full(folder: Path, out: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(out))
    monkeypatch.setattr(bundle_module, "_zip", full)
    finish_run(run, _Config())
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert err[0] == f"consent-audit: the evidence bundle failed: the disk is full at {run.dir / 'evidence-fault-run.zip'}"
    assert "Traceback" not in "\n".join(err)
    assert "the disk is full" in _summary(run)["incomplete"]


@pytest.mark.area_fault
def test_a_killed_run_is_bundled_afterwards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run killed (SIGKILL) before its wrap-up: no summary.json, only what the recorder wrote."""
    run = small_run(tmp_path / "reports")
    (run.dir / "summary.json").unlink()
    code, out, err = call(capsys, "bundle", str(run.dir))
    assert code == 0, out + err
    summary = _summary(run)
    assert "killed" in summary["interrupted"] and summary["results"][0]["outcome"] == "interrupted"
    code, out, _ = call(capsys, "verify", str(run.dir / "evidence-fault-run.zip"))
    assert code == 0, out


@pytest.mark.area_bad_input
def test_bundle_of_no_run_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "bundle", str(tmp_path))
    assert code == 2 and len(err) == 1 and "is not a run folder" in err[0], err


@pytest.mark.area_fault
def test_a_run_starts_with_no_full_disk_on_record(tmp_path: Path) -> None:
    """A full disk said by an earlier run in the same process (a farm worker, a QA engineer's own session) must
    not silence the next run's verdict: the run's session start forgets it."""
    from types import SimpleNamespace

    from consent_audit import diskfull
    from consent_audit.plugin import RUN_KEY, pytest_sessionstart
    diskfull.record(OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "earlier.zip")))
    stash = pytest.Stash()
    stash[RUN_KEY] = small_run(tmp_path / "reports")
    pytest_sessionstart(SimpleNamespace(config=SimpleNamespace(stash=stash)))  # type: ignore[arg-type]
    assert diskfull.line() is None

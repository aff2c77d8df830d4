"""The progress line of a long run: its text, live on a terminal (when an audit starts), one line per audit
ended otherwise, nothing under --quiet."""
from __future__ import annotations

import pytest

from consent_audit.commands.nightly import engine_options
from consent_audit.nightly.progress import Progress, choose_mode, clock, progress_line, time_left


def test_line_text() -> None:
    assert progress_line(2, 21, "refapp-fair/deletion", 62, 150, running=True) == \
        "audit 3/21 running refapp-fair/deletion · elapsed 1:02 · about 2:30 left"
    assert progress_line(3, 21, "refapp-fair/deletion", 3725, None, running=False) == \
        "audit 3/21 done    refapp-fair/deletion · elapsed 1:02:05 · estimating time left"


def test_time_left_is_wall_clock_per_audit_times_audits_left() -> None:
    assert time_left(30.0, 0, 10) is None
    assert time_left(30.0, 3, 10) == pytest.approx(70.0)
    assert time_left(30.0, 10, 10) == 0
    assert clock(59.6) == "1:00" and clock(-3) == "0:00"


def test_mode_follows_the_terminal() -> None:
    assert choose_mode("auto", True) == "live" and choose_mode("auto", False) == "lines"
    assert choose_mode("off", True) == "off"


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _session(mode: str) -> list[str]:
    lines: list[str] = []
    tick = _Clock()
    progress = Progress(mode, lines.append, tick)
    progress.names = {"a": "shop/deletion", "b": "shop/consent"}
    tick.now += 5                                 # session start-up
    for nodeid, seconds in (("a", 10), ("not-a-flow", 1), ("b", 20)):
        progress.started(nodeid)
        tick.now += seconds
        progress.finished(nodeid)
    return lines


def test_on_a_terminal_the_line_says_what_runs_now() -> None:
    assert _session("live") == ["audit 1/2 running shop/deletion · elapsed 0:05 · estimating time left",
                                "audit 2/2 running shop/consent · elapsed 0:16 · about 0:11 left"]


def test_off_a_terminal_one_line_per_audit_ended() -> None:
    assert _session("lines") == ["audit 1/2 done    shop/deletion · elapsed 0:15 · about 0:10 left",
                                 "audit 2/2 done    shop/consent · elapsed 0:36 · all audits done"]


def test_quiet_prints_nothing() -> None:
    assert _session("off") == []
    assert engine_options(type("A", (), {"quiet": True})()) == ["--progress", "off"]
    assert engine_options(type("A", (), {"quiet": False})()) == []


def test_names_from_node_ids_for_a_controller_that_collects_nothing() -> None:
    from consent_audit.nightly.progress import name_from_nodeid
    assert name_from_nodeid("consent_audit/flows/test_deletion.py::test_account_deletion[refapp-fair]") == \
        "refapp-fair/deletion"
    assert name_from_nodeid("tests/test_measures.py::test_x[1]") is None

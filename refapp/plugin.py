"""The reference app's pytest plugin (a `pytest11` entry point of its own): the `refapp_server` fixture that
target files name with `served_by: refapp_server`. The engine never imports this module; it asks pytest for
the fixture a target names."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from .catalog import load_variants
from .server import RefAppServer
from .trackers import TrackerServer, tracker_hosts


@pytest.fixture(scope="session")
def refapp_trackers() -> Iterator[TrackerServer]:
    """The variants' third parties on a free loopback port (refapp.trackers)."""
    server = TrackerServer(tracker_hosts(load_variants()))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def refapp_server(run: Any, refapp_trackers: TrackerServer) -> Iterator[RefAppServer]:
    """The reference app on a free loopback port with fresh state for this run (`.url`, `.build`,
    `.loopback_hosts`: its tracker hosts, answered by `refapp_trackers`); the run's metadata records url and
    build under `reference_app`. `run` is the engine's session fixture (consent_audit.plugin)."""
    server = RefAppServer(host="127.0.0.1", port=0, tracker_port=refapp_trackers.port)
    server.start()
    run.meta["reference_app"] = {"url": server.url, "build": server.build}
    try:
        yield server
    finally:
        server.stop()

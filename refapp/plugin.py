"""The reference app's pytest plugin (a `pytest11` entry point of its own): the `refapp_server` fixture that
target files name with `served_by: refapp_server`. The engine never imports this module; it asks pytest for
the fixture a target names."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from .server import RefAppServer


@pytest.fixture(scope="session")
def refapp_server(run: Any) -> Iterator[RefAppServer]:
    """The reference app on a free loopback port with fresh state for this run (`.url`, `.build`); the run's
    metadata records both under `reference_app`. `run` is the engine's session fixture (consent_audit.plugin)."""
    server = RefAppServer(host="127.0.0.1", port=0)
    server.start()
    run.meta["reference_app"] = {"url": server.url, "build": server.build}
    try:
        yield server
    finally:
        server.stop()

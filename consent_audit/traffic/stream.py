"""The web capture source when the browser runs on this machine: the page's `Network.*` events pushed over
its own DevTools websocket (consent_audit.traffic.devtools), with chromedriver's performance log kept as the
backup that is read once to verify the stream and read instead of it when the stream fails.

Why: each read of chromedriver's log, and each body read, is one HTTP round trip through Appium to
chromedriver (10–40 ms each on a loaded 2-core machine, ~9 reads and ~4 bodies per consent audit); over the
websocket the events are already here and a read is one local round trip (the ping, < 1 ms), bodies too.

Never silently less than chromedriver's log (a missed tracker would read as "clean"):
- `drain()` pings the page first, so the events the page sent before the read are in it (the guarantee a
  read of chromedriver's log gave: TrafficLog.read_at).
- `verify()` (at the figures and at the end of the test: TrafficLog.verify) reads chromedriver's log once and
  returns every request in it the stream did not deliver (none when the stream is sound). Any such request
  is logged as a warning and from then on chromedriver's log is read instead of the stream.
- A dropped websocket (or a ping left unanswered with the connection gone) is logged and chromedriver's log
  is read from then on: it holds every event since the last read of it, so the requests of the gap are in it.
- A request is delivered once: each request hop delivered by either reader is kept (hop_key); the other reader drops it unread (no second body read). Requests that started before the source
  opened (the test before, the session's fresh tab) belong to no test and are dropped by the backup.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Mapping

from selenium.common.exceptions import WebDriverException

from .cdp import CdpNetworkLog, perf_messages
from .devtools import DevToolsConnection, DevToolsError, DevToolsUnavailable, connect_page

log = logging.getLogger(__name__)


def hop_key(entry: Mapping[str, Any]) -> tuple[str, int]:
    """What names one request hop in every DevTools session alike: its requestId and which requestWillBeSent
    of that id it was (a redirect reuses the id). Not its wallTime: each session computes that itself, and two
    sessions' values differ by microseconds."""
    return str(entry.get("_requestId", "")), int(entry.get("_hop") or 1)


class StreamSource:
    """A capture source (consent_audit.traffic.log.Source) over a DevTools connection to the test's page,
    with `backup` (a CdpNetworkLog over chromedriver's performance log) for verifying and falling back.
    `since`: wall time (s) the connection began to listen (before Network.enable)."""

    def __init__(self, connection: DevToolsConnection, backup: CdpNetworkLog, since: float,
                 response_bodies: bool = True) -> None:
        self.connection = connection
        self.since = since
        self.delivered: set[tuple[str, int]] = set()
        self.stream = CdpNetworkLog(lambda: [], connection.command, response_bodies)
        self.backup = backup
        self.backup.ignore = self._known
        self.fell_back = ""                  # why chromedriver's log is read instead of the stream ("" : it is not)

    def _known(self, entry: Mapping[str, Any]) -> bool:
        return hop_key(entry) in self.delivered or float(entry.get("_wallTime") or 0.0) < self.since

    def _deliver(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.delivered.update(hop_key(e) for e in entries)
        return entries

    def _fall_back(self, why: str) -> None:
        self.fell_back = why
        log.warning("traffic capture: %s; reading chromedriver's performance log from now on (it holds every "
                    "request since its last read)", why)

    @property
    def reader(self) -> str:
        """Which reader delivers now: 'devtools stream' or "chromedriver's log"."""
        return "chromedriver's log" if self.fell_back else "devtools stream"

    def drain(self) -> list[dict[str, Any]]:
        """The requests finished since the last call (see the module doc for the guarantees)."""
        if not self.fell_back:
            try:
                self.connection.ping()
            except DevToolsError as exc:
                if self.connection.alive:
                    raise                    # the page did not answer in time: this read says nothing (logged)
                self._fall_back(f"the DevTools connection dropped ({self.connection.error or exc})")
            else:
                return self._deliver(self.stream.take(self.connection.take_events()))
        return self._deliver(self.backup.drain())

    def pending(self) -> int:
        return (self.backup if self.fell_back else self.stream).pending()

    def verify(self) -> list[dict[str, Any]]:
        """Every request chromedriver's log has that was not delivered yet, with what the stream finished
        meanwhile: the backup is read first, then the stream is drained (so it is at least as recent), then
        what only the backup has is the stream's miss (logged; the backup is read from then on)."""
        if self.fell_back:
            return self.drain()
        raw = perf_messages(self.backup.read_log())
        new = self.drain()
        if self.fell_back:                   # the connection dropped just now: the backup's messages are the rest
            return new + self._deliver(self.backup.take(raw))
        missed = self._deliver(self.backup.take(raw))
        if missed:
            urls = ", ".join(sorted({str(e["request"]["url"])[:80] for e in missed})[:3])
            self._fall_back(f"the DevTools stream missed {len(missed)} request(s) chromedriver's log has ({urls})")
        return new + missed

    def flush(self) -> list[dict[str, Any]]:
        """The requests still open at the end (marked unfinished); closes the connection."""
        try:
            return (self.backup if self.fell_back else self.stream).flush()
        finally:
            self.connection.close()


def open_cdp_source(driver: Any, response_bodies: bool = True) -> Any:
    """A StreamSource for the session's current window when its browser's DevTools are reachable on this
    machine; otherwise (a remote Appium server or Grid node, no address) chromedriver's performance log alone,
    as before (said in the log)."""
    backup = CdpNetworkLog.for_driver(driver, response_bodies)
    address = str(((getattr(driver, "capabilities", None) or {}).get("goog:chromeOptions") or {})
                  .get("debuggerAddress") or "")
    since = time.time()
    connection = None
    try:
        connection = connect_page(address, str(driver.current_window_handle))
        connection.command("Network.enable")
    except (DevToolsUnavailable, DevToolsError, WebDriverException) as exc:
        if connection is not None:
            connection.close()
        log.info("traffic capture reads chromedriver's performance log: %s", exc)
        return backup
    return StreamSource(connection, backup, since, response_bodies)


__all__ = ["StreamSource", "open_cdp_source", "hop_key"]

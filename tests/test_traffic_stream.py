"""The web capture over the page's own DevTools websocket (consent_audit.traffic.stream, .devtools), without a
browser: events pushed by the page are read without a round trip through Appium, and chromedriver's
performance log stays the backup — a request the stream missed, or sent while its connection was down, is
still delivered (once), attributed to the step and phase during which it was sent, and said in the log."""
from __future__ import annotations

import json
import logging
import queue
import time
from pathlib import Path
from typing import Any

import pytest

from consent_audit.masking import Masker
from consent_audit.traffic.cdp import CdpNetworkLog
from consent_audit.traffic.devtools import (DevToolsConnection, DevToolsError, DevToolsUnavailable,
                                            connect_page)
from consent_audit.traffic.log import TrafficLog
from consent_audit.traffic.measure import traffic_metrics
from consent_audit.traffic.stream import StreamSource, open_cdp_source
from test_traffic_capture import T0, FakeSession, answered, done, sent


def message(perf_item: dict[str, Any]) -> dict[str, Any]:
    """The protocol message a performance log item carries (what the websocket pushes)."""
    return json.loads(perf_item["message"])["message"]


class FakeConnection:
    """DevToolsConnection's surface: the events pushed so far, a ping, commands, a drop."""

    def __init__(self) -> None:
        self.pushed: list[dict[str, Any]] = []
        self.alive = True
        self.error = ""
        self.pings = 0
        self.commands: list[str] = []
        self.closed = False

    def push(self, *perf_items: dict[str, Any]) -> None:
        self.pushed += [message(i) for i in perf_items]

    def ping(self, timeout: float = 1.0) -> None:
        self.pings += 1
        if not self.alive:
            raise DevToolsError("the DevTools connection is gone")

    def take_events(self) -> list[dict[str, Any]]:
        out, self.pushed = self.pushed, []
        return out

    def command(self, method: str, params: Any = None, timeout: float = 1.0) -> dict[str, Any]:
        self.commands.append(method)
        return {}

    def drop(self) -> None:
        self.alive, self.error = False, "closed by the browser"

    def close(self) -> None:
        self.closed = True


def request(rid: str, url: str, wall: float) -> list[dict[str, Any]]:
    return [sent(rid, url, wall), answered(rid, 204), done(rid, wall)]


def source(perf: list[list[dict[str, Any]]], since: float = T0) -> tuple[StreamSource, FakeConnection, FakeSession]:
    connection, session = FakeConnection(), FakeSession(perf)
    backup = CdpNetworkLog(session.read_log, session.cdp)
    return StreamSource(connection, backup, since), connection, session  # type: ignore[arg-type]


def test_pushed_events_are_read_after_a_ping_without_reading_chromedriver_log() -> None:
    stream, connection, session = source([])
    connection.push(*request("1", "http://app.adjust.com/session", T0 + 1))
    entries = stream.drain()
    assert [e["request"]["url"] for e in entries] == ["http://app.adjust.com/session"]
    assert connection.pings == 1 and session.batches == [] and not stream.fell_back
    assert stream.drain() == [] and connection.pings == 2


def test_a_dropped_connection_falls_back_to_chromedriver_log_without_losing_or_repeating_a_request(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The stream delivered the launch's request, then dropped; the one sent after a relaunch, during the
    gap, comes from chromedriver's log (which also holds the first: not delivered twice) and belongs to the
    relaunch's phase."""
    early = request("1", "http://app.adjust.com/session", T0 + 1)
    gap = request("2", "http://graph.facebook.com/tr", T0 + 3)
    stream, connection, session = source([early + gap])
    log = TrafficLog(stream, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, T0 + 0.5)
    log.phase("launch", since=T0 + 0.5, step=1, consent="unanswered")
    connection.push(*early)
    assert len(log.collect()) == 1
    log.step_started(2, T0 + 2)
    log.phase("relaunch, launch", since=T0 + 2, step=2)
    connection.drop()
    with caplog.at_level(logging.WARNING):
        late = log.collect()
    assert [e["request"]["url"] for e in late] == ["http://graph.facebook.com/tr"]
    assert late[0]["_phaseName"] == "relaunch, launch" and late[0]["_step"] == 2
    assert [e["request"]["url"] for e in log.entries] == ["http://app.adjust.com/session",
                                                           "http://graph.facebook.com/tr"]
    assert "dropped" in stream.fell_back and "chromedriver's performance log" in caplog.text


def test_verifying_finds_what_the_stream_missed_reads_no_body_twice_and_reads_the_backup_from_then_on(
        caplog: pytest.LogCaptureFixture) -> None:
    seen = request("1", "http://app.adjust.com/session", T0 + 1)
    missed = request("2", "http://api.amplitude.com/2/httpapi", T0 + 2)
    later = request("3", "http://graph.facebook.com/tr", T0 + 4)
    stream, connection, session = source([seen + missed, later])
    connection.push(*seen)
    assert len(stream.drain()) == 1
    with caplog.at_level(logging.WARNING):
        found = stream.verify()
    assert [e["request"]["url"] for e in found] == ["http://api.amplitude.com/2/httpapi"]
    assert "missed 1 request" in stream.fell_back and "amplitude" in caplog.text
    assert not [c for c in session.calls if c[1].get("requestId") == "1"]     # the delivered one: no body read
    connection.push(*later)                                                    # the stream is no longer read
    assert [e["request"]["url"] for e in stream.drain()] == ["http://graph.facebook.com/tr"]


def test_requests_from_before_the_source_opened_are_no_miss() -> None:
    stream, connection, _ = source([request("0", "http://127.0.0.1:8000/previous-test", T0 - 5)], since=T0)
    assert stream.verify() == [] and not stream.fell_back


def test_a_redirect_delivered_by_the_stream_is_not_repeated_by_the_backup() -> None:
    hops = [sent("9", "http://t.example/a", T0 + 1),
            {"message": json.dumps({"message": {"method": "Network.requestWillBeSent", "params": {
                "requestId": "9", "wallTime": T0 + 1.1, "timestamp": 1.1, "request": {
                    "url": "http://t.example/b", "method": "GET", "headers": {}},
                "redirectResponse": {"status": 302, "headers": {"Location": "http://t.example/b"}}}}}),
             "timestamp": 0},
            answered("9"), done("9", T0 + 1.2)]
    # each DevTools session computes wallTime itself: the backup's differs by microseconds
    shifted = [{**h, "message": h["message"].replace(str(T0 + 1), str(T0 + 1.000001))} for h in hops]
    stream, connection, _ = source([shifted])
    connection.push(*hops)
    assert len(stream.drain()) == 2
    assert stream.verify() == [] and not stream.fell_back


def test_the_figures_include_a_request_only_the_backup_had(tmp_path: Path) -> None:
    """traffic_metrics verifies the stream before any figure: a tracker it missed is counted."""
    launch = request("1", "http://app.adjust.com/session?gps_adid=x", time.time() - 2)
    stream, connection, _ = source([launch], since=time.time() - 10)
    log = TrafficLog(stream, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, time.time() - 3)
    log.phase("launch", since=time.time() - 3, step=1, consent="unanswered")
    figures = traffic_metrics(log, [])
    assert figures["traffic_requests"] == 1
    assert [r["host"] for r in figures["sent_before_consent"]] == ["app.adjust.com"]


def test_the_end_of_a_test_verifies_and_closes_the_connection(tmp_path: Path) -> None:
    stream, connection, _ = source([request("5", "http://app.adjust.com/late", T0 + 9)])
    log = TrafficLog(stream, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    assert [e["request"]["url"] for e in log.finish()] == ["http://app.adjust.com/late"]
    assert connection.closed


class FakeSocket:
    def __init__(self) -> None:
        self.incoming: queue.Queue[str | Exception] = queue.Queue()
        self.sent: list[dict[str, Any]] = []

    def send(self, text: str) -> None:
        sent_message = json.loads(text)
        self.sent.append(sent_message)
        if sent_message["method"] == "Runtime.evaluate":          # a page between documents answers an error
            self.incoming.put(json.dumps({"id": sent_message["id"], "error": {"message": "no context"}}))
        elif sent_message["method"] == "Network.getResponseBody":
            self.incoming.put(json.dumps({"id": sent_message["id"], "result": {"body": "ok"}}))

    def recv(self) -> str:
        got = self.incoming.get(timeout=5)
        if isinstance(got, Exception):
            raise got
        return got

    def close(self) -> None:
        self.incoming.put(ConnectionError("closed"))


def test_the_connection_queues_events_answers_commands_and_says_when_it_dropped(
        caplog: pytest.LogCaptureFixture) -> None:
    socket = FakeSocket()
    connection = DevToolsConnection(socket)
    socket.incoming.put(json.dumps({"method": "Network.requestWillBeSent", "params": {"requestId": "1"}}))
    connection.ping()                       # an error answer is still an answer: the events before it are in
    assert [e["method"] for e in connection.take_events()] == ["Network.requestWillBeSent"]
    assert connection.command("Network.getResponseBody", {"requestId": "1"}) == {"body": "ok"}
    with pytest.raises(DevToolsError, match="no context"):
        connection.command("Runtime.evaluate", {"expression": "0"})
    with caplog.at_level(logging.WARNING):
        socket.incoming.put(ConnectionResetError("reset by peer"))
        deadline = time.monotonic() + 2
        while connection.alive and time.monotonic() < deadline:
            time.sleep(0.01)
    assert not connection.alive and "reset by peer" in connection.error and "dropped" in caplog.text
    with pytest.raises(DevToolsError, match="gone"):
        connection.ping()


def test_only_the_sessions_own_page_on_this_machine_is_connected() -> None:
    pages = [{"id": "ABC", "type": "page", "webSocketDebuggerUrl": "ws://localhost:9222/devtools/page/ABC"}]
    opened: list[str] = []

    def open_socket(url: str, timeout: float) -> FakeSocket:
        opened.append(url)
        return FakeSocket()
    with pytest.raises(DevToolsUnavailable, match="not on this machine"):
        connect_page("10.0.0.7:9222", "ABC", list_targets=lambda u, t: pages, open_socket=open_socket)
    with pytest.raises(DevToolsUnavailable, match="no page XYZ"):          # another browser on that port
        connect_page("localhost:9222", "XYZ", list_targets=lambda u, t: pages, open_socket=open_socket)
    connection = connect_page("localhost:9222", "ABC", list_targets=lambda u, t: pages, open_socket=open_socket)
    assert opened == ["ws://localhost:9222/devtools/page/ABC"]
    connection.close()


class RemoteDriver:
    """A session whose browser runs elsewhere (a Grid node): no DevTools address this machine can reach."""

    capabilities = {"goog:chromeOptions": {"debuggerAddress": "node-7.farm:41231"}}
    current_window_handle = "ABC"

    class command_executor:       # noqa: N801 - the driver attribute's name
        @staticmethod
        def add_command(*args: Any) -> None:
            return None


def test_a_browser_on_another_machine_is_read_through_chromedriver_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        chosen = open_cdp_source(RemoteDriver())
    assert isinstance(chosen, CdpNetworkLog) and "not on this machine" in caplog.text

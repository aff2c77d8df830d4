"""A DevTools Protocol connection to one page of the audited browser, straight over its websocket: the
browser pushes `Network.*` events as they happen, so reading them costs no round trip through Appium and
chromedriver (consent_audit.traffic.stream uses it; chromedriver's performance log stays the backup).

Where the address comes from: chromedriver reports `goog:chromeOptions.debuggerAddress` ("localhost:PORT",
the browser's `--remote-debugging-port`) in the session capabilities, and Appium's chromium driver returns
them as they are; a page's DevTools target id is its WebDriver window handle, and `GET /json/list` on that
address lists `webSocketDebuggerUrl` per target. The address is local to the machine that runs the browser: a
remote Appium server or a Grid node gives an address this machine cannot reach (or another browser's), so
`connect_page` checks that the listed page is the session's own window before it connects.

Shapes: an event is the protocol message `{"method": str, "params": dict}`; `command(method, params)` returns
the message's `result` dict. Errors: DevToolsUnavailable (no address, nothing listening, not the session's
page), DevToolsError (the browser answered a command with an error, or did not answer in time, or the
connection is gone). A connection that drops is never raised on in the reader: `alive` turns False and
`error` says why; its user decides (the stream source falls back to chromedriver's log and says so).
"""
from __future__ import annotations

import itertools
import json
import logging
import threading
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.0
COMMAND_TIMEOUT_S = 10.0
PING_TIMEOUT_S = 3.0
PING = ("Runtime.evaluate", {"expression": "0", "returnByValue": True})
"""Answered by the page's renderer, where its Network events come from: a barrier for them."""
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]", "::1")


class DevToolsUnavailable(RuntimeError):
    """No DevTools connection to the session's page can be made from here (said why)."""


class DevToolsError(RuntimeError):
    """A command failed: an error answer, no answer within its timeout, or the connection gone."""


class DevToolsConnection:
    """One websocket to one page target. `socket` has send(str), recv() -> str and close() (websocket-client's
    WebSocket); a daemon thread reads it: answers go to the command waiting for them, events to a queue that
    `take_events()` empties."""

    def __init__(self, socket: Any, name: str = "page") -> None:
        self.socket = socket
        self.name = name
        self.error = ""
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._events: list[dict[str, Any]] = []
        self._answers: dict[int, dict[str, Any]] = {}
        self._closing = False
        self._alive = True
        self._reader = threading.Thread(target=self._read, daemon=True, name=f"devtools-{name}")
        self._reader.start()

    @property
    def alive(self) -> bool:
        return self._alive

    def _read(self) -> None:
        while True:
            try:
                text = self.socket.recv()
            except Exception as exc:          # closed by us, by the browser, or the socket broke
                self._dropped(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
                return
            if not text:                     # websocket-client returns "" once the peer closed
                self._dropped("closed by the browser")
                return
            try:
                message = json.loads(text)
            except ValueError:
                continue
            with self._lock:
                if "id" in message:
                    self._answers[int(message["id"])] = message
                elif "method" in message:
                    self._events.append({"method": message["method"], "params": message.get("params") or {}})
                self._lock.notify_all()

    def _dropped(self, why: str) -> None:
        with self._lock:
            self._alive = False
            self.error = self.error or why
            self._lock.notify_all()
        if not self._closing:
            log.warning("the DevTools connection to the %s dropped: %s", self.name, why)

    def command(self, method: str, params: Mapping[str, Any] | None = None,
                timeout: float = COMMAND_TIMEOUT_S) -> dict[str, Any]:
        """Send one command and wait for its answer; its `result`. Events the browser sent before answering
        are queued before this returns (one connection delivers in order)."""
        answer = self._call(method, params, timeout)
        if "error" in answer:
            raise DevToolsError(f"{method}: {answer['error'].get('message', answer['error'])}")
        return dict(answer.get("result") or {})

    def ping(self, timeout: float = PING_TIMEOUT_S) -> None:
        """One round trip to the page (PING: its answer, a result or an error alike, comes after every event
        the page sent before it). Raises DevToolsError when no answer comes."""
        self._call(*PING, timeout=timeout)

    def _call(self, method: str, params: Mapping[str, Any] | None, timeout: float) -> dict[str, Any]:
        if not self._alive:
            raise DevToolsError(f"the DevTools connection is gone ({self.error})")
        number = next(self._ids)
        try:
            self.socket.send(json.dumps({"id": number, "method": method, "params": dict(params or {})}))
        except Exception as exc:
            self._dropped(f"send failed: {exc}")
            raise DevToolsError(f"{method}: the DevTools connection is gone ({exc})") from exc
        with self._lock:
            if not self._lock.wait_for(lambda: number in self._answers or not self._alive, timeout):
                raise DevToolsError(f"{method}: no answer within {timeout:g}s")
            answer = self._answers.pop(number, None)
        if answer is None:
            raise DevToolsError(f"{method}: the DevTools connection is gone ({self.error})")
        return answer

    def take_events(self) -> list[dict[str, Any]]:
        """Every event received since the last call, in the order the browser sent them."""
        with self._lock:
            out, self._events = self._events, []
        return out

    def close(self) -> None:
        self._closing = True
        try:
            self.socket.close()
        except Exception as exc:
            log.debug("closing the DevTools connection: %s", exc)
        self._reader.join(timeout=1.0)


def _json(url: str, timeout: float) -> Any:
    import urllib.request
    with urllib.request.urlopen(url, timeout=timeout) as answer:      # loopback only: checked by the caller
        return json.loads(answer.read().decode("utf-8"))


def connect_page(address: str, target_id: str, timeout: float = CONNECT_TIMEOUT_S,
                 list_targets: Callable[[str, float], Any] = _json,
                 open_socket: Callable[[str, float], Any] | None = None) -> DevToolsConnection:
    """A connection to the page `target_id` (the session's window handle) of the browser whose DevTools
    listen on `address` ("host:port", loopback only: the suite opens no connection beyond 127.0.0.0/8).
    Raises DevToolsUnavailable with the reason."""
    host = (urlsplit(f"//{address}").hostname or "").lower()
    if not address or host not in {h.strip("[]") for h in LOOPBACK_NAMES}:
        raise DevToolsUnavailable(f"the browser's DevTools address {address or '(none)'} is not on this machine")
    try:
        targets = list_targets(f"http://{address}/json/list", timeout)
    except Exception as exc:
        raise DevToolsUnavailable(f"nothing answers on {address}: {exc}") from exc
    page = next((t for t in targets or [] if t.get("id") == target_id and t.get("type") == "page"), None)
    url = str((page or {}).get("webSocketDebuggerUrl") or "")
    if not url:
        raise DevToolsUnavailable(f"the browser on {address} has no page {target_id} (another machine's browser?)")
    if (urlsplit(url).hostname or "").lower() not in {h.strip("[]") for h in LOOPBACK_NAMES}:
        raise DevToolsUnavailable(f"the page's DevTools socket {url} is not on this machine")
    if open_socket is None:
        import websocket                     # websocket-client (a selenium dependency, pinned in pyproject)

        def open_socket(ws_url: str, wait: float) -> Any:
            sock = websocket.create_connection(ws_url, timeout=wait, suppress_origin=True)
            sock.settimeout(None)            # the reader blocks until a message or the close
            return sock
    try:
        socket = open_socket(url, timeout)
    except Exception as exc:
        raise DevToolsUnavailable(f"could not open {url}: {exc}") from exc
    return DevToolsConnection(socket, name=f"page {target_id[:8]}")


__all__ = ["DevToolsConnection", "DevToolsError", "DevToolsUnavailable", "connect_page"]

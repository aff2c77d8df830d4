"""Network capture on the web platform through the Chrome DevTools Protocol, as Appium's chromium driver
exposes it: chromedriver's performance log (`goog:loggingPrefs: {performance: ALL}` with
`goog:chromeOptions.perfLoggingPrefs.enableNetwork`) buffers the page's `Network.*` events; `drain()` reads
them (`POST /session/{id}/se/log`, proxied by the driver to chromedriver) and turns every finished request into
a HAR 1.2 entry. Request bodies missing from an event are read with `Network.getRequestPostData`, response
bodies with `Network.getResponseBody` (`POST /session/{id}/goog/cdp/execute`). Both calls go through Appium,
so this works with a remote server too (the DevTools `debuggerAddress` a session reports is local to it).

Shapes: an entry is a HAR 1.2 `entries[]` dict (`startedDateTime`, `time` ms, `request`, `response`,
`timings`, `_initiator`, `_resourceType`, `_wallTime` s since the epoch, `_error` when it failed). Bodies are
raw here (`_bodyBytes`); consent_audit.traffic.har bounds, hashes and masks them when the HAR is written.
"""
from __future__ import annotations

import base64
import json
import logging
from datetime import datetime, timezone
from typing import Any, Callable, Mapping

log = logging.getLogger(__name__)

CAPABILITIES = {"goog:loggingPrefs": {"performance": "ALL"}}
DATA_TYPES = frozenset({"XHR", "Fetch", "Ping", "EventSource", "Other"})
"""DevTools resource types whose response bodies are read: the data an app exchanges. The app's own documents,
scripts, styles, images and fonts are not (one DevTools call each, and they are the app, not what it sends)."""
PERF_PREFS = {"enableNetwork": True, "enablePage": False}

Cdp = Callable[[str, Mapping[str, Any]], Mapping[str, Any]]
"""(DevTools command, params) -> its result; raises on a DevTools error."""
ReadLog = Callable[[], list[Mapping[str, Any]]]
"""The performance log entries buffered since the last read: [{"message": json text, "timestamp": ms}]."""


def with_capture(capabilities: Mapping[str, Any]) -> dict[str, Any]:
    """The session capabilities with the performance log of network events switched on (a copy)."""
    caps = {**capabilities, **CAPABILITIES}
    options = dict(caps.get("goog:chromeOptions") or {})
    options["perfLoggingPrefs"] = {**PERF_PREFS, **(options.get("perfLoggingPrefs") or {})}
    caps["goog:chromeOptions"] = options
    return caps


def _headers(raw: Mapping[str, Any] | None) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for name, value in (raw or {}).items():
        for line in str(value).split("\n"):            # DevTools joins repeated headers with newlines
            out.append({"name": str(name), "value": line})
    return out


def _query(url: str) -> list[dict[str, str]]:
    from urllib.parse import parse_qsl, urlsplit
    return [{"name": k, "value": v} for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)]


def _iso(wall: float) -> str:
    return datetime.fromtimestamp(wall, timezone.utc).isoformat(timespec="milliseconds")


class CdpNetworkLog:
    """Assembles HAR entries from the DevTools network events of one browser session.

    `read_log` and `cdp` are the two session calls (see the module doc); `response_bodies` False skips
    `Network.getResponseBody` (request bodies are always kept: they are what an app sends)."""

    def __init__(self, read_log: ReadLog, cdp: Cdp, response_bodies: bool = True) -> None:
        self.read_log = read_log
        self.cdp = cdp
        self.response_bodies = response_bodies
        self._open: dict[str, dict[str, Any]] = {}
        self._due: list[tuple[str, dict[str, Any], bool, bool]] = []   # (request id, entry, request / response body)
        self.events = 0

    @classmethod
    def for_driver(cls, driver: Any, response_bodies: bool = True) -> "CdpNetworkLog":
        """Over an Appium/Selenium session of the chromium driver (registers the two commands)."""
        driver.command_executor.add_command("caSeLog", "POST", "/session/$sessionId/se/log")
        driver.command_executor.add_command("caCdp", "POST", "/session/$sessionId/goog/cdp/execute")

        def read_log() -> list[Mapping[str, Any]]:
            return list(driver.execute("caSeLog", {"type": "performance"}).get("value") or [])

        def cdp(cmd: str, params: Mapping[str, Any]) -> Mapping[str, Any]:
            return driver.execute("caCdp", {"cmd": cmd, "params": dict(params)}).get("value") or {}
        return cls(read_log, cdp, response_bodies)

    def drain(self, bodies: bool = True) -> list[dict[str, Any]]:
        """The entries of every request that finished (or failed) since the last call, in start order. With
        `bodies` False the bodies still to be asked for (`Network.getRequestPostData` / `getResponseBody`) are
        left for `read_bodies()` (the entries are completed in place): a settle asks for them inside its quiet
        window, where they cost no time, and always before it returns (a page the app leaves takes its bodies)."""
        done: list[dict[str, Any]] = []
        for item in self.read_log():
            try:
                message = json.loads(item["message"])["message"]
            except (KeyError, TypeError, ValueError):
                continue
            method, params = message.get("method", ""), message.get("params") or {}
            if method.startswith("Network."):
                self.events += 1
                done += self._event(method, params)
        if bodies:
            self.read_bodies()
        return sorted(done, key=lambda e: e["_wallTime"])

    def read_bodies(self) -> int:
        """Ask for the bodies of the entries drained without them; how many entries were completed. A body the
        browser no longer has (its page was left) stays None: `_unavailable` in the HAR."""
        due, self._due = self._due, []
        for rid, entry, post_data, response in due:
            if post_data:
                entry["_requestBody"] = self._post_data(rid)
                entry["_requestBodyUnavailable"] = entry["_requestBody"] is None
            if response:
                entry["_responseBody"] = self._response_body(rid)
        return len(due)

    def pending(self) -> int:
        """Requests started and not finished yet (kept for the next drain)."""
        return len(self._open)

    def flush(self) -> list[dict[str, Any]]:
        """The entries still open (at the end of a test), marked unfinished."""
        out = [self._finish(rid, error="unfinished when the capture ended") for rid in list(self._open)]
        return sorted(out, key=lambda e: e["_wallTime"])

    # --- events ---
    def _event(self, method: str, p: Mapping[str, Any]) -> list[dict[str, Any]]:
        rid = str(p.get("requestId", ""))
        if method == "Network.requestWillBeSent":
            out: list[dict[str, Any]] = []
            if rid in self._open and p.get("redirectResponse"):       # the earlier hop ends in a redirect
                self._response(self._open[rid], p["redirectResponse"])
                out.append(self._finish(rid, body=False))
            self._open[rid] = self._start(rid, p)
            return out
        entry = self._open.get(rid)
        if entry is None:
            return []
        if method == "Network.requestWillBeSentExtraInfo":
            entry["_extraRequestHeaders"] = p.get("headers") or {}
        elif method == "Network.responseReceivedExtraInfo":
            entry["_extraResponseHeaders"] = p.get("headers") or {}
        elif method == "Network.responseReceived":
            self._response(entry, p.get("response") or {})
        elif method == "Network.loadingFinished":
            entry["_endTimestamp"] = p.get("timestamp")
            entry["response"]["_transferSize"] = p.get("encodedDataLength", -1)
            return [self._finish(rid)]
        elif method == "Network.loadingFailed":
            entry["_endTimestamp"] = p.get("timestamp")
            reason = p.get("blockedReason") or ("canceled" if p.get("canceled") else "")
            if p.get("blockedReason"):            # the browser stopped it (CSP, mixed content…): nothing left
                entry["_blocked"] = p["blockedReason"]
            return [self._finish(rid, error=" ".join(x for x in (p.get("errorText", ""), reason) if x), body=False)]
        return []

    def _start(self, rid: str, p: Mapping[str, Any]) -> dict[str, Any]:
        req = p.get("request") or {}
        wall = float(p.get("wallTime") or 0.0)
        body = req.get("postData")
        if body is None and req.get("postDataEntries"):
            body_bytes = b"".join(base64.b64decode(e.get("bytes", "")) for e in req["postDataEntries"])
        else:
            body_bytes = body.encode("utf-8") if isinstance(body, str) else None
        initiator = p.get("initiator") or {}
        return {"_requestId": rid, "_wallTime": wall, "_startTimestamp": p.get("timestamp"),
                "startedDateTime": _iso(wall), "_resourceType": p.get("type", ""),
                "_initiator": {k: initiator[k] for k in ("type", "url", "lineNumber") if k in initiator},
                "request": {"method": req.get("method", "GET"), "url": req.get("url", ""), "httpVersion": "",
                            "headers": req.get("headers") or {}, "queryString": _query(req.get("url", "")),
                            "cookies": [], "headersSize": -1, "bodySize": len(body_bytes) if body_bytes else 0,
                            "_hasPostData": bool(req.get("hasPostData")),
                            "_mimeType": (req.get("headers") or {}).get("Content-Type", "")},
                "_requestBody": body_bytes,
                "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": {}, "cookies": [],
                             "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1,
                             "bodySize": -1}}

    @staticmethod
    def _response(entry: dict[str, Any], r: Mapping[str, Any]) -> None:
        headers = r.get("headers") or {}
        entry["response"].update({"status": int(r.get("status") or 0), "statusText": r.get("statusText", ""),
                                  "httpVersion": r.get("protocol", ""), "headers": headers,
                                  "redirectURL": headers.get("location") or headers.get("Location") or "",
                                  "content": {"size": 0, "mimeType": r.get("mimeType", "")}})
        entry["request"]["httpVersion"] = r.get("protocol", "")
        entry["serverIPAddress"] = r.get("remoteIPAddress", "")
        entry["_responseTiming"] = r.get("timing") or {}

    def _finish(self, rid: str, error: str = "", body: bool = True) -> dict[str, Any]:
        entry = self._open.pop(rid)
        req, res = entry["request"], entry["response"]
        post_data = bool(req.pop("_hasPostData")) and entry["_requestBody"] is None
        req["headers"] = _headers({**req["headers"], **entry.pop("_extraRequestHeaders", {})})
        res["headers"] = _headers({**res["headers"], **entry.pop("_extraResponseHeaders", {})})
        response = False
        if error:
            entry["_error"] = error
        elif (body and self.response_bodies and res["status"] and res["status"] not in (204, 304)
              and entry.get("_resourceType") in DATA_TYPES):
            response = True
        if post_data or response:
            self._due.append((rid, entry, post_data, response))
        start, end = entry.pop("_startTimestamp", None), entry.pop("_endTimestamp", None)
        total = (end - start) * 1000.0 if start is not None and end is not None else -1
        entry["time"] = round(max(total, 0.0), 3) if total >= 0 else 0
        entry["timings"] = {"send": 0, "wait": round(max(total, 0.0), 3) if total >= 0 else -1, "receive": 0}
        entry.pop("_responseTiming", None)
        return entry

    def _post_data(self, rid: str) -> bytes | None:
        try:
            data = self.cdp("Network.getRequestPostData", {"requestId": rid}).get("postData")
        except Exception as exc:   # gone with its page: the body is then unknown, and said so
            log.debug("no post data for %s: %s", rid, exc)
            return None
        return data.encode("utf-8") if isinstance(data, str) else None

    def _response_body(self, rid: str) -> bytes | None:
        try:
            got = self.cdp("Network.getResponseBody", {"requestId": rid})
        except Exception as exc:
            log.debug("no response body for %s: %s", rid, exc)
            return None
        body = got.get("body")
        if not isinstance(body, str):
            return None
        return base64.b64decode(body) if got.get("base64Encoded") else body.encode("utf-8")


__all__ = ["CdpNetworkLog", "with_capture", "CAPABILITIES", "PERF_PREFS", "DATA_TYPES"]

"""The mitmproxy addon the suite loads into its mitmdump (`mitmdump -s mitm_addon.py`): every flow becomes one HAR
1.2 entry, appended as one JSON line to the file named by the option `ca_flows`; before it, when the request's
headers arrived, a start line {"_started": flow id, "_wallTime": s since the epoch} (so a reader can tell which
requests are still open: consent_audit.traffic.proxy.MitmProxy.open_flows).

Sync (the reader's handshake, consent_audit.traffic.proxy.MitmProxy.sync): a request for
http://consent-audit.sync/<token> is answered by the addon itself (204, nothing upstream, no entry) after it
appended {"_sync": token}. mitmproxy runs every hook in one event loop and the addon writes each line before it
returns, so once that answer arrives the file holds the start line of every request mitmproxy had read before
the sync request (connections are accepted and read in turn): a request the app sent that was still waiting in
the proxy's socket when the reader looked is not missed.

It runs inside mitmdump's interpreter and imports only mitmproxy and the standard library.

Entry shape: mitmproxy's own HAR exporter (`mitmproxy.addons.savehar.SaveHar.flow_entry`: request, response,
cookies, headers, queryString, timings in ms, serverIPAddress) plus
- `_wallTime` (s since the epoch, request start), `_flowId` (mitmproxy's flow id) and `_error` (why no response
  came, when none did);
- the raw bodies as `_requestBodyB64` / `_responseBodyB64` (base64 of at most `ca_body_cap` bytes, content-encoding
  undone) with `_requestBodySize` / `_responseBodySize` (full size in bytes) and `_...BodyTruncated` (True when
  cut at the cap). No hash of an unmasked body is recorded: next to the masked text it would let anyone confirm a
  guessed password offline. request.postData.text and response.content.text are
  dropped (the bodies are these fields; consent_audit.traffic.har bounds and stores them when the HAR is written);
- a client that refused the proxy's certificate (certificate pinning, CA not trusted) gives an entry with method
  "CONNECT", url "https://<sni>/", status 0 and `_error` "client TLS handshake failed: ...": traffic the proxy
  could not see, said so, not missed silently.

Upstream (option `ca_upstream`): when False, mitmproxy connects only to loopback: a host named in
`ca_loopback_hosts` (comma-separated) is sent to 127.0.0.1 on the same port (its TLS SNI kept); any other
non-loopback destination is refused before a connection is made and the request is still recorded, with `_error`
"blocked: ...". With `connection_strategy=lazy` the client's request is read before any upstream connection.
"""
from __future__ import annotations

import base64
import ipaddress
import json
import threading
import time
from typing import Any

from mitmproxy import ctx, http
from mitmproxy.addons.savehar import SaveHar
from mitmproxy.proxy.server_hooks import ServerConnectionHookData
from mitmproxy.tls import TlsData

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
SYNC_HOST = "consent-audit.sync"
"""The host of the reader's sync requests (never resolved: the addon answers them)."""
BLOCKED = "blocked: {host} is not loopback and the proxy was started without upstream access"


def is_loopback(host: str) -> bool:
    """An IP in 127.0.0.0/8 or ::1, or a name that always means this machine (no DNS lookup is made)."""
    host = host.strip("[]").lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HarLines:
    """Writes each finished flow as one HAR entry line (see the module docstring)."""

    def __init__(self) -> None:
        self._har = SaveHar()
        self._servers: set = set()
        self._lock = threading.Lock()

    def load(self, loader: Any) -> None:
        loader.add_option("ca_flows", str, "", "File the HAR entry lines are appended to")
        loader.add_option("ca_body_cap", int, 1 << 20, "Bytes of each body kept (the rest is hashed and counted)")
        loader.add_option("ca_upstream", bool, False, "Connect to non-loopback servers")
        loader.add_option("ca_loopback_hosts", str, "", "Comma-separated host names sent to 127.0.0.1")

    # --- where mitmproxy connects ---
    def server_connect(self, data: ServerConnectionHookData) -> None:
        address = data.server.address
        if address is None:
            return
        host, port = str(address[0]), int(address[1])
        mapped = {h.strip().lower().rstrip(".") for h in ctx.options.ca_loopback_hosts.split(",") if h.strip()}
        if host.lower().rstrip(".") in mapped:
            data.server.address = ("127.0.0.1", port)
            if data.server.sni is None:
                data.server.sni = host
        elif not ctx.options.ca_upstream and not is_loopback(host):
            data.server.error = BLOCKED.format(host=host)

    # --- what is recorded ---
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        """A request began: a start line {"_started": flow id, "_wallTime"}, so a reader knows which flows are
        still open (each ends in an entry with that `_flowId`, from `response` or `error`)."""
        if flow.request.host == SYNC_HOST:
            flow.metadata["ca_sync"] = flow.metadata["ca_written"] = True
            return
        self._append({"_started": flow.id, "_wallTime": flow.request.timestamp_start})

    def request(self, flow: http.HTTPFlow) -> None:
        """A sync request: {"_sync": token} appended, then answered here (204) without an upstream connection."""
        if flow.metadata.get("ca_sync"):
            self._append({"_sync": flow.request.path.lstrip("/")})
            flow.response = http.Response.make(204, b"", {"connection": "close"})

    def response(self, flow: http.HTTPFlow) -> None:
        if flow.metadata.get("ca_sync"):
            return
        self._write(flow)
        # after it is recorded as the server sent it: the client is told to close the connection. Chromium
        # reusing a kept-alive proxy connection for a beacon (sendBeacon after a storage reset) left the request
        # unanswered with its body never read: a request the app sent, missing from the capture.
        if flow.response.status_code != 101 and flow.websocket is None:     # an upgrade keeps its connection
            flow.response.headers["connection"] = "close"

    def error(self, flow: http.HTTPFlow) -> None:
        self._write(flow)

    def tls_failed_client(self, data: TlsData) -> None:
        client = data.context.client
        sni = client.sni or (data.context.server.address or ("?", 0))[0]
        started = client.timestamp_start or time.time()
        entry = {"startedDateTime": _iso(started), "time": 0, "_wallTime": started,
                 "request": {"method": "CONNECT", "url": f"https://{sni}/", "httpVersion": "", "cookies": [],
                             "headers": [], "queryString": [], "headersSize": -1, "bodySize": 0},
                 "response": {"status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [],
                              "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1,
                              "bodySize": -1},
                 "cache": {}, "timings": {"send": 0, "wait": 0, "receive": 0},
                 "_error": f"client TLS handshake failed: {client.error or 'certificate refused'}"}
        self._append(entry)

    def _write(self, flow: http.HTTPFlow) -> None:
        if flow.metadata.get("ca_written"):
            return
        flow.metadata["ca_written"] = True
        entry = self._har.flow_entry(flow, self._servers)
        entry["_wallTime"] = flow.request.timestamp_start
        entry["_flowId"] = flow.id
        entry["request"].pop("postData", None)
        _body(entry, "_request", flow.request)
        if flow.response is not None:
            entry["response"].get("content", {}).pop("text", None)
            entry["response"].get("content", {}).pop("encoding", None)
            _body(entry, "_response", flow.response)
        if flow.error is not None:
            entry["_error"] = flow.error.msg
            entry["response"].pop("_error", None)
        self._append(entry)

    def _append(self, entry: dict) -> None:
        path = ctx.options.ca_flows
        if not path:
            return
        line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
        with self._lock, open(path, "a", encoding="utf-8") as out:
            out.write(line)


def _body(entry: dict, prefix: str, message: http.Message) -> None:
    try:
        data = message.get_content(strict=False)
    except ValueError:
        data = message.raw_content
    if not data:
        return
    cap = max(0, int(ctx.options.ca_body_cap))
    entry[f"{prefix}BodyB64"] = base64.b64encode(data[:cap]).decode("ascii")
    entry[f"{prefix}BodySize"] = len(data)
    if len(data) > cap:
        entry[f"{prefix}BodyTruncated"] = True


def _iso(seconds: float) -> str:
    from datetime import datetime, timezone
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat()


addons = [HarLines()]

"""The web capture without a browser: DevTools network events (as chromedriver's performance log gives them)
assembled into HAR 1.2 entries, bodies bounded / hashed / masked, and every request attributed to the step
and phase during which it was sent."""
from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from traffic_fakes import ListSource
from consent_audit.masking import Masker
from consent_audit.traffic.capture import choose_mode, session_capabilities
from consent_audit.traffic.cdp import CdpNetworkLog
from consent_audit.traffic.har import BODY_CAP, bounded_body, stored_entry
from consent_audit.traffic.log import TrafficLog

T0 = 1_790_000_000.0


def event(method: str, **params: Any) -> dict[str, Any]:
    return {"message": json.dumps({"message": {"method": method, "params": params}}), "timestamp": 0}


def sent(rid: str, url: str, wall: float, method: str = "GET", **request: Any) -> dict[str, Any]:
    return event("Network.requestWillBeSent", requestId=rid, wallTime=wall, timestamp=wall - T0,
                 type="Ping", initiator={"type": "script", "url": "http://127.0.0.1/app.js"},
                 request={"url": url, "method": method, "headers": {"Content-Type": "text/plain"}, **request})


def answered(rid: str, status: int = 200, mime: str = "text/plain") -> dict[str, Any]:
    return event("Network.responseReceived", requestId=rid,
                 response={"url": "", "status": status, "statusText": "OK", "headers": {"Content-Type": mime},
                           "mimeType": mime, "remoteIPAddress": "127.0.0.1", "protocol": "http/1.1"})


def done(rid: str, wall: float) -> dict[str, Any]:
    return event("Network.loadingFinished", requestId=rid, timestamp=wall - T0 + 0.05, encodedDataLength=10)


class FakeSession:
    """The two session calls: the buffered log (handed out once) and DevTools commands."""

    def __init__(self, batches: list[list[dict[str, Any]]], bodies: dict[str, Any] | None = None) -> None:
        self.batches = batches
        self.bodies = bodies or {}
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def read_log(self) -> list[dict[str, Any]]:
        return self.batches.pop(0) if self.batches else []

    def cdp(self, cmd: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls.append((cmd, dict(params)))
        if cmd == "Network.getRequestPostData":
            return {"postData": self.bodies["post:" + params["requestId"]]}
        got = self.bodies.get("body:" + params["requestId"])
        if got is None:
            raise RuntimeError("No resource with given identifier found")
        return got


def test_events_become_har_entries_with_bodies_headers_and_failures() -> None:
    session = FakeSession([[
        sent("1", "http://app.adjust.com:9/session?a=1", T0 + 1, "POST", postData='{"gps_adid":"x"}', hasPostData=True),
        event("Network.requestWillBeSentExtraInfo", requestId="1", headers={"Cookie": "id=7"}),
        answered("1", 204), done("1", T0 + 1),
        sent("2", "http://graph.facebook.com:9/tr", T0 + 2, "POST", hasPostData=True),   # body not in the event
        answered("2"), done("2", T0 + 2),
        sent("3", "https://api.mixpanel.com:9/track", T0 + 3, "POST"),
        event("Network.loadingFailed", requestId="3", errorText="", blockedReason="csp"),
        sent("4", "http://127.0.0.1:8/open", T0 + 4),                                    # still open
    ]], bodies={"post:2": "ud_em=abc", "body:2": {"body": base64.b64encode(b"\x00\x01").decode(),
                                                  "base64Encoded": True}})
    capture = CdpNetworkLog(session.read_log, session.cdp)
    entries = capture.drain()
    assert [e["request"]["url"].split(":9")[0] for e in entries] == [
        "http://app.adjust.com", "http://graph.facebook.com", "https://api.mixpanel.com"]
    first, second, blocked = entries
    assert first["_requestBody"] == b'{"gps_adid":"x"}' and first["response"]["status"] == 204
    assert {"name": "Cookie", "value": "id=7"} in first["request"]["headers"]
    assert first["request"]["queryString"] == [{"name": "a", "value": "1"}]
    assert first["_initiator"]["type"] == "script" and first["time"] == pytest.approx(50, abs=1)
    assert second["_requestBody"] == b"ud_em=abc" and second["_responseBody"] == b"\x00\x01"
    assert blocked["_blocked"] == "csp" and "csp" in blocked["_error"]
    assert ("Network.getResponseBody", {"requestId": "1"}) not in session.calls       # 204: no body asked
    assert capture.pending() == 1
    assert [e["_error"] for e in capture.flush()] == ["unfinished when the capture ended"]


def test_a_redirect_is_two_entries() -> None:
    session = FakeSession([[
        sent("9", "http://t.example/a", T0),
        event("Network.requestWillBeSent", requestId="9", wallTime=T0 + 0.1, timestamp=0.1,
              redirectResponse={"status": 302, "headers": {"Location": "http://t.example/b"}},
              request={"url": "http://t.example/b", "method": "GET", "headers": {}}),
        answered("9"), done("9", T0 + 0.2)]])
    entries = CdpNetworkLog(session.read_log, session.cdp, response_bodies=False).drain()
    assert [(e["request"]["url"], e["response"]["status"]) for e in entries] == [
        ("http://t.example/a", 302), ("http://t.example/b", 200)]
    assert entries[0]["response"]["redirectURL"] == "http://t.example/b"


def test_bodies_are_bounded_binary_ones_kept_by_hash(tmp_path: Path) -> None:
    big = ("x" * (BODY_CAP + 500)).encode()
    cut = bounded_body(big, "text/plain", tmp_path)
    assert cut["_truncated"] and cut["_size"] == BODY_CAP + 500 and "truncated by consent-audit" in cut["text"]
    assert len(cut["text"]) < BODY_CAP + 200
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    ref = bounded_body(png, "image/png", tmp_path / "bodies")
    assert "text" not in ref and (tmp_path / "bodies" / ref["_sha256"]).read_bytes() == png
    assert bounded_body(None, "text/plain", None) == {"_unavailable": True}


def test_secrets_are_masked_in_the_stored_entry(tmp_path: Path) -> None:
    raw = {"_wallTime": T0, "request": {"method": "POST", "url": "http://t.example/?pw=Hunter-22", "headers":
                                        [{"name": "Authorization", "value": "Bearer Hunter-22"}]},
           "response": {"status": 200, "headers": [], "content": {"mimeType": "text/plain"}},
           "_requestBody": b"password=Hunter-22", "_responseBody": b"ok"}
    text = json.dumps(stored_entry(raw, Masker(["Hunter-22"]), tmp_path), ensure_ascii=False)
    assert "Hunter-22" not in text and text.count("•") >= 3


def entry(url: str, wall: float) -> dict[str, Any]:
    return {"_wallTime": wall, "request": {"method": "GET", "url": url, "headers": []},
            "response": {"status": 200, "headers": [], "content": {}}}


def test_requests_belong_to_the_step_and_phase_during_which_they_were_sent(tmp_path: Path) -> None:
    source = ListSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, T0)
    log.phase("launch", since=T0, step=1, consent="unanswered")
    log.step_started(2, T0 + 10)                        # the tap on "Accept all"
    source.queue = [entry("http://a.example/before", T0 + 5), entry("http://a.example/on-accept", T0 + 10.2)]
    log.collect()
    log.phase("after accept", since=T0 + 10, step=2, consent="accepted")     # opened from the past step
    source.queue = [entry("http://127.0.0.1:8000/api", T0 + 11)]
    log.finish()
    labels = [(e["request"]["url"].rsplit("/", 1)[1], e["_phaseName"], e["_step"], e["_firstParty"])
              for e in log.entries]
    assert labels == [("before", "launch", 1, False), ("on-accept", "after accept", 2, False),
                      ("api", "after accept", 2, True)]
    har = json.loads(log.write("1").read_text())["log"]
    assert har["version"] == "1.2" and [p["title"] for p in har["pages"]] == ["before launch", "launch", "after accept"]
    assert all(e["pageref"].startswith("phase-") for e in har["entries"])
    with pytest.raises(ValueError):
        log.phase("x", consent="maybe")


def test_session_capabilities_per_mode() -> None:
    caps = {"goog:chromeOptions": {"args": ["--headless=new"]}}
    cdp = session_capabilities("cdp", caps, ["app.adjust.com"])
    assert cdp["goog:loggingPrefs"] == {"performance": "ALL"}
    assert cdp["goog:chromeOptions"]["perfLoggingPrefs"]["enableNetwork"] is True
    assert "--host-resolver-rules=MAP app.adjust.com 127.0.0.1" in cdp["goog:chromeOptions"]["args"]
    assert caps == {"goog:chromeOptions": {"args": ["--headless=new"]}}            # not changed

    class Proxy:
        port, spki_sha256_b64 = 8899, "abc="
    proxied = session_capabilities("proxy", caps, ["app.adjust.com"], Proxy())
    args = proxied["goog:chromeOptions"]["args"]
    assert "--proxy-server=http://127.0.0.1:8899" in args and "--ignore-certificate-errors-spki-list=abc=" in args
    assert "goog:loggingPrefs" not in proxied and session_capabilities("off", caps) == caps
    assert choose_mode("auto", None, "web") == "cdp" and choose_mode("auto", None, "android") == "off"
    assert choose_mode("auto", "proxy", "android") == "proxy" and choose_mode("off", "proxy", "web") == "off"


def test_a_secret_in_a_body_is_masked_before_it_is_hashed_or_stored(tmp_path) -> None:
    """A stored binary body and the hash beside a cut text are of the masked bytes: neither holds the secret
    nor lets anyone confirm a guessed one (sha256 of a body with the password in it)."""
    from consent_audit.masking import Masker
    from consent_audit.traffic.har import bounded_body
    secret = "Hunter Pass@2026"
    masker = Masker([secret])
    binary = b"\x00\x01proto" + secret.encode() + b"\x00pw=Hunter%20Pass%402026"
    ref = bounded_body(binary, "application/x-protobuf", tmp_path / "bodies", masker)
    stored = (tmp_path / ref["_file"]).read_bytes()
    assert secret.encode() not in stored and b"Hunter%20Pass%402026" not in stored
    import hashlib
    assert ref["_sha256"] == hashlib.sha256(stored).hexdigest() != hashlib.sha256(binary).hexdigest()
    big = ("x" * 20000 + secret).encode()
    cut = bounded_body(big, "text/plain", None, masker)
    assert cut["_sha256"] != hashlib.sha256(big).hexdigest() and secret not in cut["text"]


class CountingSource(ListSource):
    """A source that counts its reads and can report requests still open."""

    def __init__(self, open_reads: int = 0) -> None:
        super().__init__()
        self.reads = 0
        self.open_reads = open_reads

    def drain(self) -> list[dict[str, Any]]:
        self.reads += 1
        return super().drain()

    def pending(self) -> int:
        return 1 if self.reads <= self.open_reads else 0


def test_settling_after_a_quiet_step_reads_the_capture_once_and_does_not_wait(tmp_path: Path) -> None:
    """The quiet is counted from the last network activity, not from the call: a step that began, and
    requests that ended, longer than `quiet` ago need one read, no waiting (the cost of the capture)."""
    import time
    from consent_audit.traffic.measure import settle
    source = CountingSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    now = time.time()
    log.step_started(1, now - 2.0)
    log.phase("launch", since=now - 2.0, step=1, consent="unanswered")
    source.queue = [entry("http://a.example/early", now - 1.5)]
    began = time.monotonic()
    settle(log, quiet=1.0, timeout=3.0)
    assert source.reads == 1 and time.monotonic() - began < 0.6 and len(log.entries) == 1   # no 1 s quiet waited


def test_settling_waits_for_open_requests_and_for_quiet_after_the_last_one(tmp_path: Path) -> None:
    import time
    from consent_audit.traffic.measure import settle
    source = CountingSource(open_reads=3)         # a request stays open for the first three reads
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, time.time() - 5.0)
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    assert source.reads >= 4
    source = CountingSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, time.time() - 5.0)
    source.queue = [entry("http://a.example/just-now", time.time())]
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    assert 0.25 <= time.monotonic() - began < 2.0
    assert 2 <= source.reads <= 3          # read again when the quiet would be complete, not every few ms


def test_a_target_on_loopback_gets_a_browser_that_resolves_only_its_mapped_hosts() -> None:
    """Chromium's own calls (updater, autofill, accounts) are invisible to the DevTools capture: for a target
    served on loopback the browser resolves nothing but the mapped tracker hosts and loopback itself."""
    from consent_audit.traffic.capture import served_on_loopback
    caps = {"goog:chromeOptions": {"args": ["--headless=new"]}}
    assert served_on_loopback("http://127.0.0.1:8000/app/fair/") and served_on_loopback("http://localhost:1/")
    assert not served_on_loopback("https://www.example.com/") and not served_on_loopback("http://10.0.2.2:80/")
    for mode in ("cdp", "off"):
        args = session_capabilities(mode, caps, ["app.adjust.com"], isolate=True)["goog:chromeOptions"]["args"]
        rules = [a for a in args if a.startswith("--host-resolver-rules=")]
        assert rules == ["--host-resolver-rules=MAP app.adjust.com 127.0.0.1, MAP * ~NOTFOUND, "
                         "EXCLUDE 127.0.0.1, EXCLUDE localhost"], mode        # the mapping first: it still works
    remote = session_capabilities("cdp", caps, [], isolate=served_on_loopback("https://www.example.com/"))
    assert not any(a.startswith("--host-resolver-rules") for a in remote["goog:chromeOptions"]["args"])
    own = {"goog:chromeOptions": {"args": ["--host-resolver-rules=MAP api.example.org 127.0.0.1"]}}
    merged = session_capabilities("cdp", own, [], isolate=True)["goog:chromeOptions"]["args"]
    assert merged == ["--host-resolver-rules=MAP api.example.org 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, "
                      "EXCLUDE localhost"]                                # a profile's own rules come first


def test_a_settle_right_after_a_read_counts_that_read_and_a_late_request_still_lands_in_its_phase(
        tmp_path: Path) -> None:
    """A phase opened just after a step's own read of the capture (Recorder.phase) needs no second read when
    that read already showed the quiet (one round trip per step, not two); a request the app sends after the
    settle is still read later and belongs to the phase and step during which it was sent."""
    import time
    from consent_audit.traffic.measure import settle
    source = CountingSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    now = time.time()
    log.step_started(1, now - 2.0)
    log.phase("launch", since=now - 2.0, step=1, consent="unanswered")
    log.collect()                                     # the step's own read
    settle(log, quiet=0.15, timeout=3.0)
    assert source.reads == 1
    log.phase("after accept", since=now - 1.0, step=1, consent="accepted")
    source.queue = [entry("http://a.example/late", time.time())]      # sent after the settle returned
    time.sleep(0.05)                                  # the next settle is no longer right after a read
    settle(log, quiet=0.15, timeout=3.0)
    assert source.reads >= 2
    late = log.entries[-1]
    assert late["request"]["url"].endswith("/late") and late["_phaseName"] == "after accept" and late["_step"] == 1


def test_a_read_that_showed_requests_open_is_followed_by_another(tmp_path: Path) -> None:
    """The read a settle skips is only one that already showed nothing open: while a request is open the
    capture is read again until it has finished."""
    import time
    from consent_audit.traffic.measure import settle
    source = CountingSource(open_reads=2)             # the step's read and the next one see a request open
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, time.time() - 5.0)
    log.collect()
    settle(log, quiet=0.15, timeout=3.0)
    assert source.reads >= 3 and source.pending() == 0


def test_a_settle_whose_quiet_is_known_to_end_later_reads_once_at_that_end(tmp_path: Path) -> None:
    """A relaunch's requests just ended: the quiet cannot be over before `quiet` s after them, so the settle
    reads the capture once, then, instead of once now and again then; a request sent while it waits is in
    that read and the quiet is counted again from its end."""
    import threading
    import time
    from consent_audit.traffic.measure import settle
    source = CountingSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.step_started(1, time.time() - 5.0)
    source.queue = [entry("http://a.example/relaunch", time.time())]
    log.collect()
    time.sleep(0.05)                                  # the flow read the stored state meanwhile
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    assert source.reads == 2 and time.monotonic() - began >= 0.2
    source.queue = [entry("http://a.example/relaunch-2", time.time())]
    log.collect()
    late = threading.Timer(0.1, lambda: source.queue.append(entry("http://a.example/late", time.time())))
    late.start()
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    late.join()
    assert log.entries[-1]["request"]["url"].endswith("/late") and time.monotonic() - began >= 0.35


def test_a_feature_switch_given_by_the_profile_and_the_capture_is_one_switch_holding_both() -> None:
    """Chromium reads --disable-features once (the last wins): the proxy's quiet switches must not drop the
    profile's (cross-origin frames in the page's process), nor the profile's drop the proxy's."""
    from types import SimpleNamespace

    from consent_audit.traffic.capture import session_capabilities
    caps = {"goog:chromeOptions": {"args": ["--disable-features=IsolateOrigins,site-per-process", "--mute-audio"]}}
    proxy = SimpleNamespace(port=8080, spki_sha256_b64="abc=")
    args = session_capabilities("proxy", caps, proxy=proxy)["goog:chromeOptions"]["args"]
    disabled = [a for a in args if a.startswith("--disable-features=")]
    assert len(disabled) == 1
    values = disabled[0].split("=", 1)[1].split(",")
    assert {"IsolateOrigins", "site-per-process", "AutofillServerCommunication", "Translate"} <= set(values)
    assert "--mute-audio" in args


def test_a_settle_asks_for_bodies_inside_its_window_and_before_it_returns(tmp_path: Path) -> None:
    """DevTools bodies are asked for separately: a settle drains the log without them, asks for them while the
    quiet window runs (not after it) and has them all before it returns; what a page took away stays None."""
    import time
    from consent_audit.traffic.measure import settle
    now = time.time()
    session = FakeSession([[sent("1", "http://app.adjust.com:9/s", now, "POST", hasPostData=True),
                            answered("1"), done("1", now),
                            sent("2", "http://127.0.0.1:8/api/config", now),
                            answered("2", mime="application/json"), done("2", now)]],
                          bodies={"post:1": "ud_em=abc", "body:1": {"body": "ok"}})
    capture = CdpNetworkLog(session.read_log, session.cdp)
    log = TrafficLog(capture, Masker(), tmp_path, "http://127.0.0.1:8/app/x/")
    log.step_started(1, now - 1.0)          # long ago: the settle reads at once and learns of the requests
    asked: list[float] = []
    cdp = session.cdp
    session.cdp = lambda cmd, params: (asked.append(time.monotonic()), cdp(cmd, params))[1]
    capture.cdp = session.cdp
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    ended = time.monotonic()
    config, adjust = sorted(log.entries, key=lambda e: e["request"]["url"])
    assert adjust["_requestBody"] == b"ud_em=abc" and adjust["_responseBody"] == b"ok"
    assert config["_responseBody"] is None                       # the browser no longer had it: unavailable
    assert len(asked) == 3 and all(t - began < 0.2 for t in asked)      # inside the window, not after it
    assert ended - began >= 0.25
    assert stored_entry(config, Masker(), None)["response"]["content"]["_unavailable"] is True


def test_a_drain_without_bodies_leaves_them_for_read_bodies() -> None:
    session = FakeSession([[sent("1", "http://app.adjust.com:9/s", T0, "POST", hasPostData=True),
                            answered("1"), done("1", T0)]], bodies={"post:1": "x=1", "body:1": {"body": "ok"}})
    capture = CdpNetworkLog(session.read_log, session.cdp)
    (entry,) = capture.drain(bodies=False)
    assert entry["_requestBody"] is None and "_responseBody" not in entry and session.calls == []
    assert capture.read_bodies() == 1 and capture.read_bodies() == 0
    assert entry["_requestBody"] == b"x=1" and entry["_responseBody"] == b"ok"


def test_a_launch_reads_what_the_page_sent_unless_a_settle_did_since_the_last_step(tmp_path: Path) -> None:
    """The browser forgets a page's bodies with it: before a launch or relaunch the log is read (bodies and
    all), except before the first step and when a read came after the last step began."""
    import time
    source = CountingSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.before_navigation()
    assert source.reads == 0                          # nothing before the first step
    log.step_started(1, time.time())
    log.before_navigation()
    assert source.reads == 1
    log.before_navigation()
    assert source.reads == 1                          # read since step 1 began
    time.sleep(0.01)
    log.step_started(2, time.time())
    log.before_navigation()
    assert source.reads == 2

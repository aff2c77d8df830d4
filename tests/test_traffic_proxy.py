"""The managed mitmproxy: a real mitmdump on loopback, clients sending through it, its entries read back.

The non-e2e tests use Python's own HTTP clients (one proxy for the module, ~5 s to start); the e2e test routes
headless Chromium (chromedriver directly) through it to an https server on 127.0.0.1. Nothing leaves
127.0.0.0/8: the proxy runs without upstream access, so a request for any other host is recorded and refused."""
from __future__ import annotations

import datetime
import http.client
import ipaddress
import json
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from consent_audit.traffic.honey import Planted, find_planted, unsearched
from consent_audit.traffic.proxy import MitmProxy
from consent_audit.waits import wait_until

TRACKER = "tracker.example"          # a name the proxy maps to 127.0.0.1 (it is never resolved)
EMAIL = Planted("e-mail", "email", "honey.user@example.org")
HELD = threading.Event()             # set by a test: the server answers its held requests


class Echo(BaseHTTPRequestHandler):
    """Answers every GET with a small page and every POST with {"ok": true}."""

    def do_GET(self) -> None:
        if self.path.startswith("/held"):        # answered only once the test releases it
            HELD.wait(timeout=20)
            self._answer(b"released", "text/plain")
            return
        page = (b"<html><body><p id=done>loading</p><script>fetch('https://" + TRACKER.encode() + b":"
                + str(self.server.server_address[1]).encode() + b"/beacon', {method: 'POST', body: "
                b"JSON.stringify({em: 'honey.user@example.org'})}).then(r => r.json())"
                b".then(j => { document.getElementById('done').textContent = 'sent'; });</script></body></html>")
        self._answer(page, "text/html")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(b'{"ok": true}', "application/json")

    def _answer(self, body: bytes, mime: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and TRACKER (and its key), made with cryptography."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "consent-audit test server")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName(TRACKER)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """An https server on 127.0.0.1 with a self-signed certificate: (port, certificate)."""
    cert, key = self_signed(tmp_path_factory.mktemp("server"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], cert
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory, server: tuple[int, Path]) -> Iterator[MitmProxy]:
    with MitmProxy(tmp_path_factory.mktemp("run") / ".proxy", loopback_hosts=[TRACKER], upstream_ca=server[1],
                   body_cap=64) as running:
        yield running


def send(proxy: MitmProxy, url: str, body: bytes | None = None, trust: Path | None = None) -> int:
    """One request through the proxy, the proxy's CA trusted (or `trust` instead); the status or 0."""
    context = ssl.create_default_context(cafile=str(trust or proxy.ca_cert))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy.url, "https": proxy.url}),
                                         urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(urllib.request.Request(url, data=body), timeout=20) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ssl.SSLError, http.client.HTTPException, OSError):
        return 0


def entry_for(proxy: MitmProxy, url: str) -> dict:
    return wait_until(lambda: next((e for e in proxy.entries() if e["request"]["url"] == url), None), timeout=10,
                      message=f"an entry for {url}")


def test_https_request_recorded_with_bodies_and_honey(proxy: MitmProxy, server: tuple[int, Path]) -> None:
    url = f"https://127.0.0.1:{server[0]}/collect?u=1"
    assert send(proxy, url, body=json.dumps({"em": "honey.user@example.org"}).encode()) == 200
    entry = entry_for(proxy, url)
    assert entry["request"]["method"] == "POST" and entry["response"]["status"] == 200
    assert entry["_requestBody"] == b'{"em": "honey.user@example.org"}' and entry["_responseBody"] == b'{"ok": true}'
    assert entry["startedDateTime"].startswith(str(datetime.date.today().year)) and entry["_wallTime"] > 0
    assert {"name": "u", "value": "1"} in entry["request"]["queryString"]
    assert [m.where for m in find_planted(entry, [EMAIL])] == ["body"]      # the raw body, searched whole


def test_a_request_in_flight_is_an_open_flow_until_its_entry_is_written(proxy: MitmProxy,
                                                                         server: tuple[int, Path]) -> None:
    """The barrier the figures wait on: a request the proxy received counts as open (and has no entry) until
    its response came and its flow was written; then it is not open and its entry is there."""
    url = f"https://{TRACKER}:{server[0]}/held"
    HELD.clear()
    before = proxy.open_flows()
    client = threading.Thread(target=send, args=(proxy, url))
    client.start()
    try:
        wait_until(lambda: proxy.open_flows() == before + 1, timeout=10, message="the held request to be open")
        assert not any(e["request"]["url"] == url for e in proxy.entries())
    finally:
        HELD.set()
        client.join(timeout=20)
    wait_until(lambda: proxy.open_flows() == before, timeout=10, message="the held request to be recorded")
    assert entry_for(proxy, url)["response"]["status"] == 200


def test_a_request_waiting_in_the_proxys_socket_is_open_once_synced(proxy: MitmProxy) -> None:
    """The race the sync closes: a request the app sent that mitmproxy has not read yet (here: sent while
    mitmdump is stopped, so it waits in its socket) has no start line; the figures' barrier must still count
    it. open_flows() syncs with the addon first, so the request is open the moment mitmdump runs again (its
    server, a loopback socket that never answers, keeps it open)."""
    import os
    import signal
    import socket
    before = proxy.open_flows()
    assert proxy.process is not None
    with socket.create_server(("127.0.0.1", 0)) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/waiting"
        os.kill(proxy.process.pid, signal.SIGSTOP)
        try:
            client = socket.create_connection(("127.0.0.1", proxy.port), timeout=20)
            client.sendall(f"GET {url} HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode())
        finally:
            os.kill(proxy.process.pid, signal.SIGCONT)
        try:
            assert proxy.open_flows() == before + 1          # no wait: the sync is the wait
        finally:
            client.close()
    wait_until(lambda: proxy.open_flows() == before, timeout=10, message="the request to end")
    assert entry_for(proxy, url)["_error"]               # the server closed without an answer


def test_sync_is_answered_by_the_addon_and_leaves_no_entry(proxy: MitmProxy) -> None:
    count = len(proxy.entries())
    assert proxy.sync() and proxy.sync()
    assert len(proxy.entries()) == count and proxy.open_flows() == 0


def test_the_client_is_told_to_close_each_connection_the_entry_keeps_what_the_server_sent(
        proxy: MitmProxy, server: tuple[int, Path]) -> None:
    """A kept-alive proxy connection reused for a beacon lost it (it reached the proxy, was never read): every
    answer tells the client to close; the recorded response is the server's, without that header."""
    url = f"https://{TRACKER}:{server[0]}/closing"
    context = ssl.create_default_context(cafile=str(proxy.ca_cert))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"https": proxy.url}),
                                         urllib.request.HTTPSHandler(context=context))
    with opener.open(url, timeout=20) as answer:
        assert answer.headers.get("Connection", "").lower() == "close"
    recorded = {h["name"].lower(): h["value"] for h in entry_for(proxy, url)["response"]["headers"]}
    assert recorded.get("connection", "").lower() != "close"


def test_body_cap_keeps_the_size_of_the_whole(proxy: MitmProxy, server: tuple[int, Path]) -> None:
    url = f"https://127.0.0.1:{server[0]}/big"
    body = b"x" * 1000
    assert send(proxy, url, body=body) == 200
    entry = entry_for(proxy, url)
    assert entry["_requestBody"] == body[:64] and entry["_requestBodyTruncated"] is True
    assert entry["_requestBodySize"] == 1000 and "first 64 of 1000 bytes" in unsearched(entry)[0]
    assert not any("Sha256" in key for key in entry)         # no hash of an unmasked body (see mitm_addon)


def test_mapped_host_reaches_the_local_server(proxy: MitmProxy, server: tuple[int, Path]) -> None:
    url = f"https://{TRACKER}:{server[0]}/collect"
    assert send(proxy, url, body=b"a=1") == 200
    assert entry_for(proxy, url)["response"]["status"] == 200


def test_other_hosts_are_recorded_and_refused(proxy: MitmProxy) -> None:
    url = "http://www.google-analytics.com/g/collect?em=honey.user%40example.org"
    assert send(proxy, url) == 502
    entry = entry_for(proxy, url)
    assert "blocked" in entry["_error"] and entry["response"]["status"] == 0
    assert [m.encoding for m in find_planted(entry, [EMAIL])] == ["url"]


def test_https_to_other_hosts_is_read_before_it_is_refused(proxy: MitmProxy) -> None:
    """TLS to the client is made from its SNI alone (lazy connection): the request's content is recorded."""
    url = "https://app-measurement.com/a?x=1"
    assert send(proxy, url, body=b"em=honey.user%40example.org") == 502
    entry = entry_for(proxy, url)
    assert "blocked" in entry["_error"] and entry["_requestBody"] == b"em=honey.user%40example.org"
    assert [(m.encoding, m.where) for m in find_planted(entry, [EMAIL])] == [("url", "body")]


def test_client_refusing_the_proxy_ca_is_an_entry(proxy: MitmProxy, server: tuple[int, Path]) -> None:
    assert send(proxy, f"https://{TRACKER}:{server[0]}/pinned", trust=server[1]) == 0
    entry = entry_for(proxy, f"https://{TRACKER}/")
    assert entry["request"]["method"] == "CONNECT" and entry["_error"].startswith("client TLS handshake failed")
    assert unsearched(entry) == ["request: the client refused the proxy's certificate, its content was not seen"]


def test_stop_keeps_entries_and_certificate_and_deletes_key_and_flows(tmp_path: Path) -> None:
    proxy = MitmProxy(tmp_path / ".proxy").start()
    assert (proxy.confdir / "mitmproxy-ca.pem").is_file() and proxy.port > 0
    assert len(proxy.spki_sha256_b64) == 44
    assert send(proxy, "http://ads.example.net/p") == 502
    wait_until(lambda: proxy.entries(), timeout=10, message="one entry")
    proxy.stop()
    proxy.stop()
    assert [e["request"]["url"] for e in proxy.entries()] == ["http://ads.example.net/p"]
    assert not (proxy.confdir / "mitmproxy-ca.pem").exists() and not proxy.flows_path.exists()
    assert proxy.ca_cert.is_file()


def test_a_device_proxy_keeps_its_port_and_lasting_ca_from_test_to_test(tmp_path: Path) -> None:
    """The fixture with --proxy-port / --proxy-confdir / --proxy-loopback-hosts (a device routed there by
    `proxy-setup --confdir`): each test's proxy listens on that port with that CA, whose key stays; the hosts
    given are mapped with the target server's."""
    from types import SimpleNamespace

    from consent_audit.appium_server import free_port
    from consent_audit.commands.proxy_setup import lasting_ca
    from consent_audit.traffic.fixtures import traffic_proxy
    confdir, port = tmp_path / "lasting", free_port()
    ca = lasting_ca(confdir).read_bytes()
    options = {"--proxy-port": port, "--proxy-confdir": str(confdir), "--proxy-loopback-hosts": "a.example, b.example"}
    config = SimpleNamespace(getoption=options.__getitem__)
    run = SimpleNamespace(dir=tmp_path / "run", meta={})
    for test in ("test-1", "test-2"):                     # one after another, as the tests of a run
        fixture = traffic_proxy.__wrapped__(run, tmp_path / test, SimpleNamespace(loopback_hosts=["t.example"]),
                                            config)
        proxy = next(fixture)
        assert (proxy.port, proxy.confdir, proxy.ca_cert.read_bytes()) == (port, confdir, ca)
        assert proxy.loopback_hosts == ("t.example", "a.example", "b.example")
        assert send(proxy, "http://ads.example.net/p") == 502
        wait_until(lambda: proxy.entries(), timeout=10, message="one entry")
        next(fixture, None)                               # the test's end: the proxy stops
        assert (confdir / "mitmproxy-ca.pem").is_file() and proxy.process is None


def test_busy_port_is_one_clear_line(tmp_path: Path, proxy: MitmProxy) -> None:
    from consent_audit.errors import UsageError
    with pytest.raises(UsageError, match="already in use") as caught:
        MitmProxy(tmp_path / ".proxy", port=proxy.port).start()
    assert "\n" not in str(caught.value)


def test_missing_upstream_ca_is_one_clear_line(tmp_path: Path) -> None:
    from consent_audit.errors import UsageError
    with pytest.raises(UsageError, match="does not exist"):
        MitmProxy(tmp_path / ".proxy", upstream_ca=tmp_path / "none.pem").start()


@pytest.mark.e2e
def test_headless_chromium_through_the_proxy(proxy: MitmProxy, server: tuple[int, Path], tmp_path: Path) -> None:
    """Chromium trusts the proxy's CA for this profile only (SPKI list), loads an https page on 127.0.0.1 that
    posts the honey e-mail to the mapped tracker host; both requests are entries."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path}",
                f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
                f"--ignore-certificate-errors-spki-list={proxy.spki_sha256_b64}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        page = f"https://127.0.0.1:{server[0]}/consent"
        driver.get(page)
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "done").text == "sent")
    finally:
        driver.quit()
    assert entry_for(proxy, page)["response"]["status"] == 200
    beacon = entry_for(proxy, f"https://{TRACKER}:{server[0]}/beacon")
    assert beacon["request"]["method"] == "POST" and beacon["response"]["status"] == 200
    assert [(m.encoding, m.where) for m in find_planted(beacon, [EMAIL])] == [("plain", "body")]

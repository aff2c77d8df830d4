"""Fixtures for the engine's own tests."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--corpus", action="store_true", default=False,
                     help="also run the explorer on every corpus app (tests marked corpus; slow: make corpus)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--corpus"):
        return
    skip = pytest.mark.skip(reason="the corpus run is opt-in: --corpus (make corpus)")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def static_url() -> Iterator[str]:
    """tests/data served on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(DATA)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- a local RFC 3161 timestamp authority (openssl ts) on loopback, for the evidence bundle tests -----------

# No `certs =` chain: openssl writes a chain's SET OF certificates unsorted, which rfc3161-client (strict DER)
# refuses to parse; the token carries the signer's certificate only (the request asks for it).
_TSA_CONFIG = """[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {dir}/serial
crypto_device = builtin
signer_cert = {dir}/tsa.crt
signer_key = {dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.4146.2.3
other_policies = 1.3.6.1.4.1.4146.2.4
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def make_ca(folder: Path, name: str) -> Path:
    """A self-signed root (CA.crt/CA.key) made by openssl in folder; returns the certificate."""
    import subprocess
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-keyout", str(folder / f"{name}.key"), "-out", str(folder / f"{name}.crt"),
                    "-subj", f"/CN=consent-audit test root {name}",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                   check=True, capture_output=True, timeout=60)
    return folder / f"{name}.crt"


@pytest.fixture(scope="session")
def local_tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """An RFC 3161 authority on 127.0.0.1: a stdlib HTTP server piping each query through `openssl ts -reply`,
    signing with a TSA certificate (critical EKU timeStamping) issued by a test root made here."""
    import shutil
    import subprocess
    from http.server import BaseHTTPRequestHandler

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tsa")
    ca = make_ca(folder, "ca")
    run = functools.partial(subprocess.run, check=True, capture_output=True, timeout=60)
    run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(folder / "tsa.key"),
         "-out", str(folder / "tsa.csr"), "-subj", "/CN=consent-audit test TSA"])
    (folder / "tsa.ext").write_text("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                                    "extendedKeyUsage=critical,timeStamping\n", encoding="ascii")
    run(["openssl", "x509", "-req", "-in", str(folder / "tsa.csr"), "-CA", str(ca), "-CAkey", str(folder / "ca.key"),
         "-CAcreateserial", "-days", "30", "-out", str(folder / "tsa.crt"), "-extfile", str(folder / "tsa.ext")])
    (folder / "serial").write_text("01\n", encoding="ascii")
    (folder / "tsa.cnf").write_text(_TSA_CONFIG.format(dir=folder), encoding="ascii")
    lock = threading.Lock()
    served: list[int] = []

    class Authority(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            if self.headers.get("Content-Type") != "application/timestamp-query" or not 0 < length <= 65536:
                self.send_error(400)
                return
            body = self.rfile.read(length)
            with lock:
                (folder / "query.tsq").write_bytes(body)
                proc = subprocess.run(["openssl", "ts", "-reply", "-config", str(folder / "tsa.cnf"),
                                       "-queryfile", str(folder / "query.tsq"), "-out", str(folder / "reply.tsr")],
                                      capture_output=True, timeout=60)
                reply = (folder / "reply.tsr").read_bytes() if proc.returncode == 0 else b""
                served.append(len(reply))
            if not reply:
                self.send_error(500)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Authority)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_address[1]}/tsa", "ca": ca, "folder": folder, "served": served}
    finally:
        server.shutdown()
        server.server_close()

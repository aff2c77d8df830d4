"""Which capture source a test uses, and what its browser session needs for it.

Modes: "cdp" (web: DevTools network events through Appium, consent_audit.traffic.cdp), "proxy" (mitmproxy,
consent_audit.traffic.proxy: the device or browser sends everything through it and trusts its CA), "off".
`session_capabilities(mode, caps, loopback_hosts, proxy)` returns the capabilities for the driver session:
the performance log for cdp; for a Chromium behind the proxy, `--proxy-server` (loopback included) and
`--ignore-certificate-errors-spki-list` with the proxy CA's SPKI hash, so that browser profile alone trusts
it. `loopback_hosts` (host names a server of the target answers for, e.g. the reference app's tracker hosts)
resolve to 127.0.0.1 through `--host-resolver-rules`: nothing leaves the machine. With `isolate` (a target
served on loopback: `served_on_loopback(start URL)`) every other name resolves to nothing (`MAP * ~NOTFOUND`,
loopback excluded), so Chromium's own calls (updater, autofill, account lookups), which the DevTools capture
does not see, cannot leave the machine either. Rules already in the capabilities (a profile's own
`--host-resolver-rules`) come first: Chromium applies the first rule that matches, so a profile overrides.
"""
from __future__ import annotations

import copy
import ipaddress
import time
from datetime import datetime
from typing import Any, Iterable, Mapping

from .cdp import CdpNetworkLog, with_capture

MODES = ("cdp", "proxy", "off")
RESOLVER_SWITCH = "--host-resolver-rules="
ISOLATE_RULES = ("MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1", "EXCLUDE localhost")
"""Chromium's host-resolver rules that leave only loopback: every name not mapped before is not found."""
QUIET_BROWSER = ("--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationHintsFetching,"
                 "OptimizationGuideModelDownloading,MediaRouter,Translate",
                 "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
                 "--disable-default-apps", "--disable-component-extensions-with-background-pages",
                 "--gaia-url=http://127.0.0.1:9")     # its Google-account lookups go to a closed loopback port
QUIET_PREFS = {"signin.allowed": False}          # no Google account lookups (accounts.google.com/ListAccounts)
"""Behind the proxy the browser's own requests (autofill, optimisation hints …) would be captured with the app's:
these switches keep Chromium from making them (the DevTools capture sees only the page's requests anyway)."""


def choose_mode(option: str, profile_traffic: str | None, target_kind: str) -> str:
    """--traffic wins; `auto` takes the profile's `traffic`, else cdp on the web and off elsewhere (an app on
    a device needs the proxy and its CA installed, which only its profile can say)."""
    if option != "auto":
        return option
    return profile_traffic or ("cdp" if target_kind == "web" else "off")


MERGED_SWITCHES = ("--disable-features=", "--enable-features=")
"""Switches Chromium reads once (the last given wins): the values of every occurrence are joined into one."""


def _merged(args: list[str]) -> list[str]:
    """`args` with each MERGED_SWITCHES switch once, at its first place, holding every value given (in order)."""
    out: list[str] = []
    for arg in args:
        switch = next((m for m in MERGED_SWITCHES if arg.startswith(m)), None)
        first = next((i for i, a in enumerate(out) if switch and a.startswith(switch)), None)
        if switch is None or first is None:
            out.append(arg)
            continue
        have = out[first][len(switch):].split(",")
        out[first] = switch + ",".join(dict.fromkeys(v for v in have + arg[len(switch):].split(",") if v))
    return out


def _chrome_args(caps: dict[str, Any], extra: Iterable[str], prefs: Mapping[str, Any] | None = None) -> None:
    options = dict(caps.get("goog:chromeOptions") or {})
    options["args"] = _merged(list(options.get("args") or []) + list(extra))
    if prefs:
        options["prefs"] = {**(options.get("prefs") or {}), **prefs}
    caps["goog:chromeOptions"] = options


def served_on_loopback(url: str) -> bool:
    """Whether a start URL's host is this machine (127.0.0.0/8, ::1, localhost)."""
    from urllib.parse import urlsplit
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _resolver_rules(caps: dict[str, Any], rules: list[str]) -> None:
    """One `--host-resolver-rules` switch: the capabilities' own rules first, then `rules`."""
    options = dict(caps.get("goog:chromeOptions") or {})
    args = list(options.get("args") or [])
    own = [a[len(RESOLVER_SWITCH):] for a in args if a.startswith(RESOLVER_SWITCH)]
    options["args"] = [a for a in args if not a.startswith(RESOLVER_SWITCH)]
    caps["goog:chromeOptions"] = options
    _chrome_args(caps, [RESOLVER_SWITCH + ", ".join([r for r in own if r.strip()] + rules)])


def session_capabilities(mode: str, caps: Mapping[str, Any], loopback_hosts: Iterable[str] = (),
                         proxy: Any = None, chromium: bool = True, isolate: bool = False) -> dict[str, Any]:
    """The driver capabilities for `mode` (a copy; see the module doc)."""
    out = copy.deepcopy(dict(caps))
    rules = [f"MAP {h} 127.0.0.1" for h in sorted(set(loopback_hosts))] + (list(ISOLATE_RULES) if isolate else [])
    if chromium and rules and mode != "proxy":        # behind the proxy the browser resolves nothing itself
        _resolver_rules(out, rules)
    if mode == "cdp" and chromium:
        out = with_capture(out)
    elif mode == "proxy" and chromium and proxy is not None:
        _chrome_args(out, [f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
                           f"--ignore-certificate-errors-spki-list={proxy.spki_sha256_b64}", *QUIET_BROWSER],
                     QUIET_PREFS)
    return out


class ProxySource:
    """The proxy's flows as a capture source: each drain returns the entries not returned before, with
    `_wallTime` from their `startedDateTime`. The proxy writes a flow when it has finished; `pending()` counts
    the requests it has received and not finished yet, so a settle (consent_audit.traffic.measure.settle) waits
    until every request that reached the proxy has its flow recorded before figures are taken."""

    def __init__(self, proxy: Any) -> None:
        self.proxy = proxy
        self._seen = len(list(proxy.entries()))      # one proxy serves the session: earlier tests' flows are theirs

    def drain(self) -> list[dict[str, Any]]:
        entries = list(self.proxy.entries())
        new, self._seen = entries[self._seen:], len(entries)
        for entry in new:
            if "_wallTime" not in entry:
                started = str(entry.get("startedDateTime", ""))
                try:
                    entry["_wallTime"] = datetime.fromisoformat(started.replace("Z", "+00:00")).timestamp()
                except ValueError:
                    entry["_wallTime"] = time.time()
        return new

    def pending(self) -> int:
        """Requests the proxy received whose flow is not recorded yet (MitmProxy.open_flows)."""
        return int(self.proxy.open_flows())

    def flush(self) -> list[dict[str, Any]]:
        return self.drain()


def open_source(mode: str, driver: Any, proxy: Any = None) -> Any:
    """The capture source of `mode` for one session, or None when off."""
    if mode == "cdp":
        return CdpNetworkLog.for_driver(driver)
    if mode == "proxy":
        return ProxySource(proxy) if proxy is not None else None
    return None


__all__ = ["MODES", "choose_mode", "session_capabilities", "served_on_loopback", "open_source", "ProxySource",
           "ISOLATE_RULES"]

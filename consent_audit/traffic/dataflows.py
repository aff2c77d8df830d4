"""Who gets what: every captured request to a third party (and every request carrying planted data), with the
tracker and company the tracker database names (consent_audit.traffic.trackers), the planted values found in
it (consent_audit.traffic.honey) and the phase it was sent in; the TCF consent strings requests carry
(consent_audit.traffic.tcf). Pure functions over the attributed entries of a TrafficLog.

Shapes
- `flow_rows(entries, planted, first_party) -> [Row]`: one per request worth a line: {phase, phase_index,
  consent, denied, step, host, path, method, third_party, tracker, company, category, planted: [names],
  kinds: [kinds], encodings: {name: [encodings]}}.
- `data_flows(rows) -> [{phase, host, tracker, company, requests, sent}]` per phase and host (the summary table).
- `tc_strings(entry) -> [(where, tc string)]` found in the URL, the form/JSON body or cookies.
Names of TC string parameters and the permission → data mapping are data: consent_audit/assets/traffic.yaml.
"""
from __future__ import annotations

import functools
import json
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import parse_qsl, urlsplit

import yaml

from ..paths import ASSETS
from .honey import Planted, find_planted
from .trackers import classify, is_third_party

SETTINGS = ASSETS / "traffic.yaml"


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return yaml.safe_load(SETTINGS.read_text(encoding="utf-8")) or {}


def planted_values(honey: Iterable[Mapping[str, str]], location: Mapping[str, float] | None = None) -> list[Planted]:
    """The target's planted honey data, plus the position the platform emulates (kind location) if any."""
    out = [Planted(str(h["name"]), str(h["kind"]), str(h["value"])) for h in honey]
    if location:
        out.append(Planted(settings()["platform_location_name"], "location",
                           f"{location['latitude']},{location['longitude']}"))
    return out


def _host(entry: Mapping[str, Any]) -> str:
    return (entry.get("_host") or urlsplit(entry["request"]["url"]).hostname or "").lower()


def flow_rows(entries: Sequence[Mapping[str, Any]], planted: Sequence[Planted], first_party: str,
              phases: Mapping[str, Any]) -> list[dict[str, Any]]:
    """See the module doc. `phases` maps a phase id to its Phase (consent, denied, index); entries must be
    stored entries (bodies as text: consent_audit.traffic.har.stored_entry) attributed by the TrafficLog."""
    rows: list[dict[str, Any]] = []
    for entry in entries:
        if entry.get("_blocked"):        # stopped by the browser itself (CSP, mixed content): never sent
            continue
        if getattr(phases.get(entry.get("_phase", "")), "index", 0) == 0 or entry.get("_platform"):
            continue                     # before the app was launched, or a platform service: not the app's
        host = _host(entry)
        third = is_third_party(host, first_party) if host else False
        matches = find_planted(entry, planted) if planted else []
        if not third and not matches:
            continue
        tracker = classify(host) if third else None
        phase = phases.get(entry.get("_phase", ""))
        encodings: dict[str, list[str]] = {}
        for m in matches:
            encodings.setdefault(m.planted, [])
            if m.encoding not in encodings[m.planted]:
                encodings[m.planted].append(m.encoding)
        kinds = sorted({m.kind for m in matches})
        rows.append({"phase": getattr(phase, "name", entry.get("_phaseName", "")),
                     "phase_index": getattr(phase, "index", 0), "consent": getattr(phase, "consent", "unknown"),
                     "denied": list(getattr(phase, "denied", ())), "step": entry.get("_step", 0), "host": host,
                     "path": urlsplit(entry["request"]["url"]).path, "method": entry["request"]["method"],
                     "third_party": third, "tracker": tracker.name if tracker else None,
                     "company": tracker.company if tracker else None,
                     "category": tracker.category if tracker else None,
                     "planted": sorted(encodings), "kinds": kinds, "encodings": encodings,
                     "failed": _failure(entry)})
    return rows


def _failure(entry: Mapping[str, Any]) -> str | None:
    """Why a request got no response (the app sent it, nothing came back: unknown host, refused, cut off), or
    None when it was answered."""
    status = int((entry.get("response") or {}).get("status") or 0)
    return str(entry["_error"]) if entry.get("_error") else (None if status > 0 else "no response")


def platform_host(host: str, platform: str) -> bool:
    """Whether `host` is (under) one of the platform's own service hosts (assets/traffic.yaml platform_hosts)."""
    own = [h.split("/")[0] for h in settings().get("platform_hosts", {}).get(platform, [])]
    return any(host == h or host.endswith("." + h) for h in own)


def _phase_order(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Phase name → the index of the first phase of that name (requests sent at the same moment may arrive
    in any order; the order of phases and then host names does not depend on it)."""
    order: dict[str, int] = {}
    for row in rows:
        order[row["phase"]] = min(order.get(row["phase"], row["phase_index"]), row["phase_index"])
    return order


def data_flows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per phase name (in the order phases began; phases of the same name, e.g. several relaunches, are one)
    and host: tracker, company, the number of requests and the planted values sent."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    order = _phase_order(rows)
    for row in sorted(rows, key=lambda r: (order[r["phase"]], r["host"])):
        if not row["third_party"]:
            continue
        key = (row["phase"], row["host"])
        line = table.setdefault(key, {"phase": row["phase"], "host": row["host"], "tracker": row["tracker"],
                                      "company": row["company"], "requests": 0, "sent": []})
        line["requests"] += 1
        line["sent"] = sorted(set(line["sent"]) | set(row["planted"]))
    return list(table.values())


def evidence_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows reduced to what a finding cites, one per (phase, host, path), ordered by phase, host and path:
    {phase, host, path, tracker, company, planted}, plus `not_delivered` (why) when none of those requests got
    a response: the app sent them, nothing says they arrived."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    failures: dict[tuple[str, str, str], list[str | None]] = {}
    rows = list(rows)
    order = _phase_order(rows)
    for row in sorted(rows, key=lambda r: (order[r["phase"]], r["host"], r["path"])):
        key = (row["phase"], row["host"], row["path"])
        item = out.setdefault(key, {"phase": row["phase"], "host": row["host"], "path": row["path"],
                                    "tracker": row["tracker"], "company": row["company"], "planted": []})
        item["planted"] = sorted(set(item["planted"]) | set(row["planted"]))
        failures.setdefault(key, []).append(row.get("failed"))
    for key, item in out.items():
        if all(failures[key]):
            item["not_delivered"] = failures[key][0]
    return list(out.values())


def tc_strings(entry: Mapping[str, Any]) -> list[tuple[str, str]]:
    """TC strings a request carries: [(where, value)] with where 'url:<name>' | 'body:<name>' | 'cookie:<name>'."""
    names = set(settings()["tc_string_names"])
    req = entry["request"]
    found = [(f"url:{k}", v) for k, v in parse_qsl(urlsplit(req["url"]).query) if k.lower() in names]
    text = str((req.get("postData") or {}).get("text") or "")
    if text:
        pairs: list[tuple[str, Any]] = []
        try:
            body = json.loads(text)
            pairs = list(body.items()) if isinstance(body, dict) else []
        except ValueError:
            pairs = parse_qsl(text)
        found += [(f"body:{k}", str(v)) for k, v in pairs if str(k).lower() in names and v]
    for header in req.get("headers") or []:
        if header.get("name", "").lower() == "cookie":
            for part in str(header.get("value", "")).split(";"):
                name, _, value = part.strip().partition("=")
                if name.lower() in names and value:
                    found.append((f"cookie:{name}", value))
    return [(where, value) for where, value in found if value]


__all__ = ["platform_host", "planted_values", "flow_rows", "data_flows", "evidence_rows", "tc_strings", "settings"]

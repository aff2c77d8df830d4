"""The privacy-policy figures that need the traffic capture (consent_audit/flows/test_policy.py):

- `sent_before_policy(traffic, planted, first_step, last_step) -> [row] | None`: requests to a tracker, or
  carrying planted data to a third party, sent from the first launch's step up to and including the step at
  which the policy was on screen or linked (when the first run never showed it: the last step before the user
  used any feature). Rows: {phase, host, path, tracker, company, planted} (dataflows.evidence_rows). The step
  that shows the policy is included: what went out while that screen loaded went out before it could be read.
- `hosts_contacted(traffic) -> [{host, tracker, company}] | None`: every third-party host the app sent a
  request to during the flow (not those the browser blocked, nor the platform's own services), by host.
- `named_parties(paragraphs, own) -> [name]`: the tracker and company names of the tracker database
  (consent_audit.traffic.trackers) that the policy text names (rules: assets/traffic.yaml company_suffixes,
  min_party_name). Latin-script names only: a policy naming a company in Chinese is not matched.
- `undeclared(hosts, named) -> [{host, tracker, company}]`: contacted hosts whose tracker or company the
  database knows and the policy does not name. A third-party host the database does not know cannot be
  compared and is never counted undeclared.

None (not captured) everywhere the capture is off: unmeasured, never "nothing sent".
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Mapping, Sequence

from .dataflows import evidence_rows, flow_rows, settings
from .honey import Planted
from .trackers import tracker_names


def _rows(traffic: Any, planted: Sequence[Planted]) -> list[dict[str, Any]]:
    from .measure import settle
    settle(traffic)
    phases = {p.id: p for p in traffic.phases}
    return flow_rows(traffic.stored(), planted, traffic.first_party, phases)


def sent_before_policy(traffic: Any, planted: Sequence[Planted], first_step: int,
                       last_step: int) -> list[dict[str, Any]] | None:
    """See the module doc (steps are the recorder's step indexes, both included)."""
    if traffic is None:
        return None
    rows = [r for r in _rows(traffic, planted) if first_step <= int(r["step"]) <= last_step
            and r["third_party"] and (r["tracker"] or r["planted"])]
    return evidence_rows(rows)


def hosts_contacted(traffic: Any, planted: Sequence[Planted] = ()) -> list[dict[str, Any]] | None:
    """See the module doc."""
    if traffic is None:
        return None
    hosts: dict[str, dict[str, Any]] = {}
    for row in _rows(traffic, planted):
        if row["third_party"]:
            hosts.setdefault(row["host"], {"host": row["host"], "tracker": row["tracker"],
                                           "company": row["company"]})
    return [hosts[h] for h in sorted(hosts)]


@functools.lru_cache(maxsize=1)
def _party_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(database name, the spellings that count as naming it): every tracker and company name."""
    trackers, companies = tracker_names()
    shortest = int(settings().get("min_party_name", 3))
    suffixes = sorted(settings().get("company_suffixes", []), key=len, reverse=True)
    out: dict[str, set[str]] = {name: {name} for name in trackers if len(name) >= shortest}
    for name in companies:
        if len(name) < shortest:
            continue
        spellings = out.setdefault(name, {name})
        for suffix in suffixes:
            if name.endswith(" " + suffix) or name.endswith("," + suffix):
                short = name[:-len(suffix)].rstrip(" ,")
                if len(short) >= shortest:
                    spellings.add(short)
                break
    return tuple((name, tuple(sorted(s))) for name, s in sorted(out.items()))


def _names(text: str, spelling: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(spelling) + r"(?![\w])", text) is not None


def named_parties(paragraphs: Iterable[tuple[str, str]], own: Iterable[str] = ()) -> list[str]:
    """See the module doc; sorted database names. `own`: the app's own names (its screens' titles): a
    database name the app is itself called by ("Stride" in a policy of the app Stride) is not a third party."""
    text = "\n".join(t for _, t in paragraphs)
    titles = [t.casefold() for t in own if t]
    return [name for name, spellings in _party_names()
            if any(s in text and _names(text, s) for s in spellings)
            and not any(_names(title, s.casefold()) for title in titles for s in spellings)]


def undeclared(hosts: Sequence[Mapping[str, Any]], named: Iterable[str]) -> list[dict[str, Any]]:
    """See the module doc."""
    said = set(named)
    return [dict(h) for h in hosts if (h.get("tracker") or h.get("company"))
            and not ({h.get("tracker"), h.get("company")} & said)]


__all__ = ["sent_before_policy", "hosts_contacted", "named_parties", "undeclared"]

"""What the traffic rules share: the requests that make a finding, said in one line each for its message.

A request row is {phase, host, path, tracker, company, planted} (consent_audit.traffic.dataflows.evidence_rows);
a denied-permission row adds `permission`; a TC string row is {phase, host, where, purposes, vendors}."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .base import Rule


def who(row: Mapping[str, Any]) -> str:
    """'app.adjust.com (Adjust, Adjust GmbH)' or the host alone when the tracker database does not know it."""
    names = [n for n in (row.get("tracker"), row.get("company")) if n]
    return f"{row['host']} ({', '.join(dict.fromkeys(names))})" if names else str(row["host"])


def said(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """One line per request row: who, path, phase, and the planted values it carried."""
    out = []
    for row in rows:
        sent = f" sending {' + '.join(row['planted'])}" if row.get("planted") else ""
        lost = f" (sent, no response: {row['not_delivered']})" if row.get("not_delivered") else ""
        out.append(f"{who(row)}{row['path']} [{row['phase']}]{sent}{lost}")
    return out


def request_figures(rows: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The figures of a finding made of requests: the rows (evidence), hosts, planted values, lines."""
    return {"requests": rows, "hosts": sorted({r["host"] for r in rows}),
            "planted": sorted({p for r in rows for p in r.get("planted", [])}), "lines": said(rows)}


class RequestsRule(Rule):
    """A pattern that is there when its one figure (`needs[0]`) lists requests: the finding cites them
    (request_figures); a subclass adds figures of its own in `figures`."""

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        rows = list(metrics[self.needs[0]])
        return self.figures(rows) if rows else None

    def figures(self, rows: list[Mapping[str, Any]]) -> dict[str, Any]:
        return request_figures(rows)


__all__ = ["who", "said", "request_figures", "RequestsRule"]

"""The "data flows" part of the evidence summary: per phase, which third-party host (tracker, company) got
requests and which planted values they carried (a table), and the same as a graph a reader can take in at a
glance (inline SVG: phases on the left, receiving hosts on the right, an edge per phase → host, red and
labelled where planted data went). No external resource: the page must make no third-party request.

Input: a result's `metrics.data_flows` rows {phase, host, tracker, company, requests, sent: [planted names]}
(consent_audit.traffic.dataflows.data_flows). Strings: assets/summary_strings.yaml (flows_* keys).
"""
from __future__ import annotations

import html
from typing import Any, Mapping, Sequence

ROW_H = 34          # px between two boxes of a column
BOX_W = 230
GAP = 260           # px between the two columns


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def flows_table(rows: Sequence[Mapping[str, Any]], t: Mapping[str, str]) -> str:
    """The table: phase, host, tracker / company, requests, what was sent ('—' when nothing planted)."""
    head = "".join(f"<th>{_e(t[k])}</th>" for k in ("flows_phase", "flows_host", "flows_who", "flows_requests",
                                                    "flows_sent"))
    body = []
    for row in rows:
        who = " / ".join(x for x in (row.get("tracker"), row.get("company")) if x) or t["flows_unknown"]
        sent = ", ".join(row.get("sent") or []) or "—"
        mark = " class=\"sent\"" if row.get("sent") else ""
        body.append(f"<tr{mark}><td>{_e(row['phase'])}</td><td><code>{_e(row['host'])}</code></td><td>{_e(who)}</td>"
                    f"<td>{int(row.get('requests', 0))}</td><td>{_e(sent)}</td></tr>")
    return f"<table class=\"flows\"><tr>{head}</tr>{''.join(body)}</table>"


def flows_graph(rows: Sequence[Mapping[str, Any]], t: Mapping[str, str]) -> str:
    """Phases → hosts as an inline SVG (see the module doc)."""
    phases = list(dict.fromkeys(r["phase"] for r in rows))
    hosts = list(dict.fromkeys(r["host"] for r in rows))
    height = max(len(phases), len(hosts)) * ROW_H + 20
    width = 2 * BOX_W + GAP + 20
    y_phase = {p: 10 + i * ROW_H for i, p in enumerate(phases)}
    y_host = {h: 10 + i * ROW_H for i, h in enumerate(hosts)}
    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{_e(t['flows_graph'])}\" "
             f"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" class=\"flows-graph\" "
             f"font-family=\"sans-serif\" font-size=\"11\">"]
    for row in rows:
        y1, y2 = y_phase[row["phase"]] + 12, y_host[row["host"]] + 12
        colour = "#c5221f" if row.get("sent") else "#9aa0a6"
        x1, x2 = 10 + BOX_W, 10 + BOX_W + GAP
        parts.append(f"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{colour}\" stroke-width=\"2\"/>")
        if row.get("sent"):
            label = ", ".join(row["sent"])
            parts.append(f"<text x=\"{(x1 + x2) / 2:.0f}\" y=\"{(y1 + y2) / 2 - 3:.0f}\" text-anchor=\"middle\" "
                         f"fill=\"#c5221f\">{_e(label)}</text>")
    for name, y in y_phase.items():
        parts.append(f"<rect x=\"10\" y=\"{y}\" width=\"{BOX_W}\" height=\"24\" rx=\"4\" fill=\"#e8f0fe\"/>"
                     f"<text x=\"16\" y=\"{y + 16}\">{_e(name)}</text>")
    who = {r["host"]: (r.get("company") or r.get("tracker") or "") for r in rows}
    for name, y in y_host.items():
        x = 10 + BOX_W + GAP
        label = f"{name} ({who[name]})" if who[name] else name
        parts.append(f"<rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"24\" rx=\"4\" fill=\"#fce8e6\"/>"
                     f"<text x=\"{x + 6}\" y=\"{y + 16}\">{_e(label[:40])}</text>")
    parts.append("</svg>")
    return "".join(parts)


def flows_section(metrics: Mapping[str, Any], t: Mapping[str, str]) -> str:
    """The section for one audit: a heading, the graph and the table; '' when no third party got anything;
    a sentence when the traffic was not captured (unmeasured)."""
    if "data_flows" not in metrics:
        return ""
    rows = metrics.get("data_flows")
    if rows is None:
        return f"<h3>{_e(t['flows_title'])}</h3><p>{_e(t['flows_unmeasured'])}</p>"
    if not rows:
        return f"<h3>{_e(t['flows_title'])}</h3><p>{_e(t['flows_none'])}</p>"
    return f"<h3>{_e(t['flows_title'])}</h3>" + flows_graph(rows, t) + flows_table(rows, t)


__all__ = ["flows_section", "flows_table", "flows_graph"]

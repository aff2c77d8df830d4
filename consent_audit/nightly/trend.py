"""The trend page: one self-contained HTML file (reports/trend.html) with each target's key figures
(assets/figures.yaml) and outcomes over the kept runs, drawn as inline SVG made here. No script, nothing
loaded from anywhere (the page starts with the inert Content-Security-Policy).

A point is a measured figure (yes/no as 1/0, a list by its length, a scale by its position); an unmeasured
figure is a gap in the line and a hollow mark on the axis labelled "unmeasured", never a zero."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..inert import INERT_META
from .figures import KeyFigure, key_values, shown
from .retention import RunFolder, finished_runs

TREND_HTML = "trend.html"
WIDTH, HEIGHT, PAD = 360, 120, 28
OUTCOME_COLOURS = {"clean": "#2a7d2a", "found": "#b00020", "broken": "#c76a00", "not_found": "#c76a00",
                   "interrupted": "#c76a00"}
_CSS = """body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:80em;padding:0 1em;color:#111}
h2{border-bottom:2px solid #333;margin-top:2em}h3{margin:1.2em 0 .3em}.charts{display:flex;flex-wrap:wrap;gap:1em}
figure{margin:0}figcaption{font-size:.85em}svg text{font-size:10px;font-family:sans-serif}
.note{color:#555;font-size:.9em}"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _series(runs: list[RunFolder], target: str, flow: str) -> dict[str, tuple[KeyFigure, list[tuple[float | None, str]]]]:
    """figure path → (key figure, [(number or None, shown text)] one per run; runs without this audit
    or where it reached no verdict count as unmeasured)."""
    out: dict[str, tuple[KeyFigure, list[tuple[float | None, str]]]] = {}
    for n, run in enumerate(runs):
        result = next((r for r in run.summary["results"] if isinstance(r, dict) and r.get("target") == target
                       and r.get("flow") == flow), None)
        complete = result is not None and result.get("outcome") in ("clean", "found")
        values = key_values(flow, (result or {}).get("metrics") or {}) if complete else {}
        for path, (figure, raw) in values.items():
            out.setdefault(path, (figure, [(None, "unmeasured")] * n))
        for path, (figure, points) in out.items():
            raw = values.get(path, (figure, None))[1]
            number = figure.number(raw) if complete else None
            points.append((number, shown(figure.value(raw)) if complete and raw is not None else "unmeasured"))
    return out


def _axis(figure: KeyFigure, measured: list[float]) -> tuple[float, float, str, str]:
    """(low, high, label of low, label of high): yes/no figures 0–1 (no, yes), a scale over all its steps,
    numbers from their lowest to highest value (from 0 when they never moved)."""
    if isinstance(figure.worse, bool):
        return 0.0, 1.0, "no", "yes"
    if isinstance(figure.worse, tuple):
        return 0.0, float(len(figure.worse) - 1), figure.worse[0], figure.worse[-1]
    low, high = (min(measured), max(measured)) if measured else (0.0, 1.0)
    if high == low:
        low, high = min(0.0, low), max(high, min(0.0, low) + 1)
    return low, high, f"{low:g}", f"{high:g}"


def _chart(figure: KeyFigure, label: str, points: list[tuple[float | None, str]], run_ids: list[str]) -> str:
    measured = [v for v, _ in points if v is not None]
    low, high, low_text, high_text = _axis(figure, measured)
    span = max(len(points) - 1, 1)

    def x(i: int) -> float:
        return PAD + (WIDTH - 2 * PAD) * (i / span if len(points) > 1 else 0.5)

    def y(v: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (v - low) / (high - low)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-label="{_e(label)}">',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>',
             f'<text x="2" y="{y(high) + 4:.1f}">{_e(high_text[:5])}</text>',
             f'<text x="2" y="{y(low) + 4:.1f}">{_e(low_text[:5])}</text>']
    segment: list[str] = []
    for i, (value, _) in enumerate(points + [(None, "")]):
        if value is not None:
            segment.append(f"{x(i):.1f},{y(value):.1f}")
        elif segment:
            parts.append(f'<polyline fill="none" stroke="#1f4e9c" stroke-width="2" points="{" ".join(segment)}"/>')
            segment = []
    for i, (value, text) in enumerate(points):
        tip = f"<title>{_e(run_ids[i])}: {_e(text)}</title>"
        if value is None:
            parts.append(f'<circle cx="{x(i):.1f}" cy="{HEIGHT - PAD}" r="4" fill="white" stroke="#c76a00">{tip}</circle>')
        else:
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3.5" fill="#1f4e9c">{tip}</circle>')
    last = points[-1][1] if points else ""
    last = last if len(last) <= 40 else last[:37] + "..."
    parts.append(f'<text x="{PAD}" y="{HEIGHT - 8}">{_e(run_ids[0])} … {_e(run_ids[-1])}: now {_e(last)}</text></svg>')
    return f"<figure>{''.join(parts)}<figcaption>{_e(label)}</figcaption></figure>"


def _outcomes(runs: list[RunFolder], target: str, flow: str) -> str:
    cells = []
    for run in runs:
        result = next((r for r in run.summary["results"] if isinstance(r, dict) and r.get("target") == target
                       and r.get("flow") == flow), None)
        outcome = str((result or {}).get("outcome") or ("not run" if result is None else "broken"))
        colour = OUTCOME_COLOURS.get(outcome, "#bbb")
        cells.append(f'<span title="{_e(run.run_id)}: {_e(outcome)}" style="display:inline-block;width:1.1em;'
                     f'height:1.1em;margin-right:2px;background:{colour}"></span>')
    return f'<p>outcomes, oldest first: {"".join(cells)} <span class="note">(latest: {_e(outcome)})</span></p>'


def render(runs: list[RunFolder]) -> str:
    """The trend page for `runs` (oldest first)."""
    run_ids = [r.run_id for r in runs]
    audits = sorted({(str(r.get("target")), str(r.get("flow"))) for run in runs for r in run.summary["results"]
                     if isinstance(r, dict)})
    parts = [f"<!doctype html>{INERT_META}<html lang=\"en\"><head><meta charset=\"utf-8\">",
             f"<title>consent-audit trend</title><style>{_CSS}</style></head><body>",
             f"<h1>Key figures over {len(runs)} runs</h1>",
             f'<p class="note">Runs {_e(run_ids[0]) if runs else "-"} to {_e(run_ids[-1]) if runs else "-"}. '
             "Green clean, red found, orange no verdict, grey not run. A hollow mark on the axis is a figure "
             "that was not measured that night. Hover a point for its value.</p>"]
    current = None
    for target, flow in audits:
        if target != current:
            parts.append(f"<h2>{_e(target)}</h2>")
            current = target
        parts.append(f"<h3>{_e(flow)}</h3>{_outcomes(runs, target, flow)}<div class=\"charts\">")
        for path, (figure, points) in _series(runs, target, flow).items():
            parts.append(_chart(figure, figure.label_for(path), points, run_ids))
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


def write_trend(reports: Path) -> Path:
    """Write reports/trend.html from the finished runs under `reports`; returns its path."""
    runs, _ = finished_runs(reports)
    out = reports / TREND_HTML
    tmp = out.with_name(f".{TREND_HTML}.tmp")
    tmp.write_text(render(runs), encoding="utf-8")
    tmp.replace(out)
    return out

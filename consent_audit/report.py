"""Run output: summary.json, Allure categories/environment, the single-file HTML report, the closing table."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

from .paths import NODE_MODULES
from .run import Run

CATEGORIES = [
    {"name": "Dark pattern found", "matchedStatuses": ["failed"],
     "messageRegex": r"(?s).*[Dd]ark pattern found.*",
     "description": "outcome 'found': the audit ran to its end and at least one rule found a dark pattern"},
    {"name": "Interrupted", "matchedStatuses": ["broken", "unknown"], "messageRegex": r"(?s).*interrupted.*",
     "description": "outcome 'interrupted': Ctrl-C, SIGTERM, or the server or browser went away during the run"},
    {"name": "Automation broken", "matchedStatuses": ["broken", "failed"],
     "description": "outcome 'broken': locator time-outs, session errors, a journey that could not do its job; "
                    "nothing can be concluded from the audit"},
    {"name": "Not found", "matchedStatuses": ["skipped"],
     "description": "outcome 'not_found': the goal or dialog the audit needs was not reached"},
]
"""Allure categories, one per outcome other than clean (consent_audit.model.ALLURE_STATUS)."""

# Third-party analytics that Allure 3 writes into its HTML; ALLURE_NO_ANALYTICS does not remove it.
_TRACKERS = [
    re.compile(r"<script[^>]*\bsrc=[\"']https?://[^\"']*googletagmanager\.com[^\"']*[\"'][^>]*>\s*</script>", re.I),
    re.compile(r"<script>\s*window\.dataLayer\s*=.*?gtag\('config'.*?</script>", re.I | re.S),
]
_REMOTE_LOADS = re.compile(
    r"<(script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//"
    r"|googletagmanager|google-analytics|gtag\(", re.I)


def strip_trackers(html: str) -> str:
    for pattern in _TRACKERS:
        html = pattern.sub("", html)
    return html


def third_party_references(html: str) -> list[str]:
    """Every place the HTML would load something from another host on its own (scripts, images, styles,
    frames, beacons). Links a person may click are not loads and are not listed."""
    return sorted({html[max(0, m.start() - 40):m.end() + 60].replace("\n", " ") for m in _REMOTE_LOADS.finditer(html)})


def write_allure_metadata(run: Run, extra: dict[str, Any]) -> None:
    results = run.allure_results
    results.mkdir(parents=True, exist_ok=True)
    (results / "categories.json").write_text(json.dumps(CATEGORIES, indent=1), encoding="utf-8")
    props = {"run_id": run.run_id, "device_profile": run.device_profile, **extra}
    lines = [f"{k}={v}" for k, v in props.items() if v is not None]
    (results / "environment.properties").write_text(run.masker.mask("\n".join(lines)) + "\n", encoding="utf-8")


def find_allure(node_modules: Path = NODE_MODULES) -> Path | None:
    """Allure Report 3: the project's node_modules/.bin/allure (`npm install`), else an `allure` on PATH."""
    local = node_modules / ".bin" / "allure"
    if local.exists():
        return local
    found = shutil.which("allure")
    return Path(found) if found else None


def build_html_report(run: Run, node_modules: Path = NODE_MODULES) -> Path | None:
    """One self-contained index.html (Allure 3 'awesome', single file), with the trackers removed; None (and
    one line on stderr) when Allure is not installed or the report failed."""
    allure_bin = find_allure(node_modules)
    if allure_bin is None or not run.allure_results.exists():
        print("consent-audit: Allure is not installed (no node_modules/.bin/allure, no `allure` on PATH); "
              "HTML report skipped", file=sys.stderr)
        return None
    out = run.dir / "allure-report"
    if out.exists():
        shutil.rmtree(out)
    for result in run.allure_results.glob("*.json"):
        run.masker.mask_file(result)
    proc = subprocess.run([str(allure_bin), "awesome", str(run.allure_results), "-o", str(out), "--single-file",
                           "--report-name", f"consent-audit {run.run_id}"],
                          capture_output=True, text=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "ALLURE_NO_ANALYTICS": "1", "HOME": str(run.dir)})
    index = out / "index.html"
    if proc.returncode != 0 or not index.exists():
        print(f"consent-audit: the HTML report failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    html = run.masker.mask(strip_trackers(index.read_text(encoding="utf-8")))
    report = run.dir / "report.html"
    report.write_text(html, encoding="utf-8")
    shutil.rmtree(out)
    return report


def summary_table(summary: dict[str, Any]) -> str:
    """The closing table: one line per audit with its outcome, findings and first figures."""
    rows = [("target", "flow", "outcome", "findings", "key figures")]
    for r in summary.get("results", []):
        findings = ", ".join(sorted({f["pattern"] for f in r.get("findings", [])})) or "-"
        figures = ", ".join(f"{k}={_short(v)}" for k, v in list(r.get("metrics", {}).items())[:4])
        status = r.get("outcome", "broken") + ("" if r.get("as_expected", True) else " (NOT as expected)")
        rows.append((r["target"], r["flow"], status, findings, figures))
    widths = [min(max(len(str(row[i])) for row in rows), 60) for i in range(5)]
    lines = ["  ".join(str(c)[:60].ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "..."


def _attempt(what: str, action: Callable[[], Any]) -> Any:
    """Run one part of the run's output; a failure is one line on stderr and never stops the other parts."""
    try:
        return action()
    except Exception as exc:
        print(f"consent-audit: {what} failed: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
              file=sys.stderr)
        return None


def _bundle(run: Run, config: Any) -> list[str]:
    """Make the evidence bundle (unless --no-bundle); returns the lines to print about it."""
    if not config.getoption("bundle", True):
        return []
    from .evidence.bundle import BundleOptions, make_bundle
    bundle = make_bundle(run, BundleOptions.from_config(config))
    run.write_json("bundle.json", bundle.to_dict(run.dir))
    lines = [f"evidence:   {bundle.zip}", f"            tag manifest sha256 {bundle.tagmanifest_sha256}"]
    if bundle.stamp is not None:
        lines.append(f"            trusted time {bundle.stamp.describe()}")
    lines += [f"            note: {note}" for note in bundle.notes]
    return lines


def finish_run(run: Run, config: Any) -> None:
    """Write everything a run leaves behind; each part is tried even if another fails. The Allure report is
    built from Allure's own results; then the run record is built once and written as summary.json (once),
    bundled as evidence (the bundle's descriptor goes to bundle.json) and shown as the closing table."""
    app = run.meta.get("reference_app", {})
    _attempt("writing the Allure metadata", lambda: write_allure_metadata(
        run, {"appium": (run.meta.get("appium") or {}).get("url"), "reference_app_build": app.get("build")}))
    mode = config.getoption("--html-report")
    if mode == "on" or (mode == "auto" and (run.results or run.interrupted)):
        report = _attempt("the HTML report", lambda: build_html_report(run))
        if report is not None:
            run.meta["report"] = str(report.relative_to(run.dir))
    summary = run.summary()
    _attempt("writing summary.json", lambda: run.write_summary(summary))
    bundle_lines = _attempt("the evidence bundle", lambda: _bundle(run, config)) or []
    terminal = config.pluginmanager.get_plugin("terminalreporter")
    text = "\n".join([f"\n{summary_table(summary)}\n", f"run folder: {run.dir}", *bundle_lines]) + "\n"
    if terminal is not None:
        terminal.write_line(text)
    else:
        print(text)

"""Run output: summary.json, Allure categories/environment, the single-file HTML report, the closing table."""
from __future__ import annotations

import base64
import errno
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


_EMBEDDED = re.compile(
    r"""d\(\s*["']([^"']+)["']\s*,\s*["']([A-Za-z0-9+/=]+)["']\s*\)"""        # Allure single file: d("name", "b64")
    r"""|data:([a-z]+/[a-z0-9.+-]+)(?:;[^,;"']*)*;base64,([A-Za-z0-9+/=]+)""", re.I)  # data: URIs
_RENDERED = (".html", ".htm", ".xhtml", ".svg", "text/html", "application/xhtml+xml", "image/svg+xml")
"""Embedded files a browser renders as markup (and would load from); text, JSON, images are inert."""


def _embedded_markup(html: str, depth: int = 2) -> list[str]:
    """The markup embedded in base64 in the HTML (attachments of the single-file report, data: URIs) that
    a browser would render, `depth` levels down; markup that starts with the inert policy is left out."""
    from .inert import INERT_META

    found: list[str] = []
    for match in _EMBEDDED.finditer(html) if depth > 0 else ():
        kind, data = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        try:
            text = base64.b64decode(data, validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            continue
        if kind.lower().endswith(_RENDERED) and not text.lstrip().startswith(INERT_META):
            found.append(text)
        found += _embedded_markup(text, depth - 1)
    return found


def third_party_references(html: str) -> list[str]:
    """Every place the HTML would load something from another host on its own (scripts, images, styles,
    frames, beacons), also inside the markup it embeds in base64 (report attachments, data: URIs). Links a
    person may click are not loads and are not listed."""
    found = set()
    for text in [html, *_embedded_markup(html)]:
        found |= {text[max(0, m.start() - 40):m.end() + 60].replace("\n", " ") for m in _REMOTE_LOADS.finditer(text)}
    return sorted(found)


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
    from .nightly.history import history_args
    from .report_images import reduce_attachments, staged_results
    stage = staged_results(run.allure_results, run.dir / ".report-input")     # hidden: never bundled
    try:
        reduce_attachments(stage)          # the report's JPEGs; allure-results keeps Allure's own files
        proc = subprocess.run([str(allure_bin), "awesome", str(stage), "-o", str(out), "--single-file",
                               "--report-name", f"consent-audit {run.run_id}", *history_args(run.root)],
                              capture_output=True, text=True, timeout=600,
                              env={"PATH": "/usr/bin:/bin", "ALLURE_NO_ANALYTICS": "1", "HOME": str(run.dir)})
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    index = out / "index.html"
    if proc.returncode != 0 or not index.exists():
        print(f"consent-audit: the HTML report failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    from .report_images import embed_once
    html = embed_once(run.masker.mask(strip_trackers(index.read_text(encoding="utf-8"))))
    report = run.dir / "report.html"
    report.write_text(html, encoding="utf-8")
    shutil.rmtree(out)
    return report


BOOKKEEPING = {"explorer", "actions_spent", "consent_probe_actions", "dead_ends", "unmeasured", "not_checked", "traffic_har", "data_flows",
               "explored"}
"""Metrics that say how the audit ran rather than what it measured: left out of the closing table's figures."""


def summary_table(summary: dict[str, Any]) -> str:
    """The closing table: one line per audit with its outcome, findings and first figures — the flow's key
    figures marked `line` in assets/figures.yaml first (what a permissions audit found if denied, not the blocker
    list that came first in its metrics), then the others in their order, four in all."""
    from .nightly.figures import UNMEASURED, key_figures, line_figures

    def shown_value(value: Any) -> Any:
        return None if value is UNMEASURED else value

    rows = [("target", "flow", "outcome", "findings", "key figures")]
    for r in summary.get("results", []):
        findings = ", ".join(sorted({f["pattern"] for f in r.get("findings", [])})) or "-"
        metrics = r.get("metrics") or {}
        first = line_figures(str(r.get("flow")), metrics)      # the flow's key figures (figures.yaml `line`)
        named = {f.path.split(".")[0] for f in key_figures().get(str(r.get("flow")), ()) if f.line}
        shown = first + [(k, v) for k, v in metrics.items() if k not in BOOKKEEPING and k not in named]
        figures = " | ".join(f"{k}={_short(shown_value(v), k)}" for k, v in shown[:4])   # a list's items ", "-joined
        left_out = (r.get("metrics") or {}).get("not_checked") or {}
        status = (r.get("outcome", "broken") + (f" ({len(left_out)} not checked)" if left_out else "")
                  + (" (NOT as expected)" if r.get("as_expected") is False else ""))
        rows.append((r["target"], r["flow"], status, findings, figures))
    caps = (60, 24, 40, 160, 100)            # the findings are never cut: a pattern name half shown is misread
    widths = [min(max(len(str(row[i])) for row in rows), caps[i]) for i in range(5)]
    lines = ["  ".join(str(c)[:cap].ljust(w) for c, w, cap in zip(row, widths, caps)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _short(value: Any, name: str = "") -> str:
    """A figure in words (figure_words.py: "not measured", "none", "1, 1, 1"), at most 40 characters."""
    from .figure_words import figure_words
    text = figure_words(value, name=name)
    return text if len(text) <= 40 else text[:37] + "..."


def failure_line(what: str, exc: BaseException, where: Path | None = None) -> str:
    """One line for a part of the output that failed: a full disk says so and where, anything else names
    the error's type and first line."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        place = exc.filename or where or "the reports folder"
        return f"{what} failed: the disk is full at {place}"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{what} failed: {exc.__class__.__name__}: {text}"


def _attempt(what: str, action: Callable[[], Any], failures: list[str] | None = None,
             where: Path | None = None) -> Any:
    """Run one part of the run's output; a failure is one line on stderr (kept in `failures`) and never
    stops the other parts."""
    try:
        return action()
    except KeyboardInterrupt as exc:       # a second signal during the wrap-up (consent_audit.wrapup)
        from .interrupts import reason_of
        line = f"{what} stopped: {reason_of(exc)}"
        print(f"consent-audit: {line}", file=sys.stderr)
        if failures is not None:
            failures.append(line)
        return None
    except Exception as exc:
        from . import diskfull
        line = failure_line(what, exc, where)
        said = bool(diskfull.PLACES)
        if diskfull.is_disk_full(exc):
            diskfull.record(exc, where or "")  # type: ignore[arg-type]
        if not (said and diskfull.is_disk_full(exc)):      # a full disk is said once
            print(f"consent-audit: {line}", file=sys.stderr)
        if failures is not None:
            failures.append(line)
        return None


def _bundle(run: Run, config: Any) -> list[str]:
    """Make the evidence bundle (unless --no-bundle); returns the lines to print about it."""
    if not config.getoption("bundle", True):
        return []
    from .evidence.bundle import BundleOptions, bundle_run
    bundle = bundle_run(run, BundleOptions.from_config(config))
    return [f"evidence:   {bundle.zip or bundle.folder}", *(f"            {line}" for line in bundle.describe())]


def _finish_full(run: Run, said: str) -> None:
    """The disk filled up during the run: one line, no report or bundle (they need space); the raw Allure
    results go (report.html would hold them) so that summary.json, marked incomplete, may still fit."""
    print(f"consent-audit: {said}", file=sys.stderr)
    shutil.rmtree(run.allure_results, ignore_errors=True)
    summary = run.summary()
    summary["incomplete"] = said
    try:
        run.write_summary(summary)
    except OSError:
        pass


def finish_run(run: Run, config: Any) -> None:
    """Write everything a run leaves behind; each part is tried even if another fails. The Allure report is
    built from Allure's own results; then the run record is built once and written as summary.json (once),
    bundled as evidence (the bundle's descriptor goes to bundle.json) and shown as the closing table."""
    from . import diskfull
    if diskfull.line():
        _finish_full(run, str(diskfull.line()))
        return
    app = run.meta.get("reference_app", {})
    _attempt("writing the Allure metadata", lambda: write_allure_metadata(
        run, {"appium": (run.meta.get("appium") or {}).get("url"), "reference_app_build": app.get("build")}))
    from .evidence.once import link_duplicates
    _attempt("storing each file once", lambda: link_duplicates(run.dir / "tests", run.allure_results))
    from .wrapup import STATE
    STATE.armed = True
    mode = config.getoption("--html-report")
    report_failure = ""
    if mode == "on" or (mode == "auto" and (run.results or run.interrupted)):
        stopped: list[str] = []
        report = _attempt("the HTML report", lambda: build_html_report(run), stopped)
        if report is not None:
            run.meta["report"] = str(report.relative_to(run.dir))
        elif stopped and stopped[0].endswith(("(Ctrl-C)", "(SIGTERM)")):
            report_failure = stopped[0]
    failures: list[str] = []
    if report_failure:
        failures.append(report_failure)
    if STATE.reason and not run.interrupted:
        run.interrupted = f"{STATE.reason} while the run was ending"
    summary = run.summary()
    with STATE.held():
        _attempt("writing summary.json", lambda: run.write_summary(summary), failures, run.dir)
    bundle_lines = _attempt("the evidence bundle", lambda: _bundle(run, config), failures, run.dir) or []
    STATE.armed = False
    if failures:        # the summary says what is missing, so its verdict cannot be read as complete
        if any(line.endswith(("(Ctrl-C)", "(SIGTERM)")) for line in failures) and not run.interrupted:
            run.interrupted = f"{STATE.reason or 'interrupted'} while the run was ending"
        summary = run.summary()
        summary["incomplete"] = "; ".join(failures)
        if not bundle_lines and config.getoption("bundle", True):
            print(f"consent-audit: make the evidence bundle later with: consent-audit bundle {run.dir}",
                  file=sys.stderr)
        with STATE.held():
            _attempt("marking summary.json incomplete", lambda: run.write_summary(summary), where=run.dir)
    terminal = config.pluginmanager.get_plugin("terminalreporter")
    text = "\n".join([f"\n{summary_table(summary)}\n", f"run folder: {run.dir}", *bundle_lines]) + "\n"
    if terminal is not None:
        terminal.write_line(text)
    else:
        print(text)

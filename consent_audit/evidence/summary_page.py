"""The case officer's summary: one offline HTML page per bundle (and a PDF print of it when Chromium is at hand).

Screenshots appear as small embedded JPEG thumbnails (data: URIs) linking to the original files inside the bag,
so the page loads nothing from anywhere else and still points at the untouched evidence."""
from __future__ import annotations

import base64
import functools
import html
import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import yaml

from ..figure_words import figure_lines, figure_words, pattern_title
from ..paths import ASSETS
from ..rules import Catalog, RuleItem
from .dataflows_page import flows_section

log = logging.getLogger(__name__)

STRINGS = ASSETS / "summary_strings.yaml"
STYLE = ASSETS / "summary_page.css"      # the page's style sheet, inlined: the page loads nothing
LANGUAGES = ("en", "zh")
THUMB_WIDTH = 240


@functools.lru_cache(maxsize=1)
def load_strings(path: Path = STRINGS) -> dict[str, dict[str, Any]]:
    """The page's text per language (assets/summary_strings.yaml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _style(path: Path = STYLE) -> str:
    return path.read_text(encoding="utf-8")


def _e(value: Any) -> str:
    return html.escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), quote=True)


def _cell(value: Any, words: dict[str, Any], name: str = "") -> str:
    """A figure's cell in words (`figure_words.figure_lines`), never JSON: a list one item per line."""
    said = figure_lines(value, words, name)
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in said) + "</ul>" if isinstance(said, list) else _e(said)


def thumbnail_uri(path: Path, width: int = THUMB_WIDTH) -> str | None:
    """A small JPEG of a screenshot as a data: URI; None when the file is no readable image."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        return None
    height = max(1, round(image.shape[0] * width / image.shape[1]))
    small = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", small, [int(cv2.IMWRITE_JPEG_QUALITY), 80])
    return "data:image/jpeg;base64," + base64.b64encode(np.asarray(encoded).tobytes()).decode("ascii") if ok else None


def _step_captions(payload: Path, folder: str) -> dict[str, tuple[str, str, str]]:
    """Screenshot path (relative to the test folder) → (step index, title, UTC time) from its trace."""
    try:
        trace = json.loads((payload / folder / "trace.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    captions: dict[str, tuple[str, str, str]] = {}
    for trail in trace.get("trails", []):
        shot = (trail.get("start_files") or {}).get("screenshot")
        if shot:
            captions.setdefault(shot, ("", trail.get("name", ""), ""))
    for step in trace.get("steps", []):
        shot = (step.get("files") or {}).get("screenshot")
        if shot:
            captions[shot] = (str(step.get("index", "")), step.get("title", ""), step.get("at", ""))
    return captions


def _captured(payload: Path, folder: str, captions: dict[str, tuple[str, str, str]]) -> list[str]:
    """Every screenshot of an audit that did not conclude, in step order: those its trace names, then any on disk
    that no step names yet (a run interrupted between a capture and its step record) — nothing captured is lost."""
    on_disk = ({p.relative_to(payload / folder).as_posix() for p in (payload / folder).rglob("*.png")}
               if folder and (payload / folder).is_dir() else set())
    return sorted(captions, key=lambda f: (captions[f][0].zfill(6), f)) + sorted(on_disk - set(captions))


def _table(rows: list[tuple[str, str]], head: tuple[str, str] | None = None) -> str:
    out = ["<table>"]
    if head:
        out.append(f"<tr><th>{_e(head[0])}</th><th>{_e(head[1])}</th></tr>")
    out += [f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in rows]
    return "".join(out) + "</table>"


def _identity(identity: dict[str, Any], words: dict[str, Any]) -> str:
    keys = [k for k in identity if k not in ("description", "in_app") and identity[k] not in (None, "", {}, [])]
    return "<br>".join(f"{_e(k)}: <code>{_e(figure_words(identity[k], words, k))}</code>" for k in keys)


def _outcome(result: dict[str, Any]) -> str:
    """clean | found | broken | not_found | interrupted (a result without one proves nothing: broken)."""
    return str(result.get("outcome") or "broken")


class SummaryPage:
    """Builds the page from the staged payload folder (summary.json, traces, screenshots)."""

    def __init__(self, payload: Path, custody: dict[str, Any], language: str, bundle: str,
                 catalog: Catalog, flow_patterns: dict[str, list[str]]) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"summary language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.payload = payload
        self.custody = custody
        self.t = load_strings()[language]
        self.language = language
        self.bundle = bundle
        self.catalog = catalog
        self.flow_patterns = flow_patterns
        self.summary = json.loads((payload / "summary.json").read_text(encoding="utf-8"))
        self._thumbs: dict[tuple[int, int], str | None] = {}      # (device, inode): hard links made once

    def text(self, key: str, **values: Any) -> str:
        return _e(str(self.t[key]).format(**values))

    def pattern_title(self, pattern: str, flow: str = "") -> str:
        """The pattern's title as checked in `flow`: a pattern checked in several flows is named for what it
        measures there (a prominence finding of the deletion is about its last decision, not a consent dialog)."""
        return pattern_title(self.t, pattern, flow) or self.catalog.patterns.get(pattern, pattern)

    # --- sections ---
    def render(self) -> str:
        run_id = self.summary.get("run_id", self.custody.get("run_id", ""))
        parts = [f"<!doctype html><html lang=\"{_e(self.t['html_lang'])}\"><head><meta charset=\"utf-8\">",
                 f"<title>{self.text('title', run_id=run_id)}</title><style>{_style()}</style></head><body>",
                 f"<h1>{self.text('title', run_id=run_id)}</h1><p>{self.text('intro')}</p>"]
        if self.summary.get("interrupted"):
            parts.append(f"<p class=\"banner\">{self.text('interrupted', reason=self.summary['interrupted'])}</p>")
        parts += [self._when(), self._targets(), self._result()]
        for result in self.summary.get("results", []):
            parts.append(self._audit(result))
        parts.append(f"<h2>{self.text('section_verify')}</h2><p>{self.text('verify_text', bundle=self.bundle)}</p>")
        parts.append("</body></html>")
        return "".join(parts)

    def _when(self) -> str:
        c = self.custody
        device = c.get("device") or {}
        devices = {json.dumps(i.get("device"), sort_keys=True) for i in c.get("targets", {}).values() if i.get("device")}
        rows = [(self.t["run_id"], _e(c.get("run_id", ""))),
                (self.t["started"], _e(c.get("started_utc") or "")),
                (self.t["finished"], _e(c.get("finished_utc") or self.t["not_finished"])),
                (self.t["operator"], _e(c.get("operator", ""))),
                (self.t["device"], _e(" · ".join(str(device.get(k)) for k in ("profile", "platform", "server")
                                                if device.get(k))))]
        rows += [(self.t["device_info"], f"<code>{_e(figure_words(json.loads(d), self.t['figure_words']))}</code>")
                 for d in sorted(devices)]
        rows += [(self.t["tool"], _e(" ".join(next(iter(c.get("tool", {"?": "?"}).items()))))),
                 (self.t["git_commit"], f"<code>{_e(c.get('git_commit', ''))}</code>")]
        return f"<h2>{self.text('section_when')}</h2>" + _table(rows)

    def _targets(self) -> str:
        rows = [(name, _identity(identity, self.t["figure_words"]))
                for name, identity in (self.custody.get("targets") or {}).items()]
        return f"<h2>{self.text('section_targets')}</h2>" + _table(rows, (self.t["target"], self.t["identity"]))

    def _result(self) -> str:
        results = self.summary.get("results", [])
        found = [r for r in results if r.get("findings")]
        broken = [r for r in results if _outcome(r) not in ("clean", "found")]
        lines = []
        if found:
            lines.append(self.text("result_found", audits=len(found), total=len(results),
                                   findings=sum(len(r["findings"]) for r in found)))
        elif results and len(broken) < len(results):
            lines.append(self.text("result_nothing", total=len(results) - len(broken)))
        if broken:
            lines.append(self.text("result_broken", broken=len(broken)))
        return f"<h2>{self.text('section_result')}</h2>" + "".join(f"<p><strong>{line}</strong></p>" for line in lines)

    def _figures(self, figures: dict[str, Any]) -> str:
        if not figures:
            return ""
        rows = [(k, _cell(v, self.t["figure_words"], k)) for k, v in figures.items()]
        return _table(rows, (self.t["figure"], self.t["value"]))

    def _audit(self, result: dict[str, Any]) -> str:
        status = _outcome(result)
        flow = self.t["flows"].get(result.get("flow", ""), result.get("flow", ""))
        heading = self.text("audit_heading", flow=flow, target=result.get("target", ""))
        out = [f"<h2>{heading} — <span class=\"status-{_e(status)}\">{self.text('status_' + status)}</span></h2>"]
        left_out = (result.get("metrics") or {}).get("not_checked") or {}
        flow_id = str(result.get("flow", ""))
        patterns = [self.pattern_title(p, flow_id) for p in self.flow_patterns.get(flow_id, []) if p not in left_out]
        if status not in ("clean", "found"):
            out.append(f"<p>{self.text('broken_detail', message=result.get('message') or self.t['no_message'], patterns='; '.join(patterns) or '-')}</p>")
        elif not result.get("findings"):
            out.append(f"<p><strong>{self.text('nothing_found')}</strong></p>")
            out.append(f"<p>{self.text('checked')}</p><ul>" + "".join(f"<li>{_e(p)}</li>" for p in patterns) + "</ul>")
        if left_out:
            out.append(f"<p>{self.text('not_checked')}</p><ul>" + "".join(
                f"<li>{_e(self.pattern_title(p, flow_id))} — {_e(why)}</li>" for p, why in left_out.items()) + "</ul>")
        if result.get("metrics") and not result.get("findings"):
            shown = {k: v for k, v in result["metrics"].items() if k not in ("data_flows", "not_checked")}
            out.append(f"<h3>{self.text('figures')}</h3>" + self._figures(shown))
        out.append(flows_section(result.get("metrics") or {}, self.t))
        folder = result.get("folder", "")
        captions = _step_captions(self.payload, folder)
        for n, finding in enumerate(result.get("findings", []), 1):
            out.append(self._finding(n, finding, folder, captions, flow_id))
        shots = _captured(self.payload, folder, captions) if status not in ("clean", "found") else []
        if shots:
            out.append(f"<h3>{self.text('steps_captured')}</h3>"
                       + self._gallery([f"{folder}/{shot}" for shot in shots], folder, captions))
        return "".join(out)

    def _rules(self, refs: list[str]) -> str:
        items: list[RuleItem] = []
        for ref in refs:
            try:
                items.append(self.catalog.get(ref))
            except KeyError:
                log.warning("rule item %s is not in the catalog", ref)
        rows = []
        for item in items:
            mark = "" if item.verified else f"<div class=\"unverified\">{self.text('unverified', note=item.note or '')}</div>"
            rows.append(f"<tr><td><code>{_e(item.id)}</code></td><td>{_e(item.source)} {_e(item.item)}</td>"
                        f"<td lang=\"en\">{_e(item.summary_en)}{mark}</td><td lang=\"zh-CN\">{_e(item.summary_zh)}</td></tr>")
        head = "".join(f"<th>{self.text(k)}</th>" for k in ("rule_id", "rule_source", "rule_en", "rule_zh"))
        return f"<h4>{self.text('rules')}</h4><table><tr>{head}</tr>{''.join(rows)}</table>"

    def _finding(self, n: int, finding: dict[str, Any], folder: str, captions: dict[str, tuple[str, str, str]],
                 flow: str) -> str:
        title = self.pattern_title(finding["pattern"], flow)
        out = [f"<div class=\"finding\"><h3>{self.text('finding', n=n, title=title)}</h3>"]
        message = (finding.get("messages") or {}).get(self.language) or finding.get("message")
        if message:
            out.append(f"<p>{self.text('measured')} {_e(message)}</p>")
        out.append(self._figures(finding.get("figures") or {}))
        out.append(self._rules(finding.get("rule_refs") or []))
        out.append(f"<h4>{self.text('steps')}</h4>")
        out.append(self._gallery(finding.get("evidence") or [], folder, captions))
        return "".join(out) + "</div>"

    def _gallery(self, files: list[str], folder: str, captions: dict[str, tuple[str, str, str]]) -> str:
        """Thumbnails in the given order, each captioned with its step and linked to the original file."""
        figures = []
        for evidence in files:
            path = self.payload / evidence
            if not path.is_file():
                continue
            inside = os.path.relpath(evidence, folder) if folder else evidence
            index, title, at = captions.get(inside, ("", "", ""))
            if index:
                caption = self.text("step_caption", index=index, title=title)
            elif title:
                caption = f"{self.text('step_start')}: {_e(title)}"
            else:
                caption = self.text("step_other", file=Path(evidence).name)
            when = f"<br>{self.text('at')} {_e(at)}" if at else ""
            stat = path.stat()
            key = (stat.st_dev, stat.st_ino)        # the same screen stored once (evidence.once): one thumbnail
            if key not in self._thumbs:
                self._thumbs[key] = thumbnail_uri(path)
            uri = self._thumbs[key]
            image = f"<img src=\"{uri}\" alt=\"{_e(Path(evidence).name)}\">" if uri else _e(Path(evidence).name)
            figures.append(f"<figure><a href=\"{_e(evidence)}\">{image}</a><figcaption>{caption}{when}"
                           f"<br><code>{_e(evidence)}</code></figcaption></figure>")
        return f"<div class=\"steps\">{''.join(figures)}</div>" if figures else f"<p>{self.text('no_screenshots')}</p>"


def render_pdf(page: Path, out: Path, chromium: str | None = None, timeout: float = 120.0) -> str | None:
    """Print the page to PDF with headless Chromium; returns why not when it cannot (None on success)."""
    binary = chromium or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not binary:
        return "no Chromium on this machine"
    with tempfile.TemporaryDirectory(prefix="consent-audit-pdf-") as profile:
        args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--no-pdf-header-footer",
                f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.resolve().as_uri()]
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                                  env={"PATH": "/usr/bin:/bin", "HOME": profile})
        except subprocess.TimeoutExpired:
            out.unlink(missing_ok=True)
            return f"Chromium did not finish the PDF within {timeout:g}s"
        except OSError as exc:
            return f"Chromium could not start ({exc.strerror or exc})"
    if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        out.unlink(missing_ok=True)
        return f"Chromium failed to print the PDF (exit {proc.returncode})"
    return None

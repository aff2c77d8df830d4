"""What `consent-audit run` adds for a nightly farm: `--baseline PATH` (compare with an earlier run and exit 1
on a regression), `--keep N` (retention after the run), the trend page, and the progress line (off under
--quiet). Kept apart from commands/run.py, which calls `add_options`, `prepare`, `engine_options` and
`after_run`.

With --baseline the exit status answers "did anything regress?": 2 when the run could not conclude (as
without it), else 1 on a regression, else 0 — audits that found dark patterns already in the baseline do not
fail the job; the table and the verdict sentence still name them."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import EXIT_CLEAN, EXIT_FOUND, EXIT_INCOMPLETE


@dataclass(frozen=True)
class Baseline:
    """The baseline as read before the run started (`reports/latest` moves once the new run is written)."""

    summary: dict[str, Any]
    file: Path


def add_options(parser: argparse.ArgumentParser) -> None:
    farm = parser.add_argument_group("nightly farm")
    farm.add_argument("--baseline", metavar="PATH",
                      help="compare with this run (run folder or summary.json, e.g. reports/latest): a table of "
                           "what changed; exit 1 on a regression, 0 when none, 2 when the run is incomplete")
    farm.add_argument("--keep", type=int, metavar="N",
                      help="after the run, keep the N newest finished runs in --reports-dir, remove older ones")


def prepare(args: argparse.Namespace) -> Baseline | None:
    """Read the baseline now (UsageError, one line, when it is no run or summary)."""
    if not getattr(args, "baseline", None):
        return None
    from ..nightly.diff import load_summary
    summary, file = load_summary(Path(args.baseline))
    return Baseline(summary, file)


def engine_options(args: argparse.Namespace) -> list[str]:
    """pytest options of the farm: no progress line under --quiet."""
    return ["--progress", "off"] if args.quiet else []


def after_run(args: argparse.Namespace, run_dir: Path, summary: dict[str, Any] | None, status: int,
              baseline: Baseline | None) -> int:
    """The diff against the baseline (printed, and written to the run folder as diff.json), retention and
    the trend page; returns the exit status."""
    reports = Path(args.reports_dir)
    if baseline is not None and summary is not None:
        from ..nightly.diff import compare, table
        diff = compare(baseline.summary, summary, str(baseline.file), str(run_dir / "summary.json"))
        print(f"\nconsent-audit: compared with the baseline\n{table(diff)}")
        try:
            (run_dir / "diff.json").write_text(json.dumps(diff.to_dict(), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
        except OSError as exc:
            print(f"consent-audit: diff.json not written: {exc}", file=sys.stderr)
        if status != EXIT_INCOMPLETE:
            status = EXIT_FOUND if diff.regressions else EXIT_CLEAN
    if getattr(args, "keep", None):
        from ..nightly.history import trim_history
        from ..nightly.retention import prune
        from .prune import report_pruned
        protect = (baseline.file.parent,) if baseline is not None else ()
        try:
            report_pruned(prune(reports, args.keep, protect=protect), dry_run=False)
            trim_history(reports, args.keep)
        except OSError as exc:
            print(f"consent-audit: pruning {reports} failed: {exc}", file=sys.stderr)
    try:
        from ..nightly.trend import write_trend
        print(f"trend:   {write_trend(reports)}")
    except OSError as exc:
        print(f"consent-audit: the trend page was not written: {exc}", file=sys.stderr)
    return status

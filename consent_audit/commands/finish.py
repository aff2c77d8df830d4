"""What `run` and `explore` share around the engine: the run folder checked before anything starts, and the
verdict read back from what the run left (summary.json, bundle.json) after it ended."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import EXIT_INCOMPLETE
from ..run import check_run_folder, check_run_id, new_run_id
from ..verdict import verdict

SETUP_ERROR = ".setup-error"
"""A file in the run folder where the engine leaves the one line saying why no audit could run."""


def prepare_run_folder(args: argparse.Namespace) -> Path:
    """Check --run-id and --reports-dir before anything starts and return the (fresh) run folder.

    Raises UsageError (one line) for an unsafe run id, an existing run folder, or a reports folder that
    cannot be created or written."""
    if args.run_id is None:
        args.run_id = new_run_id()
    check_run_id(args.run_id)
    reports = Path(args.reports_dir)
    try:
        reports.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create --reports-dir {reports}: {exc.strerror or exc}") from None
    if not reports.is_dir() or not os.access(reports, os.W_OK | os.X_OK):
        raise UsageError(f"--reports-dir {reports} is not a writable folder")
    return check_run_folder(reports, args.run_id)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def no_summary_line(run_dir: Path, code: int) -> str:
    """Why a run left no summary.json: the engine's own line when it left one, else pytest's exit status."""
    try:
        said = (run_dir / SETUP_ERROR).read_text(encoding="utf-8").strip().splitlines()
    except OSError:
        said = []
    if said:
        return f"no audit ran: {said[0].removeprefix('consent-audit: ')}"
    return f"the run wrote no summary (pytest exit {int(code)}); see the lines above"


def read_outcome(run_dir: Path, code: int, bundle_wanted: bool) -> tuple[int, dict[str, Any] | None]:
    """(exit status, summary) of a finished run; prints the verdict sentence (stderr for exit 2).

    No summary → exit 2 with the reason. A bundle that was wanted but not made → exit 2 as well: a run
    whose evidence is missing cannot back a complaint."""
    from .. import diskfull
    summary = _read_json(run_dir / "summary.json")
    if summary is None:
        if not diskfull.PLACES:          # a full disk was said once already, by the wrap-up
            print(f"consent-audit: {no_summary_line(run_dir, code)}", file=sys.stderr)
        return EXIT_INCOMPLETE, None
    if diskfull.PLACES:
        return EXIT_INCOMPLETE, summary
    status, sentence = verdict(summary)
    print(f"\nconsent-audit: {sentence}", file=sys.stderr if status == EXIT_INCOMPLETE else sys.stdout)
    bundle = _read_json(run_dir / "bundle.json") or {}
    made = any(bundle.get(part) and (run_dir / str(bundle[part])).exists() for part in ("zip", "folder"))
    if bundle_wanted and not made:
        if status != EXIT_INCOMPLETE:
            print(f"consent-audit: no evidence bundle was made in {run_dir}; "
                  f"make it with: consent-audit bundle {run_dir}", file=sys.stderr)
        status = EXIT_INCOMPLETE
    return status, summary


def print_paths(run_dir: Path, summary: dict[str, Any]) -> None:
    """The summary, report and bundle paths, one a line, on stdout."""
    print(f"summary: {run_dir / 'summary.json'}")
    if summary.get("report"):
        print(f"report:  {run_dir / summary['report']}")
    bundle = _read_json(run_dir / "bundle.json") or {}
    if bundle.get("zip") or bundle.get("folder"):
        print(f"bundle:  {run_dir / (bundle.get('zip') or bundle['folder'])}  (check with: consent-audit verify PATH)")
        if not bundle.get("zip"):        # --no-zip (make audit): the bag in one file, digest unchanged, on demand
            print(f"         in one file to send: consent-audit bundle {run_dir}")

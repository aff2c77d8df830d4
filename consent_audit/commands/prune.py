"""`consent-audit prune --keep N`: keep the N newest finished runs under the reports folder, remove the rest
(consent_audit.nightly.retention says what is never removed), then rebuild the trend page."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..paths import REPORTS


def register(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("prune", help="keep the N newest finished run folders, remove the older ones")
    p.set_defaults(handler=cmd_prune)
    p.add_argument("--keep", type=int, required=True, help="how many finished runs to keep (at least 1)")
    p.add_argument("--reports-dir", default=str(REPORTS))
    p.add_argument("--dry-run", action="store_true", help="say what would be removed, remove nothing")


def report_pruned(pruned, dry_run: bool) -> None:
    """Lines saying what was removed, kept and left alone."""
    verb = "would remove" if dry_run else "removed"
    for path in pruned.removed:
        print(f"consent-audit: {verb} {path}")
    print(f"consent-audit: {verb} {len(pruned.removed)} run folders ({pruned.freed_bytes / 1e6:.1f} MB), "
          f"kept {len(pruned.kept)}")
    for path in pruned.unfinished:
        print(f"consent-audit: left {path} alone: it has no summary.json (a run in progress, or one that was "
              f"killed: `consent-audit bundle {path}` makes its bundle; remove it by hand when done)")


def cmd_prune(args: argparse.Namespace) -> int:
    from ..nightly.history import trim_history
    from ..nightly.retention import prune
    from ..nightly.trend import write_trend
    from .limits import check_numbers

    check_numbers(args)
    reports = Path(args.reports_dir)
    pruned = prune(reports, args.keep, dry_run=args.dry_run)
    report_pruned(pruned, args.dry_run)
    if not args.dry_run:
        trim_history(reports, args.keep)
        print(f"trend:   {write_trend(reports)}")
    return 0

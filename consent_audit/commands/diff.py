"""`consent-audit diff BASE NEW`: what changed between two runs (run folders or summary.json files), audit by
audit; exit 1 when anything regressed (consent_audit.nightly.diff says what counts), 0 when not, 2 on bad
input."""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("diff", help="compare two runs: changed figures, findings that appeared or went; "
                                    "exit 1 on a regression")
    p.set_defaults(handler=cmd_diff)
    p.add_argument("base", help="the baseline: a run folder (reports/<run-id>), an evidence bag folder or a summary.json")
    p.add_argument("new", help="the run to judge: a run folder or its summary.json")
    p.add_argument("--json", action="store_true", help="print the diff as JSON instead of a table")


def cmd_diff(args: argparse.Namespace) -> int:
    from ..nightly.diff import compare, load_summary, table

    base, base_file = load_summary(Path(args.base))
    new, new_file = load_summary(Path(args.new))
    diff = compare(base, new, str(base_file), str(new_file))
    print(json.dumps(diff.to_dict(), ensure_ascii=False, indent=1) if args.json else table(diff))
    return 1 if diff.regressions else 0

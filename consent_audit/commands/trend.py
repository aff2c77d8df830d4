"""`consent-audit trend`: (re)build reports/trend.html, each target's key figures over the kept runs."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..paths import REPORTS


def register(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("trend", help="build the trend page of the kept runs (reports/trend.html)")
    p.set_defaults(handler=cmd_trend)
    p.add_argument("--reports-dir", default=str(REPORTS))


def cmd_trend(args: argparse.Namespace) -> int:
    from ..nightly.trend import write_trend

    print(f"trend:   {write_trend(Path(args.reports_dir))}")
    return 0

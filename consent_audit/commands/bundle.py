"""`consent-audit bundle RUN_DIR`: make the evidence bundle of a run folder after the fact (a run whose
wrap-up was interrupted, that ran out of disk while bundling, or that was killed). A run made with --no-zip
whose bag verifies gets its zip only: the bag is not made again, so the digest the run printed stays valid
(give --operator, --tsa-url, --tsa-cert or --summary-lang to make the bag anew)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..evidence.summary_page import LANGUAGES


def register(sub: "argparse._SubParsersAction") -> None:
    p = sub.add_parser("bundle", help="make the evidence bundle of a run folder (after an interrupted wrap-up)")
    p.set_defaults(handler=cmd_bundle)
    p.add_argument("run_dir", help="the run folder, reports/<run-id>")
    p.add_argument("--operator", help="who ran the audit (chain of custody; env CONSENT_AUDIT_OPERATOR)")
    p.add_argument("--tsa-url", help="RFC 3161 timestamp authority for the bundle (env CONSENT_AUDIT_TSA_URL)")
    p.add_argument("--tsa-cert", help="the authority's certificate (PEM) to check its token")
    p.add_argument("--summary-lang", choices=LANGUAGES, help="language of the bundle's summary page")
    p.add_argument("--no-zip", dest="zip", action="store_false", help="the bag folder only, no zip of it")


class _Options(SimpleNamespace):
    """The pytest-config face BundleOptions.from_config reads."""

    def getoption(self, name: str, default: Any = None) -> Any:
        return getattr(self, name.lstrip("-").replace("-", "_"), default)


def cmd_bundle(args: argparse.Namespace) -> int:
    from ..evidence.afterwards import reopen, summary_after
    from ..evidence.bundle import BundleOptions, bundle_run, zip_existing
    from ..report import failure_line

    run = reopen(Path(args.run_dir))
    as_made = not any((args.operator, args.tsa_url, args.tsa_cert, args.summary_lang))
    if args.zip and as_made:
        try:
            zipped = zip_existing(run)      # a --no-zip run's bag, zipped as it is: its digest stays
        except OSError as exc:
            print(f"consent-audit: {failure_line('the zip of the evidence bundle', exc, run.dir)}", file=sys.stderr)
            return 2
        if zipped is not None:
            print(f"consent-audit: evidence {zipped.zip} (the run's bag, zipped as it was made)")
            for line in zipped.describe():
                print(f"               {line}")
            return 0
    options = BundleOptions.from_config(_Options(operator=args.operator, tsa_url=args.tsa_url,
                                                 tsa_cert=args.tsa_cert, summary_lang=args.summary_lang,
                                                 policy=None, zip=args.zip))
    try:
        run.write_summary(summary_after(run))
        bundle = bundle_run(run, options)
    except OSError as exc:
        print(f"consent-audit: {failure_line('the evidence bundle', exc, run.dir)}", file=sys.stderr)
        return 2
    print(f"consent-audit: evidence {bundle.zip or bundle.folder}")
    for line in bundle.describe():
        print(f"               {line}")
    return 0

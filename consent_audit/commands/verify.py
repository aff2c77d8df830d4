"""`consent-audit verify PATH`: check an evidence bundle (bag folder or zip) was not altered.

Exit 0 with one OK line; 1 with one line per problem, each naming the file; 2 when PATH is no bundle."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..errors import UsageError

_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


def register(sub: "argparse._SubParsersAction") -> None:
    verify = sub.add_parser("verify", help="check an evidence bundle (folder or zip) was not altered")
    verify.set_defaults(handler=cmd_verify)
    verify.add_argument("path", help="the bundle: reports/<run>/evidence-<run>.zip or its folder")
    verify.add_argument("--tsa-cert", metavar="PEM",
                        help="the timestamp authority's root certificate you trust: checks the bundle's RFC 3161 "
                             "timestamp signature against it (and requires one)")
    verify.add_argument("--tag-manifest-sha256", metavar="HEX",
                        help="the tag manifest's SHA-256 you were given separately (e.g. in the complaint)")


def cmd_verify(args: argparse.Namespace) -> int:
    from ..evidence.timestamp import load_certificates
    from ..evidence.verify import verify

    expected = args.tag_manifest_sha256
    if expected is not None and not _HEX64.match(expected.strip()):
        raise UsageError("--tag-manifest-sha256 must be 64 hexadecimal digits")
    certificates = load_certificates(Path(args.tsa_cert)) if args.tsa_cert else None
    verdict = verify(Path(args.path), certificates, expected)
    if verdict.ok:
        print(f"consent-audit: {verdict.ok_line()}")
        return 0
    for problem in verdict.problems:
        print(f"consent-audit: {problem.line()}")
    return 1

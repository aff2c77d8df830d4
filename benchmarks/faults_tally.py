"""The fault harness's counts for the four areas of issue 15: faults survived, bad inputs handled cleanly,
tampering detected, injected markup blocked. Runs tests/faults (each case is one injected fault, bad
input, tampered bundle or hostile markup, marked with its area) and prints 'held / cases' per area.

    PYTHONPATH=. python benchmarks/faults_tally.py [--no-e2e]     (--no-e2e: skip the cases that drive a browser)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AREAS = {"area_fault": "faults survived", "area_bad_input": "bad inputs handled cleanly",
         "area_tamper": "tampering detected", "area_injection": "injected markup blocked"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-e2e", action="store_true", help="leave out the cases that drive a real browser")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="consent-audit-tally-") as tmp:
        out = Path(tmp) / "tally.json"
        command = [sys.executable, "-m", "pytest", "tests/faults", "-q", "-p", "no:cacheprovider"]
        if args.no_e2e:
            command += ["-m", "not e2e"]
        subprocess.run(command, cwd=ROOT, env={**os.environ, "CONSENT_AUDIT_TALLY": str(out)}, check=False)
        tally = json.loads(out.read_text(encoding="utf-8"))
    cases: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for entry in tally.values():
        if "area" not in entry or entry["outcome"] == "not run":
            continue
        cases[entry["area"]] += 1
        held[entry["area"]] += entry["outcome"] == "passed"
    for area, words in AREAS.items():
        print(f"{words:28} {held[area]:3} of {cases[area]}")


if __name__ == "__main__":
    main()

"""What the traffic capture costs: the same audit with and without it, alternating, in one benchmark run.

    python benchmarks/bench_capture.py [--rounds 3] [--target T …] [--flow consent …] [--keep DIR]

Each round runs `consent-audit run --traffic off` and `--traffic cdp` (the order alternates between rounds, so
a machine that warms up or gets busier favours neither), on the same targets and flows. The time of an audit is
its Allure test result's stop - start (the test function: journeys, waits for the traffic to go quiet,
figures and verdict) plus the setup and teardown of its `recorder` fixture, an Allure container's "before"
and "after" (opening the capture; the last read of
the capture, traffic.har written, the screen at a failure, trace.json). The browser session's start
(fixture setup, shared by the tests of a run) and the Appium server's are outside it. Prints per round and in
all: seconds without, with, and the ratio with / without (target: at most 1.15), then the median of the
rounds' ratios. Never asserts. Defaults: the consent flow on refapp-fair and refapp-tracking-before-consent
(a page with tracker requests), 3 rounds.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TARGETS = ("refapp-fair", "refapp-tracking-before-consent")


CLOSE_FIXTURE = "recorder"
"""The fixture whose setup opens and whose teardown closes an audit's capture (consent_audit.fixtures.recorder)."""


def _closing_ms(results: Path) -> dict[str, float]:
    """Test uuid -> ms spent in the setup and teardown of its CLOSE_FIXTURE (Allure containers: befores /
    afters of a fixture, `children` the tests it served)."""
    out: dict[str, float] = {}
    for path in results.glob("*-container.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        ms = sum(a["stop"] - a["start"] for a in data.get("befores", []) + data.get("afters", [])
                 if str(a.get("name", "")).split("::")[0] == CLOSE_FIXTURE and "start" in a and "stop" in a)
        for uuid in data.get("children", []) if ms else ():
            out[uuid] = out.get(uuid, 0.0) + ms
    return out


def audit_seconds(run_dir: Path) -> tuple[float, int]:
    """Sum of the audits' durations (s; see the module doc) from the Allure results, and how many audits
    there were."""
    total, count = 0.0, 0
    results = run_dir / "allure-results"
    closing = _closing_ms(results)
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "start" in data and "stop" in data:
            total += (data["stop"] - data["start"] + closing.get(data.get("uuid", ""), 0.0)) / 1000.0
            count += 1
    return total, count


def one_run(mode: str, targets: list[str], flows: list[str], reports: Path, run_id: str) -> tuple[float, int]:
    cmd = [sys.executable, "-m", "consent_audit.cli", "run", "--traffic", mode, "--reports-dir", str(reports),
           "--run-id", run_id, "--no-bundle", "--quiet"]
    for target in targets:
        cmd += ["--target", target]
    for flow in flows:
        cmd += ["--flow", flow]
    subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=3600,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    return audit_seconds(reports / run_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--target", action="append", default=[])
    parser.add_argument("--flow", action="append", default=[])
    parser.add_argument("--keep", help="keep the run folders here")
    args = parser.parse_args()
    targets, flows = args.target or list(DEFAULT_TARGETS), args.flow or ["consent"]
    reports = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-capture-"))
    totals = {"off": 0.0, "cdp": 0.0}
    ratios: list[float] = []
    print(f"targets: {', '.join(targets)}; flows: {', '.join(flows)}; rounds: {args.rounds}")
    print(f"{'round':>5} {'without (s)':>12} {'with (s)':>10} {'ratio':>7}")
    try:
        for n in range(args.rounds):
            order = ("off", "cdp") if n % 2 == 0 else ("cdp", "off")
            seconds = {}
            for mode in order:
                seconds[mode], count = one_run(mode, targets, flows, reports, f"round{n}-{mode}")
                if count == 0:
                    print(f"round {n}: the {mode} run left no audit (see {reports / f'round{n}-{mode}'})")
                    return 2
                totals[mode] += seconds[mode]
            ratios.append(seconds["cdp"] / seconds["off"])
            print(f"{n + 1:>5} {seconds['off']:>12.1f} {seconds['cdp']:>10.1f} {ratios[-1]:>7.3f}")
    finally:
        if not args.keep:
            shutil.rmtree(reports, ignore_errors=True)
    print(f"{'all':>5} {totals['off']:>12.1f} {totals['cdp']:>10.1f} {totals['cdp'] / totals['off']:>7.3f}"
          f"   (target <= 1.15)")
    print(f"median of the rounds' ratios: {statistics.median(ratios):.3f} (a busy machine moves single rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Wall time of the whole reference audit (`consent-audit run`, every variant and flow, report and bundle
included) with 1 worker and with 2 (pytest-xdist), side by side in one run so that both see the same machine
load; prints each time, the ratio 2 workers / 1, and whether both runs gave the same figures and findings.

    .venv/bin/python benchmarks/bench_parallel.py [--reps 1] [--workers 2] [-- extra consent-audit run args]

Each repetition runs 1 worker then N workers (alternating order from one repetition to the next); the
medians are compared. Exit status 1 when the runs' results differ.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def audit(reports: Path, run_id: str, workers: int, extra: list[str]) -> tuple[float, list[dict]]:
    """(wall seconds, summary results) of one `consent-audit run`; SystemExit when it left no summary."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "consent_audit.cli", "run", "--quiet", "--reports-dir", str(reports),
                           "--run-id", run_id, "--workers", str(workers), *extra], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    summary = reports / run_id / "summary.json"
    if not summary.is_file():
        raise SystemExit(f"run {run_id} left no summary (exit {proc.returncode}): {proc.stderr[-1500:]}")
    return seconds, json.loads(summary.read_text(encoding="utf-8"))["results"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="keep the run folders in this folder (default: a temporary one, removed)")
    parser.add_argument("extra", nargs="*", help="more `consent-audit run` arguments (after --)")
    args = parser.parse_args()
    times: dict[int, list[float]] = {1: [], args.workers: []}
    results: dict[int, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as scratch:
        tmp = args.keep or scratch
        for rep in range(args.reps):
            order = (1, args.workers) if rep % 2 == 0 else (args.workers, 1)
            for workers in order:
                seconds, results[workers] = audit(Path(tmp), f"w{workers}-r{rep}", workers, args.extra)
                times[workers].append(seconds)
                print(f"  rep {rep + 1}: {workers} worker(s) {seconds:6.1f} s", flush=True)
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    same = results[1] == results[args.workers]
    load = os.getloadavg()
    print(f"reference audit ({len(results[1])} audits), {os.cpu_count()} cores, load average "
          f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}")
    print(f"1 worker: {one:.1f} s   {args.workers} workers: {many:.1f} s   ratio {args.workers}/1: {many / one:.2f}")
    print(f"same figures and findings: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

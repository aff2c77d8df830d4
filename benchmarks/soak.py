"""Soak: the reference audit N times in a row (default 10), then what differed between runs and what was
left running. Prints figures; never asserts. Target: 0 flaky figures, 0 leftover processes.

    PYTHONPATH=. python benchmarks/soak.py [--runs N] [--flow deletion] [--target refapp-fair]

A figure is flaky when its value is not the same in every run: each audit's outcome, findings and metrics
(times, which always vary, are left out), the exit status, and whether the bundle verifies. A leftover is a
process still alive after a run ended that the run started: Appium, chromedriver or Chromium whose
ancestry or working folder leads back to the run (checked by PID, never by name alone)."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "consent_audit.cli"]
VARYING = ("seconds", "_at", "time", "duration", "elapsed")


def figures(summary: dict[str, Any]) -> dict[str, Any]:
    """The figures of a summary that must not vary between runs of the same reference audit."""
    out: dict[str, Any] = {"outcome": summary.get("outcome")}
    for result in summary.get("results", []):
        key = f"{result.get('target')}/{result.get('flow')}"
        out[f"{key} outcome"] = result.get("outcome")
        out[f"{key} findings"] = sorted(f.get("pattern") for f in result.get("findings", []))
        for name, value in (result.get("metrics") or {}).items():
            if not any(word in name for word in VARYING):
                out[f"{key} {name}"] = json.dumps(value, sort_keys=True, default=str)
    return out


def _processes() -> dict[int, tuple[int, bytes]]:
    """pid → (parent pid, command line) of every process."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            found[int(stat.parent.name)] = (ppid, (stat.parent / "cmdline").read_bytes())
        except (OSError, ValueError, IndexError):
            continue
    return found


def leftovers(before: set[int], marker: str) -> list[str]:
    """Processes born during the run that still live: Appium/chromedriver/Chromium whose environment or
    command line names this run's reports folder (`marker`), or that descend from one that does."""
    now = _processes()
    ours = set()
    for pid, (_, command) in now.items():
        if pid in before or not any(word in command for word in (b"appium", b"chromedriver", b"chrom")):
            continue
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
        except OSError:
            environ = b""
        if marker.encode() in command or marker.encode() in environ:
            ours.add(pid)
    grown = True
    while grown:
        children = {pid for pid, (ppid, _) in now.items() if ppid in ours and pid not in ours}
        grown = bool(children)
        ours |= children
    nul, space = bytes(1), b" "
    return [f"{pid} {now[pid][1].replace(nul, space)[:100].decode(errors='replace')}" for pid in sorted(ours)]


def one_run(index: int, reports: Path, flow: str, target: str) -> dict[str, Any]:
    run_id = f"soak-{index:02d}"
    before = set(_processes())
    began = time.monotonic()
    proc = subprocess.run(CLI + ["run", "--target", target, "--flow", flow, "--quiet", "--reports-dir", str(reports),
                                 "--run-id", run_id], cwd=ROOT, capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "CONSENT_AUDIT_SOAK": str(reports)})
    seconds = time.monotonic() - began
    run_dir = reports / run_id
    try:
        summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        summary = {}
    zipped = run_dir / f"evidence-{run_id}.zip"
    verified = subprocess.run(CLI + ["verify", str(zipped)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}).returncode == 0 if zipped.exists() else False
    found = {**figures(summary), "exit": proc.returncode, "bundle verifies": verified}
    return {"figures": found, "seconds": seconds, "leftovers": leftovers(before, str(reports)),
            "stderr": proc.stderr.strip().splitlines()[-1:] if proc.returncode not in (0, 1) else []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--flow", default="deletion")
    parser.add_argument("--target", default="refapp-fair")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="consent-audit-soak-") as tmp:
        runs = [one_run(i, Path(tmp) / "reports", args.flow, args.target) for i in range(args.runs)]
    names = sorted({name for r in runs for name in r["figures"]})
    flaky = {name: [r["figures"].get(name) for r in runs] for name in names
             if len({json.dumps(r["figures"].get(name), sort_keys=True) for r in runs}) > 1}
    left = [line for r in runs for line in r["leftovers"]]
    print(f"soak: {args.runs} runs of {args.target} / {args.flow}, "
          f"{min(r['seconds'] for r in runs):.0f}–{max(r['seconds'] for r in runs):.0f} s each")
    print(f"figures compared: {len(names)}")
    print(f"flaky figures: {len(flaky)}")
    for name, values in flaky.items():
        print(f"  {name}: {values}")
    print(f"leftover processes: {len(left)}")
    for line in left:
        print(f"  {line}")
    for i, r in enumerate(runs):
        if r["stderr"]:
            print(f"  run {i}: {r['stderr'][0]}")


if __name__ == "__main__":
    main()

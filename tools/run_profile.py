"""Where a run folder's bytes and a run's wall time go: the figures docs/nightly.md and docs/farm.md quote.

    .venv/bin/python tools/run_profile.py reports/<run-id> [--json]

Size: every file under the run folder, each inode counted once (a hard link costs nothing; `du` does the
same), by kind: the run's own screenshots, page sources, HAR files and traces (tests/), Allure's raw results
(allure-results/, by file kind), report.html, the evidence bag's own files (those that are no link to a run
file: summary page, PDF, manifests, masked copies), the zip, the Appium logs. Bytes are allocated blocks
(`st_blocks` × 512), as `du` counts them; MB = 10^6 bytes.

Time: from Allure's results (each test's start and stop, its worker in the `thread` label) and summary.json
(`started`): seconds before the first audit (session start-up), each worker's span and busy time, the
median and longest audit, and the seconds from the last audit's end to summary.json's `finished` (the report;
the bundle and the zip come after it and are not timed here). Results of a run with --html-report off or a
run folder without allure-results give no times.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any


def kind_of(rel: Path) -> str:
    """The kind a file of the run folder counts under (its path relative to the run folder)."""
    top, name = rel.parts[0], rel.name
    if top == "tests":
        return "tests " + (rel.suffix.lstrip(".") or "other")
    if top == "allure-results":
        return "allure-results " + ("attachment " if "-attachment" in name else "") + (rel.suffix.lstrip(".") or "other")
    if top.startswith("evidence-") and top.endswith(".zip"):
        return "zip"
    if top.startswith("evidence-"):
        return "bag " + ("/".join(rel.parts[2:]) if len(rel.parts) > 2 and rel.parts[1] == "data"
                         and len(rel.parts) == 3 else "other")
    if name.startswith("appium"):
        return "appium logs"
    return name


def sizes(run_dir: Path) -> dict[str, dict[str, int]]:
    """{kind: {"bytes": allocated bytes of the inodes first met under that kind, "files": names, "linked":
    names that were links to an inode met before}}; the run's tests/ are walked first, the evidence bag and zip last."""
    seen: set[tuple[int, int]] = set()
    out: dict[str, dict[str, int]] = {}
    tops = sorted(run_dir.iterdir(), key=lambda p: (p.name != "tests", p.name.startswith("evidence-"), p.name))
    for top in tops:
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file() and not p.is_symlink())
        for path in paths:
            stat = path.lstat()
            row = out.setdefault(kind_of(path.relative_to(run_dir)), {"bytes": 0, "files": 0, "linked": 0})
            row["files"] += 1
            if (stat.st_dev, stat.st_ino) in seen:
                row["linked"] += 1
                continue
            seen.add((stat.st_dev, stat.st_ino))
            row["bytes"] += stat.st_blocks * 512
    return out


def times(run_dir: Path) -> dict[str, Any]:
    """Seconds: start-up before the first audit, per worker span/busy, audits' median/longest, last audit to
    the summary's `finished`; {} without Allure results."""
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (run_dir / "allure-results").glob("*-result.json")]
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    if not results or "started" not in summary:
        return {}
    started = datetime.fromisoformat(summary["started"]).timestamp() * 1000
    finished = datetime.fromisoformat(summary["finished"]).timestamp() * 1000
    first, last = min(r["start"] for r in results), max(r["stop"] for r in results)
    workers: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        thread = next((label["value"] for label in r.get("labels", []) if label["name"] == "thread"), "?")
        workers.setdefault(thread, []).append(r)
    durations = sorted((r["stop"] - r["start"]) / 1000 for r in results)
    return {"audits": len(results), "before_first_audit_s": round((first - started) / 1000, 1),
            "audits_span_s": round((last - first) / 1000, 1), "audit_median_s": round(statistics.median(durations), 1),
            "audit_longest_s": round(durations[-1], 1), "audit_sum_s": round(sum(durations), 1),
            "workers": {w: {"audits": len(rs), "busy_s": round(sum((r["stop"] - r["start"]) / 1000 for r in rs), 1),
                            "last_end_s": round((max(r["stop"] for r in rs) - first) / 1000, 1)}
                        for w, rs in sorted(workers.items())},
            "last_audit_to_summary_s": round((finished - last) / 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.run_dir / "summary.json").is_file():
        print(f"run_profile: {args.run_dir} is no run folder (no summary.json)", file=sys.stderr)
        return 2
    table, timing = sizes(args.run_dir), times(args.run_dir)
    if args.json:
        print(json.dumps({"sizes": table, "times": timing}, indent=1))
        return 0
    total = sum(row["bytes"] for row in table.values())
    for kind, row in sorted(table.items(), key=lambda item: -item[1]["bytes"]):
        print(f"{row['bytes'] / 1e6:8.1f} MB  {row['files']:5d} files ({row['linked']:4d} links)  {kind}")
    print(f"{total / 1e6:8.1f} MB  run folder")
    screenshots = Counter(k for k in table if k == "tests png")
    if screenshots:
        row = table["tests png"]
        print(f"screenshots: {row['files']}, of which {row['files'] - row['linked']} distinct files")
    for key, value in timing.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The explorer on every reference-app variant (and the two unseen test apps): actions spent against the
optimal path, and wall time, per goal. Prints a table; never asserts (tests/test_explorer_e2e.py does).

    .venv/bin/python benchmarks/bench_explorer.py [name …]      # default: all of them

Optimal = the ground truth's paths: deletion = accept consent + sign up + delete; consent = accept + reject;
deny-permissions = accept + reject + one use of each permission the app asks for only on use.
Search s = the exploration; measure s = the flow re-walking what was found (launches, screenshots included).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consent_audit.appium_server import AppiumServer  # noqa: E402
from refapp.server import RefAppServer  # noqa: E402

DATA = ROOT / "tests" / "data" / "explore"
VARIANTS = ["fair", "forced-permissions", "obstructed-deletion", "consent-asymmetric", "forced-biometric",
            "fake-deletion", "deletion-by-email"]
UNSEEN = ["parcelly", "chengzi"]
GOAL = {"deletion": "delete-account", "permissions": "deny-permissions", "consent": "consent"}


def app_server():
    spec = spec_from_file_location("explore_appserver", DATA / "appserver.py")
    module = module_from_spec(spec)   # type: ignore[arg-type]
    spec.loader.exec_module(module)   # type: ignore[union-attr]
    return module.AppServer().start()


def setup(name: str, ref: str, apps: str) -> tuple[str, dict, str, list[str]]:
    if name in VARIANTS:
        truth = json.loads((ROOT / "refapp" / "truth" / f"{name}.json").read_text(encoding="utf-8"))
        target = yaml.safe_load((ROOT / "refapp" / "targets" / f"refapp-{name}.yaml").read_text(encoding="utf-8"))
        variant = json.loads((ROOT / "refapp" / "variants" / f"{name}.json").read_text(encoding="utf-8"))
        return f"{ref}/app/{name}/", truth, str(target["account"]["username"]), variant["permissions"].get("at_launch", [])
    truth = json.loads((DATA / name / "truth.json").read_text(encoding="utf-8"))
    return f"{apps}/{name}/", truth, truth["credentials"]["username"], truth["permissions"].get("at_launch", [])


def optimal(truth: dict, flow: str, at_launch: list[str]) -> int:
    accept, reject = len(truth["consent"]["accept_path"]), len(truth["consent"]["reject_path"])
    if flow == "deletion":
        return accept + len(truth["signup"]["path"]) + len(truth["deletion"]["path"])
    if flow == "permissions":
        return accept + reject + len([p for p in truth["permissions"]["requested"] if p not in at_launch])
    return accept + reject


def flow_seconds(run_dir: Path) -> dict[str, float]:
    """Seconds each flow's test body took (Allure result start/stop)."""
    out = {}
    for path in (run_dir / "allure-results").glob("*-result.json"):
        result = json.loads(path.read_text(encoding="utf-8"))
        flow = next((lab["value"] for lab in result.get("labels", []) if lab["name"] == "flow"), None)
        if flow:
            out[flow] = (result["stop"] - result["start"]) / 1000
    return out


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-explorer-") as tmp:
        reports = Path(tmp)
        appium = AppiumServer(reports / "appium.log").start()
        ref = RefAppServer(host="127.0.0.1", port=0)
        ref.start()
        apps = app_server()
        rows, ratios = [], []
        try:
            for name in names:
                url, truth, username, at_launch = setup(name, ref.url, apps.url)
                began = time.monotonic()
                proc = subprocess.run(
                    [sys.executable, "-m", "consent_audit.cli", "explore", "--url", url, "--goal", "all",
                     "--username", username, "--id-number", "11010519491231002X", "--appium-url", appium.url,
                     "--reports-dir", str(reports), "--run-id", name, "--quiet"],
                    cwd=ROOT, capture_output=True, text=True, timeout=900,
                    env={**os.environ, "CONSENT_AUDIT_PASSWORD": "Bench-Test-Pass-3"})
                wall = time.monotonic() - began
                summary_path = reports / name / "summary.json"
                if not summary_path.exists():
                    print(f"{name}: no summary (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
                    continue
                measured = flow_seconds(reports / name)
                for result in json.loads(summary_path.read_text(encoding="utf-8"))["results"]:
                    flow = result["flow"]
                    spent = result["metrics"].get("actions_spent", 0)
                    best = optimal(truth, flow, at_launch)
                    search = result["metrics"].get("explorer", {}).get("seconds", 0.0)
                    ratios.append(spent / best)
                    rows.append((name, GOAL[flow], result["status"], spent, best, spent / best, search,
                                 measured.get(flow, 0.0)))
                rows.append((name, "(whole run)", "", "", "", None, None, wall))
        finally:
            apps.stop()
            ref.stop()
            appium.stop()
    print(f"explorer benchmark, {datetime.now().isoformat(timespec='seconds')}, one Chromium session per goal\n")
    print(f"{'app':20} {'goal':17} {'status':9} {'spent':>5} {'optimal':>7} {'ratio':>5} {'search s':>8} {'measure s':>9}")
    for name, goal, status, spent, best, ratio, search, measure in rows:
        if ratio is None:
            print(f"{name:20} {goal:17} {'':9} {'':>5} {'':>7} {'':>5} {'':>8} {measure:9.1f}  (wall, whole run)")
        else:
            print(f"{name:20} {goal:17} {status:9} {spent:5} {best:7} {ratio:5.2f} {search:8.1f} {measure:9.1f}")
    if ratios:
        print(f"\naverage actions spent / optimal: {sum(ratios) / len(ratios):.2f} over {len(ratios)} goals")


if __name__ == "__main__":
    main(sys.argv[1:] or VARIANTS + UNSEEN)

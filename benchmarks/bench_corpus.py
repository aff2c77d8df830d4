"""The explorer on the corpus (tests/corpus): for each app, `consent-audit explore --goal all` and its summary
compared with the app's truth.json. Prints a table; never asserts; expected to show many misses today.

    python benchmarks/bench_corpus.py [app …]               # default: every corpus app
    python benchmarks/bench_corpus.py --cli PATH kettle     # another consent-audit executable
    python benchmarks/bench_corpus.py --keep DIR …          # keep the run folders in DIR
    python benchmarks/bench_corpus.py --reuse DIR …         # score the summaries already in DIR/<app>/ (no run)

Per app and flow:
- figures: every truth figure the summary has a metric for, exact / compared (a figure the summary lacks is
  counted apart as unmeasured, never as exact). Deletion: steps, taps, text_inputs, toggles, scrolls,
  data_demanded, waiting_period_days, deletion_in_app, login_after_deletion, signup_steps,
  delete_to_signup_ratio, shaming_text; permissions: each outcome, prompts_per_launch permission and consent,
  bundled_demand; consent: accept_steps, reject_steps, preticked, shaming_text (lists compared as sorted).
- verdict: right when the set of finding patterns equals the truth's and the outcome agrees with it (found when
  patterns are expected, clean when none are); for an app with no account ("account": false) the deletion
  verdict is right when the outcome is not_found with no finding.
- actions: metrics.actions_spent / optimal, optimal from the truth's paths as benchmarks/bench_explorer.py
  counts them (deletion = accept + sign-up + delete; consent = accept + reject; permissions = accept + reject +
  one use of each permission asked only on use). Dismissing splash adverts and launch prompts is not in it.
  Totals add up the goals reached (outcome clean or found) only; each row shows its own figure.

Password: CONSENT_AUDIT_PASSWORD (default corpus-pass-1); username: the truth's credentials.username.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
FLOWS = ("deletion", "permissions", "consent")
FIGURES = {
    "deletion": ("steps", "taps", "text_inputs", "toggles", "scrolls", "data_demanded", "waiting_period_days",
                 "deletion_in_app", "login_after_deletion", "signup_steps", "delete_to_signup_ratio", "shaming_text"),
    "consent": ("accept_steps", "reject_steps", "preticked", "shaming_text"),
}


def load_server() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_server", CORPUS / "server.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def default_cli() -> str:
    here = Path(sys.executable).parent / "consent-audit"
    for candidate in (here, REPO / ".venv" / "bin" / "consent-audit"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("consent-audit") or "consent-audit"


def same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 0.005
    return a == b


def figures(flow: str, truth: dict[str, Any], metrics: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(exact, compared, unmeasured, misses) for one flow."""
    pairs: list[tuple[str, Any, Any, bool]] = []
    if flow == "permissions":
        t = truth["permissions"]
        for key, want in t["outcomes"].items():
            have = metrics.get("outcomes", {})
            pairs.append((f"outcome[{key}]", want, have.get(key), key in have))
        prompts = metrics.get("prompts_per_launch", {})
        for key in ("permission", "consent"):
            pairs.append((f"prompts.{key}", t["prompts_per_launch"][key], prompts.get(key), key in prompts))
        pairs.append(("bundled_demand", t["bundled_demand"], metrics.get("bundled_demand"), "bundled_demand" in metrics))
    else:
        if flow == "deletion" and truth.get("account") is False:
            return 0, 0, 0, []
        for key in FIGURES[flow]:
            pairs.append((key, truth[flow][key], metrics.get(key), key in metrics))
    exact = compared = unmeasured = 0
    misses = []
    for key, want, have, present in pairs:
        if not present:
            unmeasured += 1
            continue
        compared += 1
        if same(want, have):
            exact += 1
        else:
            misses.append(f"{key}: {have!r} (truth {want!r})")
    return exact, compared, unmeasured, misses


def verdict(flow: str, truth: dict[str, Any], result: dict[str, Any] | None) -> tuple[bool, str]:
    want = sorted(truth["findings_by_flow"][flow])
    if result is None:
        return False, "no result"
    outcome = result.get("outcome") or result.get("status")
    got = sorted({f["pattern"] for f in result.get("findings", [])})
    if flow == "deletion" and truth.get("account") is False:
        return outcome == "not_found" and not got, f"{outcome} {got} (truth: no account, not_found)"
    expected_outcome = "found" if want else "clean"
    return got == want and outcome == expected_outcome, f"{outcome} {got} (truth {want})"


def optimal(flow: str, truth: dict[str, Any]) -> int | None:
    accept, reject = len(truth["consent"]["accept_path"]), len(truth["consent"]["reject_path"])
    if flow == "deletion":
        return None if truth.get("account") is False else accept + len(truth["signup"]["path"]) + len(truth["deletion"]["path"])
    if flow == "permissions":
        p = truth["permissions"]
        return accept + reject + len([x for x in p["requested"] if x not in p["at_launch"]])
    return accept + reject


def explore(cli: str, url: str, app: str, truth: dict[str, Any], reports: Path, no_bundle: bool) -> tuple[dict[str, Any] | None, float, int]:
    username = truth["credentials"].get("username") or f"tester@{app}.test"
    cmd = [cli, "explore", "--url", url, "--goal", "all", "--quiet", "--reports-dir", str(reports), "--run-id", app,
           "--username", username]
    if no_bundle:
        cmd.insert(cmd.index("--quiet"), "--no-bundle")
    env = dict(os.environ)
    env.setdefault("CONSENT_AUDIT_PASSWORD", "corpus-pass-1")
    env.setdefault("PYTHONPATH", str(REPO))
    start = time.monotonic()
    proc = subprocess.run(cmd, env=env, cwd=str(reports), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.monotonic() - start
    summary = reports / app / "summary.json"
    if not summary.is_file():
        tail = "\n".join(proc.stdout.strip().splitlines()[-3:])
        print(f"  {app}: no summary.json (exit {proc.returncode}): {tail}", file=sys.stderr)
        return None, wall, proc.returncode
    return json.loads(summary.read_text(encoding="utf-8")), wall, proc.returncode


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="*")
    parser.add_argument("--cli", default=default_cli())
    parser.add_argument("--keep", type=Path, help="keep the run folders here")
    parser.add_argument("--reuse", type=Path, help="score DIR/<app>/summary.json from an earlier --keep run instead of exploring")
    parser.add_argument("--verbose", action="store_true", help="list every figure that differs")
    args = parser.parse_args(argv)
    server_module = load_server()
    apps = args.apps or server_module.app_names()
    unknown = [a for a in apps if not (CORPUS / a / "truth.json").is_file()]
    if unknown:
        parser.error(f"not corpus apps: {', '.join(unknown)}")
    if args.reuse:
        args.keep = args.reuse
    help_text = "" if args.reuse else subprocess.run([args.cli, "explore", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO))}).stdout
    no_bundle = "--no-bundle" in help_text
    if not no_bundle and not args.reuse:
        print("note: this consent-audit's explore has no --no-bundle; the evidence bundle is made for every app", file=sys.stderr)
    reports = args.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    reports.mkdir(parents=True, exist_ok=True)
    rows = []
    total = {"exact": 0, "compared": 0, "unmeasured": 0, "right": 0, "verdicts": 0, "spent": 0, "optimal": 0}
    server = server_module.CorpusServer(0).start()
    try:
        for app in apps:
            truth = json.loads((CORPUS / app / "truth.json").read_text(encoding="utf-8"))
            if args.reuse:
                path = reports / app / "summary.json"
                summary = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
                wall, code = 0.0, "reused" if summary else "no summary"
            else:
                summary, wall, code = explore(args.cli, server.app_url(app), app, truth, reports, no_bundle)
            results = {r["flow"]: r for r in (summary or {}).get("results", [])}
            app_row = {"exact": 0, "compared": 0, "unmeasured": 0, "right": 0, "verdicts": 0, "spent": 0, "optimal": 0}
            for flow in FLOWS:
                result = results.get(flow)
                metrics = (result or {}).get("metrics", {})
                exact, compared, unmeasured, misses = figures(flow, truth, metrics)
                ok, why = verdict(flow, truth, result)
                spent, best = metrics.get("actions_spent"), optimal(flow, truth)
                rows.append((app, flow, (result or {}).get("outcome", "-"), exact, compared, unmeasured, ok, spent, best, why, misses))
                app_row["exact"] += exact; app_row["compared"] += compared; app_row["unmeasured"] += unmeasured
                app_row["right"] += ok; app_row["verdicts"] += 1
                if isinstance(spent, int) and best and (result or {}).get("outcome") in ("clean", "found"):
                    app_row["spent"] += spent; app_row["optimal"] += best     # goals reached only
            for k in total:
                total[k] += app_row[k]
            rows.append((app, "(app)", f"exit {code}", app_row["exact"], app_row["compared"], app_row["unmeasured"],
                         f"{app_row['right']}/{app_row['verdicts']}", app_row["spent"], app_row["optimal"], f"{wall:.0f} s", []))
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(reports, ignore_errors=True)
    print(f"{'app':20} {'flow':12} {'outcome':10} {'figures':>9} {'unmeas':>6} {'verdict':>7} {'spent/opt':>10}  detail")
    for app, flow, outcome, exact, compared, unmeasured, ok, spent, best, why, misses in rows:
        fig = f"{exact}/{compared}"
        verdict_text = ok if isinstance(ok, str) else ("right" if ok else "WRONG")
        ratio = f"{spent}/{best}" if isinstance(spent, int) and best else "-"
        print(f"{app:20} {flow:12} {outcome:10} {fig:>9} {unmeasured:>6} {verdict_text:>7} {ratio:>10}  {why}")
        if args.verbose:
            for miss in misses:
                print(f"{'':44}- {miss}")
    ratio = f"{total['spent'] / total['optimal']:.2f}" if total["optimal"] else "-"
    print(f"\ntotal: figures exact {total['exact']}/{total['compared']} ({total['unmeasured']} unmeasured), "
          f"verdicts right {total['right']}/{total['verdicts']}, actions spent/optimal {total['spent']}/{total['optimal']} = {ratio}"
          f" over {len(apps)} apps")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The explorer on the corpus (tests/corpus): for each app, `consent-audit explore --goal all` and its summary
compared with the app's truth.json. Prints a table, and one line per goal to stderr as each ends (app, flow,
outcome, seconds; benchmarks/bench_progress.py). Exit status: 0 when every figure compared and every verdict is
right, 1 when any is wrong (the table says which; a goal explore could not run counts as wrong), 2 on a usage
error; `--no-fail` exits 0 whatever the table says.

    python benchmarks/bench_corpus.py [app …]               # default: every corpus app
    python benchmarks/bench_corpus.py --cli PATH kettle     # another consent-audit executable
    python benchmarks/bench_corpus.py --keep DIR …          # keep each app's run folder as DIR/<app>
    python benchmarks/bench_corpus.py --reuse DIR …         # score the summaries already in DIR/<app>/ (no run)
    python benchmarks/bench_corpus.py --no-fail …           # exit 0 even with figures or verdicts wrong
    python benchmarks/bench_corpus.py --goal permissions …  # explore and score these flows only (repeatable;
                                                            # explore's names too: deny-permissions …)
    python benchmarks/bench_corpus.py --app-dir /tmp/copies/kettle-nobar   # an app folder from elsewhere (a
                                                            # one-change copy with its truth.json), repeatable
    python benchmarks/bench_corpus.py --policy …            # explore the unscored privacy-policy goal too

Per app and flow: figures exact / compared (and unmeasured), verdict right or wrong, actions spent / optimal — as
tests/corpus/score.py defines them (the same scoring `make corpus` asserts); the consent dialog's structural probe
is charged to the consent goal whichever goal ran it (score.spent). Totals add up the goals reached
(outcome clean or found) only; each row shows its own figure. A row not right is followed by its reason (the
flow's message, else the explorer's detail; cut at REASON_CHARS unless --verbose); the app row's exit is
explore's for the scored goals — with --policy, explore runs every goal and the app row also names the unscored
privacy-policy goal when it ended neither clean nor found (it sets explore's exit too); the last line lists the
goals over 2x. Dismissing splash adverts and launch prompts is not in the optimum.

Password: CONSENT_AUDIT_PASSWORD (default corpus-pass-1); username: the truth's credentials.username, given as a new
account (`--new-account`: none exists before a run) where the explore run has that option.
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_progress import GoalProgress, failed, watched  # noqa: E402  (benchmarks/ is no package)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
SCORE = REPO / "tests" / "corpus" / "score.py"


def _load_score() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


_score = _load_score()
FLOWS, GOALS, load_server, default_cli = _score.FLOWS, _score.GOALS, _score.load_server, _score.default_cli
figures, verdict, optimal, explore = _score.figures, _score.verdict, _score.optimal, _score.explore
spent_by_flow = _score.spent
REASON_CHARS = 200      # a reason is cut to this many characters in the table (never with --verbose)
OVER_LIMIT = 2.0        # issue #13: actions spent / optimal at most 2 for any goal


def reason(result: dict[str, Any] | None, whole: bool = False) -> str:
    """Why a goal ended as it did, in one line of at most REASON_CHARS (`whole`: never cut): the flow's own message
    (a broken or not-found flow says what it could not see or do), else the explorer's detail; '' when neither."""
    if not result:
        return ""
    text = result.get("message") or ((result.get("metrics") or {}).get("explorer") or {}).get("detail") or ""
    text = " ".join(str(text).split())
    return text if whole or len(text) <= REASON_CHARS else text[:REASON_CHARS - 1] + "…"


def unscored(results: dict[str, dict[str, Any]], flows: tuple[str, ...]) -> str:
    """The goals explore ran that the bench does not score (the privacy-policy goal) and that ended neither clean
    nor found — they set explore's exit code too: 'policy broken, …', or ''."""
    return ", ".join(f"{flow} {r.get('outcome')}" for flow, r in results.items()
                     if flow not in flows and r.get("outcome") not in ("clean", "found"))


def goal_names() -> str:
    """The names --goal takes: each scored flow (summary.json's name) or its goal in `consent-audit explore`."""
    return ", ".join(f"{flow} (or {GOALS[flow]})" if GOALS[flow] != flow else flow for flow in FLOWS)


def flow_named(name: str) -> str:
    """The scored flow `name` means: a flow (FLOWS) or its explore goal (`GOALS`: delete-account …). Raises
    ValueError, one line naming every accepted name, for any other (privacy-policy is not scored)."""
    if name in FLOWS:
        return name
    flow = next((f for f, goal in GOALS.items() if goal == name), None)
    if flow is None:
        raise ValueError(f"unknown goal '{name}'; scored goals: {goal_names()}")
    return flow


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="*")
    parser.add_argument("--cli", default=default_cli())
    parser.add_argument("--keep", type=Path, help="keep the run folders here: DIR/<app> per app")
    parser.add_argument("--reuse", type=Path, help="score DIR/<app>/summary.json from an earlier --keep run instead of exploring")
    parser.add_argument("--verbose", action="store_true", help="list every figure that differs")
    parser.add_argument("--goal", action="append", metavar="GOAL",
                        help=f"explore and score only this flow (repeatable; default: all): {goal_names()}")
    parser.add_argument("--app", action="append", default=[], help="a corpus app (repeatable; same as a positional app)")
    parser.add_argument("--app-dir", action="append", default=[], type=Path, metavar="DIR",
                        help="an app folder from outside tests/corpus with its truth.json (a one-change copy), "
                             "served at /<its folder name>/ and scored as a corpus app (repeatable)")
    parser.add_argument("--policy", action="store_true",
                        help="explore the unscored privacy-policy goal too (as `explore --goal all` does)")
    parser.add_argument("--no-fail", action="store_true",
                        help="exit 0 even when a figure or a verdict is wrong (default: exit 1 then)")
    args = parser.parse_args(argv)
    try:
        asked = [flow_named(g) for g in args.goal or FLOWS]
    except ValueError as exc:
        print(f"bench_corpus: {exc}", file=sys.stderr)
        return 2
    server_module = load_server()
    try:
        added = [server_module.add_app(d) for d in args.app_dir]
    except ValueError as exc:
        print(f"bench_corpus: {exc}", file=sys.stderr)
        return 2
    apps = args.apps + args.app + added or server_module.app_names()
    flows = tuple(f for f in FLOWS if f in asked)
    unknown = [a for a in apps if not (server_module.app_dir(a) / "truth.json").is_file()]
    if unknown:
        parser.error(f"not corpus apps: {', '.join(unknown)}")
    if args.reuse:
        args.keep = args.reuse
    elif args.keep is not None:
        # an app's folder from an earlier run: its explore would refuse the folder and the old summary would be
        # scored as this run's (a helper read a 3-second "run" as new, stop 33) — said before anything starts
        kept = [a for a in apps if (args.keep / a).exists()]
        if kept:
            print(f"bench_corpus: {args.keep} already holds {', '.join(kept)} from an earlier run: give --keep a new "
                  f"folder, or score that run with --reuse {args.keep}", file=sys.stderr)
            return 2
    help_text = "" if args.reuse else subprocess.run([args.cli, "explore", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO))}).stdout
    no_bundle = "--no-bundle" in help_text
    new_account = "--new-account" in help_text      # an older explore (--cli) logs in first, as it did
    if not no_bundle and not args.reuse:
        print("note: this consent-audit's explore has no --no-bundle; the evidence bundle is made for every app", file=sys.stderr)
    reports = args.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    reports.mkdir(parents=True, exist_ok=True)
    rows = []
    over: list[str] = []        # goals reached whose spent/optimal exceeds OVER_LIMIT
    reached, unreached = 0, []  # goals with an optimum: reached (in the spent/optimal total), and the others
    total = {"exact": 0, "compared": 0, "unmeasured": 0, "right": 0, "verdicts": 0, "spent": 0, "optimal": 0}
    server = server_module.CorpusServer(0).start()
    try:
        for number, app in enumerate(apps, 1):
            if not args.reuse:        # the first goal's line comes minutes later: said what runs meanwhile
                print(f"{app:20} {'exploring':12} app {number}/{len(apps)}: {', '.join(flows)} (a line per goal as it "
                      "ends)", file=sys.stderr, flush=True)
            truth = json.loads((server_module.app_dir(app) / "truth.json").read_text(encoding="utf-8"))
            if args.reuse:
                path = reports / app / "summary.json"
                summary = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
                wall, code = 0.0, "reused" if summary else "no summary"
            else:
                progress = GoalProgress(app, reports / app / "allure-results")
                summary, wall, code = watched(lambda: explore(args.cli, server.app_url(app), app, truth, reports,
                                                              no_bundle, flows, args.policy,
                                                              new_account), progress)
            results = {r["flow"]: r for r in (summary or {}).get("results", [])}
            charged = spent_by_flow(results)      # the consent probe charged to the consent goal
            app_row = {"exact": 0, "compared": 0, "unmeasured": 0, "right": 0, "verdicts": 0, "spent": 0, "optimal": 0}
            for flow in flows:
                result = results.get(flow)
                metrics = (result or {}).get("metrics", {})
                exact, compared, unmeasured, misses = figures(flow, truth, metrics)
                ok, why = verdict(flow, truth, result)
                spent, best = charged.get(flow), optimal(flow, truth, metrics)
                if not ok and reason(result, args.verbose):
                    misses = [f"why: {reason(result, args.verbose)}", *misses]
                rows.append((app, flow, (result or {}).get("outcome", "-"), exact, compared, unmeasured, ok, spent, best, why, misses))
                app_row["exact"] += exact; app_row["compared"] += compared; app_row["unmeasured"] += unmeasured
                app_row["right"] += ok; app_row["verdicts"] += 1
                if isinstance(spent, int) and best and (result or {}).get("outcome") in ("clean", "found"):
                    app_row["spent"] += spent; app_row["optimal"] += best     # goals reached only
                    reached += 1
                    if spent > OVER_LIMIT * best:
                        over.append(f"{app} {flow} {spent}/{best}")
                elif best:
                    unreached.append(f"{app} {flow} ({(result or {}).get('outcome', 'not run')})")
            for k in total:
                total[k] += app_row[k]
            rows.append((app, "(app)", f"exit {code}", app_row["exact"], app_row["compared"], app_row["unmeasured"],
                         f"{app_row['right']}/{app_row['verdicts']}", app_row["spent"], app_row["optimal"], f"{wall:.0f} s" + (f"; not scored: {unscored(results, flows)}" if unscored(results, flows) else ""), []))
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
        for miss in misses if args.verbose else [m for m in misses if m.startswith("why: ")]:
            print(f"{'':44}- {miss}")
    print("(app) rows: the `consent-audit explore` exit status — 0 nothing found, 1 dark patterns found, 2 a goal not "
          "found, broken or interrupted (the goal rows say which); the figures and verdicts are scored apart")
    ratio = f"{total['spent'] / total['optimal']:.2f}" if total["optimal"] else "-"
    print(f"\ntotal: figures exact {total['exact']}/{total['compared']} ({total['unmeasured']} unmeasured), "
          f"verdicts right {total['right']}/{total['verdicts']}, actions spent/optimal {total['spent']}/{total['optimal']} = {ratio}"
          f" over the {reached} goals reached of {reached + len(unreached)} ({len(apps)} apps)")
    if unreached:
        print(f"not in the spent/optimal total (goal not reached): {', '.join(unreached)}")
    print(f"goals over {OVER_LIMIT:g}x the optimum: {len(over)}" + (f" ({', '.join(over)})" if over else ""))
    if args.keep is not None and not args.reuse:
        print(f"each app's run folder (summary.json, trail, screenshots): {args.keep}/<app>, e.g. {args.keep / apps[0]}")
    wrong = failed(rows)
    if wrong:
        print(f"wrong: {len(wrong)} goal(s) with a figure or verdict wrong ({', '.join(wrong)})"
              + (" — exit 0 (--no-fail)" if args.no_fail else " — exit 1"))
    return 1 if wrong and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

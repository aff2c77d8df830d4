"""Scoring the explorer on a corpus app: run `consent-audit explore` on it and compare its summary with the app's
truth.json, figure by figure, verdict by verdict, and actions spent against the optimum. Shared by
benchmarks/bench_corpus.py (prints a table, never asserts) and tests/test_corpus_explored.py (asserts every
figure exact and every verdict right; opt-in: `make corpus`). Load it by path (tests/corpus is not a package).

What is compared (per flow): deletion — steps, taps, text_inputs, toggles, scrolls, data_demanded,
waiting_period_days, deletion_in_app, login_after_deletion, signup_steps, delete_to_signup_ratio, shaming_text;
permissions — each outcome, prompts_per_launch (permission, consent), bundled_demand; consent — accept_steps,
reject_steps, preticked, shaming_text. Lists compare sorted; floats to 0.005. A figure the summary lacks is
unmeasured, never exact; so is a null reject_steps unless the dialog was found to offer no refusal (`measured`:
a truth's null, no refusal at all, equals only that). A verdict is right when the set of finding patterns equals the truth's and the outcome
agrees (found / clean); an app with no account ("account": false) is right on deletion when not_found with no
finding. Actions spent are each goal's own, the consent dialog's structural probe charged to the consent goal
whichever goal ran it (`spent`). Optimal actions come from the truth's paths (deletion = accept + sign-up + delete; consent = accept +
reject, a notice with no refusal adding each other control of it tried once; permissions = accept + reject + one use of each permission asked only on use + the coverage a careful
auditor needs: each distinct control the coverage search used, see `optimal`)."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
REPO = CORPUS.parents[1]
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


def measured(key: str, metrics: dict[str, Any]) -> bool:
    """Whether a figure the summary holds was measured: `reject_steps` null is a measure only where the dialog
    was found to offer no refusal at all (`refusal_offered` false: no count of steps exists, as a truth's null
    says); a null beside any other `refusal_offered` is the suite's unmeasured, never equal to the truth's null."""
    if key == "reject_steps" and metrics.get(key) is None:
        return metrics.get("refusal_offered") is False
    return True


def figures(flow: str, truth: dict[str, Any], metrics: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(exact, compared, unmeasured, misses) for one flow."""
    pairs: list[tuple[str, Any, Any, bool]] = []
    if flow == "permissions":
        t = truth["permissions"]
        for key, want in t["outcomes"].items():
            have = metrics.get("outcomes", {})
            pairs.append((f"outcome[{key}]", want, have.get(key), have.get(key) is not None))   # None: unmeasured
        prompts = metrics.get("prompts_per_launch", {})
        for key in ("permission", "consent"):
            pairs.append((f"prompts.{key}", t["prompts_per_launch"][key], prompts.get(key), key in prompts))
        pairs.append(("bundled_demand", t["bundled_demand"], metrics.get("bundled_demand"), "bundled_demand" in metrics))
    else:
        if flow == "deletion" and truth.get("account") is False:
            return 0, 0, 0, []
        for key in FIGURES[flow]:
            pairs.append((key, truth[flow][key], metrics.get(key), key in metrics and measured(key, metrics)))
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


def optimal(flow: str, truth: dict[str, Any], metrics: dict[str, Any] | None = None) -> int | None:
    """The fewest actions that reach the goal (module doc). The permissions goal is a coverage search (an app
    with no finding is clean only when every control within `search.permission_depth` of the core screen was
    used: docs/explorer.md), so its optimum adds the coverage a careful auditor needs: each distinct control the
    search used once (`metrics.explorer.coverage_controls`: a tab bar offered on every screen counts once, a "Log in"
    link and its form's "Log in" submit twice), no way back counted. The ≤ 2× limit then judges the walking: relaunches, screens entered again,
    ways back, controls used twice. Without that figure (an older explorer) the path alone is the optimum. The
    consent and permissions optima add the paths that reach a dialog shown only behind a log-in (`consent.gate`):
    both meet it once per answer, each on a fresh device (permissions: the accept on the granted launch, the
    reject on the refused one). A permissions search that covered the app behind a log-in inside it
    (`metrics.explorer.searched_signed_in`) signed in once: the truth's sign-up path is added (an account is made
    once; its controls behind are in the coverage)."""
    accept, reject = len(truth["consent"]["accept_path"]), len(truth["consent"]["reject_path"])
    if flow == "deletion":
        return None if truth.get("account") is False else accept + len(truth["signup"]["path"]) + len(truth["deletion"]["path"])
    # a dialog shown only behind a log-in is met once per answer (its answer kept per device): the paths walked to
    # reach it — the sign-up, then on a fresh device the log-in (truth "consent.gate")
    gate = sum(len(path) for path in truth["consent"].get("gate", []))
    if flow == "permissions":
        p = truth["permissions"]
        explorer = (metrics or {}).get("explorer") or {}
        coverage = explorer.get("coverage_controls") or 0
        signing_in = len((truth.get("signup") or {}).get("path", [])) if explorer.get("searched_signed_in") else 0
        return (accept + reject + len([x for x in p["requested"] if x not in p["at_launch"]]) + int(coverage) + gate
                + signing_in)
    return accept + reject + gate + (notice_controls(metrics) if not truth["consent"]["reject_path"] else 0)


def notice_controls(metrics: dict[str, Any] | None) -> int:
    """A notice offering no refusal (the truth's `reject_path` empty): «no refusal offered» rests on each of its
    other controls tried, as a careful auditor does (corpus bep: the link «Tìm hiểu thêm» beside the one «Đồng
    ý») — each distinct control whose trial did not consent (`metrics.refusal_trials`) counted once, as the
    permissions goal's coverage is; ways back not counted."""
    trials = (metrics or {}).get("refusal_trials") or []
    return len({tuple(t.get("path") or ())[:1] for t in trials if t.get("outcome") != "consented" and t.get("path")})


PROBE = "consent_probe_actions"


def spent(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Actions spent per flow (`metrics.actions_spent`; None where a flow has no figure), the structural probe of
    the consent dialog charged to the consent flow: a goal's `consent_probe_actions` (the dialog's answers tried
    from fresh launches by whichever goal ran first, then handed to the later ones) move from that goal to
    consent, so each flow's figure is its own search and the app's total is unchanged. Only flows of FLOWS with a
    figure take part; without a consent figure (its flow not run) each goal keeps its probe. `results`: flow →
    the summary's result for it."""
    metrics = {flow: (r or {}).get("metrics") or {} for flow, r in results.items()}
    figures = {flow: m.get("actions_spent") for flow, m in metrics.items()}
    if not isinstance(figures.get("consent"), int):
        return figures
    for flow, m in metrics.items():
        probe = m.get(PROBE)
        if flow != "consent" and flow in FLOWS and isinstance(figures[flow], int) and isinstance(probe, int):
            figures[flow] -= probe
            figures["consent"] += probe
    return figures


GOALS = {"deletion": "delete-account", "permissions": "deny-permissions", "consent": "consent"}
"""Each scored flow's goal for `consent-audit explore --goal`."""


def explore(cli: str, url: str, app: str, truth: dict[str, Any], reports: Path, no_bundle: bool,
            flows: tuple[str, ...] = FLOWS, policy: bool = False,
            new_account: bool = True) -> tuple[dict[str, Any] | None, float, int]:
    """Explore the app for the goals of `flows` — and, with `policy`, every goal (the unscored privacy-policy goal
    too, which sets explore's exit as well): (summary or None, seconds, exit). `new_account`: explore is told the
    account is new (`--new-account`: a corpus app's accounts live in its server's memory, none before a run —
    the truth's optimum signs up at once); False for an explore without that option (an older one, `--cli`)."""
    username = truth["credentials"].get("username") or f"tester@{app}.test"
    goals = ["--goal", "all"] if policy else [a for f in flows for a in ("--goal", GOALS[f])]
    cmd = [cli, "explore", "--url", url, *goals, "--quiet", "--reports-dir", str(reports), "--run-id", app,
           "--username", username]
    if no_bundle:
        cmd.insert(cmd.index("--quiet"), "--no-bundle")
    if new_account:
        cmd.append("--new-account")
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

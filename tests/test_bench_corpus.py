"""The corpus bench as a new user and a CI job meet it (fresh9): `--verbose` printed nothing for 7–10 minutes per
app, then the table; its exit status was 0 with verdicts WRONG in the table, so a CI job running it could not fail.
Now one line per goal goes to stderr as the goal ends (benchmarks/bench_progress.py), and the bench exits 1 when a
figure or a verdict is wrong unless `--no-fail`."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks" / "bench_corpus.py"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_progress import GoalProgress, failed, outcome_of  # noqa: E402


def _bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, cwd=str(ROOT), timeout=120)


def _fake_run(folder: Path, outcome: str) -> Path:
    """A kept run of the corpus app kanal (truth: deletion clean) whose deletion ended `outcome`, nothing else."""
    (folder / "kanal").mkdir(parents=True)
    summary = {"results": [{"flow": "deletion", "outcome": outcome, "message": "delete-account: not found",
                            "metrics": {"actions_spent": 3}}]}
    (folder / "kanal" / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    return folder


def test_a_wrong_verdict_fails_the_bench_unless_no_fail(tmp_path: Path) -> None:
    run = _fake_run(tmp_path / "run", "not_found")
    proc = _bench("--reuse", str(run), "--goal", "deletion", "kanal")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "WRONG" in proc.stdout and "wrong: 1 goal(s) with a figure or verdict wrong (kanal deletion)" in proc.stdout
    quiet = _bench("--reuse", str(run), "--goal", "deletion", "--no-fail", "kanal")
    assert quiet.returncode == 0 and "exit 0 (--no-fail)" in quiet.stdout


def test_a_keep_folder_holding_an_apps_earlier_run_is_refused_before_anything_runs(tmp_path: Path) -> None:
    """An earlier run's folder under --keep: the explore refused it and the old summary was scored as new (stop 33)."""
    run = _fake_run(tmp_path / "run", "not_found")
    proc = _bench("--keep", str(run), "--goal", "deletion", "kanal")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stdout + proc.stderr
    assert "already holds kanal" in proc.stderr and f"--reuse {run}" in proc.stderr and not proc.stdout


def test_only_rows_with_a_wrong_verdict_or_figure_fail() -> None:
    rows = [("a", "deletion", "clean", 3, 3, 0, True), ("a", "consent", "found", 2, 3, 0, True),
            ("b", "permissions", "not_found", 0, 0, 5, False), ("a", "(app)", "exit 1", 5, 6, 0, "1/2"),
            ("c", "consent", "found", 0, 0, 7, True)]          # unmeasured figures are no wrong figure
    assert failed(rows) == ["a consent", "b permissions"]


def test_each_goal_is_told_as_it_ends_and_earlier_results_are_not(tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    results.mkdir()
    (results / "old-result.json").write_text(json.dumps({"status": "passed"}), encoding="utf-8")
    out = io.StringIO()
    progress = GoalProgress("kanal", results, out)
    assert progress.poll() == []
    (results / "a-result.json").write_text(json.dumps(
        {"status": "skipped", "labels": [{"name": "flow", "value": "deletion"}]}), encoding="utf-8")
    (results / "a-container.json").write_text("{}", encoding="utf-8")
    lines = progress.poll()
    assert len(lines) == 1 and lines[0].split()[:3] == ["kanal", "deletion", "not_found"] and lines[0].endswith(" s")
    assert out.getvalue() == lines[0] + "\n" and progress.poll() == []


def test_outcomes_read_from_allure_status() -> None:
    assert outcome_of({"status": "passed"}) == "clean"
    assert outcome_of({"status": "failed", "statusDetails": {"message": "DarkPatternFound: dark pattern found on x"}}) \
        == "found"
    assert outcome_of({"status": "broken"}) == "broken" and outcome_of({"status": "skipped"}) == "not_found"


def test_a_copy_outside_the_corpus_is_served_and_scored_by_its_folder(tmp_path: Path) -> None:
    """fresh10/fresh11: a one-change copy of an app could be run only by linking it into tests/corpus."""
    import shutil
    copy = tmp_path / "copies" / "kanal-copy"
    shutil.copytree(ROOT / "tests" / "corpus" / "kanal", copy)
    long = "the dialog " + "x " * 150 + "END"
    run = tmp_path / "run"
    (run / "kanal-copy").mkdir(parents=True)
    (run / "kanal-copy" / "summary.json").write_text(json.dumps({"results": [
        {"flow": "deletion", "outcome": "not_found", "message": long, "metrics": {}}]}), encoding="utf-8")
    proc = _bench("--reuse", str(run), "--goal", "deletion", "--app-dir", str(copy), "--verbose")
    assert proc.returncode == 1 and "kanal-copy" in proc.stdout, proc.stdout + proc.stderr
    assert "x END" in proc.stdout               # --verbose: the whole reason, never cut
    clash = _bench("--reuse", str(run), "--app-dir", str(ROOT / "tests" / "corpus" / "_kit"))
    assert clash.returncode == 2 and "bench_corpus:" in clash.stderr and "Traceback" not in clash.stderr


def test_the_bench_explores_only_the_goals_it_scores_unless_policy_is_asked(tmp_path: Path, monkeypatch) -> None:
    """fresh10/fresh11: the unscored privacy-policy goal ran on every app (2 min each) and set the app row's exit."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "tests" / "corpus" / "score.py")
    score = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(score)
    seen: list[list[str]] = []

    def run(cmd, **_):
        seen.append(cmd)
        return subprocess.CompletedProcess(cmd, 2, stdout="")
    monkeypatch.setattr(score.subprocess, "run", run)
    truth = {"credentials": {"username": "u"}}
    score.explore("consent-audit", "http://127.0.0.1:9/a/", "a", truth, tmp_path, True)
    score.explore("consent-audit", "http://127.0.0.1:9/a/", "a", truth, tmp_path, True, policy=True)
    goals = [[c[i + 1] for i, a in enumerate(c) if a == "--goal"] for c in seen]
    assert goals == [["delete-account", "deny-permissions", "consent"], ["all"]]


def test_the_cost_total_says_which_goals_it_leaves_out(tmp_path: Path) -> None:
    """The spent/optimal total adds up the goals reached only; a new user read 1.33 over the corpus as covering every
    goal. The total says how many goals it covers and names the ones left out (stop 36)."""
    run = _fake_run(tmp_path / "run", "not_found")
    proc = _bench("--reuse", str(run), "--goal", "deletion", "--no-fail", "kanal")
    assert "over the 0 goals reached of 1 (1 apps)" in proc.stdout, proc.stdout
    assert "not in the spent/optimal total (goal not reached): kanal deletion (not_found)" in proc.stdout

"""`consent-audit explore` on bad input: one clear line on stderr, exit status 2, no traceback, no run folder."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from consent_audit.verdict import verdict

ROOT = Path(__file__).resolve().parent.parent


def explore(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CONSENT_AUDIT_")}
    return subprocess.run([sys.executable, "-m", "consent_audit.cli", "explore", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env={**clean, **(env or {})})


@pytest.mark.parametrize("args, words", [
    ([], "give exactly one of --url"),
    (["--url", "file:///etc/passwd"], "--url must be an http(s) address"),
    (["--url", "http://127.0.0.1:9/", "--app-package", "com.example.app"], "exactly one of --url"),
    (["--app-package", "not a package!"], "--app-package must be an Android package"),
    (["--url", "http://127.0.0.1:9/", "--goal", "delete-account"], "needs test credentials"),
    (["--url", "http://127.0.0.1:9/", "--goal", "consent", "--budget-seconds", "0"], "--budget-seconds"),
    (["--url", "http://127.0.0.1:9/", "--goal", "consent", "--permission-depth", "-1"], "--permission-depth must be 0 to"),
    (["--url", "http://127.0.0.1:9/", "--goal", "consent", "--profile", "android-emulator"], "--url needs a web profile"),
    (["--url", "http://127.0.0.1:9/", "--goal", "consent", "--profile", "no-such-phone"], "unknown profile"),
    (["--url", "http://127.0.0.1:9/", "--goal", "delete"], "unknown goal 'delete'; goals: delete-account (or deletion)"),
    (["--url", "http://127.0.0.1:9/", "--goal", "deletion"], "needs test credentials"),     # deletion = delete-account
    # every goal (the default) without an account: the line says how to run the goals that need none
    (["--url", "http://127.0.0.1:9/"], "without an account: --goal deny-permissions --goal consent --goal privacy-policy"),
])
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    proc = explore(*args, "--reports-dir", str(tmp_path))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("consent-audit: ") and words in lines[0], proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_appium_server_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = explore("--url", "http://127.0.0.1:9/", "--goal", "consent", "--appium-url", f"http://127.0.0.1:{port}",
                   "--reports-dir", str(tmp_path))
    assert proc.returncode == 2 and "unreachable" in proc.stderr and "Traceback" not in proc.stderr


def test_the_password_may_come_from_the_environment_only(tmp_path: Path) -> None:
    proc = explore("--url", "http://127.0.0.1:9/", "--goal", "delete-account", "--username", "u",
                   "--profile", "no-such-phone", "--reports-dir", str(tmp_path), env={"CONSENT_AUDIT_PASSWORD": "pw-12345"})
    assert "needs test credentials" not in proc.stderr and "unknown profile" in proc.stderr


def result(flow: str, outcome: str, findings: list[str] = (), message: str = "") -> dict:
    return {"flow": flow, "outcome": outcome, "message": message, "findings": [{"pattern": p} for p in findings]}


def test_exit_status_follows_run_and_an_unreached_goal_is_incomplete() -> None:
    assert verdict({"results": [result("consent", "clean")]})[0] == 0
    assert verdict({"results": [result("consent", "found", ["asymmetric_choice"])]})[0] == 1
    assert verdict({"results": [result("deletion", "broken", message="boom")]})[0] == 2
    code, sentence = verdict({"results": [result("consent", "found", ["asymmetric_choice"]),
                                          result("deletion", "not_found", message="delete-account: not found within budget")]})
    assert code == 2 and "not found within budget" in sentence and "asymmetric_choice" in sentence
    assert verdict({"results": []})[0] == 2


def test_a_goal_not_found_shows_its_sentence_not_the_short_detail() -> None:
    """The per-goal table said 'budget: not found within budget (40 actions, 40 s)' for a goal not found, where
    summary.json holds the sentence saying what it means and what to do (explorer/not_reached.py)."""
    from consent_audit.commands.explore import goal_line

    sentence = ("privacy-policy: not found (not found within budget (40 actions, 40 s)) — a search that missed it "
                "is no proof the app lacks it: look in the app; if it does, that is policy_hard_to_reach, "
                "policy_not_shown_first_run under miit-2019-1.2, miit-2019-1.3, gdpr-12-1, "
                "ftc-2022-hidden-information (not concluded from a search) " + "and more words " * 20)
    line = goal_line({"flow": "policy", "outcome": "not_found", "message": sentence,
                      "metrics": {"actions_spent": 40, "explorer": {"result": "budget",
                                                                    "detail": "not found within budget (40 actions, 40 s)"}}})
    assert line.endswith(sentence) and "not_found" in line and " 40  " in line
    reached = goal_line({"flow": "consent", "outcome": "found", "message": None,
                         "metrics": {"actions_spent": 9, "explorer": {"result": "reached",
                                                                      "detail": "accept and reject paths found"}}})
    assert reached.endswith("reached: accept and reject paths found")
    broke = goal_line({"flow": "deletion", "outcome": "broken", "message": "could not start: no session",
                       "metrics": {}})
    assert broke.endswith("could not start: no session")


def test_a_goal_is_named_as_explore_names_it_or_as_summary_json_names_its_flow() -> None:
    """New users met three names for a goal (explore's delete-account, the bench's and summary.json's deletion,
    the summary's policy): explore takes the flow names too, in the order of its goals, each once."""
    import argparse

    from consent_audit.commands.explore import settings_of

    def goals(*names: str) -> list[str]:
        args = argparse.Namespace(goal=list(names), url="http://127.0.0.1:9/", app_package=None, username="u",
                                  password="pw-12345", sms_code=None, id_number=None, budget_actions=None,
                                  budget_seconds=None, new_account=False, permission_depth=None)
        return settings_of(args).goals

    assert goals("policy", "deletion", "permissions") == ["delete-account", "deny-permissions", "privacy-policy"]
    assert goals("consent", "deny-permissions", "permissions") == ["deny-permissions", "consent"]
    assert goals("all") == goals() == ["delete-account", "deny-permissions", "consent", "privacy-policy"]
    help_text = explore("--help").stdout
    assert "delete-account (or" in help_text and "privacy-policy (or policy)" in help_text


def test_new_account_reaches_the_form_data_from_the_command_line_and_from_pytest() -> None:
    """`explore --new-account` and the plugin's `--explore-new-account` both give the account goal
    `FormData.new_account` (no log-in form sent before signing up); without them it logs in first."""
    import argparse

    from consent_audit.commands.explore import register, settings_of
    from consent_audit.explorer.config import load_config

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    config = load_config()
    for extra, new in ((["--new-account"], True), ([], False)):
        args = parser.parse_args(["explore", "--url", "http://127.0.0.1:9/", "--username", "u", "--password", "pw-12345", *extra])
        assert settings_of(args).form_data(config).new_account is new
    help_text = explore("--help").stdout
    assert "--new-account" in help_text


def test_permission_depth_from_the_command_line_tunes_the_explorer_settings() -> None:
    """`--permission-depth N` sets the permissions goal's `search.permission_depth` for the run (the settings
    file untouched); without it the file's value stands."""
    from consent_audit.explorer.config import load_config
    from consent_audit.explorer.settings import ExploreSettings

    config = load_config()
    deeper = ExploreSettings(url="http://127.0.0.1:9/", goals=["consent"], permission_depth=6).tuned(config)
    assert deeper.search["permission_depth"] == 6 and config.search["permission_depth"] == 4
    assert deeper.search["discovery_taps"] == config.search["discovery_taps"]       # the rest kept
    assert ExploreSettings(url="http://127.0.0.1:9/", goals=["consent"]).tuned(config) is config
    assert "--permission-depth" in explore("--help").stdout


def test_the_bench_takes_explores_goal_names_and_refuses_an_unknown_one_in_one_line() -> None:
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "bench_corpus.py")
    bench = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(bench)
    assert [bench.flow_named(n) for n in ("delete-account", "deny-permissions", "consent", "deletion")] == [
        "deletion", "permissions", "consent", "deletion"]
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_corpus.py"), "--goal", "privacy-policy",
                           "kirja"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert lines[0].startswith("bench_corpus: unknown goal 'privacy-policy'; scored goals: deletion (or delete-account)")


def test_a_reached_goal_s_line_shows_its_key_figures_unmeasured_ones_said_so() -> None:
    """Before: a consent goal's closing line said «reached: accept and reject paths found» and no figure — a user
    read the pre-ticked purposes or the steps only in summary.json (fresh13, stop 33). The flow's line figures
    (assets/figures.yaml `line`) come first; one not measured reads "unmeasured", never left out."""
    from consent_audit.commands.explore import goal_line

    line = goal_line({"flow": "consent", "outcome": "found", "message": None,
                      "metrics": {"actions_spent": 3, "accept_steps": 1, "reject_steps": 2, "preticked": None,
                                  "explorer": {"result": "reached", "detail": "accept and reject paths found"}}})
    assert "steps to reject 2, steps to accept 1, pre-ticked purposes unmeasured; reached: accept and" in line
    perms = goal_line({"flow": "permissions", "outcome": "clean", "message": None,
                       "metrics": {"actions_spent": 7, "outcomes": {"camera": "degraded", "all": "degraded"},
                                   "prompts_per_launch": {"permission": [0, 1, 0]},
                                   "explorer": {"result": "reached", "detail": "asks for camera"}}})
    assert "outcome if denied: camera degraded, outcome if denied: all degraded, " \
           "permission prompts after denial 1; reached" in perms

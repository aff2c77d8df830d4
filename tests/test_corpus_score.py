"""How `make corpus` judges the permissions goal's actions (tests/corpus/score.py): its search covers every control
within `search.permission_depth` of the core screen (a clean verdict rests on it), so the optimum adds each distinct
control the search used once — the ≤ 2× limit then judges the walking (relaunches, screens entered again, ways
back, controls used twice), not the coverage."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


def _score():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_permissions_optimum_counts_the_controls_a_careful_auditor_uses_once() -> None:
    score = _score()
    truth = json.loads((CORPUS / "conto" / "truth.json").read_text(encoding="utf-8"))
    path = score.optimal("permissions", truth)
    assert path == 3                      # accept, reject, one use of the camera (asked on use)
    metrics = {"actions_spent": 14, "explorer": {"coverage_controls": 7}}
    assert score.optimal("permissions", truth, metrics) == path + 7
    assert score.optimal("consent", truth, metrics) == score.optimal("consent", truth)   # other goals: the path
    assert score.optimal("deletion", truth, metrics) == score.optimal("deletion", truth)


def test_a_refusal_measured_absent_scores_exact_against_null_one_never_measured_does_not() -> None:
    score = _score()
    truth = {"consent": {"accept_steps": 1, "reject_steps": None, "preticked": 0, "shaming_text": []}}
    absent = {"accept_steps": 1, "reject_steps": None, "preticked": 0, "shaming_text": [], "refusal_offered": False}
    assert score.figures("consent", truth, absent) == (4, 4, 0, [])
    unknown = {**absent, "refusal_offered": None}
    assert score.figures("consent", truth, unknown) == (3, 3, 1, [])
    missing = {k: v for k, v in absent.items() if k != "reject_steps"}
    assert score.figures("consent", truth, missing)[2] == 1
    counted = {"consent": {**truth["consent"], "reject_steps": 2}}
    _, _, _, misses = score.figures("consent", counted, absent)
    assert misses == ["reject_steps: None (truth 2)"]


def test_the_consent_probe_is_charged_to_the_consent_goal_and_the_app_total_is_unchanged() -> None:
    """beyonk-dark (deletion 38/12, consent 0/7): the structural probe of the consent dialog ran in the deletion
    goal, the first of the run, and was charged there. Its `consent_probe_actions` move to the consent goal."""
    score = _score()
    results = {"deletion": {"metrics": {"actions_spent": 38, "consent_probe_actions": 14}},
               "permissions": {"metrics": {"actions_spent": 19, "consent_probe_actions": 0}},
               "consent": {"metrics": {"actions_spent": 0, "consent_probe_actions": 0}},
               "privacy_policy": {"metrics": {"actions_spent": 5, "consent_probe_actions": 3}}}
    charged = score.spent(results)
    assert (charged["deletion"], charged["permissions"], charged["consent"]) == (24, 19, 14)
    assert charged["privacy_policy"] == 5                   # not a scored flow: left as it was
    assert sum(charged[f] for f in score.FLOWS) == 38 + 19 + 0
    # an older summary (no probe figure) and a run without the consent goal: each goal keeps what it spent
    older = {flow: {"metrics": {"actions_spent": r["metrics"]["actions_spent"]}} for flow, r in results.items()}
    assert score.spent(older) == {f: r["metrics"]["actions_spent"] for f, r in results.items()}
    alone = {"deletion": results["deletion"]}
    assert score.spent(alone) == {"deletion": 38}


def test_a_consent_dialog_behind_a_log_in_adds_the_ways_a_user_walks_to_meet_it_once_per_answer() -> None:
    """vstup shows its banner only once signed in (`if (prihlasen()) poCookies()`), its answer kept per device: a
    user meets it after the sign-up, and again for the other answer only after logging in on a fresh device."""
    score = _score()
    truth = json.loads((CORPUS / "vstup" / "truth.json").read_text(encoding="utf-8"))
    signup, login = truth["consent"]["gate"]
    assert signup == truth["signup"]["path"] and [s["action"] for s in login] == ["tap", "text", "text", "tap"]
    assert score.optimal("consent", truth) == 1 + 1 + 5 + 4
    ungated = {**truth, "consent": {k: v for k, v in truth["consent"].items() if k != "gate"}}
    assert score.optimal("consent", ungated) == 2


def test_the_permissions_optimum_behind_a_log_in_adds_the_same_ways_in() -> None:
    """vstup: nothing can be used logged out (`start()` shows «vitejte» unless signed in) and the permissions
    optimum's accept and reject are each made on a fresh device (granted, then refused), behind that log-in —
    the sign-up, then the log-in, as the consent goal meets its banner (before: 20/8, the ways in uncounted)."""
    score = _score()
    truth = json.loads((CORPUS / "vstup" / "truth.json").read_text(encoding="utf-8"))
    metrics = {"explorer": {"coverage_controls": 6}}
    assert score.optimal("permissions", truth, metrics) == 1 + 1 + 6 + 5 + 4
    ungated = {**truth, "consent": {k: v for k, v in truth["consent"].items() if k != "gate"}}
    assert score.optimal("permissions", ungated, metrics) == 8


def test_the_permissions_optimum_of_a_search_that_signed_in_inside_the_app_adds_one_sign_up() -> None:
    """A search that covered the app behind a log-in inside it (explorer/signed_in.py) made an account once: the
    truth's sign-up path is part of what a careful auditor spends; one that did not sign in owes none."""
    score = _score()
    truth = json.loads((CORPUS / "begimas" / "truth.json").read_text(encoding="utf-8"))
    out = {"explorer": {"coverage_controls": 9}}
    signed = {"explorer": {"coverage_controls": 14, "searched_signed_in": True}}
    assert score.optimal("permissions", truth, signed) == score.optimal("permissions", truth, out) + 5 + 5


def test_a_notice_offering_no_refusal_adds_each_of_its_other_controls_tried_once() -> None:
    """Corpus bep (bootstrap-cookie-alert: one «Đồng ý», and a link «Tìm hiểu thêm»): «no refusal offered»
    (asymmetric_choice) rests on every other control of the notice being tried, as a careful auditor does — the
    optimum was the accept alone (1) while the search's 3 were the promotion's skip at launch (in no goal's optimum),
    the link tried, the accept: 3/1. Each other control tried once (`refusal_trials` not consenting) is counted,
    as the permissions goal's coverage is; a dialog with a refusal keeps accept + reject."""
    score = _score()
    truth = json.loads((CORPUS / "bep" / "truth.json").read_text(encoding="utf-8"))
    assert score.optimal("consent", truth) == 1
    trials = [{"path": ["Tìm hiểu thêm"], "outcome": "stayed"}, {"path": ["Đồng ý"], "outcome": "consented"}]
    assert score.optimal("consent", truth, {"refusal_trials": trials}) == 2
    twice = trials + [{"path": ["Tìm hiểu thêm"], "outcome": "left"}]      # a control tried again counts once
    assert score.optimal("consent", truth, {"refusal_trials": twice}) == 2
    conto = json.loads((CORPUS / "conto" / "truth.json").read_text(encoding="utf-8"))
    assert score.optimal("consent", conto, {"refusal_trials": trials}) == score.optimal("consent", conto)

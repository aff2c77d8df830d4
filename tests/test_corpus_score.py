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

"""The explorer on every corpus app (tests/corpus), end to end through `consent-audit explore --goal all`: every
figure equal to the app's truth, none unmeasured, every verdict right, and no goal spending more than twice the
optimal number of actions (tests/corpus/score.py scores it; benchmarks/bench_corpus.py prints the same as a
table). Slow (one explore per app, minutes each): opt-in with `--corpus` (`make corpus`), skipped otherwise."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
APPS = sorted(p.name for p in CORPUS.iterdir() if (p / "truth.json").is_file())
MAX_RATIO = 2.0          # issue #13: actions spent / optimal ≤ 2 for any goal


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


score = _load("score")


@pytest.fixture(scope="module")
def corpus_server() -> Iterator[Any]:
    server = score.load_server().CorpusServer(0).start()
    try:
        yield server
    finally:
        server.stop()


def problems(truth: dict[str, Any], summary: dict[str, Any]) -> list[str]:
    """Every way the explored summary differs from the truth (empty: exact)."""
    results = {r["flow"]: r for r in summary.get("results", [])}
    found: list[str] = []
    charged = score.spent(results)       # the consent probe charged to the consent goal
    for flow in score.FLOWS:
        result = results.get(flow)
        metrics = (result or {}).get("metrics", {})
        _, _, unmeasured, misses = score.figures(flow, truth, metrics)
        found += [f"{flow}: {miss}" for miss in misses]
        if unmeasured:
            found.append(f"{flow}: {unmeasured} figure(s) unmeasured")
        right, why = score.verdict(flow, truth, result)
        if not right:
            found.append(f"{flow}: verdict {why}")
        spent, best = charged.get(flow), score.optimal(flow, truth, metrics)
        if isinstance(spent, int) and best and spent > MAX_RATIO * best:
            found.append(f"{flow}: {spent} actions spent, optimal {best}")
    return found


def test_scoring_finds_every_kind_of_difference() -> None:
    truth = json.loads((CORPUS / "kettle" / "truth.json").read_text(encoding="utf-8"))
    assert problems(truth, {"results": []})                         # nothing measured is no pass
    consent = {"accept_steps": truth["consent"]["accept_steps"] + 1, "reject_steps": truth["consent"]["reject_steps"],
               "preticked": truth["consent"]["preticked"], "shaming_text": truth["consent"]["shaming_text"],
               "actions_spent": 999}
    listed = problems(truth, {"results": [{"flow": "consent", "outcome": "found", "metrics": consent,
                                           "findings": [{"pattern": "asymmetric_choice"}]}]})
    assert any(p.startswith("consent: accept_steps") for p in listed)
    assert any(p.startswith("consent: verdict") for p in listed) and any("999 actions" in p for p in listed)


@pytest.mark.e2e
@pytest.mark.corpus
@pytest.mark.parametrize("app", APPS)
def test_explored_app_equals_its_truth(app: str, corpus_server: Any, tmp_path: Path) -> None:
    truth = json.loads((CORPUS / app / "truth.json").read_text(encoding="utf-8"))
    summary, _, code = score.explore(score.default_cli(), corpus_server.app_url(app), app, truth, tmp_path, True)
    assert summary is not None, f"no summary (exit {code})"
    assert problems(truth, summary) == []

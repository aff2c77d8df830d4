"""Parallel runs (consent_audit/parallel.py): a worker's record survives the xdist channel unchanged, the
controller merges records in collection order with every secret masked, a worker that vanished marks the run
interrupted, and a real `pytest -n 2` session (flows without Appium) leaves the same summary as `-n 0`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from consent_audit.masking import Masker
from consent_audit.model import Finding, Outcome, Result
from consent_audit.parallel import (OUTPUT, merge_record, pytest_testnodedown, result_from_data, result_to_data,
                                    sort_results, worker_record)
from consent_audit.plugin import RUN_KEY
from consent_audit.run import Run

ROOT = Path(__file__).resolve().parent.parent


def _found() -> Result:
    result = Result(target="refapp-fair", flow="consent", folder="tests/a", metrics={"accept_steps": 1, "n": [1, 2]},
                    expected_findings=["x"])
    result.conclude([Finding("x", ["GDPR-7"], ["tests/a/1.png"], {"steps": 3}, {"en": "three", "zh": "三"})])
    return result


def test_a_result_crosses_the_channel_unchanged() -> None:
    broken = Result(target="t", flow="deletion", folder="tests/b")
    broken.broken("no session")
    unfinished = Result(target="t", flow="policy", folder="tests/c")
    for result in (_found(), broken, unfinished):
        data = json.loads(json.dumps(result_to_data(result)))       # only JSON types go over execnet
        back = result_from_data(data)
        assert back == result
        assert back.outcome == result.outcome and back.to_dict() == result.to_dict()


def test_the_controller_merges_in_collection_order_and_learns_the_secrets(tmp_path: Path) -> None:
    worker = Run(tmp_path, "r1", worker="gw1", masker=Masker(["hunter22"]))
    later, first = _found(), Result(target="t", flow="deletion", folder="tests/b")
    later.metrics["typed"] = "hunter22"
    first.broken("x")
    worker.results += [later, first]
    worker.meta = {"device": {"profile": "p"}, "appium": {"url": "http://127.0.0.1:1"},
                   "targets": {"t": {"in_app": False}}}
    controller = Run(tmp_path / "c", "r1")
    controller.meta["targets"] = {"t": {"in_app": False, "from": "gw0"}}
    merge_record(controller, "gw1", worker_record(worker))
    sort_results(controller, {"tests/b": 0, "tests/a": 1})
    assert [r.folder for r in controller.results] == ["tests/b", "tests/a"]
    assert "hunter22" in controller.masker.secrets
    assert "hunter22" not in json.dumps(controller.summary())
    assert controller.meta["workers"] == {"gw1": {"appium": {"url": "http://127.0.0.1:1"}}}
    assert controller.meta["device"] == {"profile": "p"}


def test_a_worker_that_sent_nothing_leaves_the_run_interrupted(tmp_path: Path) -> None:
    run = Run(tmp_path, "r2")
    config = SimpleNamespace(stash={RUN_KEY: run})
    node = SimpleNamespace(config=config, gateway=SimpleNamespace(id="gw1"), workeroutput={})
    pytest_testnodedown(node, "worker 'gw1' crashed while running 'x'")
    assert run.interrupted and "gw1" in run.interrupted and "missing" in run.interrupted
    ok = SimpleNamespace(config=config, gateway=SimpleNamespace(id="gw0"),
                         workeroutput={OUTPUT: worker_record(Run(tmp_path, "r2", worker="gw0"))})
    pytest_testnodedown(ok, None)
    assert "gw1" in run.interrupted        # the first cause stays


FLOW = '''
import os
import pytest
from consent_audit.model import Finding

@pytest.mark.flow("consent")
def test_flow(audit, masker, target_name, run):
    run.meta["appium"] = {"url": os.environ.get("PYTEST_XDIST_WORKER", "in-process")}   # as the server fixture does
    secret = "pw-" + target_name
    masker.add(secret)
    audit.metrics["typed"] = secret
    audit.metrics["length"] = len(target_name)
    audit.result.conclude([Finding("x", ["r"], [])] if "fair" in target_name else [])
'''


def _session(tmp_path: Path, name: str, workers: list[str]) -> dict:
    (tmp_path / "test_flow_x.py").write_text(FLOW, encoding="utf-8")
    targets = ["refapp-fair", "refapp-fake-deletion", "refapp-policy-hidden", "refapp-faceswap-fair"]
    args = [sys.executable, "-m", "pytest", str(tmp_path / "test_flow_x.py"), "-p", "no:cacheprovider", "-q",
            "--rootdir", str(tmp_path), "--reports-dir", str(tmp_path / "reports"), "--run-id", name,
            "--no-bundle", "--html-report", "off", *workers, *[a for t in targets for a in ("--target", t)]]
    proc = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")},
                               "PYTHONPATH": str(ROOT)})     # not a worker itself when this suite runs under -n
    summary = tmp_path / "reports" / name / "summary.json"
    assert summary.is_file(), proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads(summary.read_text(encoding="utf-8"))


def test_two_workers_leave_the_summary_one_process_leaves(tmp_path: Path) -> None:
    pytest.importorskip("xdist")
    one = _session(tmp_path, "one", ["-p", "no:xdist"])
    two = _session(tmp_path, "two", ["-n", "2"])
    assert two["results"] == one["results"] and len(one["results"]) == 4
    assert "pw-refapp-fair" not in json.dumps(two)               # a secret a worker learned stays masked
    assert two["outcome"] == one["outcome"] == Outcome.FOUND.value
    assert two["workers"] == {w: {"appium": {"url": w}} for w in ("gw0", "gw1")}     # both ran audits
    assert one["appium"] == {"url": "in-process"} and "workers" not in one
    run_dir = tmp_path / "reports" / "two"
    assert (run_dir / "summary.json").is_file() and not list(run_dir.glob("*.tmp"))


# --- kept sessions (consent_audit/sessions.py) -------------------------------------------------------

class _Driver:
    def __init__(self, answers: bool = True) -> None:
        self.answers, self.quit_called = answers, False

    def quit(self) -> None:
        self.quit_called = True


def test_a_kept_session_is_made_fresh_or_replaced() -> None:
    from consent_audit.sessions import SessionPool, session_key
    pool, made, freshened = SessionPool(), [], []

    def start() -> _Driver:
        made.append(_Driver())
        return made[-1]

    def fresh(driver: _Driver) -> None:
        if not driver.answers:
            raise RuntimeError("session deleted")
        freshened.append(driver)

    key = session_key({"browserName": "chrome", "appium:chromedriverPort": 1})
    assert key == session_key({"browserName": "chrome", "appium:chromedriverPort": 2})   # free ports aside
    first = pool.take(key, start, fresh)
    assert pool.take(key, start, fresh) is first and freshened == [first]
    first.answers = False                                  # a session that died is replaced, never reused
    second = pool.take(key, start, fresh)
    assert second is not first and first.quit_called
    third = pool.take(session_key({"browserName": "firefox"}), start, fresh)   # another kind: a new one
    assert third is not second and second.quit_called
    pool.close()
    assert third.quit_called and (pool.started, pool.reused) == (3, 1)

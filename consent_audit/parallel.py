"""Parallel runs with pytest-xdist (`pytest -n N`, `consent-audit run --workers N`): one run, many workers.

The controller (the pytest process the user started) makes the run folder and hands its run id to every
worker (`workerinput`); each worker is its own process with its own Appium server (free port, log
`appium-gwN.log`, compressed at its end), chromedriver/systemPort/mjpeg ports (free ones, per session) and
reference app, and writes its tests' folders and Allure results into that one folder. At its end a worker sends what it recorded (results,
run metadata, the secrets it learned, an interruption) back (`workeroutput`, plain JSON types); the controller
merges it in collection order and alone writes summary.json, the Allure report and the evidence bundle.

A worker that goes down without sending its record (killed, crashed) leaves audits unaccounted for: the run is
then marked interrupted, never complete."""
from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from .model import Finding, Outcome, Result
from .run import Run, slug

RUN_ID = "consent_audit_run_id"
"""workerinput key: the controller's run id."""
OUTPUT = "consent_audit"
"""workeroutput key: a worker's record (see worker_record)."""
ORDER_KEY = pytest.StashKey[dict]()


def worker_id(config: pytest.Config) -> str | None:
    """gw0, gw1… in an xdist worker; None in the controller or a run without workers."""
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["workerid"]) if workerinput else None


def worker_run_id(config: pytest.Config) -> str | None:
    workerinput = getattr(config, "workerinput", None)
    return workerinput.get(RUN_ID) if workerinput else None


def worker_index(config: pytest.Config) -> int:
    """0 for gw0 (and for a run without workers), 1 for gw1…"""
    worker = worker_id(config)
    return int(worker.removeprefix("gw")) if worker and worker.removeprefix("gw").isdigit() else 0


# --- results over the xdist channel (JSON types only) ------------------------------------------------

def result_to_data(result: Result) -> dict[str, Any]:
    """Every field of a Result (its outcome as the enum's value): result_from_data gives it back equal."""
    data = dataclasses.asdict(result)
    data["_outcome"] = result.outcome.value if result.outcome is not None else None
    return data


def result_from_data(data: dict[str, Any]) -> Result:
    data = dict(data)
    findings = [Finding(**f) for f in data.pop("findings", [])]
    outcome = data.pop("_outcome", None)
    return Result(**data, findings=findings, _outcome=Outcome(outcome) if outcome else None)


def worker_record(run: Run) -> dict[str, Any]:
    """What a worker sends at its end: {"results": [Result data…], "meta": run.meta, "interrupted": str|None,
    "secrets": [str…]} as JSON types (execnet carries no other objects)."""
    record = {"results": [result_to_data(r) for r in run.results], "meta": run.meta,
              "interrupted": run.interrupted, "secrets": sorted(run.masker.secrets)}
    return json.loads(json.dumps(record, default=str))


_PER_WORKER = ("appium", "reference_app")
"""Metadata that differs by worker (its own server's URL): kept per worker under `workers`."""


def merge_record(run: Run, worker: str, record: dict[str, Any]) -> None:
    """Add one worker's record to the controller's run: secrets first (so nothing it saw is written
    unmasked), results, the targets' identities, per-worker servers under meta["workers"][worker]."""
    for secret in record.get("secrets", []):
        run.masker.add(secret)
    run.results.extend(result_from_data(r) for r in record.get("results", []))
    meta = record.get("meta", {})
    for key, value in meta.items():
        if key == "targets":
            targets = run.meta.setdefault("targets", {})
            for name, identity in value.items():
                known = targets.get(name)
                if known is None or (identity.get("in_app") and not known.get("in_app")):
                    targets[name] = identity
        elif key == "sessions":             # counts add up over the workers
            merged = run.meta.setdefault("sessions", {**value, "started": 0, "reused": 0})
            merged["started"] += value.get("started", 0)
            merged["reused"] += value.get("reused", 0)
        elif key not in _PER_WORKER:
            run.meta.setdefault(key, value)
    servers = {key: meta[key] for key in _PER_WORKER if key in meta}
    if servers:
        run.meta.setdefault("workers", {})[worker] = servers
        for key, value in servers.items():     # the first worker's, for readers of one server (Allure env)
            run.meta.setdefault(key, dict(value))
    if record.get("interrupted") and not run.interrupted:
        run.interrupted = f"{record['interrupted']} (worker {worker})"


def sort_results(run: Run, order: dict[str, int]) -> None:
    """Results in collection order (as a run without workers lists them), by their test folder."""
    run.results.sort(key=lambda r: order.get(r.folder, len(order)))


# --- xdist hooks (optional: they only fire when pytest-xdist runs workers) ----------------------------

def _run(config: pytest.Config) -> Run | None:
    from .plugin import RUN_KEY
    return config.stash.get(RUN_KEY, None)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    run = _run(node.config)
    if run is not None:
        node.workerinput[RUN_ID] = run.run_id


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    if ORDER_KEY not in node.config.stash:
        node.config.stash[ORDER_KEY] = {f"tests/{slug(i.split('::', 1)[-1])}": n for n, i in enumerate(ids)}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    run = _run(node.config)
    if run is None:
        return
    worker = str(node.gateway.id)
    record = getattr(node, "workeroutput", {}).get(OUTPUT)
    if record is None:
        if not run.interrupted:
            why = str(error).strip().splitlines()[0][:200] if error else "it sent no record"
            run.interrupted = f"the parallel worker {worker} stopped before its end ({why}); its audits are missing"
        return
    merge_record(run, worker, record)
    sort_results(run, node.config.stash.get(ORDER_KEY, {}))


def send_record(config: pytest.Config, run: Run) -> None:
    """In a worker, at the end of its session: its record for the controller (instead of a summary)."""
    config.workeroutput[OUTPUT] = worker_record(run)    # type: ignore[attr-defined]

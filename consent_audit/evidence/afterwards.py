"""Bundle a run folder after the fact: a run whose wrap-up was interrupted (a second Ctrl-C, SIGTERM while
bundling, a full disk) or that was killed outright (SIGKILL, a power cut) still becomes a verifying bundle.

The run is rebuilt from its summary.json; a run killed before it wrote one is rebuilt from its test folders,
every audit `interrupted` (what it captured is evidence, but no verdict was reached)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..masking import Masker
from ..model import Finding, Outcome, Result
from ..run import Run, utc_now

KILLED = "the run ended without its wrap-up (killed); bundled afterwards with `consent-audit bundle`"
_RECORD_KEYS = {"run_id", "started", "finished", "device_profile", "outcome", "results", "interrupted",
                "incomplete", "bundled_afterwards"}


def _result(data: dict[str, Any]) -> Result:
    """A Result from its summary.json entry, its outcome set again through the explicit calls."""
    result = Result(target=str(data.get("target", "?")), flow=str(data.get("flow", "?")),
                    folder=str(data.get("folder", "")), metrics=dict(data.get("metrics") or {}),
                    expected_findings=data.get("expected_findings"), explored=bool(data.get("explored")))
    reason = str(data.get("message") or "")
    outcome = data.get("outcome")
    if outcome in (Outcome.CLEAN.value, Outcome.FOUND.value):
        result.conclude([Finding(pattern=f.get("pattern", "?"), rule_refs=list(f.get("rule_refs") or []),
                                 evidence=list(f.get("evidence") or []), figures=dict(f.get("figures") or {}),
                                 messages=dict(f.get("messages") or {"en": f.get("message", "")}))
                         for f in data.get("findings") or []])
    elif outcome == Outcome.NOT_FOUND.value:
        result.not_found(reason)
    elif outcome == Outcome.INTERRUPTED.value:
        result.interrupted(reason)
    else:
        result.broken(reason or "no reason recorded")
    return result


def _from_folders(folder: Path) -> list[Result]:
    """Results for a run killed before its summary: one interrupted audit per test folder."""
    results = []
    for test in sorted(p for p in (folder / "tests").iterdir() if p.is_dir()):
        match = re.match(r"^test_([A-Za-z0-9_]+?)-(.+)$", test.name)
        flow, target = (match.group(1), match.group(2)) if match else (test.name, "?")
        result = Result(target=target, flow=flow, folder=str(test.relative_to(folder)))
        result.interrupted(f"interrupted: {KILLED}")
        results.append(result)
    return results


def reopen(folder: Path) -> Run:
    """The Run of an existing run folder, as its summary.json (or, without one, its test folders) left it.

    Raises UsageError when the folder is no run folder."""
    if not folder.is_dir() or not ((folder / "summary.json").is_file() or (folder / "tests").is_dir()):
        raise UsageError(f"{folder} is not a run folder (no summary.json and no tests/ in it)")
    run = Run.__new__(Run)
    run.root, run.dir, run.run_id = folder.parent, folder, folder.name
    run.masker, run.meta = Masker(), {}
    try:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        summary = None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{folder / 'summary.json'} cannot be read: {exc}") from None
    if isinstance(summary, dict):
        run.run_id = str(summary.get("run_id") or folder.name)
        run.started, run.finished = str(summary.get("started", "")), summary.get("finished")
        run.device_profile = str(summary.get("device_profile", ""))
        run.meta = {k: v for k, v in summary.items() if k not in _RECORD_KEYS}
        run.results = [_result(r) for r in summary.get("results") or [] if isinstance(r, dict)]
        run.interrupted = summary.get("interrupted")
    else:
        run.started, run.finished, run.device_profile = "", utc_now(), ""
        run.results, run.interrupted = _from_folders(folder), KILLED
    _register_secrets(run)
    return run


def _register_secrets(run: Run) -> None:
    """The secrets of the run's targets, so the bundle masks them as the run would have (the run's own
    outputs were masked when written)."""
    from ..targets import load_target

    for name in {r.target for r in run.results}:
        try:
            values = load_target(name).secrets()
        except Exception:     # a target file gone since the run: its outputs were masked when written
            continue
        for value in values:
            run.masker.add(value)


def summary_after(run: Run) -> dict[str, Any]:
    """summary.json for the bundle: the run record, noting that the bundle was made afterwards (the parts
    the interrupted wrap-up could not finish are no longer missing)."""
    summary = run.summary()
    summary["bundled_afterwards"] = utc_now()
    return summary

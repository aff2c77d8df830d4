"""Retention of run folders under a reports folder: keep the newest N finished runs, remove the rest.

A finished run is a folder holding a readable summary.json. Folders without one (a run in progress, or one
that was killed: `consent-audit bundle` can still rescue it), symbolic links (`latest`), hidden entries
(the Allure history) and plain files are never removed, nor is the run `latest` points to or any folder
named in `protect` (a baseline still to be read)."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError


@dataclass(frozen=True)
class RunFolder:
    """A finished run: its folder, id, UTC start (ISO text, may be empty) and summary."""

    path: Path
    run_id: str
    started: str
    summary: dict[str, Any]


@dataclass
class Pruned:
    """What prune did (or, with dry_run, would do): folders removed, kept, and left alone as unfinished."""

    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    unfinished: list[Path] = field(default_factory=list)
    freed_bytes: int = 0


def _summary(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("results"), list) else None


def finished_runs(reports: Path) -> tuple[list[RunFolder], list[Path]]:
    """(finished runs oldest first by start time then name, unfinished run folders) under `reports`.

    Raises UsageError when `reports` is no folder."""
    if not reports.is_dir():
        raise UsageError(f"--reports-dir {reports} is not a folder")
    runs, unfinished = [], []
    for entry in sorted(reports.iterdir()):
        if entry.is_symlink() or not entry.is_dir() or entry.name.startswith("."):
            continue
        summary = _summary(entry)
        if summary is not None:
            runs.append(RunFolder(entry, str(summary.get("run_id") or entry.name), str(summary.get("started") or ""),
                                  summary))
        elif (entry / "tests").is_dir() or (entry / "allure-results").is_dir():
            unfinished.append(entry)
    runs.sort(key=lambda r: (r.started, r.path.name))
    return runs, unfinished


def size_of(path: Path) -> int:
    """Bytes a folder takes on disk, each hard-linked file counted once."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for item in [path, *path.rglob("*")]:
        try:
            info = item.lstat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += info.st_blocks * 512 if hasattr(info, "st_blocks") else info.st_size
    return total


def prune(reports: Path, keep: int, protect: tuple[Path, ...] = (), dry_run: bool = False) -> Pruned:
    """Remove all but the `keep` newest finished runs under `reports` (see the module's rules).

    Raises UsageError for keep < 1 or a reports folder that is no folder."""
    if keep < 1:
        raise UsageError(f"--keep must be at least 1, not {keep}")
    runs, unfinished = finished_runs(reports)
    latest = reports / "latest"
    guarded = {p.resolve() for p in protect}
    if latest.is_symlink():
        guarded.add(latest.resolve())
    out = Pruned(unfinished=unfinished)
    cut = len(runs) - keep
    for n, run in enumerate(runs):
        if n >= cut or run.path.resolve() in guarded:
            out.kept.append(run.path)
            continue
        out.freed_bytes += size_of(run.path)
        if not dry_run:
            shutil.rmtree(run.path)
        out.removed.append(run.path)
    return out

"""The Allure history carried from run to run: Allure Report 3 keeps it as one JSON line per report in a
history file (`allure awesome --history-path`), from which its report draws the history and trend of every
test. The file lives next to the run folders, reports/.allure/history.jsonl (hidden: never a run folder,
never pruned as one, never in a bundle); `prune --keep N` trims it to the last N reports."""
from __future__ import annotations

import os
from pathlib import Path

HISTORY = Path(".allure") / "history.jsonl"


def history_file(reports: Path) -> Path:
    return reports / HISTORY


def history_args(reports: Path) -> list[str]:
    """The Allure command-line arguments that read and extend the history under `reports` (the folder is
    made; [] when it cannot be, and the report is then built without history)."""
    path = history_file(reports)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return []
    return ["--history-path", str(path.resolve())]


def trim_history(reports: Path, keep: int) -> int:
    """Keep the last `keep` entries of the history file; returns how many were dropped (0 without a file)."""
    path = history_file(reports)
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return 0
    if len(lines) <= keep:
        return 0
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("\n".join(lines[-keep:]) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return len(lines) - keep

"""One audit run: its folder under reports/, its secrets, its results; summary.json written once from the run
record (consent_audit.model.RunRecord)."""
from __future__ import annotations

import json
import os
import re
import secrets as _random
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import UsageError
from .masking import Masker
from .model import Finding, Result, RunRecord

RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
"""A run id is one folder name: letters, digits, '.', '_', '-', starting with a letter or digit (so no '/',
no '..', no hidden name), at most 100 characters."""
RESERVED_IDS = {"latest"}


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + _random.token_hex(2)


def check_run_id(run_id: str) -> str:
    """The run id unchanged if it is a safe folder name; UsageError (one line) if not."""
    if not RUN_ID.match(run_id) or run_id in RESERVED_IDS:
        raise UsageError(f"--run-id '{run_id}' is not a valid run id: use letters, digits, '.', '_' and '-' "
                         "(at most 100, starting with a letter or digit), no '/' and not 'latest'")
    return run_id


def check_run_folder(root: Path, run_id: str) -> Path:
    """The run folder root/run_id, refused (UsageError) when it already holds a run: reusing a run id would
    mix two runs' evidence in one bundle."""
    folder = root / check_run_id(run_id)
    if folder.is_symlink() or (folder.exists() and (not folder.is_dir() or any(folder.iterdir()))):
        raise UsageError(f"the run folder {folder} already exists; choose another --run-id or remove it")
    return folder


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:120] or "test"


class Run:
    """The run folder reports/<run-id>/ and what goes into it."""

    def __init__(self, root: Path, run_id: str | None = None, device_profile: str = "",
                 masker: Masker | None = None, worker: str | None = None) -> None:
        """`worker`: the pytest-xdist worker id (gw0, gw1…) of a parallel run; the controller made the folder
        and gave its run id, so a worker joins it instead of refusing an existing folder."""
        self.run_id = check_run_id(run_id or os.environ.get("CONSENT_AUDIT_RUN_ID") or new_run_id())
        self.root = root
        self.worker = worker
        self.dir = root / self.run_id if worker else check_run_folder(root, self.run_id)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the run folder {self.dir}: {exc.strerror or exc}") from None
        self.started = utc_now()
        self.finished: str | None = None
        self.device_profile = device_profile
        self.masker = masker or Masker()
        self.results: list[Result] = []
        self.meta: dict[str, Any] = {}
        self.interrupted: str | None = None

    @property
    def allure_results(self) -> Path:
        return self.dir / "allure-results"

    @property
    def appium_log(self) -> Path:
        """appium.log; appium-gw0.log… in a parallel run (each worker starts its own server); `<name>.gz` once the
        server stopped (`appium_server.compress`)."""
        return self.dir / (f"appium-{self.worker}.log" if self.worker else "appium.log")

    def test_dir(self, nodeid: str) -> Path:
        path = self.dir / "tests" / slug(nodeid.split("::", 1)[-1])
        path.mkdir(parents=True, exist_ok=True)
        return path

    def record(self) -> RunRecord:
        """The run record as it stands now (finished time set on first call)."""
        self.finished = self.finished or utc_now()
        return RunRecord(run_id=self.run_id, started=self.started, finished=self.finished,
                         device_profile=self.device_profile, meta=dict(self.meta), results=list(self.results),
                         interrupted=self.interrupted)

    def summary(self) -> dict[str, Any]:
        """summary.json's content: the run record, masked."""
        return self.masker.mask_data(self.record().to_dict())  # type: ignore[return-value]

    def write_summary(self, summary: dict[str, Any] | None = None) -> Path:
        """Write summary.json (atomically): the given summary, or the run record as it stands, masked."""
        path = self.dir / "summary.json"
        write_json(path, summary if summary is not None else self.summary())
        self.link_latest()
        return path

    def write_json(self, name: str, data: dict[str, Any]) -> Path:
        """Another JSON file of the run folder (e.g. bundle.json), masked like summary.json."""
        path = self.dir / name
        write_json(path, self.masker.mask_data(data))  # type: ignore[arg-type]
        return path

    def link_latest(self) -> None:
        latest = self.root / "latest"
        try:
            if latest.is_symlink() or latest.exists():
                latest.unlink()
            latest.symlink_to(self.run_id, target_is_directory=True)
        except OSError:
            pass


def write_json(path: Path, data: Any) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


__all__ = ["Run", "Result", "Finding", "utc_now", "new_run_id", "slug", "check_run_id", "check_run_folder"]

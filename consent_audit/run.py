"""One audit run: its folder under reports/, its secrets, its results, summary.json."""
from __future__ import annotations

import json
import os
import re
import secrets as _random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .masking import Masker


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + _random.token_hex(2)


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:120] or "test"


@dataclass
class Finding:
    pattern: str
    rule_refs: list[str]
    evidence: list[str]
    figures: dict[str, Any] = field(default_factory=dict)
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "rule_refs": self.rule_refs, "evidence": self.evidence,
                "figures": self.figures, "message": self.message}


@dataclass
class AuditRecord:
    """What one flow measured on one target: goes into summary.json."""

    target: str
    flow: str
    test_dir: Path
    run_dir: Path
    metrics: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    status: str = "broken"
    message: str = ""
    expected_findings: list[str] | None = None
    explored: bool = False

    def conclude(self, findings: list[Finding]) -> None:
        """Record the findings; any finding fails the test as 'dark pattern found'."""
        from .errors import DarkPatternFound
        self.findings = list(findings)
        if self.findings:
            parts = [f"{f.pattern} ({f.message})" if f.message else f.pattern for f in self.findings]
            raise DarkPatternFound(f"dark pattern found on {self.target}: " + "; ".join(parts), self.findings)

    def evidence_path(self, relative: str) -> str:
        """A test-folder path made relative to the run folder."""
        return str((self.test_dir / relative).relative_to(self.run_dir))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"target": self.target, "flow": self.flow, "status": self.status,
                                "metrics": self.metrics, "findings": [f.to_dict() for f in self.findings],
                                "folder": str(self.test_dir.relative_to(self.run_dir))}
        if self.message:
            data["message"] = self.message
        if self.expected_findings is not None:
            found = sorted({f.pattern for f in self.findings})
            data["expected_findings"] = self.expected_findings
            data["as_expected"] = found == self.expected_findings and self.status != "broken"
        if self.explored:
            data["explored"] = True
        return data


class Run:
    """The run folder reports/<run-id>/ and what goes into it."""

    def __init__(self, root: Path, run_id: str | None = None, device_profile: str = "",
                 masker: Masker | None = None) -> None:
        self.run_id = run_id or os.environ.get("CONSENT_AUDIT_RUN_ID") or new_run_id()
        self.root = root
        self.dir = root / self.run_id
        self.dir.mkdir(parents=True, exist_ok=True)
        self.started = utc_now()
        self.finished: str | None = None
        self.device_profile = device_profile
        self.masker = masker or Masker()
        self.results: list[AuditRecord] = []
        self.meta: dict[str, Any] = {}
        self.interrupted: str | None = None

    @property
    def allure_results(self) -> Path:
        return self.dir / "allure-results"

    @property
    def appium_log(self) -> Path:
        return self.dir / "appium.log"

    def test_dir(self, nodeid: str) -> Path:
        path = self.dir / "tests" / slug(nodeid.split("::", 1)[-1])
        path.mkdir(parents=True, exist_ok=True)
        return path

    def summary(self) -> dict[str, Any]:
        data = {"run_id": self.run_id, "started": self.started, "finished": self.finished,
                "device_profile": self.device_profile, **self.meta,
                "results": [r.to_dict() for r in self.results]}
        if self.interrupted:
            data["interrupted"] = self.interrupted
        return self.masker.mask_data(data)  # type: ignore[return-value]

    def write_summary(self) -> Path:
        self.finished = self.finished or utc_now()
        path = self.dir / "summary.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.summary(), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
        self.link_latest()
        return path

    def link_latest(self) -> None:
        latest = self.root / "latest"
        try:
            if latest.is_symlink() or latest.exists():
                latest.unlink()
            latest.symlink_to(self.run_id, target_is_directory=True)
        except OSError:
            pass

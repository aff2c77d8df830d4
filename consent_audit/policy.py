"""The policy file: limits that turn figures into findings, and the rule items each finding falls under."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError
from .paths import ASSETS

POLICY = ASSETS / "policy.yaml"


@dataclass
class Policy:
    data: dict[str, Any]
    path: Path

    def section(self, name: str) -> dict[str, Any]:
        """The limits of one flow (deletion, permissions, consent); {} for a flow without limits."""
        return self.data.get(name, {})


def load_policy(path: Path | None = None) -> Policy:
    path = path or POLICY
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"policy {path} cannot be read: {str(exc).splitlines()[0]}") from None
    return Policy(data=data, path=path)

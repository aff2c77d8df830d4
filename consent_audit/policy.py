"""The policy file: limits that turn figures into findings, and the rule items each finding falls under."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError
from .paths import ASSETS
from .run import Finding

POLICY = ASSETS / "policy.yaml"


@dataclass
class Policy:
    data: dict[str, Any]
    path: Path

    def section(self, name: str) -> dict[str, Any]:
        return self.data.get(name, {})

    def patterns(self, flow: str) -> list[str]:
        return list(self.data.get("flows", {}).get(flow, []))

    def finding(self, pattern: str, evidence: list[str], figures: dict[str, Any], message: str) -> Finding:
        """A finding with the ids of every rule item in the catalog that covers its pattern."""
        refs = [item.id for item in _catalog().for_pattern(pattern)]
        if not refs:
            raise UsageError(f"finding pattern '{pattern}' has no rule item in assets/rules.yaml")
        return Finding(pattern=pattern, rule_refs=refs, evidence=evidence, figures=figures, message=message)


@functools.lru_cache(maxsize=1)
def _catalog() -> Any:
    from .rules import load_catalog
    return load_catalog()


def load_policy(path: Path | None = None) -> Policy:
    path = path or POLICY
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"policy {path} cannot be read: {str(exc).splitlines()[0]}") from None
    return Policy(data=data, path=path)

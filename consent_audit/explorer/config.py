"""assets/explorer.yaml: budgets, scoring weights, search and form settings of the explorer."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..paths import ASSETS

CONFIG = ASSETS / "explorer.yaml"
GOALS = ("delete-account", "deny-permissions", "consent", "privacy-policy")


@dataclass(frozen=True)
class Budget:
    """How much one goal may spend: actions (every gesture, backtracking included) and wall seconds."""

    actions: int
    seconds: float


@dataclass(frozen=True)
class ExplorerConfig:
    data: dict[str, Any]
    path: Path

    def budget(self, goal: str, actions: int | None = None, seconds: float | None = None) -> Budget:
        base = self.data.get("budgets", {}).get(goal, {})
        return Budget(int(actions if actions is not None else base.get("actions", 100)),
                      float(seconds if seconds is not None else base.get("seconds", 300)))

    def weights(self, goal: str, mode: str = "plain") -> dict[str, float]:
        return {k: float(v) for k, v in (self.data.get("weights", {}).get(goal, {}).get(mode) or {}).items()}

    def weight(self, goal: str, name: str, default: float = 0.0) -> float:
        return float(self.data.get("weights", {}).get(goal, {}).get(name, default))

    @property
    def settle(self) -> dict[str, Any]:
        return dict(self.data.get("settle", {}))

    @property
    def search(self) -> dict[str, Any]:
        return dict(self.data.get("search", {}))

    def value(self, name: str, language: str) -> str:
        values = self.data.get("values", {}).get(name, {})
        return str(values.get(language) or values.get("en") or "")


@functools.lru_cache(maxsize=4)
def load_config(path: Path = CONFIG) -> ExplorerConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"explorer settings {path} cannot be read: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise UsageError(f"explorer settings {path} need a 'weights' mapping")
    return ExplorerConfig(data=data, path=path)

"""Key figures per flow (assets/figures.yaml): which figures of a result matter across nights and in which
direction each one harms the user. Used by `consent-audit diff` and the trend page.

A result's `metrics` are flattened to dotted paths ({"prominence": {"area_ratio": 2.1}} →
"prominence.area_ratio"); lists stay whole. A figure that is absent or null is *unmeasured* (UNMEASURED),
never zero or "no"."""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..paths import ASSETS
from ..schemas import check

FIGURES = ASSETS / "figures.yaml"


class _Unmeasured:
    """The figure was not measured (absent from the metrics, or null)."""

    def __repr__(self) -> str:
        return "unmeasured"


UNMEASURED: Any = _Unmeasured()


@dataclass(frozen=True)
class KeyFigure:
    """One key figure: `path` (may hold `*`), the harmful direction `worse` (higher | lower | more | True |
    False | an ordered scale as a tuple), `measure` (value | sum | count) and a display label."""

    path: str
    worse: Any
    measure: str = "value"
    label: str = ""
    line: bool = False

    def matches(self, path: str) -> bool:
        return fnmatch.fnmatchcase(path, self.path) and path.count(".") == self.path.count(".")

    def label_for(self, path: str) -> str:
        """The label, `{key}` replaced by the last part of the path (outcomes.camera → camera)."""
        return (self.label or self.path).replace("{key}", path.rsplit(".", 1)[-1])

    def value(self, raw: Any) -> Any:
        """What is compared: the raw figure, its sum or its count; UNMEASURED for a missing figure or one of
        an unexpected shape (a sum over something that is no list of numbers)."""
        if raw is UNMEASURED or raw is None:
            return UNMEASURED
        if self.measure == "sum":
            if isinstance(raw, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw):
                return sum(raw)
            return UNMEASURED
        if self.measure == "count":
            return len(raw) if isinstance(raw, (list, dict)) else UNMEASURED
        return raw

    def number(self, raw: Any) -> float | None:
        """The figure as a number for a plot: numbers as they are, yes/no as 1/0, lists by their length, a
        scale by its position; None when unmeasured or not numeric."""
        value = self.value(raw)
        if value is UNMEASURED:
            return None
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, list):
            return float(len(value))
        if isinstance(self.worse, tuple) and value in self.worse:
            return float(self.worse.index(value))
        return None

    def direction(self, old: Any, new: Any) -> str:
        """'worse', 'better' or 'changed' (no direction can be told) for two measured, different values."""
        worse = self.worse
        if worse in ("higher", "lower") and _is_number(old) and _is_number(new):
            return "worse" if (new > old) == (worse == "higher") else "better"
        if isinstance(worse, bool) and isinstance(old, bool) and isinstance(new, bool):
            return "worse" if new is worse else "better"
        if worse == "more" and isinstance(old, list) and isinstance(new, list):
            return "worse" if _items(new) - _items(old) else "better"
        if isinstance(worse, tuple) and old in worse and new in worse:
            return "worse" if worse.index(new) > worse.index(old) else "better"
        return "changed"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _items(value: list[Any]) -> set[str]:
    return {json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value}


@lru_cache(maxsize=None)
def key_figures(path: Path = FIGURES) -> dict[str, tuple[KeyFigure, ...]]:
    """flow → its key figures, in file order. Raises UsageError (one line) for a file that does not match
    assets/schemas/figures.schema.json."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"figures {path} cannot be read: {str(exc).splitlines()[0]}") from None
    check("figures", data, path)
    return {flow: tuple(KeyFigure(path=name, worse=tuple(spec["worse"]) if isinstance(spec["worse"], list)
                                  else spec["worse"], measure=spec.get("measure", "value"),
                                  label=spec.get("label", name), line=bool(spec.get("line", False)))
                        for name, spec in (entries or {}).items())
            for flow, entries in data.items()}


def flatten(metrics: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted path → figure for every leaf of a metrics mapping (lists are leaves); null stays None."""
    if not isinstance(metrics, dict):
        return {prefix: metrics} if prefix else {}
    out: dict[str, Any] = {}
    for key, value in metrics.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict) and value:
            out.update(flatten(value, path))
        else:
            out[path] = value
    return out


def line_figures(flow: str, metrics: Any) -> list[tuple[str, Any]]:
    """(label, value) of the flow's key figures marked `line` (assets/figures.yaml), in file order, for a goal's
    closing line; a figure unmeasured is UNMEASURED, never left out (an unmeasured figure is no "no")."""
    flat = flatten(metrics)
    out: list[tuple[str, Any]] = []
    for figure in key_figures().get(flow, ()):
        if not figure.line:
            continue
        paths = [p for p in flat if figure.matches(p)] if "*" in figure.path else [figure.path]
        out.extend((figure.label_for(p), figure.value(flat.get(p, UNMEASURED))) for p in paths)
    return out


def key_figure_for(flow: str, path: str, figures: dict[str, tuple[KeyFigure, ...]] | None = None) -> KeyFigure | None:
    """The key figure a flattened path falls under, if any."""
    for figure in (key_figures() if figures is None else figures).get(flow, ()):
        if figure.matches(path):
            return figure
    return None


def key_values(flow: str, metrics: dict[str, Any]) -> dict[str, tuple[KeyFigure, Any]]:
    """path → (key figure, raw value or UNMEASURED) for a result's key figures; a figure with a `*` yields
    one entry per matching path, and an entry with its pattern as path when nothing matches (unmeasured)."""
    flat = flatten(metrics)
    out: dict[str, tuple[KeyFigure, Any]] = {}
    for figure in key_figures().get(flow, ()):
        matched = [p for p in flat if figure.matches(p)]
        for path in matched or [figure.path]:
            raw = flat.get(path, UNMEASURED)
            out[path] = (figure, UNMEASURED if raw is None else raw)
    return out


def shown(value: Any) -> str:
    """A figure as the diff table shows it."""
    if value is UNMEASURED:
        return "unmeasured"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."

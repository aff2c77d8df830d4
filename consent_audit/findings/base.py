"""The rule contract and the message renderer."""
from __future__ import annotations

import functools
from typing import Any, ClassVar, Mapping

import yaml

from ..model import Finding
from ..paths import ASSETS

MESSAGES = ASSETS / "findings.yaml"
LANGUAGES = ("en", "zh")
UNMEASURED = {"en": "unmeasured", "zh": "未测得"}
_JOIN = {"en": ", ", "zh": "、"}
_REASONS_JOIN = {"en": "; ", "zh": "；"}


class Unmeasured(Exception):
    """A figure the rule needs was not measured: the rule can neither find nor clear its pattern."""

    def __init__(self, pattern: str, figures: list[str]) -> None:
        super().__init__(f"{pattern}: not measured: {', '.join(figures)}")
        self.pattern = pattern
        self.figures = figures


class Rule:
    """One dark pattern. Subclasses set the class attributes and write `check`.

    `check(metrics, facts, limits) -> dict | None`: the figures that make the finding (rendered into its
    messages and stored with it), or None when the pattern is not there. `needs` lists the metrics that must
    have been measured (not None, not missing); without them `evaluate` raises `Unmeasured`.
    """

    pattern: ClassVar[str]
    flows: ClassVar[tuple[str, ...]]
    needs: ClassVar[tuple[str, ...]] = ()
    evidence_keys: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    """Per flow, the evidence groups (named by the flow) whose screenshots prove the finding, in order."""
    absence: ClassVar[bool] = False
    """Whether the pattern is what an app lacking its flow's subject would be (no privacy policy to reach, no
    deletion in the app): an explored goal not reached names it, never concluding it (explorer/not_reached.py)."""

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError

    def evidence(self, flow: str, figures: Mapping[str, Any], evidence: Mapping[str, list[str]]) -> list[str]:
        """The screenshots that prove this finding (relative to the run folder), without repeats."""
        files = [f for key in self.evidence_keys.get(flow, ()) for f in evidence.get(key, [])]
        return list(dict.fromkeys(files))

    def evaluate(self, flow: str, metrics: Mapping[str, Any], evidence: Mapping[str, list[str]],
                 facts: Mapping[str, Any], limits: Mapping[str, Any]) -> Finding | None:
        """A Finding with rule items, evidence and messages, or None. Raises Unmeasured (see `needs`)."""
        missing = [name for name in self.needs if metrics.get(name) is None]
        if missing:
            raise Unmeasured(self.pattern, missing)
        figures = self.check(metrics, facts, limits)
        if figures is None:
            return None
        return Finding(pattern=self.pattern, rule_refs=rule_refs(self.pattern),
                       evidence=self.evidence(flow, figures, evidence), figures=figures,
                       messages={lang: render(self.pattern, flow, figures, lang) for lang in LANGUAGES})


@functools.lru_cache(maxsize=None)
def rule_refs_cached(pattern: str) -> tuple[str, ...]:
    from ..rules import load_catalog
    refs = tuple(item.id for item in load_catalog().for_pattern(pattern))
    if not refs:
        raise KeyError(f"finding pattern '{pattern}' has no rule item in assets/rules.yaml")
    return refs


def rule_refs(pattern: str) -> list[str]:
    """Ids of every catalog item covering the pattern (KeyError when none: a finding must cite a rule)."""
    return list(rule_refs_cached(pattern))


@functools.lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    """assets/findings.yaml: pattern → {en, zh} (or flow → {en, zh}), and `parts` for listed reasons."""
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8")) or {}


def part_text(name: str, lang: str = "en") -> str | None:
    """The sentence of the listed reason `name` (a `parts` entry of assets/findings.yaml: reasons are named once,
    whichever finding lists them) in `lang`, its {figures} unfilled; None when no finding has such a part."""
    for entry in templates().values():
        part = (entry.get("parts") or {}).get(name) if isinstance(entry, dict) else None
        if part is not None:
            return str(part[lang])
    return None


def _value(value: Any, lang: str) -> str:
    if value is None:
        return UNMEASURED[lang]
    if isinstance(value, bool):
        return {"en": ("yes", "no"), "zh": ("是", "否")}[lang][0 if value else 1]
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return _JOIN[lang].join(_value(v, lang) for v in value) if value else "—"
    if isinstance(value, dict):
        return _JOIN[lang].join(f"{k} → {_value(v, lang)}" for k, v in value.items())
    return str(value)


def render(pattern: str, flow: str, figures: Mapping[str, Any], lang: str) -> str:
    """The message of a finding in `lang`, from its figures; a figure that is None reads 'unmeasured'.
    Figures named in `reasons` are rendered through the pattern's `parts` templates and joined."""
    entry = templates()[pattern]
    if flow in entry:
        entry = {**entry, **entry[flow]}
    values = {k: _value(v, lang) for k, v in figures.items()}
    if "reasons" in figures:
        parts = entry.get("parts", {})
        values["reasons"] = _REASONS_JOIN[lang].join(parts[r][lang].format(**values) for r in figures["reasons"])
    return str(entry[lang]).format(**values)

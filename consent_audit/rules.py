"""Rule catalog (assets/rules.yaml): the regulatory items a finding pattern can cite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import ASSETS

DEFAULT_PATH = ASSETS / "rules.yaml"

REGIONS = ("cn", "eu", "us", "store")
_TOP_KEYS = {"version", "patterns", "rules"}
_REQUIRED = {"id", "region", "source", "item", "summary_en", "summary_zh", "patterns", "verified"}
_OPTIONAL = {"note"}
_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
_PATTERN = re.compile(r"^[a-z][a-z_]*$")


@dataclass(frozen=True)
class RuleItem:
    """One citable rule item."""

    id: str
    region: str
    source: str
    item: str
    summary_en: str
    summary_zh: str
    patterns: tuple[str, ...]
    verified: bool
    note: str | None = None


@dataclass(frozen=True)
class Catalog:
    """All rule items, and the finding patterns they may cover."""

    patterns: dict[str, str]
    """Finding pattern → one-line description."""
    items: tuple[RuleItem, ...]

    def get(self, rule_id: str) -> RuleItem:
        """The item with this id; KeyError if there is none."""
        for item in self.items:
            if item.id == rule_id:
                return item
        raise KeyError(f"no rule item {rule_id!r} in the catalog")

    def for_pattern(self, pattern: str) -> list[RuleItem]:
        """Items covering a finding pattern, in catalog order; KeyError for an unknown pattern."""
        if pattern not in self.patterns:
            raise KeyError(f"unknown finding pattern {pattern!r}; known: {sorted(self.patterns)}")
        return [item for item in self.items if pattern in item.patterns]


def _text(where: str, key: str, value: object, *, one_line: bool = True) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    if one_line and "\n" in value.strip():
        raise ValueError(f"{where}: {key!r} must be one line")
    return value.strip()


def _item(raw: object, index: int, patterns: dict[str, str], path: Path) -> RuleItem:
    where = f"{path}: rules[{index}]"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a mapping")
    if isinstance(raw.get("id"), str):
        where = f"{path}: rule {raw['id']!r}"
    unknown = set(raw) - _REQUIRED - _OPTIONAL
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}; allowed "
                         f"{sorted(_REQUIRED | _OPTIONAL)}")
    missing = _REQUIRED - set(raw)
    if missing:
        raise ValueError(f"{where}: missing keys {sorted(missing)}")
    rule_id = _text(where, "id", raw["id"])
    if not _ID.match(rule_id):
        raise ValueError(f"{where}: id must match {_ID.pattern}")
    if raw["region"] not in REGIONS:
        raise ValueError(f"{where}: region {raw['region']!r} not one of {REGIONS}")
    if not isinstance(raw["verified"], bool):
        raise ValueError(f"{where}: 'verified' must be true or false")
    pats = raw["patterns"]
    if not isinstance(pats, list):
        raise ValueError(f"{where}: 'patterns' must be a list")
    bad = [p for p in pats if p not in patterns]
    if bad:
        raise ValueError(f"{where}: unknown patterns {bad}; declare them under 'patterns'")
    if len(set(pats)) != len(pats):
        raise ValueError(f"{where}: repeated patterns in {pats}")
    note = raw.get("note")
    if note is not None:
        note = _text(where, "note", note)
    if not raw["verified"] and not note:
        raise ValueError(f"{where}: an unverified item needs a 'note' saying what is unconfirmed")
    return RuleItem(
        id=rule_id,
        region=raw["region"],
        source=_text(where, "source", raw["source"]),
        item=_text(where, "item", raw["item"]),
        summary_en=_text(where, "summary_en", raw["summary_en"]),
        summary_zh=_text(where, "summary_zh", raw["summary_zh"]),
        patterns=tuple(pats),
        verified=raw["verified"],
        note=note,
    )


def parse_catalog(data: object, path: Path = DEFAULT_PATH) -> Catalog:
    """Validate a catalog document; ValueError names the file and the offending entry."""
    if not isinstance(data, dict):
        raise ValueError(f"{path}: top level must be a mapping")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown top-level keys {sorted(unknown)}; allowed {sorted(_TOP_KEYS)}")
    patterns = data.get("patterns")
    if not isinstance(patterns, dict) or not patterns:
        raise ValueError(f"{path}: 'patterns' must be a non-empty mapping of pattern → description")
    for name, desc in patterns.items():
        if not isinstance(name, str) or not _PATTERN.match(name):
            raise ValueError(f"{path}: pattern name {name!r} must match {_PATTERN.pattern}")
        _text(f"{path}: pattern {name!r}", "description", desc)
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise ValueError(f"{path}: 'rules' must be a non-empty list")
    items: list[RuleItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(rules):
        item = _item(raw, index, patterns, path)
        if item.id in seen:
            raise ValueError(f"{path}: duplicate rule id {item.id!r} (rules[{index}])")
        seen.add(item.id)
        items.append(item)
    return Catalog(patterns={k: str(v).strip() for k, v in patterns.items()}, items=tuple(items))


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate the rule catalog (default: assets/rules.yaml)."""
    source = Path(path) if path is not None else DEFAULT_PATH
    with source.open(encoding="utf-8") as fh:
        return parse_catalog(yaml.safe_load(fh), source)

"""The permission dialog's ids, button texts and answers (assets/lexicons/android_permission_dialog.yaml)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ...detectors.lexicon import normalise
from ...detectors.words import contains
from ...paths import ASSETS

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u300c": '"', "\u300d": '"', "\u2018": "'", "\u2019": "'"})
LEXICON = ASSETS / "lexicons" / "android_permission_dialog.yaml"
_KEYS = {"name", "packages", "vendor_packages", "variants", "app_name", "accuracy_ids", "dialog_ids", "message_ids",
         "choices", "permissions", "answers"}


@dataclass(frozen=True)
class Choice:
    """One button (or box) of the dialog: its id local names and its normalised texts."""

    name: str
    ids: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class DialogLexicon:
    packages: tuple[str, ...]
    dialog_ids: tuple[str, ...]
    message_ids: tuple[str, ...]
    choices: dict[str, Choice]
    permissions: dict[str, tuple[str, ...]]     # permission → normalised words of its message
    answers: dict[str, tuple[str, ...]]         # decision → choice names, preferred first
    vendor_packages: tuple[str, ...] = ()       # vendors' permission controllers
    variants: tuple[tuple[str, frozenset[str]], ...] = ()   # (layout name, id local names all present)
    app_name: tuple[re.Pattern[str], ...] = ()  # group 1: the requesting app's name in the message
    accuracy_ids: dict[str, str] = field(default_factory=dict)   # precise / approximate → radio id local name

    @property
    def prompt_packages(self) -> tuple[str, ...]:
        """Every package known to show runtime-permission prompts: AOSP/Google, then vendors."""
        return self.packages + self.vendor_packages

    @property
    def known_ids(self) -> frozenset[str]:
        """Id local names that only the permission dialog uses (choices, containers, message)."""
        return frozenset(i for c in self.choices.values() for i in c.ids) | (set(self.dialog_ids) - {"content_container", "dialog_container"})

    def variant_of(self, local_ids: set[str]) -> str | None:
        return next((name for name, ids in self.variants if ids <= local_ids), None)

    def app_name_in(self, message: str) -> str | None:
        text = " ".join(unicodedata.normalize("NFKC", message).translate(_QUOTES).split())
        for pattern in self.app_name:
            match = pattern.search(text)
            if match and match.group(1).strip():
                return match.group(1).strip()
        return None

    def choice_by_id(self, local_id: str) -> Choice | None:
        return next((c for c in self.choices.values() if local_id in c.ids), None)

    def choice_by_text(self, text: str) -> Choice | None:
        norm = normalise(text)
        return next((c for c in self.choices.values() if norm and norm in c.texts), None)

    def permission_of(self, message: str) -> str | None:
        norm = normalise(message)
        return next((p for p, words in self.permissions.items() if any(contains(norm, w) for w in words)), None)


def _strings(value: object, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{path}: {where} must be a non-empty list of strings")
    return tuple(value)


@lru_cache(maxsize=4)
def load_dialog_lexicon(path: Path = LEXICON) -> DialogLexicon:
    """Load and check the lexicon; a malformed file is a ValueError naming the file and the key."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != _KEYS:
        raise ValueError(f"{path}: expected exactly the keys {sorted(_KEYS)}")
    choices = {}
    for name, spec in (data["choices"] or {}).items():
        if not isinstance(spec, dict) or set(spec) != {"ids", "text"}:
            raise ValueError(f"{path}: choices.{name} needs 'ids' and 'text'")
        choices[name] = Choice(name, _strings(spec["ids"], f"choices.{name}.ids", path),
                               tuple(normalise(t) for t in _strings(spec["text"], f"choices.{name}.text", path)))
    answers = {decision: _strings(names, f"answers.{decision}", path) for decision, names in data["answers"].items()}
    for decision, names in answers.items():
        unknown = [n for n in names if n not in choices]
        if unknown:
            raise ValueError(f"{path}: answers.{decision} names unknown choices {unknown}")
    return DialogLexicon(
        packages=_strings(data["packages"], "packages", path),
        dialog_ids=_strings(data["dialog_ids"], "dialog_ids", path),
        message_ids=_strings(data["message_ids"], "message_ids", path),
        choices=choices,
        permissions={p: tuple(normalise(w) for w in _strings(words, f"permissions.{p}", path))
                     for p, words in data["permissions"].items()},
        answers=answers,
        vendor_packages=_strings(data["vendor_packages"], "vendor_packages", path),
        variants=tuple((str(v["name"]), frozenset(_strings(v["ids"], "variants.ids", path))) for v in data["variants"]),
        app_name=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data["app_name"], "app_name", path)),
        accuracy_ids={str(k): str(v) for k, v in (data["accuracy_ids"] or {}).items()})

"""Lexicons of UI wording (assets/lexicons/*.yaml): loading, normalisation, matching."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..paths import ASSETS
from .words import Phrase, occurrences

DEFAULT_ROOT = ASSETS / "lexicons"

_FILE_KEYS = {"name", "description", "categories"}
_CATEGORY_KEYS = {"phrases", "regex"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

_PUNCT = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u300c": '"', "\u300d": '"', "\u300e": '"', "\u300f": '"',
    "\u3002": ".", "\u3001": ",", "\u301c": "~",
    "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})

_HANT = {ord(pair[0]): pair[1] for pair in
         yaml.safe_load((ASSETS / "hant_to_hans.yaml").read_text(encoding="utf-8"))["pairs"].split()}


def normalise(text: str) -> str:
    """NFKC (full-width → half-width), straight quotes, CJK 。、 → . ,, Traditional Chinese characters folded to
    Simplified (assets/hant_to_hans.yaml: 註銷帳號 → 注销帐号; one character for one, so offsets hold), casefold
    (Turkish İ → i, not i + a combining dot), single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).translate(_HANT).casefold().replace("i\u0307", "i")
    return " ".join(text.split())


_DIGITS = re.compile(r"\d+")


def label_key(text: str) -> str:
    """A control's label for identity: normalised (`normalise`), digits as '#' (changing counts keep their
    identity), bounded to 80 characters."""
    return _DIGITS.sub("#", normalise(text))[:80]


@dataclass(frozen=True)
class Hit:
    """One match of a category in normalised text."""

    category: str
    text: str
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Category:
    """A category's normalised phrases (whole words where their script is written with spaces: detectors/words.py)
    and its regular expressions (searched as written)."""

    name: str
    phrases: tuple[Phrase, ...]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Lexicon:
    """Categories of phrases and patterns, matched on normalised text."""

    name: str
    description: str
    categories: tuple[Category, ...]

    def hits(self, text: str) -> list[Hit]:
        """All hits, minus any lying inside a longer hit of another category."""
        norm = normalise(text)
        found = [Hit(cat.name, norm[start:end], start, end)
                 for cat in self.categories for phrase in cat.phrases for start, end in occurrences(norm, phrase)]
        found += [Hit(cat.name, m.group(0), m.start(), m.end())
                  for cat in self.categories for pat in cat.patterns
                  for m in pat.finditer(norm) if m.end() > m.start()]
        return [h for h in found if not any(
            g.category != h.category and g.start <= h.start and g.end >= h.end
            and g.length > h.length for g in found)]

    def match(self, text: str) -> list[str]:
        """Categories matched by the text, in file order."""
        hit = {h.category for h in self.hits(text)}
        return [c.name for c in self.categories if c.name in hit]

    def phrases(self, text: str) -> list[str]:
        """The matched (normalised) phrases, in order of appearance, unique."""
        return list(dict.fromkeys(h.text for h in sorted(self.hits(text), key=lambda h: h.start)))

    def best(self, text: str) -> str | None:
        """The category of the longest hit; ties go to the category listed first."""
        order = {c.name: i for i, c in enumerate(self.categories)}
        hits = self.hits(text)
        if not hits:
            return None
        return max(hits, key=lambda h: (h.length, -order[h.category])).category


def _fail(path: Path, message: str) -> ValueError:
    return ValueError(f"lexicon {path}: {message}")


def parse_lexicon(data: object, path: Path) -> Lexicon:
    """Validate a lexicon document and compile its patterns."""
    if not isinstance(data, dict):
        raise _fail(path, "top level must be a mapping")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise _fail(path, f"unknown keys {sorted(unknown)}; allowed {sorted(_FILE_KEYS)}")
    cats = data.get("categories")
    if not isinstance(cats, dict) or not cats:
        raise _fail(path, "'categories' must be a non-empty mapping")
    compiled: list[Category] = []
    for cat_name, body in cats.items():
        if not isinstance(body, dict):
            raise _fail(path, f"category {cat_name!r} must be a mapping")
        unknown = set(body) - _CATEGORY_KEYS
        if unknown:
            raise _fail(path, f"category {cat_name!r}: unknown keys {sorted(unknown)}")
        phrases, regexes = body.get("phrases") or [], body.get("regex") or []
        if not phrases and not regexes:
            raise _fail(path, f"category {cat_name!r} has neither phrases nor regex")
        patterns: list[re.Pattern[str]] = []
        for item in [*phrases, *regexes]:
            if not isinstance(item, str) or not item.strip():
                raise _fail(path, f"category {cat_name!r}: {item!r} is not a non-empty string "
                                  "(quote YAML words like yes/no/on/off)")
        for phrase in phrases:
            if not Phrase.parse(normalise(phrase)).text:
                raise _fail(path, f"category {cat_name!r}: {phrase!r} is only a stem mark (*)")
        for source in regexes:
            try:
                patterns.append(re.compile(source))
            except re.error as exc:
                raise _fail(path, f"category {cat_name!r}: bad regex {source!r}: {exc}") from exc
        compiled.append(Category(str(cat_name), tuple(dict.fromkeys(Phrase.parse(normalise(p)) for p in phrases)), tuple(patterns)))
    return Lexicon(str(data.get("name", path.stem)), str(data.get("description", "")),
                   tuple(compiled))


@lru_cache(maxsize=None)
def _load(path: Path) -> Lexicon:
    with path.open(encoding="utf-8") as fh:
        return parse_lexicon(yaml.safe_load(fh), path)


def load_lexicon(name: str, root: str | Path | None = None) -> Lexicon:
    """Load (once) assets/lexicons/<name>.yaml, or <root>/<name>.yaml."""
    if not _NAME.match(name):
        raise ValueError(f"lexicon name {name!r} must match {_NAME.pattern}")
    base = Path(root) if root is not None else DEFAULT_ROOT
    path = (base / f"{name}.yaml").resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {name!r} at {path}")
    return _load(path)

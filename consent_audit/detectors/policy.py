"""Reading a privacy policy's text: its sentences, the unfair terms it contains, its languages, and what it
says it does (the permissions it declares, the deletion period it promises), for comparison with what the
app was measured to do.

Shapes:
- `paragraphs`: `list[tuple[str, str]]` — (place, text), the place being where the app shows the paragraph
  (an element id such as "policy-p-5", or "paragraph 5").
- `unfair_terms(paragraphs) -> list[dict]`: one `{"term", "sentence", "place", "qualifiers"}` per sentence and
  term, in reading order; `term` is a key of assets/lexicons/policy_terms.yaml.

Sources of the terms: see the header of assets/lexicons/policy_terms.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import yaml

from ..paths import ASSETS
from .language import language_of, languages as text_languages
from .lexicon import Lexicon, load_lexicon, normalise, parse_lexicon
from .text import waiting_period_days

TERMS = ASSETS / "lexicons" / "policy_terms.yaml"
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\.)\s+(?=[A-Z\"“(])")
PERMISSIONS = ("geolocation", "notifications", "camera")


@dataclass(frozen=True)
class Term:
    """One unfair term: every `all_of` group must hit a sentence, no `none_of` group may."""

    name: str
    all_of: Lexicon
    none_of: Lexicon | None
    qualifiers: Lexicon | None

    def matches(self, sentence: str) -> bool:
        groups = set(self.all_of.match(sentence))
        if len(groups) < len(self.all_of.categories):
            return False
        return not (self.none_of and self.none_of.match(sentence))


def _group(path: Any, name: str, groups: dict[str, Any]) -> Lexicon:
    return parse_lexicon({"name": name, "categories": groups}, path)


@lru_cache(maxsize=1)
def load_terms() -> tuple[Term, ...]:
    """assets/lexicons/policy_terms.yaml, compiled (ValueError on a malformed file)."""
    data = yaml.safe_load(TERMS.read_text(encoding="utf-8")) or {}
    terms = []
    for name, body in (data.get("terms") or {}).items():
        if not isinstance(body, dict) or not body.get("all_of"):
            raise ValueError(f"{TERMS}: term {name!r} needs an all_of mapping of groups")
        unknown = set(body) - {"all_of", "none_of", "qualifiers"}
        if unknown:
            raise ValueError(f"{TERMS}: term {name!r}: unknown keys {sorted(unknown)}")
        terms.append(Term(name, _group(TERMS, name, body["all_of"]),
                          _group(TERMS, name, body["none_of"]) if body.get("none_of") else None,
                          _group(TERMS, name, {"qualifiers": body["qualifiers"]}) if body.get("qualifiers") else None))
    return tuple(terms)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (split after 。！？；!?; and after a full stop followed by a capital)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def unfair_terms(paragraphs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every sentence showing an unfair term, quoted as shown, with its place and the qualifiers it adds."""
    found: list[dict[str, Any]] = []
    for place, text in paragraphs:
        for n, sentence in enumerate(sentences(text), 1):
            for term in load_terms():
                if term.matches(sentence):
                    qualifiers = term.qualifiers.phrases(sentence) if term.qualifiers else []
                    found.append({"term": term.name, "sentence": sentence, "place": f"{place} sentence {n}",
                                  "qualifiers": qualifiers})
    return found


def languages(paragraphs: Iterable[tuple[str, str]]) -> list[str]:
    """The languages the policy is written in (ISO 639-1, sorted; detectors/language.py)."""
    return text_languages(text for _, text in paragraphs)


def declared_permissions(paragraphs: Iterable[tuple[str, str]]) -> list[str]:
    """The device permissions the policy names (geolocation, notifications, camera), sorted."""
    cues = load_lexicon("policy_cues")
    named = {c for _, text in paragraphs for c in cues.match(text)}
    return sorted(p for p in PERMISSIONS if p in named)


def promised_deletion_days(paragraphs: Iterable[tuple[str, str]]) -> int | None:
    """The period, in days, within which the policy promises to delete (first such sentence), else None."""
    cues = load_lexicon("policy_cues")
    for _, text in paragraphs:
        for sentence in sentences(text):
            if {"deletion", "deadline"} <= set(cues.match(sentence)):
                days = waiting_period_days(sentence)
                if days is not None:
                    return days
    return None


__all__ = ["Term", "load_terms", "sentences", "unfair_terms", "language_of", "languages",
           "declared_permissions", "promised_deletion_days", "normalise"]

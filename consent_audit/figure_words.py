"""A measured figure said in words a person reads (the human-readable summary page and the closing table), never
as raw JSON: `null` is what the figure's absence means ("not measured", or per figure "none stated"), an empty
list or mapping "none", a list its items joined ("1, 1, 1"), a mapping its "key: value" pairs. summary.json keeps
the figures as they are; the words are in assets/summary_strings.yaml (`figure_words`, per language)."""
from __future__ import annotations

import functools
import json
from typing import Any, Mapping

import yaml

from .paths import ASSETS


@functools.lru_cache(maxsize=None)
def words_in(language: str = "en") -> dict[str, Any]:
    """The words of `language` (assets/summary_strings.yaml, `figure_words`); KeyError for a language it lacks."""
    strings = yaml.safe_load((ASSETS / "summary_strings.yaml").read_text(encoding="utf-8"))
    return dict(strings[language]["figure_words"])


def figure_words(value: Any, words: Mapping[str, Any] | None = None, name: str = "") -> str:
    """`value` (a figure from summary.json: None, bool, number, text, list, mapping, nested) as one line of words.
    `words`: {"null", "empty", "yes", "no", "join", "pairs", "null_as": {figure name: words for its None}} (default
    English, `words_in`); `name`: the figure's name, for its own reading of None. Numbers keep at most 2 decimals."""
    w = words or words_in("en")
    if value is None:
        return str((w.get("null_as") or {}).get(name) or w["null"])
    if isinstance(value, bool):
        return str(w["yes"] if value else w["no"])
    if isinstance(value, float):
        return f"{round(value, 2):g}"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return str(w["empty"])
        nested = any(isinstance(v, (list, tuple, dict)) for v in value)
        return (w["pairs"] if nested else w["join"]).join(figure_words(v, w) for v in value)
    if isinstance(value, dict):
        if not value:
            return str(w["empty"])
        return w["pairs"].join(f"{k}: {_inner(v, w, child_name(w, name, k))}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False, default=str)


def child_name(words: Mapping[str, Any], name: str, key: Any) -> str:
    """The name a mapping's value is read by: its own key where the words say what its None means, else the
    figure's (a `blockers` entry per permission reads as `blockers`)."""
    return str(key) if str(key) in (words.get("null_as") or {}) else name


def _inner(value: Any, words: Mapping[str, Any], name: str) -> str:
    """A mapping's value inside a line: a nested mapping in parentheses, so its pairs stay apart from the outer's."""
    said = figure_words(value, {**words, "pairs": words["join"]} if isinstance(value, dict) else words, name)
    return f"({said})" if isinstance(value, dict) and value else said


def figure_lines(value: Any, words: Mapping[str, Any], name: str = "") -> str | list[str]:
    """A figure as a table cell reads it: a non-empty list of texts (quoted policy terms, say) or of mappings as
    one line per item, a non-empty mapping as one "key: value" line per key, anything else one line (str)."""
    if isinstance(value, list) and value and all(isinstance(v, (str, dict)) for v in value):
        return [figure_words(v, words) for v in value]
    if isinstance(value, dict) and value:
        return [f"{k}: {figure_words(v, words, child_name(words, name, k))}" for k, v in value.items()]
    return figure_words(value, words, name)


def pattern_title(strings: Mapping[str, Any], pattern: str, flow: str = "") -> str:
    """A pattern's title in one language's strings (assets/summary_strings.yaml) as checked in `flow`: its
    `patterns_in_flow` title there (a prominence finding of the deletion is about its last decision, not a
    consent dialog), else its `patterns` title; "" when the strings have none."""
    in_flow = (strings.get("patterns_in_flow") or {}).get(flow) or {}
    return str(in_flow.get(pattern) or (strings.get("patterns") or {}).get(pattern) or "")


__all__ = ["child_name", "figure_lines", "figure_words", "pattern_title", "words_in"]


def clipped(text: str, limit: int) -> str:
    """`text` (whitespace collapsed) in at most `limit` characters, cut at a word boundary with "…" when
    longer — a reason is never cut mid-word ("…the dialog's acc"). A single word longer than `limit` is cut
    inside (an unspaced script has no boundary to find). ValueError when `limit` < 2."""
    if limit < 2:
        raise ValueError(f"limit {limit}: at least 2 characters (one and the ellipsis)")
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    head = words[:limit - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head and words[limit - 1] != " " else head
    return cut.rstrip(" ,;:—") + "…"

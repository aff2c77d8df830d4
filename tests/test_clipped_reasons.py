"""A reason said in a sentence is cut at a word boundary, never mid-word (a new user read «…the dialog's acc»)."""
from __future__ import annotations

import pytest

from consent_audit.figure_words import clipped
from consent_audit.verdict import MISSING_CHARS, verdict


def test_a_long_reason_is_cut_at_a_word_end() -> None:
    said = clipped("the consent dialog accepted everything at once", 24)
    assert said == "the consent dialog…"
    assert len(said) <= 24


def test_short_text_is_whole_with_whitespace_collapsed() -> None:
    assert clipped("two\n  lines", 40) == "two lines"


def test_a_word_ending_just_at_the_limit_is_kept() -> None:
    assert clipped("ab cd ef", 6) == "ab cd…"


def test_one_long_word_is_cut_inside() -> None:
    word = "លុបគណនីរបស់ខ្ញុំជារៀងរហូត"
    assert clipped(word, 8) == word[:7] + "…"


def test_limit_too_small_is_refused() -> None:
    with pytest.raises(ValueError):
        clipped("abc", 1)


def test_the_verdict_never_ends_a_reason_mid_word() -> None:
    reason = "word " * (MISSING_CHARS // 2)
    _code, sentence = verdict({"results": [{"nodeid": "a::b", "outcome": "not_found", "message": "x" + reason}]})
    inside = sentence.split("(", 1)[1].rsplit(")", 1)[0]
    assert inside.endswith("word…")

"""Which language a text is written in: ISO 639-1 codes ("en", "zh", "ja", "nl" …), for the privacy policy's
languages and the app's own (GDPR Art. 12(1) clear and plain language; EDPB 03/2022 "language discontinuity").

Texts of `MIN_LETTERS` letters or more are identified by py3langid (a maintained fork of langid.py, Lui &
Baldwin 2012, 97 languages, its model shipped in the wheel: nothing fetched); shorter ones, which no n-gram
model reads reliably, by their script where the script tells (kana: ja, hangul: ko, Han only: zh, Devanagari:
hi, Georgian: ka, Thai: th, Hebrew: he, Greek: el, Armenian: hy), else not at all (None). Chinese varieties
py3langid reports apart (yue, wuu) are "zh": what a reader of a policy needs is the written language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

MIN_LETTERS = 20     # letters (see `letters`)
SHARE = 0.2          # a language counts for a document when it covers this share of its judged letters
ALIASES = {"yue": "zh", "wuu": "zh"}
_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
            ("zh", re.compile(r"[\u3400-\u9fff]")), ("hi", re.compile(r"[\u0900-\u097f]")),
            ("ka", re.compile(r"[\u10a0-\u10ff]")), ("th", re.compile(r"[\u0e00-\u0e7f]")),
            ("he", re.compile(r"[\u0590-\u05ff]")), ("el", re.compile(r"[\u0370-\u03ff]")),
            ("hy", re.compile(r"[\u0530-\u058f]")))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid    # loads its model (about a second) on first use only
    return py3langid


_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def letters(text: str) -> int:
    """Letters, a Han, kana or hangul character counting as three (one such character carries about as much
    as a short word: 18 Han characters are a sentence)."""
    return sum(ch.isalpha() for ch in text) + 2 * len(_DENSE.findall(text))


def language_of(text: str) -> str | None:
    """The language of `text` (ISO 639-1), None when it has no letters or too few to tell."""
    count = letters(text)
    if count == 0:
        return None
    if count < MIN_LETTERS:
        for code, script in _SCRIPTS:        # kana before Han: Japanese writes both
            if script.search(text):
                return code
        return None
    code, _ = _identifier().classify(text)
    return ALIASES.get(code, code)


def guessed_language(text: str) -> str | None:
    """The language of `text` as `language_of` tells it, else — too few letters to tell (a lexicon phrase) — the
    identifier's best guess all the same; None when it has no letters."""
    if not letters(text):
        return None
    code = language_of(text) or _identifier().classify(text)[0]
    return ALIASES.get(code, code)


def _shares(texts: list[str]) -> dict[str, int]:
    share: dict[str, int] = {}
    for text in texts:
        if letters(text) >= MIN_LETTERS and (code := language_of(text)):
            share[code] = share.get(code, 0) + letters(text)
    return share


def main_language(texts: Iterable[str]) -> str | None:
    """The language most of the letters of these texts (a screen's) are in; None when none can be told."""
    texts = [t for t in texts if t and t.strip()]
    share = _shares(texts)
    return max(share, key=lambda code: share[code]) if share else language_of(" ".join(texts))


def languages(texts: Iterable[str]) -> list[str]:
    """The languages a document is written in, sorted: each text (a paragraph) judged on its own, a language
    kept when its texts make up `SHARE` of the letters judged (a stray heading or a quoted name does not add
    one); when no text is long enough, the whole document judged at once."""
    texts = [t for t in texts if t and t.strip()]
    share = _shares(texts)
    total = sum(share.values())
    if not total:
        whole = language_of(" ".join(texts))
        return [whole] if whole else []
    return sorted(code for code, n in share.items() if n >= SHARE * total)


__all__ = ["language_of", "languages", "main_language", "letters", "MIN_LETTERS"]

"""Where a lexicon phrase is found in a text: whole words in scripts written with spaces, anywhere in the
scripts listed in assets/word_scripts.yaml (Chinese, Japanese, Thai...).

The boundary is decided at each edge of a match by the script of the characters there, not by a list of
languages: a match is part of a longer word when its own first (last) character and the character before
(after) it are both word characters — a letter, combining mark or digit (Unicode categories L, M, N) of a
script not listed in the file. So «מחק» is not found in «מחקר», "öffnen" not in "eröffnen", "вход" not in
«Входящие», 동의 not in 비동의, but 同意 is in 我同意 and "app" in 打开App设置 (its neighbours are Han).

A lexicon phrase may open either edge with `*`: "аккаунт*" also finds «аккаунта», «аккаунтом» (endings written
onto the word: Russian, Turkish, Korean, Czech, Finnish, Hungarian...), "*אימייל" also «האימייל» (prefixes written onto
it: Hebrew, Arabic). Only a stem the lexicon marks so is opened; nothing is guessed per language.

Texts and phrases are compared as given: callers pass both through `lexicon.normalise` first.
Raises ValueError (naming the file) when the file lists no scripts or a name Unicode does not know."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex
import yaml

from ..paths import ASSETS

SCRIPTS = ASSETS / "word_scripts.yaml"


@lru_cache(maxsize=1)
def _word_character() -> regex.Pattern[str]:
    """One character of a word of a script written with spaces (a compiled `regex` pattern)."""
    data = yaml.safe_load(SCRIPTS.read_text(encoding="utf-8")) or {}
    names = data.get("substring_scripts") if isinstance(data, dict) else None
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.isalpha() for n in names):
        raise ValueError(f"{SCRIPTS}: substring_scripts must be a non-empty list of Unicode script names")
    scripts = "".join(f"\\p{{scx={name}}}" for name in names)
    try:
        return regex.compile(f"(?![{scripts}])[\\p{{L}}\\p{{M}}\\p{{N}}]")
    except regex.error as exc:
        raise ValueError(f"{SCRIPTS}: substring_scripts holds a name Unicode does not know ({exc})") from None


@lru_cache(maxsize=8192)
def is_word_character(char: str) -> bool:
    """Whether `char` (one character) is a letter, mark or digit of a script whose words are whole words."""
    return bool(_word_character().fullmatch(char))


@dataclass(frozen=True)
class Phrase:
    """A lexicon phrase, normalised, and which of its edges may continue into a longer word."""

    text: str
    open_start: bool = False
    open_end: bool = False

    @classmethod
    def parse(cls, written: str) -> "Phrase":
        """"stem*" / "*stem" / "*stem*" as written in a lexicon (already normalised) → the phrase."""
        start, end = written.startswith("*"), written.endswith("*") and len(written) > 1
        return cls(written[1 if start else 0:len(written) - 1 if end else len(written)].strip(), start, end)


def whole(text: str, start: int, end: int, open_start: bool = False, open_end: bool = False) -> bool:
    """Whether text[start:end] (non-empty) is not part of a longer word (see the module docstring), an open
    edge allowed to continue into one."""
    if not open_start and start > 0 and is_word_character(text[start]) and is_word_character(text[start - 1]):
        return False
    return open_end or not (end < len(text) and is_word_character(text[end - 1]) and is_word_character(text[end]))


def occurrences(text: str, phrase: str | Phrase) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of `phrase` in `text` that is not part of a longer word (an open edge
    of a `Phrase` aside), left to right, not overlapping one another. An empty phrase occurs nowhere."""
    found = phrase if isinstance(phrase, Phrase) else Phrase(phrase)
    if not found.text:
        return
    at = text.find(found.text)
    while at >= 0:
        end = at + len(found.text)
        if whole(text, at, end, found.open_start, found.open_end):
            yield at, end
            at = text.find(found.text, end)
        else:
            at = text.find(found.text, at + 1)


def contains(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` other than inside a longer word."""
    return next(occurrences(text, phrase), None) is not None

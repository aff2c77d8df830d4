"""Number words to ints: Chinese numerals up to 99 and English words up to ninety-nine."""

from __future__ import annotations

import re

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ZH_CHARS = "".join(ZH_DIGITS) + "十"

EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
EN_TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
EN_PATTERN = (r"(?:(?:" + "|".join(EN_TENS) + r")(?:[- ](?:" + "|".join(list(EN_UNITS)[1:10])
              + r"))?|" + "|".join(sorted(EN_UNITS, key=len, reverse=True)) + r")")
_EN_WHOLE = re.compile(EN_PATTERN + r"$")


def zh_number(text: str) -> int | None:
    """十五 → 15, 三十 → 30, 二十一 → 21, 七 → 7, 两 → 2; None if not a numeral 0..99."""
    if not text or any(c not in ZH_CHARS for c in text):
        return None
    if "十" not in text:
        return ZH_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    t = ZH_DIGITS[tens] if tens else 1
    o = ZH_DIGITS[ones] if ones else 0
    return None if (tens and t == 0) else t * 10 + o


def en_number(text: str) -> int | None:
    """'fifteen' → 15, 'twenty-one' → 21, 'a'/'an'/'one' → 1; None otherwise."""
    word = text.casefold().strip()
    if word in ("a", "an"):
        return 1
    if not _EN_WHOLE.match(word):
        return None
    if word in EN_UNITS:
        return EN_UNITS[word]
    tens, _, ones = word.replace("-", " ").partition(" ")
    return EN_TENS[tens] + (EN_UNITS[ones] if ones else 0)


def parse_number(text: str) -> int | None:
    """Arabic digits, a Chinese numeral or an English number word → int."""
    if text.isascii() and text.isdigit():
        return int(text)
    return zh_number(text) if text[:1] in ZH_CHARS else en_number(text)

"""Parsers for UI text: shaming wording, waiting periods, demanded data, action kinds."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

import regex
import yaml

from consent_audit.detectors.lexicon import Lexicon, load_lexicon, normalise
from consent_audit.detectors.numerals import EN_PATTERN, ZH_CHARS, parse_number
from consent_audit.detectors.words import whole
from consent_audit.paths import ASSETS

__all__ = ["Lexicon", "load_lexicon", "normalise", "shaming_phrases", "waiting_period_days",
           "data_demanded", "classify_action"]

_EN_PERIOD = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}|" + EN_PATTERN + r"|an?)[\s-]*"
    r"(?:(?:working|business|calendar|natural)[\s-]*)?(?P<unit>day|week|month|hour)s?\b")
_ZH_PERIOD = re.compile(
    r"(?<![第月\d" + ZH_CHARS + r"])(?P<num>\d{1,3}|[" + ZH_CHARS + r"]{1,3})\s*"
    r"(?P<ge>个)?\s*(?:工作|自然)?(?P<unit>日|天|周|星期|月|小时)")
_UNIT_DAYS = {"day": 1, "日": 1, "天": 1, "week": 7, "周": 7, "星期": 7, "month": 30, "月": 30}
_HOURS = {"hour", "小时"}
_DATE_BEFORE = re.compile(r"(?:월|月|/)\s*$")
PERIOD_UNITS = ASSETS / "period_units.yaml"


@lru_cache(maxsize=1)
def _period_units() -> tuple[dict[str, str], frozenset[str], regex.Pattern[str], regex.Pattern[str]]:
    """({unit word: day|week|month|hour}, the words a case ending may follow ("päivä*": päivän, päivässä),
    number-then-word pattern, word-then-number pattern): the words of assets/period_units.yaml (every CLDR
    locale, tools/period_units.py) and of lexicons/periods.yaml (forms CLDR lacks), longest first."""
    data = yaml.safe_load(PERIOD_UNITS.read_text(encoding="utf-8"))
    after: dict[str, str] = {w: unit for unit, words in data["after_number"].items() for w in words}
    before: dict[str, str] = {w: unit for unit, words in data["before_number"].items() for w in words}
    stems = set()
    for category in load_lexicon("periods").categories:
        after.update({p.text: category.name for p in category.phrases if p.text})
        stems |= {p.text for p in category.phrases if p.text and p.open_end}

    def alternation(words: dict[str, str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

    return ({**before, **after}, frozenset(stems), regex.compile(r"(?<![\d.,:/])(\d{1,3})\s*(" + alternation(after) + ")"),
            regex.compile("(" + alternation(before) + r")\s*(\d{1,3})(?![\d]|[.,:/]\d)"))


def _other_period(norm: str) -> int | None:
    """A period in another language (assets/period_units.yaml from CLDR, lexicons/periods.yaml): digits, then a
    unit word right after as a whole word ("30 de zile", "14일 후"), or the unit word right before ("siku 30")."""
    units, stems, after, before = _period_units()
    found: list[tuple[int, int, str]] = []
    for m in after.finditer(norm, overlapped=True):
        if whole(norm, m.start(2), m.end(2), True, m.group(2) in stems) and not _DATE_BEFORE.search(norm[:m.start()]):
            found.append((m.start(), int(m.group(1)), units[m.group(2)]))
    for m in before.finditer(norm, overlapped=True):
        if whole(norm, m.start(1), m.end(1), open_end=True):
            found.append((m.start(), int(m.group(2)), units[m.group(1)]))
    if not found:
        return None
    _, n, unit = min(found)
    return math.ceil(n / 24) if unit == "hour" else n * _UNIT_DAYS[unit]


def shaming_phrases(texts: Iterable[str]) -> list[str]:
    """Element texts whose wording matches the shaming lexicon (original text, in order, unique). A match
    lying inside another match (a button's inner span and the whole button label) is the same phrase: only
    the text containing it is kept."""
    lexicon = load_lexicon("shaming")
    hits = list(dict.fromkeys(t.strip() for t in texts if t and t.strip() and lexicon.match(t)))
    norm = {t: normalise(t) for t in hits}
    return [t for t in hits if not any(o != t and norm[t] in norm[o] for o in hits)]


def waiting_period_days(text: str) -> int | None:
    """The first period stated in the text, in days; None when there is none.

    Working/business days are reported as the number stated (not converted); weeks count
    7 days, months 30, hours round up to whole days. Understands digits, English number
    words and Chinese numerals up to 99: "within 15 working days", "in 2 weeks" → 14,
    "15个工作日内", "三十天", "七日内"; in every other CLDR language digits beside the unit word CLDR
    writes there (assets/period_units.yaml; forms it lacks in lexicons/periods.yaml): "30 de zile", "14일 후",
    "entro 2 settimane" → 14, "siku 30". Dates such as 3月15日,
    3월 15일 and ordinals such as 第二天 are not periods.
    """
    norm = normalise(text)
    found = sorted([*_EN_PERIOD.finditer(norm), *_ZH_PERIOD.finditer(norm)], key=lambda m: m.start())
    for m in found:
        unit = m.group("unit")
        if unit == "月" and not m.group("ge"):
            continue  # 3月 is March; a period of months reads 3个月
        n = parse_number(m.group("num"))
        if n is None:
            continue
        if unit in _HOURS:
            return math.ceil(n / 24)
        return n * _UNIT_DAYS[unit]
    return _other_period(norm)


def data_demanded(labels: Iterable[str]) -> list[str]:
    """Sorted unique data kinds (password, sms_code, id_number, …) named by field labels or placeholders."""
    lexicon = load_lexicon("data_fields")
    return sorted({kind for label in labels if label for kind in lexicon.match(label)})


def classify_action(text: str) -> str | None:
    """Goal category of a button text (decline, permission_request, exit, log_out, …), or None.

    The longest matching phrase decides, so 退出登录 and "log out" are log_out, not exit.
    """
    return load_lexicon("goals").best(text) if text else None

"""Parsers for UI text: shaming wording, waiting periods, demanded data, action kinds."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from consent_audit.detectors.lexicon import Lexicon, load_lexicon, normalise
from consent_audit.detectors.numerals import EN_PATTERN, ZH_CHARS, parse_number

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
_NUMBER = re.compile(r"(?<![\d.,:/])(\d{1,3})\s*")
_DATE_BEFORE = re.compile(r"(?:월|/)\s*$")


def _other_period(norm: str) -> int | None:
    """A period in another language's units (lexicons/periods.yaml): digits, then a unit word right after."""
    hits = {h.start: h.category for h in load_lexicon("periods").hits(norm)}
    for m in _NUMBER.finditer(norm):
        unit = hits.get(m.end())
        if unit is None or _DATE_BEFORE.search(norm[:m.start()]):
            continue
        n = int(m.group(1))
        return math.ceil(n / 24) if unit == "hour" else n * _UNIT_DAYS[unit]
    return None


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
    "15个工作日内", "三十天", "七日内"; in other languages digits before a unit word of
    lexicons/periods.yaml ("30 dias", "14일 후", "entro 2 settimane" → 14). Dates such as 3月15日,
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

"""What a label says, from the goal lexicon (goals.yaml) and the explorer's own (explorer.yaml) together."""
from __future__ import annotations

import re
from functools import lru_cache

from ..detectors.lexicon import Hit, label_key, load_lexicon
from ..detectors.text import data_demanded

_CJK = re.compile(r"[\u3400-\u9fff]")


NEGATION = "negation"


@lru_cache(maxsize=4096)
def categories(text: str) -> frozenset[str]:
    """Categories of both lexicons the text matches; a hit inside a longer hit of another category is dropped,
    across the two files (退出登录 is log_out, not log_in). An agreement negated in the same text (an agree
    word beside a negation of explorer.yaml: "I do not accept", «Kabul etmiyorum») is a decline, whatever the
    language's own phrase lists hold; the negation is never a category by itself."""
    if not text:
        return frozenset()
    hits: list[Hit] = load_lexicon("goals").hits(text) + load_lexicon("explorer").hits(text)
    kept = {h.category for h in hits if not any(g.category != h.category and g.start <= h.start
                                                and g.end >= h.end and g.length > h.length for g in hits)}
    if NEGATION in kept and "agree" in kept:
        kept = (kept - {"agree"}) | {"decline"}
    return frozenset(kept - {NEGATION})


def has(text: str, *names: str) -> bool:
    return bool(categories(text) & set(names))


def data_kinds(text: str) -> list[str]:
    """Data kinds (password, sms_code, id_number …) a field label names (data_fields.yaml)."""
    return data_demanded([text]) if text else []


def language_of(texts: list[str]) -> str:
    """'zh' when the screen's text is mostly Chinese, else 'en'."""
    joined = "".join(texts)
    return "zh" if len(_CJK.findall(joined)) * 3 >= max(1, len(re.sub(r"\s", "", joined))) else "en"


def norm_label(text: str) -> str:
    """A label for identity: normalised, digits as '#' (changing counts keep their identity), bounded."""
    return label_key(text)

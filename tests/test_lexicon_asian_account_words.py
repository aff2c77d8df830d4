"""Account words of South, Southeast and Central Asia and the Caucasus (assets/lexicons explorer.yaml and
goals.yaml): the log-in, the sign-up, the account, its settings and its deletion are read in these languages too.
Before, a log-in form and a sign-up form alike in structure (one e-mail, one password, no autocomplete token) and
worded in Khmer or Tamil were told apart only by sending them (corpus nom and sudar: the log-in sent and refused
first, 4-5 actions), and their settings rows were tried in DOM order (4-6 actions)."""
from __future__ import annotations

import pytest

from consent_audit.explorer import cues

READ = [
    ("ចូលគណនី", "log_in"), ("ចុះឈ្មោះ", "sign_up"), ("បង្កើតគណនី", "sign_up"), ("គណនី", "account"),
    ("ការកំណត់", "settings"), ("លុបគណនី", "cancel_account"),                                   # Khmer
    ("உள்நுழைக", "log_in"), ("பதிவு செய்", "sign_up"), ("கணக்கை உருவாக்கு", "sign_up"), ("கணக்கு", "account"),
    ("அமைப்புகள்", "settings"), ("தனியுரிமை மையம்", "privacy"),
    ("கணக்கை நீக்கு", "cancel_account"), ("கணக்கை நீக்கவும்", "cancel_account"),                 # Tamil
    ("เข้าสู่ระบบ", "log_in"), ("สมัครสมาชิก", "sign_up"), ("การตั้งค่า", "settings"),               # Thai
    ("লগ ইন", "log_in"), ("সাইন আপ", "sign_up"),                                                  # Bengali
    ("لاگ ان", "log_in"), ("اکاؤنٹ بنائیں", "sign_up"), ("ترتیبات", "settings"),                   # Urdu
    ("ثبت نام", "sign_up"), ("تنظیمات", "settings"),                                             # Persian
    ("Magparehistro", "sign_up"), ("Mag-log in", "log_in"),                                      # Tagalog
    ("Нэвтрэх", "log_in"), ("Бүртгүүлэх", "sign_up"),                                             # Mongolian
    ("Մուտք գործել", "log_in"), ("Գրանցվել", "sign_up"), ("Կարգավորումներ", "settings"),           # Armenian
]


@pytest.mark.parametrize("words,category", READ)
def test_the_account_words_are_read(words: str, category: str) -> None:
    assert category in cues.categories(words), (words, cues.categories(words))


@pytest.mark.parametrize("words", ["ចូលចិត្ត",            # Khmer "to like": ចូល alone is no log-in
                                   "தட்டச்சு செய்தும்",     # Tamil "even typing": செய் is no sign-up
                                   "ورود"])                  # Arabic "roses" (Persian "entry"): no log-in alone
def test_a_part_of_another_word_is_not_read_as_an_account_word(words: str) -> None:
    assert not cues.categories(words) & {"log_in", "sign_up"}, cues.categories(words)


def test_the_deletion_words_are_phrases_not_patterns() -> None:
    """A lexicon phrase is matched as whole words with its `*` a stem mark; put into the category's regex list
    (as e67e356 did) it is a bare pattern: no word edges, its `*` a repeat of the letter before."""
    from consent_audit.detectors.lexicon import load_lexicon
    category = next(c for c in load_lexicon("goals").categories if c.name == "cancel_account")
    patterns = " ".join(p.pattern for p in category.patterns)
    for words in ("លុបគណនី", "ջնջել հաշիվը", "கணக்கை நீக்க"):
        assert words not in patterns
        assert any(p.text.startswith(words) for p in category.phrases), words

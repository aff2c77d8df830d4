"""Text parsers and lexicons: table-driven, English and Chinese, positives and negatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_audit.detectors.lexicon import normalise
from consent_audit.detectors.numerals import en_number, zh_number
from consent_audit.detectors.text import (
    classify_action,
    data_demanded,
    load_lexicon,
    shaming_phrases,
    waiting_period_days,
)

SHAMING = [
    "No thanks, I prefer paying full price",
    "No thanks — I'd rather stay uninformed",
    "I don't care about my privacy",
    "I don’t want to save money",              # curly apostrophe
    "No, I like paying full price",
    "I'm not interested in saving money",
    "残忍拒绝",
    "狠心离开",
    "不了，我不需要",                           # full-width comma
    "放弃福利",
    "忍痛放弃",
    "我不想要优惠",
    "含泪放弃 100 元红包",
    "Hapana, sitaki kuokoa pesa",              # sw: no, I don't want to save money (corpus vue-dark)
    "Hapana asante, napendelea kulipa bei kamili",
    "Sijali faragha yangu",
    "Tutakukumbuka!",
]
NOT_SHAMING = [
    "Delete account", "No thanks", "Not now", "Reject all", "Cancel", "Decline",
    "I don't want to receive emails", "Continue", "取消", "不同意", "暂不开启", "以后再说",
    "注销账号", "我知道了", "拒绝", "",
    "Hapana, asante", "Kataa yote", "Sitaki kupokea barua pepe", "Futa akaunti", "Baadaye",
]


@pytest.mark.parametrize("text", SHAMING)
def test_shaming_positive(text: str) -> None:
    assert shaming_phrases([text]) == [text]


@pytest.mark.parametrize("text", NOT_SHAMING)
def test_shaming_negative(text: str) -> None:
    assert shaming_phrases([text]) == []


def test_shaming_keeps_order_and_original_text() -> None:
    texts = ["Accept", "残忍拒绝", "Delete account", "No, I like paying full price", "残忍拒绝"]
    assert shaming_phrases(texts) == ["残忍拒绝", "No, I like paying full price"]
    assert shaming_phrases(iter(texts)) == ["残忍拒绝", "No, I like paying full price"]


@pytest.mark.parametrize("text, days", [
    ("Your account will be deleted within 15 working days.", 15),
    ("Processing takes 15 business days", 15),
    ("We keep your data for 30 days", 30),
    ("You'll hear back in 2 weeks", 14),
    ("within thirty days", 30),
    ("in twenty-one days", 21),
    ("a 30-day cooling-off period", 30),
    ("within a week", 7),
    ("Requests are handled within 24 hours", 1),
    ("WITHIN １５ DAYS", 15),                       # full-width digits
    ("我们将在15个工作日内完成注销", 15),
    ("三十天内可撤销", 30),
    ("15天", 15),
    ("七日内处理", 7),
    ("十五个工作日", 15),
    ("二十一天冷静期", 21),
    ("十天", 10),
    ("两周内", 14),
    ("一个月内", 30),
    ("3个月", 90),
    ("注销申请提交后，3月15日前将在七日内处理", 7),   # the date is skipped
])
def test_waiting_period(text: str, days: int) -> None:
    assert waiting_period_days(text) == days


@pytest.mark.parametrize("text", [
    "Delete account", "Today", "Monday", "注销账号", "3月15日", "第二天", "3月", "每天",
    "Version 2.0", "1.5 days", "", "星期三",
])
def test_waiting_period_absent(text: str) -> None:
    assert waiting_period_days(text) is None


@pytest.mark.parametrize("labels, kinds", [
    (["请输入登录密码"], ["password"]),
    (["Password", "Confirm password"], ["password"]),
    (["短信验证码", "获取验证码"], ["sms_code"]),
    (["Enter the code sent to your phone"], ["sms_code"]),
    (["SMS code"], ["sms_code"]),
    (["身份证号码"], ["id_number"]),
    (["National ID number"], ["id_number"]),
    (["证件号"], ["id_number"]),
    (["注销原因"], ["reason"]),
    (["Tell us the reason you're leaving"], ["reason"]),
    (["请进行人脸识别"], ["face_scan"]),
    (["刷脸验证"], ["face_scan"]),
    (["Take a selfie"], ["face_scan"]),
    (["密码", "验证码", "身份证", "原因", "人脸"],
     ["face_scan", "id_number", "password", "reason", "sms_code"]),
    (["Username", "Facebook", "Interface", "Reasonable", ""], []),
])
def test_data_demanded(labels: list[str], kinds: list[str]) -> None:
    assert data_demanded(labels) == kinds


@pytest.mark.parametrize("text, category", [
    ("退出登录", "log_out"),
    ("Log out", "log_out"),
    ("Sign out", "log_out"),
    ("退出", "exit"),
    ("退出应用", "exit"),
    ("Exit", "exit"),
    ("Quit", "exit"),
    ("取消", "decline"),
    ("以后再说", "decline"),
    ("暂不", "decline"),
    ("暂不开启", "decline"),
    ("不同意", "decline"),
    ("Not now", "decline"),
    ("Skip", "decline"),
    ("Cancel", "decline"),
    ("Don't allow", "decline"),
    ("Don’t Allow", "decline"),
    ("Allow", "permission_request"),
    ("Enable", "permission_request"),
    ("Go to settings", "open_settings"),     # leaving for the system Settings is not an in-app re-ask (#14)
    ("去开启", "permission_request"),
    ("去设置", "open_settings"),
    ("Retry", "retry"),
    ("重试", "retry"),
    ("允许", "permission_request"),
    ("联系客服", "support"),
    ("帮助中心", "support"),
    ("在线客服", "support"),
    ("Contact support", "support"),
    ("Help", "support"),
    ("注销账号", "cancel_account"),
    ("Delete account", "cancel_account"),
    ("Delete my account", "cancel_account"),
    ("删除", "delete"),
    ("注销", "delete"),
    ("隐私", "privacy"),
    ("Privacy", "privacy"),
    ("账号与安全", "security"),
    ("设置", "settings"),
    ("Settings", "settings"),
    ("确认", "confirm"),
    ("下一步", "next"),
    ("Next", "next"),
    ("同意", "agree"),
    ("Ｉ　Ａｇｒｅｅ", "agree"),                  # full-width letters and space
    ("注销成功", "success"),
    ("已提交", "success"),
    ("Your account has been deleted", "success"),
    ("审核中", "pending"),
])
def test_classify_action(text: str, category: str) -> None:
    assert classify_action(text) == category


@pytest.mark.parametrize("text", ["", "Lorem ipsum", "Exiting soon", "Helpful tips", "Allowance"])
def test_classify_action_none(text: str) -> None:
    assert classify_action(text) is None


def test_log_out_is_not_also_exit() -> None:
    goals = load_lexicon("goals")
    assert goals.match("退出登录") == ["log_out"]
    assert goals.match("Log out") == ["log_out"]
    assert goals.match("不同意") == ["decline"]


@pytest.mark.parametrize("raw, norm", [
    ("Ｎｏ，Ｔｈａｎｋｓ！", "no,thanks!"),
    ("I don’t  care\n about “privacy”", 'i don\'t care about "privacy"'),
    ("  以后再说。 ", "以后再说."),
    ("同意、继续", "同意,继续"),
])
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


@pytest.mark.parametrize("text, value", [
    ("七", 7), ("十", 10), ("十五", 15), ("三十", 30), ("二十一", 21), ("九十九", 99), ("两", 2),
    ("一百", None), ("十十", None), ("", None), ("abc", None),
])
def test_zh_number(text: str, value: int | None) -> None:
    assert zh_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("fifteen", 15), ("twenty-one", 21), ("thirty", 30), ("a", 1), ("ninety nine", 99),
    ("hundred", None),
])
def test_en_number(text: str, value: int | None) -> None:
    assert en_number(text) == value


def test_lexicon_is_cached() -> None:
    assert load_lexicon("goals") is load_lexicon("goals")


def test_lexicon_custom_root(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_text(
        "name: mini\ncategories:\n  greet:\n    phrases: [hello, 你好]\n"
        "  count:\n    regex: ['\\d+ items']\n", encoding="utf-8")
    lex = load_lexicon("mini", root=tmp_path)
    assert lex.match("HELLO there") == ["greet"]
    assert lex.match("你好，3 items") == ["greet", "count"]
    assert lex.match("othello") == []                   # word-bounded Latin phrase
    assert lex.phrases("Hello, 2 items") == ["hello", "2 items"]


@pytest.mark.parametrize("body, message", [
    ("categories:\n  a:\n    phrases: [x]\n    words: [y]\n", "unknown keys"),
    ("name: x\nlang: en\ncategories:\n  a:\n    phrases: [x]\n", "unknown keys"),
    ("categories:\n  a:\n    phrases: [yes]\n", "not a non-empty string"),
    ("categories:\n  a:\n    regex: ['(']\n", "bad regex"),
    ("categories:\n  a: {}\n", "neither phrases nor regex"),
    ("categories: {}\n", "non-empty mapping"),
])
def test_lexicon_validation(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_lexicon("bad", root=tmp_path)


@pytest.mark.parametrize("name", ["../rules", "Goals", "a/b", ""])
def test_lexicon_name_must_be_plain(name: str) -> None:
    with pytest.raises(ValueError):
        load_lexicon(name)


def test_missing_lexicon(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_lexicon("absent", root=tmp_path)

"""Issue 13: a consent banner in words no lexicon has, answered at every launch as an unknown modal, was counted
0 per relaunch (a wrong clean). What a launch modal is, is told by what its answer stored and by its words
(`consent_structure.modal_kind`); a count that cannot be told is unmeasured, and consent_nagging with it
(the e2e twin: tests/data/verdicts/launch_consent.html in test_explorer_verdicts_e2e.py)."""
from __future__ import annotations

import pytest

from consent_audit.explorer.consent_structure import CONSENT, OTHER, modal_kind
from consent_audit.findings import evaluate

SWAHILI = ["×", "Tunatumia vidakuzi kupima ziara na kuonyesha matangazo yanayokufaa.", "Kubali zote", "Kataa"]


def test_a_modal_whose_answer_stored_switches_is_consent_in_any_language() -> None:
    stored = {"local:soko-ridhaa": '{"takwimu":false,"matangazo":false}'}
    assert modal_kind(stored, SWAHILI) == CONSENT
    assert modal_kind({"cookie:cc": "analytics%3Ddenied"}, ["×"]) is None     # no switch read: not told
    assert modal_kind({"cookie:cc": '{"analytics":"denied"}'}, ["×"]) == CONSENT
    assert modal_kind(stored, ["We use cookies to count visits.", "OK", "No thanks"]) == CONSENT


def test_a_modal_whose_words_are_read_and_speak_of_no_consent_is_something_else() -> None:
    assert modal_kind({}, ["发现新版本 3.2", "新版本优化了翻页动画。", "以后再说", "立即更新"]) == OTHER   # an update
    assert modal_kind({"local:th-news": "3.2"}, ["What's new in 3.2", "Offline maps", "Got it"]) == OTHER
    assert modal_kind({}, ["双十一 画报会员 5 折", "跳过 5"]) == OTHER                                   # a splash ad


@pytest.mark.parametrize("stored,texts", [
    ({}, SWAHILI),                                             # words unknown (a bare × is read by no language)
    (None, SWAHILI),                                           # storage not readable (Android)
    ({"local:soko": "1"}, SWAHILI),                            # a record without a choice in it
    ({}, ["We use cookies to measure visits.", "×"]),          # it speaks of consent, stored nothing
    ({"local:rate": '{"later":true}'}, ["Enjoying Fieldnotes?", "Rate us", "Not now"]),   # a rating prompt's
    ({"local:tips": '{"shown":true,"dismissed":true}'}, ["Tip: swipe left to archive", "Got it"]),  # boolean
])
def test_a_modal_that_cannot_be_told_is_neither_consent_nor_other(stored, texts) -> None:
    assert modal_kind(stored, texts) is None


def _nagging(consent: list) -> tuple[list[str], dict]:
    result = evaluate("permissions", {"outcomes": {"all": "usable"}, "bundled_demand": False,
                                      "prompts_per_launch": {"permission": [0, 0, 0], "consent": consent}})
    return [f.pattern for f in result.findings], result.unmeasured


def test_a_relaunch_count_not_told_leaves_consent_nagging_unmeasured_never_clean() -> None:
    found, unmeasured = _nagging([None, None, None])
    assert "consent_nagging" not in found and unmeasured.get("consent_nagging") == ["prompts_per_launch.consent"]
    found, unmeasured = _nagging([None, 1, 0])
    assert "consent_nagging" in found and "consent_nagging" not in unmeasured
    found, unmeasured = _nagging([0, 0, 0])
    assert "consent_nagging" not in found and "consent_nagging" not in unmeasured

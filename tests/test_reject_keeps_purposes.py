"""A "reject all" that keeps on a purpose the accept switched on (fresh16's zvezda: «Zavrni vse» stores
{izbira: zavrnjeno, nameni: {analitika: true, oglasi: false, …}}) is consent stored for a refusal unless the
purpose is mandatory; where that cannot be told the refusal is not measured (None), never honoured."""
from __future__ import annotations

import json

from consent_audit.findings.patterns.reject_not_honoured import RULE
from consent_audit.readback import judge

NONE = {"local": {}, "cookies": {}}


def record(choice: str, **purposes: bool) -> dict:
    return {"local": {"app:consent": json.dumps({"choice": choice, "purposes": purposes, "at": "2026-12-02T04:00"})},
            "cookies": {}}


ACCEPT = {"analitika": True, "oglasi": True, "prilagajanje": True}


def test_a_refusal_keeping_an_optional_purpose_on_is_not_honoured() -> None:
    out = judge(NONE, record("sprejeto", **ACCEPT),
                record("zavrnjeno", analitika=True, oglasi=False, prilagajanje=False))
    assert out["reject_honoured"] is False and out["basis"] == "kept_on"
    assert RULE().check({"reject_honoured": False, "stored_choices": out}, {}, {})["stored"] == ["analitika"]


def test_a_refusal_keeping_only_the_mandatory_purpose_on_is_honoured() -> None:
    for name in ("necessary", "essential", "anagkaia", "strictlyNecessary", "zorunlu"):
        accept = record("all", **{name: True, "statistics": True, "ads": True})
        reject = record("none", **{name: True, "statistics": False, "ads": False})
        assert judge(NONE, accept, reject)["reject_honoured"] is True, name
    listed_acc = {"local": {"cc": json.dumps({"categories": ["necessary", "analytics"], "rev": 0})}, "cookies": {}}
    listed_rej = {"local": {"cc": json.dumps({"categories": ["necessary"], "rev": 0})}, "cookies": {}}
    assert judge(NONE, listed_acc, listed_rej)["reject_honoured"] is True


def test_a_kept_purpose_told_by_neither_structure_nor_name_is_not_measured() -> None:
    accept, reject = record("a", zupa=True, oglasi=True), record("r", zupa=True, oglasi=False)
    assert judge(NONE, accept, reject)["reject_honoured"] is None
    # the path showed one purpose locked on: that one is mandatory, whatever its name
    assert judge(NONE, accept, reject, locked=1)["reject_honoured"] is True


def test_a_mark_that_an_answer_was_given_is_no_purpose() -> None:
    accept = {"local": {}, "cookies": {"rcl_consent_given": "true", "rcl_marketing": "true"}}
    reject = {"local": {}, "cookies": {"rcl_consent_given": "true", "rcl_marketing": "false"}}
    assert judge(NONE, accept, reject)["reject_honoured"] is True

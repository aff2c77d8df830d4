"""A consent answer verified by what the app stored (issue 13, kind 14): a refusal stored as consent is found,
a refusal stored as a refusal is not, and nothing readable is never taken for 'honoured'."""
from __future__ import annotations

import json
import re

from consent_audit.findings.patterns.reject_not_honoured import RULE
from consent_audit.readback import judge
from consent_audit.stored_records import switches

NONE = {"local": {"launched": "1"}, "cookies": {}}


def local(**items: str) -> dict:
    return {"local": {"launched": "1", **items}, "cookies": {}}


def test_a_reject_that_stores_what_accept_stores_is_not_honoured() -> None:
    everything = json.dumps({"analytics": True, "ads": True, "at": 1764450000123})
    later = json.dumps({"analytics": True, "ads": True, "at": 1764450009999})
    out = judge(NONE, local(choices=everything), local(choices=later))
    assert out["reject_honoured"] is False
    assert RULE().check({"reject_honoured": False, "stored_choices": out}, {}, {})["stored"]


def test_every_purpose_switched_on_after_reject_is_not_honoured() -> None:
    accept = {"local": {}, "cookies": {"cc": json.dumps({"level": "all", "analytics": True, "ads": True})}}
    reject = {"local": {}, "cookies": {"cc": json.dumps({"level": "custom", "analytics": True, "ads": True})}}
    assert judge({"local": {}, "cookies": {}}, accept, reject)["reject_honoured"] is False


def test_a_refusal_stored_as_a_refusal_is_honoured() -> None:
    out = judge(NONE, local(consent="accepted", purposes='["ads","analytics"]'),
                local(consent="rejected", purposes="[]"))
    assert out["reject_honoured"] is True
    assert RULE().check({"reject_honoured": True, "stored_choices": out}, {}, {}) is None


def test_a_tcf_answer_decides() -> None:
    tcf = lambda **p: {"local": {}, "cookies": {"euconsent-v2": "CQabcdefghijklmnopqrs"}, "tcf": {"purposes": p}}
    assert judge(NONE, tcf(**{"1": True, "2": True}), tcf(**{"1": True, "2": False}))["reject_honoured"] is False
    assert judge(NONE, tcf(**{"1": True}), tcf(**{"1": False}))["reject_honoured"] is True


def test_nothing_readable_is_an_open_question_not_a_verdict() -> None:
    assert judge(NONE, NONE, NONE)["reject_honoured"] is None
    assert judge(None, None, None)["reject_honoured"] is None
    assert RULE().check({"reject_honoured": None, "stored_choices": {}}, {}, {}) is None


def test_random_ids_do_not_make_choices_differ_or_alike() -> None:
    accept = local(uid="a81f3c9e0b7d4e21aa90", consent="accepted")
    reject = local(uid="f00d9e8c7b6a5d4c3b21", consent="rejected")
    assert judge(NONE, accept, reject)["reject_honoured"] is True
    only_ids = judge(NONE, local(uid="a81f3c9e0b7d4e21aa90"), local(uid="f00d9e8c7b6a5d4c3b21"))
    assert only_ids["reject_honoured"] is not False


def test_a_choice_kept_as_base64_json_is_read_as_switches() -> None:
    """@beyonk/gdpr-cookie-consent-banner keeps btoa(JSON.stringify({choices})) in its cookie (js-cookie percent-
    encodes the padding; a random fp beside consented analytics). Before, it read as an opaque token: no switches,
    so the consent probe could not tell accept from reject, and a refusal compared with consent as "the same
    record". An id that is no base64 JSON stays a token."""
    import base64
    from urllib.parse import quote

    from consent_audit.stored_records import switches
    def kept(choices: dict, fp: str = "") -> dict:
        record = {"choices": choices, **({"fp": fp} if fp else {})}
        return {"local": {}, "cookies": {"kosar_suti": quote(base64.b64encode(json.dumps(record).encode()).decode())}}
    off = {"necessary": True, "tracking": False, "analytics": False}
    on = {"necessary": True, "tracking": True, "analytics": True}
    assert switches(kept(off)["cookies"]) == {"kosar_suti.choices.necessary": True,
                                             "kosar_suti.choices.tracking": False,
                                             "kosar_suti.choices.analytics": False}
    assert judge({"local": {}, "cookies": {}}, kept(on, "Xb3kq9Zt1mWc8RrLp0VsYe4NhUa6GfJd"), kept(off))[
        "reject_honoured"] is True
    assert judge({"local": {}, "cookies": {}}, kept(on), kept(on))["reject_honoured"] is False
    assert switches({"sid": "Xb3kq9Zt1mWc8RrLp0VsYe4NhUa6GfJd"}) == {}


def test_accept_and_decline_words_stored_as_the_answer_are_on_and_off() -> None:
    """vue-cookie-accept-decline keeps 'accept' / 'decline' (and 'postpone', no choice) under one key."""
    assert switches({"local:vue-cookie-accept-decline-x": "accept"}) == {"local:vue-cookie-accept-decline-x": True}
    assert switches({"local:vue-cookie-accept-decline-x": "decline"}) == {"local:vue-cookie-accept-decline-x": False}
    assert switches({"local:vue-cookie-accept-decline-x": "postpone"}) == {}


def test_a_choice_kept_as_name_value_pairs_in_one_cookie_is_read_as_switches() -> None:
    """cookie-though keeps «essential:1|statistics:0|…» in one cookie (corpus shonar), CookieYes
    «consent:yes,analytics:no,…», OneTrust a query string whose «groups» holds «C0001:1,C0002:0». Before, the
    value was one opaque string: no switches, and with its digits masked the refusal compared with the accept
    as "the same record" (a false reject_not_honoured; in words no lexicon has, "every answer stored the same
    choice"). A value holding no pairs stays a value."""
    from urllib.parse import quote

    from consent_audit.stored_records import _parse
    def kept(value: str) -> dict:
        return {"local": {}, "cookies": {"shonar_consent": value}}
    refused, accepted = "essential:1|statistics:0|marketing:0", "essential:1|statistics:1|marketing:1"
    assert switches(kept(refused)["cookies"]) == {"shonar_consent.essential": True,
                                                 "shonar_consent.statistics": False,
                                                 "shonar_consent.marketing": False}
    assert judge({"local": {}, "cookies": {}}, kept(accepted), kept(refused))["reject_honoured"] is True
    assert judge({"local": {}, "cookies": {}}, kept(accepted), kept(quote(accepted)))["reject_honoured"] is False
    assert switches({"c": "consentid:Xb3kq9Zt1mWc8RrL,consent:yes,analytics:no"}) == {"c.consent": True,
                                                                                    "c.analytics": False}
    assert _parse("isGpcEnabled=0&version=6.1&groups=C0001%3A1%2CC0002%3A0")["groups"] == {"C0001": True,
                                                                                          "C0002": False}
    for plain in ("en-US,en;q=0.9", "a:b", "https://example.test/a?b=c", "1764450000123"):
        assert _parse(plain) == (1764450000123 if plain.isdigit() else plain)


def test_a_choice_kept_as_json_numbers_is_read_as_switches() -> None:
    """A record whose purposes are JSON numbers ({"analytics":1,"ads":0}) or flag strings ("1"/"0", "yes"/"no"),
    and a bare cookie «consent=1» / «consent=0». Before, a number was no switch: with its digits masked the
    refusal compared with the accept as "the same record" — a refusal honoured reported as not honoured."""
    def kept(value: str) -> dict:
        return {"local": {}, "cookies": {"consent": value}}
    nothing = {"local": {}, "cookies": {}}
    assert switches({"c": json.dumps({"necessary": 1, "analytics": 1, "ads": 0})}) == {
        "c.necessary": True, "c.analytics": True, "c.ads": False}
    assert switches({"c": json.dumps({"analytics": "1", "ads": "0"})}) == {"c.analytics": True, "c.ads": False}
    assert switches({"c": json.dumps({"analytics": "yes", "ads": "no"})}) == {"c.analytics": True, "c.ads": False}
    on, off = json.dumps({"analytics": 1, "ads": 1, "v": 2}), json.dumps({"analytics": 0, "ads": 0, "v": 2})
    assert judge(nothing, kept(on), kept(off))["reject_honoured"] is True
    assert judge(nothing, kept(on), kept(on))["reject_honoured"] is False
    yes, no = json.dumps({"analytics": "yes", "ads": "yes"}), json.dumps({"analytics": "no", "ads": "no"})
    assert judge(nothing, kept(yes), kept(no))["reject_honoured"] is True
    assert judge(nothing, kept("1"), kept("0"))["reject_honoured"] is True
    assert judge(nothing, kept("1"), kept("1"))["reject_honoured"] is False
    # a version, a count or a time is no switch
    assert switches({"c": json.dumps({"version": 2, "at": 1764450000123, "ratio": 0.5})}) == {}


def test_a_refusal_whose_save_ignored_the_unticks_still_consents() -> None:
    """Issue 13 kind 14 (verdict page untick_ignored): a settings layer with «necessary» locked, two purposes
    ticked in advance and a third off; its save ignores the unticks and keeps the two on. The record differs from
    the accept's all-on (the third is off), so it was judged honoured: the refusal, shown 3 purposes to switch
    off (1 locked), switched off 1 and keeps 3 on — it still consents."""
    accept = local(c=json.dumps({"necessary": True, "measure": True, "ads": True, "partners": True}))
    ignored = local(c=json.dumps({"necessary": True, "measure": True, "ads": True, "partners": False}))
    out = judge(NONE, accept, ignored, optional=3, locked=1)
    assert out["reject_honoured"] is False
    # the same save honouring the unticks refuses; so does a record keeping only the locked purpose on, and a
    # record also holding a flag of its own ("answered") whose layer showed no necessary row (none locked)
    honoured = local(c=json.dumps({"necessary": True, "measure": False, "ads": False, "partners": False}))
    assert judge(NONE, accept, honoured, optional=3, locked=1)["reject_honoured"] is True
    flagged = local(c=json.dumps({"answered": True, "stats": True}))
    assert judge(NONE, flagged, local(c=json.dumps({"answered": True, "stats": False})),
                 optional=1, locked=0)["reject_honoured"] is True
    # purposes kept as a list of names: one of two still listed after a refusal that showed two to switch off
    assert judge(NONE, local(c='["ads","stats"]', v="2"), local(c='["ads"]', v="1"),
                 optional=2)["reject_honoured"] is False
    # no box shown on the reject path (a direct «reject»): told by the records alone — it keeps «ads» (an
    # optional purpose by its name) on beside «necessary»: consent stored for a refusal (fixZV, kept_purposes.py)
    assert judge(NONE, accept, ignored)["reject_honoured"] is False


def _categories(names: list[str], consent_id: str, at: str) -> dict:
    """vanilla-cookieconsent 3's cookie: the purposes consented to as a list, a new uuid and time per answer."""
    return {"local": {}, "cookies": {"cc_cookie": json.dumps(
        {"categories": names, "revision": 0, "data": None, "consentTimestamp": at, "consentId": consent_id,
         "services": {n: [] for n in names}, "languageCode": "zh", "lastConsentTimestamp": at})}}


def test_a_refusal_listing_every_purpose_the_accept_listed_is_not_honoured_whatever_its_new_id() -> None:
    """Before: the new consentId and time made the records differ — "other choices", honoured (a false clean of a
    reject that consents: cookieconsent-dark's save with its pre-ticked purposes still on)."""
    accept = _categories(["necessary", "analytics", "ads"], "f3a9c2e1-77bd-4c1e-9a0b-2d6e5f8a1b3c", "2026-12-01T15:01:02Z")
    same = _categories(["necessary", "analytics", "ads"], "9b8e7d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "2026-12-01T15:02:09Z")
    out = judge({"local": {}, "cookies": {}}, accept, same)
    assert out["reject_honoured"] is False and out["reject_listed"] == ["ads", "analytics", "necessary"]
    refused = _categories(["necessary"], "9b8e7d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "2026-12-01T15:02:09Z")
    assert judge({"local": {}, "cookies": {}}, accept, refused)["reject_honoured"] is True


def test_the_finding_says_how_it_was_told_in_the_report_s_language() -> None:
    """Before: the finding's message carried readback's English `how` into the Chinese report too («选择拒绝后，应用
    存储的仍是同意（the reject path stored what the accept path stored）…», fresh13, stop 33). Each way a refusal is
    told to consent is a reason with a sentence in each language."""
    from consent_audit.findings.base import render
    everything = json.dumps({"analytics": True, "ads": True, "at": 1764450000123})
    later = json.dumps({"analytics": True, "ads": True, "at": 1764450009999})
    tcf = lambda **p: {"local": {}, "cookies": {"euconsent-v2": "CQabcdefghijklmnopqrs"}, "tcf": {"purposes": p}}
    cases = [judge(NONE, local(choices=everything), local(choices=later)),
             judge(NONE, tcf(**{"1": True, "2": True}), tcf(**{"1": True, "2": False}))]
    for out in cases:
        figures = RULE().check({"reject_honoured": False, "stored_choices": out}, {}, {})
        zh = render("reject_not_honoured", "consent", figures, "zh")
        en = render("reject_not_honoured", "consent", figures, "en")
        assert not re.search(r"\b(the|path|stored|after|relaunch)\b", zh), zh
        assert re.search(r"\b(accept path|TCF)\b", en), en


def test_the_evidence_line_is_the_finding_s_own_english_reason() -> None:
    """`how` (the evidence's line) and the finding's reason were two texts saying one thing apart; `how` is now the
    reason's English sentence in assets/findings.yaml, its figures filled in."""
    from consent_audit.findings.base import templates
    parts = templates()["reject_not_honoured"]["parts"]
    everything = json.dumps({"analytics": True, "ads": True, "at": 1764450000123})
    out = judge(NONE, local(choices=everything), local(choices=json.dumps({"analytics": True, "ads": True, "at": 9})))
    assert out["basis"] == "same_record" and out["how"] == parts["same_record"]["en"]
    fewer = judge(NONE, local(a="on", b="on", c="on"), local(a="on", b="on", c="off"), optional=2, locked=0)
    assert fewer["basis"] == "fewer_off" and fewer["how"] == parts["fewer_off"]["en"].format(optional=2, locked=0)


def test_reason_names_are_unique_across_findings() -> None:
    """`findings.base.part_text` finds a reason by its name alone: no two findings may name a reason alike."""
    from collections import Counter

    from consent_audit.findings.base import templates
    names = Counter(n for e in templates().values() if isinstance(e, dict) for n in (e.get("parts") or {}))
    assert [n for n, k in names.items() if k > 1] == []

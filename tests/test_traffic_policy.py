"""The privacy-policy figures read from the traffic capture (consent_audit/traffic/policy_data.py) and the two
policy rules they feed: what went out before the policy could be read, which third parties the policy text
names (tracker database names) against the third-party hosts the app contacted."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from traffic_fakes import ListSource
from consent_audit.findings.registry import evaluate
from consent_audit.masking import Masker
from consent_audit.traffic.honey import Planted
from consent_audit.traffic.log import TrafficLog
from consent_audit.traffic.policy_data import hosts_contacted, named_parties, sent_before_policy, undeclared

T0 = 1_790_000_000.0
EMAIL = Planted("device account e-mail", "email", "honey.fairly@example.test")


def request(url: str, wall: float, body: str = "") -> dict[str, Any]:
    return {"_wallTime": wall, "time": 5.0, "_requestBody": body.encode() if body else None,
            "request": {"method": "POST" if body else "GET", "url": url, "headers": [], "queryString": [],
                        "cookies": [], "bodySize": len(body)},
            "response": {"status": 204, "headers": [], "content": {"size": 0, "mimeType": ""}}}


def first_run(tmp_path: Path) -> TrafficLog:
    """Launch (step 1) sends to Adjust with the e-mail and loads a first-party script; a tap (step 2) sends to
    Amplitude; a later step (5) to an unknown third party."""
    source = ListSource()
    log = TrafficLog(source, Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    for step, wall in ((1, T0), (2, T0 + 2), (5, T0 + 5)):
        log.step_started(step, wall)
    log.phase("launch", since=T0, step=1, consent="unanswered")
    source.queue = [request("http://127.0.0.1:8000/static/app.js", T0 + 0.1),
                    request("http://app.adjust.com:9/session", T0 + 0.3, '{"em": "honey.fairly@example.test"}'),
                    request("http://api.amplitude.com:9/2/httpapi", T0 + 2.2, '{"event": "tap"}'),
                    request("http://cdn.unknown-party.example/x.gif", T0 + 5.1)]
    return log


def test_data_sent_before_the_policy_counts_the_steps_up_to_the_one_showing_it(tmp_path: Path) -> None:
    log = first_run(tmp_path)
    shown_at_launch = sent_before_policy(log, [EMAIL], 1, 1)
    assert [(r["host"], r["tracker"], r["planted"]) for r in shown_at_launch] == [
        ("app.adjust.com", "Adjust", ["device account e-mail"])]
    never_shown = sent_before_policy(log, [EMAIL], 1, 4)      # until the last step before a feature was used
    assert [r["host"] for r in never_shown] == ["api.amplitude.com", "app.adjust.com"]
    assert sent_before_policy(None, [EMAIL], 1, 1) is None                  # not captured: unmeasured


def test_hosts_contacted_are_the_third_parties_with_who_the_database_says_they_are(tmp_path: Path) -> None:
    hosts = hosts_contacted(first_run(tmp_path), [EMAIL])
    assert hosts == [{"host": "api.amplitude.com", "tracker": "Amplitude", "company": "Amplitude"},
                     {"host": "app.adjust.com", "tracker": "Adjust", "company": "Adjust GmbH"},
                     {"host": "cdn.unknown-party.example", "tracker": None, "company": None}]
    assert hosts_contacted(None) is None


def test_the_policy_names_a_party_by_tracker_or_company_name_as_a_whole_word() -> None:
    text = [("p1", "We share statistics with Adjust GmbH and with Meta."),
            ("p2", "Our partner Amplitudes Inc. and the word segmentation name nobody.")]
    named = named_parties(text)
    assert {"Adjust", "Adjust GmbH", "Meta"} <= set(named)
    assert "Amplitude" not in named                              # part of another word
    assert named_parties([("p", "Wir teilen Daten mit der Adjust.")]) == ["Adjust", "Adjust GmbH"]   # no "GmbH"
    hosts = [{"host": "app.adjust.com", "tracker": "Adjust", "company": "Adjust GmbH"},
             {"host": "api.amplitude.com", "tracker": "Amplitude", "company": "Amplitude"},
             {"host": "cdn.unknown-party.example", "tracker": None, "company": None}]
    assert [h["host"] for h in undeclared(hosts, named)] == ["api.amplitude.com"]   # unknown: not compared


POLICY = {"policy_permissions": ["camera"], "permissions_requested": ["camera"], "deletion_in_app": True,
          "policy_deletion_days": None, "waiting_period_days": 0, "policy_at_first_run": True}


def test_an_undeclared_recipient_is_a_contradiction_with_the_har_as_evidence() -> None:
    hosts = [{"host": "api.amplitude.com", "tracker": "Amplitude", "company": "Amplitude"}]
    found = [f for f in evaluate("policy", {**POLICY, "hosts_contacted": hosts, "policy_third_parties": []},
                                 {"policy": ["p.png"], "traffic": ["t/traffic.har"]}).findings
             if f.pattern == "policy_contradicts_behaviour"]
    assert len(found) == 1 and found[0].figures["reasons"] == ["third_parties"]
    assert "api.amplitude.com (Amplitude)" in found[0].messages["en"] and "t/traffic.har" in found[0].evidence
    named = evaluate("policy", {**POLICY, "hosts_contacted": hosts, "policy_third_parties": ["Amplitude"]},
                     {"policy": ["p.png"]}).findings
    assert not [f for f in named if f.pattern == "policy_contradicts_behaviour"]
    unmeasured = evaluate("policy", {**POLICY, "hosts_contacted": None, "policy_third_parties": None},
                          {"policy": ["p.png"]}).findings            # no capture: the pair is skipped, not cleared
    assert not [f for f in unmeasured if f.pattern == "policy_contradicts_behaviour"]


def test_data_sent_before_a_policy_never_shown_is_in_its_finding() -> None:
    rows = [{"phase": "launch", "host": "app.adjust.com", "path": "/session", "tracker": "Adjust",
             "company": "Adjust GmbH", "planted": ["device account e-mail"]}]
    found, = [f for f in evaluate("policy", {**POLICY, "policy_at_first_run": False, "prompts_before_policy": 0,
                                             "data_sent_before_policy": rows},
                                  {"first_launch": ["f.png"], "traffic": ["t/traffic.har"]}).findings
              if f.pattern == "policy_not_shown_first_run"]
    assert "app.adjust.com (Adjust, Adjust GmbH)/session [launch] sending device account e-mail" in found.messages["en"]
    assert found.evidence == ["f.png", "t/traffic.har"]


def test_the_apps_own_name_is_not_a_third_party_the_policy_names() -> None:
    """A corpus app called Stride: the tracker database knows a company Stride, and the policy speaks of the app
    by its name — that names no third party."""
    text = [("p", "Stride keeps your workouts on your phone. We share nothing with Google Analytics.")]
    assert "Stride" in named_parties(text)
    named = named_parties(text, ["Stride — meal and run log", ""])
    assert "Stride" not in named and "Google Analytics" in named

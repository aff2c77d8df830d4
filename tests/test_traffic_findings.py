"""The traffic rules over the ground truth, and the figures from captured entries without a browser.

1. Each reference variant's truth says, per flow, the traffic figures (which request to which host in which
   phase carries which planted value); the rules run over exactly those figures must find exactly the
   variant's truth findings of the traffic patterns.
2. Synthetic HAR entries in attributed phases give those figures: tracker or planted data before consent,
   after reject, a TCF string granting purposes after reject, the location after geolocation was denied."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from consent_audit.findings.registry import evaluate
from consent_audit.masking import Masker
from consent_audit.traffic.dataflows import planted_values
from consent_audit.traffic.measure import FIGURES, traffic_metrics

TRUTH = Path(__file__).resolve().parent.parent / "refapp" / "truth"
TRAFFIC_PATTERNS = {"tracking_before_consent", "tracking_after_reject", "data_after_permission_denied",
                    "consent_string_contradicts_choice"}
WITH_TRAFFIC = sorted(p.stem for p in TRUTH.glob("*.json") if "traffic" in json.loads(p.read_text()))
TC_GRANTS = json.loads((TRUTH.parent / "variants" / "tracking-after-reject.json").read_text())["tracking"]["tc_string"]


def test_the_traffic_variants_have_traffic_truth() -> None:
    assert {"tracking-fair", "tracking-before-consent", "tracking-after-reject", "location-after-denial"} <= set(WITH_TRAFFIC)


@pytest.mark.parametrize("variant", WITH_TRAFFIC)
@pytest.mark.parametrize("flow", ["consent", "permissions"])
def test_rules_over_the_truth_find_the_truth(variant: str, flow: str) -> None:
    truth = json.loads((TRUTH / f"{variant}.json").read_text())
    figures = truth["traffic"][flow]
    found = evaluate(flow, figures, {"traffic": ["traffic.har"]}).findings
    expected = sorted(set(truth["findings_by_flow"][flow]) & TRAFFIC_PATTERNS)
    assert sorted(f.pattern for f in found if f.pattern in TRAFFIC_PATTERNS) == expected
    for finding in found:
        if finding.pattern in TRAFFIC_PATTERNS:
            assert finding.rule_refs and finding.evidence == ["traffic.har"]
            assert all(row["host"] in finding.messages["en"] for row in finding.figures.get("requests", []))


def test_without_a_capture_every_figure_is_unmeasured() -> None:
    assert traffic_metrics(None, []) == {name: None for name in FIGURES}
    unmeasured = evaluate("consent", {"sent_before_consent": None, "sent_after_reject": None,
                                      "tc_strings_after_reject": None}).unmeasured
    assert {"tracking_before_consent", "tracking_after_reject", "consent_string_contradicts_choice"} <= set(unmeasured)


class Source:
    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.entries = entries

    def drain(self) -> list[dict[str, Any]]:
        out, self.entries = self.entries, []
        return out

    def flush(self) -> list[dict[str, Any]]:
        return []


def request(url: str, wall: float, body: str = "", blocked: str = "") -> dict[str, Any]:
    entry = {"_wallTime": wall, "request": {"method": "POST", "url": url, "headers": []},
             "response": {"status": 204, "headers": [], "content": {}}, "_requestBody": body.encode()}
    if blocked:
        entry["_blocked"] = blocked
    return entry


def test_figures_from_attributed_entries(tmp_path: Path) -> None:
    from consent_audit.traffic.log import TrafficLog
    import hashlib
    email = "honey.fairly@example.test"
    planted = planted_values([{"name": "e-mail", "kind": "email", "value": email},
                              {"name": "ad id", "kind": "device_id", "value": "6f1b2c3d-4e5f"}],
                             {"latitude": 39.9087, "longitude": 116.3975})
    hashed = hashlib.sha256(email.encode()).hexdigest()
    entries = [
        request("http://app.adjust.com/session", 100.5, json.dumps({"em": hashed, "gps_adid": "6f1b2c3d-4e5f"})),
        request("http://127.0.0.1:8000/api/x/config", 100.6, "ad=6f1b2c3d-4e5f"),     # first party: not tracking
        request("https://api.mixpanel.com/track", 100.7, "x", blocked="csp"),          # never left the browser
        request("http://api.amplitude.com/2/httpapi", 200.5, f"gdpr_consent={TC_GRANTS}&id=1"),
        request("http://ulogs.umeng.com/unify_logs", 300.5, "lat=39.9087&lng=116.3975"),
        request("http://unknown.example/x", 300.6, "nothing=here"),
    ]
    log = TrafficLog(Source(entries), Masker(), tmp_path, "http://127.0.0.1:8000/app/x/")
    log.phase("launch", since=100.0, step=1, consent="unanswered")
    log.phase("after reject", since=200.0, step=2, consent="rejected")
    log.phase("relaunch, revoked", since=300.0, step=3, consent="accepted", denied=["geolocation"])
    figures = traffic_metrics(log, planted)
    assert figures["sent_before_consent"] == [
        {"phase": "launch", "host": "app.adjust.com", "path": "/session", "tracker": "Adjust",
         "company": "Adjust GmbH", "planted": ["ad id", "e-mail"]}]
    assert [r["host"] for r in figures["sent_after_reject"]] == ["api.amplitude.com"]
    assert figures["tc_strings_after_reject"] == [{"phase": "after reject", "host": "api.amplitude.com",
                                            "where": "body:gdpr_consent", "cmp_id": 300,
                                            "purposes": [1, 2, 3, 4, 7, 9, 10], "vendors": [755, 793]}]
    assert figures["sent_while_denied"] == [
        {"permission": "geolocation", "phase": "relaunch, revoked", "host": "ulogs.umeng.com",
         "path": "/unify_logs", "planted": ["emulated device location"]}]
    assert [(r["phase"], r["host"], r["sent"]) for r in figures["data_flows"]] == [
        ("launch", "app.adjust.com", ["ad id", "e-mail"]), ("after reject", "api.amplitude.com", []),
        ("relaunch, revoked", "ulogs.umeng.com", ["emulated device location"]),
        ("relaunch, revoked", "unknown.example", [])]
    assert figures["traffic_requests"] == 6


def test_the_platforms_own_calls_and_what_came_before_the_launch_are_not_the_apps(tmp_path: Path) -> None:
    from consent_audit.traffic.log import TrafficLog
    entries = [request("https://update.googleapis.com/service/update2/json", 50.0),       # before the launch
               request("https://update.googleapis.com/service/update2/json", 100.5),      # the browser's updater
               request("https://content-autofill.googleapis.com/v1/pages/x", 100.6),
               request("http://app.adjust.com/session", 100.7)]
    log = TrafficLog(Source(entries), Masker(), tmp_path, "http://127.0.0.1:8000/", platform="web-chromium")
    log.phase("launch", since=100.0, step=1, consent="unanswered")
    figures = traffic_metrics(log, [])
    assert [r["host"] for r in figures["sent_before_consent"]] == ["app.adjust.com"]
    assert [e.get("_platform", False) for e in log.entries] == [True, True, True, False]      # kept in the HAR

"""A request that got no response (an unknown host, refused, cut off) is said as sent without a response, never
as delivered: the finding cites what the app sent, and no more than that."""
from __future__ import annotations

from consent_audit.findings.traffic import said
from consent_audit.traffic.dataflows import _failure, evidence_rows


def _row(path: str, failed: str | None) -> dict:
    return {"phase": "launch", "phase_index": 1, "host": "www.google-analytics.com", "path": path,
            "tracker": "Google Analytics", "company": "Google", "planted": [], "failed": failed}


def test_a_request_without_a_response_is_sent_not_delivered() -> None:
    assert _failure({"response": {"status": 0}, "_error": "net::ERR_NAME_NOT_RESOLVED"}) == "net::ERR_NAME_NOT_RESOLVED"
    assert _failure({"response": {"status": 0}}) == "no response" and _failure({"response": {"status": 204}}) is None
    rows = evidence_rows([_row("/collect", "net::ERR_NAME_NOT_RESOLVED"), _row("/g/collect", None),
                          _row("/g/collect", "net::ERR_NAME_NOT_RESOLVED")])
    lost, answered = rows
    assert lost["not_delivered"] == "net::ERR_NAME_NOT_RESOLVED" and "not_delivered" not in answered
    lines = said(rows)
    assert lines[0].endswith("(sent, no response: net::ERR_NAME_NOT_RESOLVED)") and "no response" not in lines[1]

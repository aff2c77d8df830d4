"""The data-flows part of the evidence summary: a table and an inline graph per audit, from metrics.data_flows,
in both languages, with no external resource; unmeasured when the traffic was not captured."""
from __future__ import annotations

from consent_audit.evidence.dataflows_page import flows_section
from consent_audit.evidence.summary_page import load_strings
from consent_audit.report import third_party_references

ROWS = [{"phase": "launch", "host": "app.adjust.com", "tracker": "Adjust", "company": "Adjust GmbH",
         "requests": 2, "sent": ["advertising id", "device account e-mail"]},
        {"phase": "after accept", "host": "cdn.example", "tracker": None, "company": None, "requests": 1, "sent": []}]


def test_the_table_and_graph_say_who_got_what_in_each_phase() -> None:
    for language in ("en", "zh"):
        strings = load_strings()[language]
        html = flows_section({"data_flows": ROWS}, strings)
        assert strings["flows_title"] in html and "<svg" in html and "<table class=\"flows\">" in html
        assert "app.adjust.com" in html and "Adjust GmbH" in html and "advertising id, device account e-mail" in html
        assert strings["flows_unknown"] in html                      # a host the database does not know
        assert third_party_references(html) == []


def test_nothing_sent_and_not_captured_are_said_apart() -> None:
    strings = load_strings()["en"]
    assert strings["flows_none"] in flows_section({"data_flows": []}, strings)
    assert strings["flows_unmeasured"] in flows_section({"data_flows": None}, strings)
    assert flows_section({"steps": 3}, strings) == ""                # a flow without traffic figures

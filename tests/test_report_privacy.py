"""The report makes no third-party request: Allure 3's tracker is removed and the check finds remote loads."""
from __future__ import annotations

from consent_audit.report import strip_trackers, summary_table, third_party_references

ALLURE_HEAD = """<html><head><script src="data:text/javascript;base64,AAAA"></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', {"report": "awesome"});
    </script>
    <script async>window.allureReportData = {};</script></head>
<body><a href="https://allurereport.org">Allure</a></body></html>"""


def test_tracker_is_stripped_and_the_rest_kept() -> None:
    assert third_party_references(ALLURE_HEAD)
    clean = strip_trackers(ALLURE_HEAD)
    assert third_party_references(clean) == []
    assert "allureReportData" in clean and "data:text/javascript" in clean
    assert 'href="https://allurereport.org"' in clean      # a link a person may click is not a request


def test_every_kind_of_remote_load_is_reported() -> None:
    for html in ('<img src="https://cdn.example/x.png">', '<link rel="stylesheet" href="//fonts.example/css">',
                 '<iframe src="http://t.example/">', '<div style="background:url(https://x.example/a.png)">',
                 '<script src="https://x.example/a.js"></script>'):
        assert third_party_references(html), html
    assert third_party_references('<img src="data:image/png;base64,AA"><script src="app.js"></script>') == []


def test_summary_table_marks_results_not_as_expected() -> None:
    table = summary_table({"results": [
        {"target": "t", "flow": "deletion", "status": "failed", "as_expected": False,
         "metrics": {"steps": 13}, "findings": [{"pattern": "obstructed_deletion"}]}]})
    assert "NOT as expected" in table and "obstructed_deletion" in table and "steps to delete=13" in table


def test_summary_table_says_how_many_rules_were_left_out() -> None:
    table = summary_table({"results": [
        {"target": "t", "flow": "consent", "outcome": "clean", "findings": [],
         "metrics": {"accept_steps": 1, "not_checked": {"tracking_before_consent": "off", "tracking_after_reject": "off"}}}]})
    assert "clean (2 not checked)" in table and "not_checked=" not in table and "steps to accept=1" in table

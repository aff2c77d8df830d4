"""The human-readable summary says its figures in words and names each pattern for the flow it was checked in
(new users read `null`, `[1, 1, 1]` and `{}` as JSON on the page, and a deletion's prominence finding titled as a
consent dialog's "Accept made far more prominent than reject"); summary.json keeps the raw figures."""
from __future__ import annotations

import json
from pathlib import Path

from consent_audit.evidence.summary_page import SummaryPage
from consent_audit.figure_words import figure_lines, figure_words, pattern_title, words_in
from consent_audit.report import summary_table
from consent_audit.rules import load_catalog

DELETION = {"target": "app", "flow": "deletion", "outcome": "found", "folder": "", "findings": [
    {"pattern": "visual_interference", "rule_refs": [], "evidence": [], "message": "keep is bigger",
     "figures": {"reasons": ["area"], "area_ratio": 3.14159, "contrast_reject": None}}],
    "metrics": {"steps": 4}}
PERMISSIONS = {"target": "app", "flow": "permissions", "outcome": "clean", "folder": "", "findings": [],
               "metrics": {"prompts_per_launch": {"permission": [1, 1, 1], "consent": [0, None, 0]},
                           "requested_at_launch": [], "bundled_demand": False, "sent_while_denied": None,
                           "waiting_period_days": None, "decision_prominence": {},
                           "blockers": {"camera": None}}}


def _page(tmp_path: Path, language: str = "en") -> str:
    summary = {"run_id": "r", "results": [DELETION, PERMISSIONS]}
    (tmp_path / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    flows = {"deletion": ["obstructed_deletion", "visual_interference"],
             "permissions": ["permission_nagging", "consent_nagging"]}
    custody = {"run_id": "r", "targets": {"app": {"url": "http://127.0.0.1:1/app/", "build": None,
                                                  "screen": {"width": 390, "height": 844}}}}
    return SummaryPage(tmp_path, custody, language, "e.zip", load_catalog(), flows).render()


def test_figures_are_words_not_json(tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert "1, 1, 1" in page and "0, not measured, 0" in page and "none stated" in page
    for raw in ("null", "[1, 1, 1]", "[]", "{}", "false", "&quot;permission"):
        assert raw not in page, raw
    assert "width: 390" in page        # a mapping in the identity too
    assert "camera: no blocking screen" in page      # a None inside a figure read by the figure's name
    assert "3.14" in page and "3.14159" not in page


def test_a_deletion_prominence_finding_is_about_its_last_decision(tmp_path: Path) -> None:
    page = _page(tmp_path)
    deletion = page[page.index("Account deletion —"):page.index("Permissions —")]
    assert "Accept made far more prominent than reject" not in deletion
    assert "last decision before deletion" in deletion
    consent = SummaryPage(tmp_path, {}, "en", "e.zip", load_catalog(), {})      # the consent flow keeps its title
    assert consent.pattern_title("visual_interference", "consent") == "Accept made far more prominent than reject"


def test_the_chinese_page_says_its_figures_in_chinese(tmp_path: Path) -> None:
    page = _page(tmp_path, "zh")
    assert "1、1、1" in page and "未测得" in page and "null" not in page


def test_the_closing_table_says_figures_in_words() -> None:
    table = summary_table({"results": [{**PERMISSIONS, "metrics": {"prompts_per_launch": {"permission": [1, 1, 1]},
                                                                   "data_demanded": [], "signup_steps": None}}]})
    assert "permission prompts after denial=3 | data_demanded=none | signup_steps=not measured" in table
    assert "[" not in table and "null" not in table


def test_the_closing_table_shows_the_flow_s_key_figures_first() -> None:
    """Before: a permissions audit's cell read «blocker_actions=microphone: account, other; all: acco… |
    blockers=…» and never the outcome if denied (fresh14, stop 34): the metrics' first four keys. The flow's
    key figures (assets/figures.yaml `line`) come first; one not measured says so."""
    table = summary_table({"results": [{**PERMISSIONS, "metrics": {
        "blocker_actions": {"microphone": ["account", "other"]}, "blockers": {"microphone": None},
        "outcomes": {"microphone": "degraded"}, "prompts_per_launch": {"permission": None}}}]})
    assert "outcome if denied: microphone=degraded | permission prompts after denial=not measured" in table


def test_words_of_nested_figures() -> None:
    assert figure_words({"a": {"b": 1, "c": [2, 3]}, "d": True}) == "a: (b: 1, c: 2, 3); d: yes"
    assert figure_words([{"host": "x", "n": 2}, {"host": "y", "n": 1}]) == "host: x; n: 2; host: y; n: 1"


def test_a_cell_reads_a_list_or_mapping_one_line_each_and_titles_are_per_flow() -> None:
    """What the page's cells and titles are made of, out of summary_page.py (figure_words.py)."""
    words = words_in("en")
    assert figure_lines(["a", {"x": 1}], words) == ["a", "x: 1"]
    assert figure_lines({"camera": None, "n": [1, 2]}, words, "blockers") == ["camera: no blocking screen", "n: 1, 2"]
    assert figure_lines([], words) == "none" and figure_lines(None, words) == "not measured"
    import yaml
    from consent_audit.paths import ASSETS
    en = yaml.safe_load((ASSETS / "summary_strings.yaml").read_text(encoding="utf-8"))["en"]
    assert pattern_title(en, "visual_interference", "deletion").startswith("At the last decision before deletion")
    assert pattern_title(en, "visual_interference", "consent") == "Accept made far more prominent than reject"
    assert pattern_title(en, "no_such_pattern") == ""

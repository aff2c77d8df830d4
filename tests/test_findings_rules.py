"""The findings registry, without a browser: the real rules over every ground-truth file (reference app and
the explorer's test apps) give exactly the truth's findings; every pattern is declared once and has its rule
items and messages in both languages; a figure that was not measured is said to be unmeasured, never 'no'."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from consent_audit.findings import evaluate, patterns_of
from consent_audit.findings.base import render, templates
from consent_audit.findings.registry import all_rules
from consent_audit.paths import ASSETS, PACKAGE
from consent_audit.rules import load_catalog

ROOT = Path(__file__).resolve().parent.parent
FLOWS = ("deletion", "permissions", "consent", "policy")
REFAPP = sorted((ROOT / "refapp" / "truth").glob("*.json"))
TEST_APPS = sorted((ROOT / "tests" / "data" / "explore").glob("*/truth.json"))
PAGES = json.loads((ROOT / "tests" / "data" / "verdicts" / "truth.json").read_text(encoding="utf-8"))


def _collected_at_signup(truth_file: Path, truth: dict[str, Any]) -> list[str]:
    """What sign-up collects: the reference target file says; a test app's truth lists it."""
    if "collected_at_signup" in truth:
        return list(truth["collected_at_signup"])
    target = ROOT / "refapp" / "targets" / f"refapp-{truth_file.stem}.yaml"
    return list(yaml.safe_load(target.read_text(encoding="utf-8")).get("collected_at_signup", []))


TRAFFIC_PATTERNS = {"tracking_before_consent", "tracking_after_reject", "consent_string_contradicts_choice",
                    "data_after_permission_denied"}


def _metrics(truth: dict[str, Any], flow: str) -> dict[str, Any]:
    data = {**truth[flow], **(truth.get("traffic") or {}).get(flow, {})}     # what went out, per flow
    if flow == "permissions":
        data.setdefault("requested_at_launch", sorted(data.get("at_launch", [])))
    return data


@pytest.mark.parametrize("truth_file", REFAPP + TEST_APPS, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("flow", FLOWS)
def test_rules_over_the_truth_give_the_truths_findings(truth_file: Path, flow: str) -> None:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    if flow not in truth:       # the explorer's two test apps have no policy truth (they show no policy page)
        pytest.skip(f"{truth_file.parent.name}/{truth_file.stem} has no {flow} figures")
    evidence = {"deletion": ["d.png"], "decision": ["k.png"], "reject": ["r.png"], "dialog": ["a.png"],
                "nagging": ["n.png"], "asked again": ["g.png"], "first_launch": ["f.png"], "policy": ["p.png"],
                "signup": ["s.png"],
                "traffic": ["traffic.har"], "revoked": ["v.png"],
                **{f"deny {p}": [f"{p}.png"] for p in truth["permissions"]["outcomes"]}}
    result = evaluate(flow, _metrics(truth, flow), evidence, {"collected_at_signup": _collected_at_signup(truth_file, truth),
                                                               "language": truth.get("language")})
    # a truth without a traffic section (the explorer's test apps) says nothing of what they send
    assert set(result.unmeasured) == (set() if "traffic" in truth else set(result.unmeasured) & TRAFFIC_PATTERNS)
    assert result.patterns == sorted(truth["findings_by_flow"][flow])
    for finding in result.findings:
        assert finding.evidence and finding.rule_refs
        assert set(finding.messages) == {"en", "zh"} and all(finding.messages.values())


def test_the_truth_files_cover_every_pattern() -> None:
    seen = {p for f in REFAPP + TEST_APPS for by in json.loads(f.read_text(encoding="utf-8"))["findings_by_flow"].values()
            for p in by}
    seen |= {p for truth in PAGES.values() for by in truth["findings_by_flow"].values() for p in by}
    assert seen == {rule.pattern for rule in all_rules()}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_rules_over_the_pages_truth_give_the_truths_findings(page: str) -> None:
    """tests/data/verdicts: one-flow pages (consent) with their figures and findings."""
    truth = PAGES[page]
    if truth.get("outcome") == "not_found":
        pytest.skip(f"{page}: the audit ends not found, no rule judges it")
    for flow, expected in truth["findings_by_flow"].items():
        evidence = {"reject": ["r.png"], "dialog": ["a.png"], "nagging": ["n.png"], "asked again": ["g.png"],
                    "first_launch": ["f.png"],
                    **{f"deny {p}": [f"{p}.png"] for p in truth.get("permissions", {}).get("outcomes", {})}}
        left_out = dict.fromkeys(truth.get("left_out", []), "the truth says the flow leaves it out")
        facts = {k: truth[k] for k in ("collected_at_signup",) if k in truth}   # what the app's sign-up collects
        result = evaluate(flow, _metrics(truth, flow), evidence, facts, out_of_scope=left_out)
        # these pages' truth says nothing of traffic; a figure the truth itself gives as unmeasured (null) leaves
        # its rule unmeasured too ("unmeasured_patterns")
        assert set(result.unmeasured) <= TRAFFIC_PATTERNS | set(truth.get("unmeasured_patterns", []))
        assert result.patterns == sorted(expected)


def test_each_pattern_is_one_module_with_catalog_items_and_messages() -> None:
    catalog = load_catalog()
    rules = all_rules()
    assert len({r.pattern for r in rules}) == len(rules)
    assert {r.pattern for r in rules} == set(catalog.patterns)
    for rule in rules:
        assert catalog.for_pattern(rule.pattern), rule.pattern
        entry = templates()[rule.pattern]
        for flow in rule.flows:
            langs = {**entry, **entry.get(flow, {})}
            assert langs.get("en") and langs.get("zh"), (rule.pattern, flow)
    assert set(templates()) == {r.pattern for r in rules}
    assert sorted(p for f in FLOWS for p in patterns_of(f)) == sorted(
        p for r in rules for p in [r.pattern] * len(r.flows))


def test_a_pattern_id_is_written_only_in_the_registry_the_catalog_and_the_string_tables() -> None:
    allowed = {PACKAGE / "findings" / "patterns", ASSETS / "rules.yaml", ASSETS / "findings.yaml",
               ASSETS / "summary_strings.yaml"}
    product = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".html", ".js")]
    product += [p for p in (ROOT / "refapp").rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".js", ".html")]
    ids = re.compile(r"\b(" + "|".join(r.pattern for r in all_rules()) + r")\b")
    stray = [(str(p.relative_to(ROOT)), m.group(1)) for p in product
             if not any(p == a or a in p.parents for a in allowed)
             for m in ids.finditer(p.read_text(encoding="utf-8", errors="replace"))]
    assert stray == []


def test_an_unmeasured_figure_is_said_to_be_unmeasured_never_no() -> None:
    text = {lang: render("obstructed_deletion", "deletion", {"steps": 9, "signup_steps": None, "max_steps": 5}, lang)
            for lang in ("en", "zh")}
    assert "unmeasured" in text["en"] and "未测得" in text["zh"]
    assert " no " not in f" {text['en']} " and "None" not in text["en"]


def test_a_missing_figure_leaves_the_pattern_unmeasured_not_clean() -> None:
    result = evaluate("consent", {"accept_steps": 1, "reject_steps": 1, "preticked": 0, "shaming_text": []})
    assert result.findings == [] and result.unmeasured == {
        "visual_interference": ["prominence", "reject_is_text_link"],
        "tracking_before_consent": ["sent_before_consent"], "tracking_after_reject": ["sent_after_reject"],
        "consent_string_contradicts_choice": ["tc_strings_after_reject"]}


def test_messages_are_rendered_from_the_figures_the_rule_used() -> None:
    metrics = {"accept_steps": 1, "reject_steps": 7, "preticked": 4, "shaming_text": [], "reject_is_text_link": True,
               "prominence": {"area_ratio": 7.331, "contrast_accept": 2.823, "contrast_reject": 1.71,
                              "saturation_accept": 1.0, "saturation_reject": 0.0}}
    found = {f.pattern: f for f in evaluate("consent", metrics, {"dialog": ["a.png"], "reject": ["r.png"]}).findings}
    assert found["asymmetric_choice"].messages["en"] == "reject takes 7 actions, accept 1"
    assert found["asymmetric_choice"].figures == {"accept_steps": 1, "reject_steps": 7, "reasons": ["steps"]}
    assert "7.33x" in found["visual_interference"].messages["en"] and "7.33 倍" in found["visual_interference"].messages["zh"]
    assert found["visual_interference"].evidence == ["a.png"]
    assert found["preticked_consent"].messages["zh"] == "默认勾选了 4 项用途"


def test_a_policy_with_unfair_terms_is_quoted_in_both_languages() -> None:
    metrics = {"unfair_terms": [{"term": "consent_by_use", "sentence": "您使用本应用即视为您已同意本政策。",
                                 "place": "policy-p-7 sentence 1", "qualifiers": []}], "policy_sha256": "ab12"}
    found, = [f for f in evaluate("policy", metrics, {"policy": ["p.png"]}, {"language": "zh"}).findings
              if f.pattern == "unfair_policy_terms"]
    assert "“您使用本应用即视为您已同意本政策。” (policy-p-7 sentence 1; consent_by_use)" in found.messages["en"]
    assert "“您使用本应用即视为您已同意本政策。”" in found.messages["zh"] and found.evidence == ["p.png"]


def test_traffic_figures_stay_unmeasured_never_no() -> None:
    metrics = {"policy_at_first_run": False, "prompts_before_policy": 1, "data_sent_before_policy": None}
    found, = [f for f in evaluate("policy", metrics, {"first_launch": ["f.png"]}).findings
              if f.pattern == "policy_not_shown_first_run"]
    assert "data sent before it: unmeasured" in found.messages["en"] and "未测得" in found.messages["zh"]


EQUAL_LOOK = {"area_ratio": 1.0, "contrast_accept": 12.219, "contrast_reject": 11.635, "saturation_accept": 0.2,
              "saturation_reject": 0.033}



def found_in(flow: str, metrics: dict[str, Any]) -> list[str]:
    return [f.pattern for f in evaluate(flow, metrics, {}).findings]


def test_a_fill_that_stands_out_far_more_is_visual_interference() -> None:
    metrics = {"accept_steps": 1, "reject_steps": 1, "preticked": 0, "shaming_text": [], "reject_is_text_link": False,
               "prominence": {**EQUAL_LOOK, "fill_delta_e_accept": 67.431, "fill_delta_e_reject": 4.234}}
    found = {f.pattern: f for f in evaluate("consent", metrics, {"dialog": ["a.png"]}).findings}
    assert found["visual_interference"].figures["reasons"] == ["fill"]
    assert "15.93x" in found["visual_interference"].messages["en"]
    assert "15.93 倍" in found["visual_interference"].messages["zh"]
    metrics["prominence"].update(fill_delta_e_accept=35.7, fill_delta_e_reject=27.9)     # green and red on #333
    assert "visual_interference" not in found_in("consent", metrics)


def test_a_fill_not_measured_leaves_equal_looking_choices_unmeasured() -> None:
    metrics = {"accept_steps": 1, "reject_steps": 1, "preticked": 0, "shaming_text": [], "reject_is_text_link": False,
               "prominence": {**EQUAL_LOOK, "fill_delta_e_accept": 67.431, "fill_delta_e_reject": None}}
    result = evaluate("consent", metrics, {})
    assert "visual_interference" not in [f.pattern for f in result.findings]
    assert result.unmeasured["visual_interference"] == ["prominence.fill_delta_e_reject"]


def test_a_solid_confirm_beside_a_pale_keep_is_not_interference_on_deletion() -> None:
    decision = {**EQUAL_LOOK, "fill_delta_e_accept": 4.234, "fill_delta_e_reject": 67.431,
                "confirm_is_text_link": False, "keep": "Keep", "confirm": "Delete"}
    metrics = {"steps": 3, "signup_steps": 4, "data_demanded": [], "decision_prominence": decision}
    assert "visual_interference" not in found_in("deletion", metrics)
    decision.update(fill_delta_e_accept=67.431, fill_delta_e_reject=4.234)       # the keep is the solid one
    assert "visual_interference" in found_in("deletion", metrics)


def test_a_consent_dialog_offering_no_refusal_is_an_asymmetric_choice_named_as_such() -> None:
    """fresh4 notice-only (lead's decision): a cookie notice whose only answer is «OK», every way out of it tried
    (`refusal_offered` False, reject_steps None), covering the app or not, is asymmetric_choice — "Declining … is less available" — with
    the missing refusal named; a refusal not measured (None, refusal_offered not False) is unmeasured, never clean."""
    metrics = {"accept_steps": 1, "reject_steps": None, "refusal_offered": False, "dialog_covers_app": False}
    found = {f.pattern: f for f in evaluate("consent", metrics, {"dialog": ["d.png"]}).findings}
    assert "consent_wall" not in found            # it covers nothing: no wall
    wall = evaluate("consent", {**metrics, "dialog_covers_app": True, "refusal_trials": []}).patterns
    assert {"consent_wall", "asymmetric_choice"} <= set(wall)    # covering: a wall, and no refusal offered all the same
    assert found["asymmetric_choice"].figures == {"accept_steps": 1, "reject_steps": None, "reasons": ["none"]}
    assert "no way to refuse" in found["asymmetric_choice"].messages["en"]
    assert "未提供任何拒绝方式" in found["asymmetric_choice"].messages["zh"]
    assert found["asymmetric_choice"].evidence == ["d.png"]
    unknown = evaluate("consent", {"accept_steps": 1, "reject_steps": None, "refusal_offered": None})
    assert "asymmetric_choice" not in {f.pattern for f in unknown.findings}
    assert unknown.unmeasured["asymmetric_choice"] == ["reject_steps"]

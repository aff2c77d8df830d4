"""Rule catalog: coverage of finding patterns, id uniqueness, honesty about unverified items."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from consent_audit.rules import DEFAULT_PATH, Catalog, RuleItem, load_catalog, parse_catalog

PATTERNS = {
    "obstructed_deletion", "excessive_data_for_deletion", "deletion_not_in_app",
    "deletion_not_effective", "forced_permission", "permission_nagging",
    "bundled_permission_demand", "consent_nagging", "asymmetric_choice", "visual_interference",
    "preticked_consent", "confirmshaming", "reject_not_honoured", "consent_wall",
    "policy_not_shown_first_run", "policy_hard_to_reach", "policy_unreadable", "unfair_policy_terms",
    "policy_contradicts_behaviour", "forced_biometric", "tracking_before_consent", "tracking_after_reject",
    "data_after_permission_denied", "consent_string_contradicts_choice",
}
# Items rules.md marks [unverified]: they must not be asserted as checked.
UNVERIFIED = ["miit-2019-4-no-permission-no-use", "miit-2019-4-bundled-permissions",
              "miit-2019-6.1", "miit-2019-6.2", "miit-2019-6.3", "pi-necessary-2021",
              "gbt35273-8.5", "edpb-0322-skipping", "edpb-0322-stirring",
              "edpb-0322-obstructing", "edpb-0322-fickle", "edpb-0322-left-in-the-dark",
              # not in rules.md at all (issue 16): unverified until someone checks the official text
              "pipl-28-29", "pipl-17", "spc-2021-face-recognition", "gbt35273-biometric", "cn-civil-code-496-497",
              "gdpr-4-11-7", "gdpr-9", "gdpr-12-1", "eu-93-13-eec"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_declares_exactly_the_suite_patterns(catalog: Catalog) -> None:
    assert set(catalog.patterns) == PATTERNS


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_every_pattern_maps_to_an_item(catalog: Catalog, pattern: str) -> None:
    items = catalog.for_pattern(pattern)
    assert items, f"no rule item covers {pattern}"
    assert all(isinstance(i, RuleItem) and pattern in i.patterns for i in items)


def test_ids_unique(raw: dict) -> None:
    ids = [r["id"] for r in raw["rules"]]
    assert len(ids) == len(set(ids))


def test_unverified_items_carry_a_note(catalog: Catalog) -> None:
    for item in catalog.items:
        if not item.verified:
            assert item.note and item.note.strip(), item.id


@pytest.mark.parametrize("rule_id", UNVERIFIED)
def test_reference_unverified_items_stay_unverified(catalog: Catalog, rule_id: str) -> None:
    assert catalog.get(rule_id).verified is False


@pytest.mark.parametrize("rule_id", [
    "miit-2019-3.4", "miit-164-2.1", "gbt35273-8.5", "dsa-25-3-a", "ccpa-7004-a-2",
    "edpb-0322-obstructing", "apple-5.1.1-v", "gplay-account-deletion", "ftc-2022-privacy",
    "gdpr-7-3", "pi-necessary-2021",
])
def test_known_ids_present(catalog: Catalog, rule_id: str) -> None:
    assert catalog.get(rule_id).id == rule_id


def test_summaries_one_line_each_language(catalog: Catalog) -> None:
    for item in catalog.items:
        assert "\n" not in item.summary_en and "\n" not in item.summary_zh
        assert CJK.search(item.summary_zh), item.id
        assert item.source and item.item


def test_lookups_fail_clearly(catalog: Catalog) -> None:
    with pytest.raises(KeyError, match="no rule item"):
        catalog.get("nope-1")
    with pytest.raises(KeyError, match="unknown finding pattern"):
        catalog.for_pattern("dark_magic")


def test_load_from_explicit_path(tmp_path: Path, raw: dict) -> None:
    target = tmp_path / "rules.yaml"
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert load_catalog(target) == load_catalog()


def _mutate(raw: dict, change) -> dict:
    doc = copy.deepcopy(raw)
    change(doc)
    return doc


@pytest.mark.parametrize("change, message", [
    (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "duplicate rule id"),
    (lambda d: d["rules"][0].update(url="https://example.org"), "unknown keys"),
    (lambda d: d.update(extra=1), "unknown top-level keys"),
    (lambda d: d["rules"][0].pop("summary_zh"), "missing keys"),
    (lambda d: d["rules"][0].update(patterns=["dark_magic"]), "unknown patterns"),
    (lambda d: d["rules"][0].update(verified=False, note=None), "needs a 'note'"),
    (lambda d: d["rules"][0].update(verified="no"), "true or false"),
    (lambda d: d["rules"][0].update(region="mars"), "region"),
    (lambda d: d["rules"][0].update(id="Bad ID"), "id must match"),
    (lambda d: d["rules"][0].update(summary_en="two\nlines"), "one line"),
])
def test_schema_violations_raise(raw: dict, change, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_catalog(_mutate(raw, change))

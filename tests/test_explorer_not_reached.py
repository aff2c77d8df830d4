"""What an explored goal not reached says (explorer/not_reached.py): an app with no privacy-policy link ended
`explore` with "privacy-policy: nothing promising left to try" — a user could not tell a suite that missed the
policy from an app without one, nor that an app without one is itself a finding the suite does not conclude."""
from __future__ import annotations

import pytest

from consent_audit.explorer.config import ExplorerConfig, load_config
from consent_audit.explorer.not_reached import breached_items, not_reached
from consent_audit.rules import load_catalog


def test_a_policy_not_found_names_the_rule_items_its_absence_would_breach_and_concludes_nothing() -> None:
    said = not_reached("privacy-policy", "nothing promising left to try", load_config())
    catalog = load_catalog()
    hard = {i.id for i in catalog.for_pattern("policy_hard_to_reach")}
    assert said.startswith("privacy-policy: not found (nothing promising left to try)")
    assert "no proof the app lacks it: look in the app" in said and "not concluded from a search" in said
    assert "policy_hard_to_reach" in said and "policy_not_shown_first_run" in said
    assert any(rule_id in said for rule_id in hard)


def test_a_goal_whose_absence_is_no_dark_pattern_keeps_the_searchs_words() -> None:
    assert not_reached("consent", "no consent dialog was recognised at launch: …", load_config()) == \
        "consent: no consent dialog was recognised at launch: …"


def test_rule_items_come_from_the_catalog_in_its_order_and_a_typo_fails_loudly() -> None:
    catalog = load_catalog()
    ids = breached_items(["deletion_not_in_app"], catalog)
    assert ids == [i.id for i in catalog.items if "deletion_not_in_app" in i.patterns] and ids
    config = ExplorerConfig(data={"weights": {}, "absence_breaches": {"privacy-policy": ["policy_misspelt"]}},
                            path=load_config().path)
    with pytest.raises(KeyError):
        not_reached("privacy-policy", "x", config)

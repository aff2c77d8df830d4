"""What an explored goal not reached says (explorer/not_reached.py): an app with no privacy-policy link (corpus
ccjs-fair) ended `explore` with "privacy-policy: nothing promising left to try" — a user could not tell a suite
that missed the policy from an app without one, nor that an app without one is itself a dark pattern the suite
does not conclude from a search."""
from __future__ import annotations

from consent_audit.explorer.not_reached import absence_patterns, breached_items, not_reached
from consent_audit.rules import load_catalog


def test_a_policy_not_found_names_the_rule_items_its_absence_would_breach_and_concludes_nothing() -> None:
    said = not_reached("privacy-policy", "policy", "nothing promising left to try")
    hard = {i.id for i in load_catalog().for_pattern("policy_hard_to_reach")}
    assert said.startswith("privacy-policy: not found (nothing promising left to try)")
    assert "no proof the app lacks it: look in the app" in said and "not concluded from a search" in said
    assert "policy_hard_to_reach" in said and "policy_not_shown_first_run" in said
    assert any(rule_id in said for rule_id in hard)


def test_a_deletion_not_found_names_the_in_app_deletion_rules() -> None:
    said = not_reached("delete-account", "deletion", "no log-in or sign-up reached")
    assert absence_patterns("deletion") == ["deletion_not_in_app"] and "deletion_not_in_app under" in said


def test_a_goal_whose_absence_is_no_dark_pattern_keeps_the_searchs_words() -> None:
    assert absence_patterns("consent") == [] and absence_patterns("permissions") == []
    assert not_reached("consent", "consent", "no consent dialog was recognised at launch: …") == \
        "consent: no consent dialog was recognised at launch: …"


def test_rule_items_come_from_the_catalog_in_its_order() -> None:
    catalog = load_catalog()
    ids = breached_items(["deletion_not_in_app", "policy_hard_to_reach"], catalog)
    assert ids == [i.id for i in catalog.items if {"deletion_not_in_app", "policy_hard_to_reach"} & set(i.patterns)]
    assert len(ids) == len(set(ids)) > 2

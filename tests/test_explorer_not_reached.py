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


# A deletion goal not reached whose dead ends show the suite found the deletion control and could not operate it
# (fresh9: kanal's «Konto löschen» its scroll did not reach; feira's confirmation form it could not fill) said
# "if it does [lack it], that is deletion_not_in_app" — a false lead: the message names the control and the failure
# first and never hints the app lacks what the search saw.
KANAL = [{"label": "Hilfe-Center", "kind": "support / help", "where": "Profil", "tried": False},
         {"label": "Konto löschen", "kind": "could not go on: 'Konto löschen' is out of reach: \"Konto löschen\" "
          "cannot be brought into view by scrolling", "where": "Profil", "tried": True},
         {"label": "Anruf starten", "kind": "no way forward", "where": "start", "tried": True}]
FEIRA = [{"label": "Sair", "kind": "log out", "where": "T", "tried": False},
         {"label": "Excluir minha conta", "kind": "form: it wants 'Palavra de confirmação' (a field whose words "
          "name no data the suite knows)", "where": "T › Conta › Privacidade e dados › Excluir conta", "tried": False},
         {"label": "Excluir conta", "kind": "no way forward", "where": "T › Conta › Privacidade e dados", "tried": True}]


def test_a_deletion_control_found_and_not_operated_is_named_and_no_absence_is_hinted() -> None:
    said = not_reached("delete-account", "deletion", "nothing promising left to try", dead_ends=KANAL)
    assert said.startswith("delete-account: not found — the search found 'Konto löschen' (Profil)")
    assert "cannot be brought into view" in said and "deletion_not_in_app" not in said
    assert "Hilfe-Center" not in said and "Anruf starten" not in said


def test_where_the_search_ended_is_the_control_named_whatever_its_words() -> None:
    ended = [FEIRA[0], dict(FEIRA[1], label="Weiter")]     # no deletion words: named because the search stopped there
    detail = "stopped at a form: it wants 'Palavra de confirmação' (a field whose words name no data the suite knows)"
    for dead in (FEIRA, ended):
        said = not_reached("delete-account", "deletion", detail, dead_ends=dead)
        assert f"found '{dead[1]['label']}' (T › Conta › Privacidade e dados › Excluir conta)" in said
        assert "Palavra de confirmação" in said and "deletion_not_in_app" not in said


def test_a_deletion_control_that_led_nowhere_keeps_the_absence_hint() -> None:
    """«Delete account» opening a page that offers no way on may be the app's lack of in-app deletion."""
    said = not_reached("delete-account", "deletion", "nothing promising left to try", dead_ends=[FEIRA[2], KANAL[0]])
    assert "deletion_not_in_app under" in said

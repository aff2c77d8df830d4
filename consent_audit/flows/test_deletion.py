"""Account deletion: how hard is it, what does it demand, and is the account really gone?

MIIT 2019 identification method §6, GB/T 35273-2020 §8.5, DSA Art. 25(3)(c), CCPA regs §7004,
Apple 5.1.1(v), Google Play account deletion.
"""
from __future__ import annotations

import allure
import pytest

from consent_audit.detectors.text import shaming_phrases
from consent_audit.measures import deletion_metrics, texts_of


@allure.epic("consent-flow audit")
@allure.feature("account deletion")
@pytest.mark.flow("deletion")
def test_account_deletion(app, platform, recorder, audit, target, policy, ocr) -> None:
    for permission in target.permissions:
        platform.decide_permission(permission, "granted")
    app.launch()
    if app.consent_shown:
        app.accept_consent()
    with recorder.journey("sign up") as signup:
        app.sign_up()
    app.relaunch()
    with recorder.journey("delete account") as deletion:
        app.delete_account()
    with recorder.journey("log in again"):
        login_after = app.log_in()

    metrics = deletion_metrics(deletion, signup, login_after)
    metrics["shaming_text"] = shaming_phrases(texts_of([deletion], ocr))
    audit.metrics.update(metrics)
    limits = policy.section("deletion")
    evidence = [audit.evidence_path(p) for p in deletion.evidence()]
    findings = []
    steps, signup_steps = metrics["steps"], metrics["signup_steps"]
    if steps > limits["max_steps"] or (signup_steps and metrics["delete_to_signup_ratio"] > limits["max_ratio_to_signup"]):
        findings.append(policy.finding("obstructed_deletion", evidence,
                                       {"steps": steps, "signup_steps": signup_steps, "max_steps": limits["max_steps"]},
                                       f"{steps} actions to delete, {signup_steps} to sign up, limit {limits['max_steps']}"))
    collected = set(target.collected_at_signup)
    excessive = [kind for kind in metrics["data_demanded"]
                 if kind in limits["justified_by"] and limits["justified_by"][kind]
                 and not collected & set(limits["justified_by"][kind])]
    if excessive:
        findings.append(policy.finding("excessive_data_for_deletion", evidence,
                                       {"demanded": metrics["data_demanded"], "not_collected_at_signup": excessive},
                                       "demands " + ", ".join(excessive) + " that sign-up never collected"))
    if not metrics["deletion_in_app"]:
        findings.append(policy.finding("deletion_not_in_app", evidence, {}, "the path does not end in an in-app deletion"))
    if login_after == "accepted" and metrics["deletion_in_app"]:
        findings.append(policy.finding("deletion_not_effective", evidence, {"login_after_deletion": login_after},
                                       "the deleted account can still log in"))
    if metrics["shaming_text"]:
        findings.append(policy.finding("confirmshaming", evidence, {"shaming_text": metrics["shaming_text"]},
                                       "guilt on the way out: " + " | ".join(metrics["shaming_text"])))
    audit.conclude(findings)

"""Privacy policy: is it shown before collection, how far away is it, can it be read, what does it claim, and
does the app do what it says? And on the way: does sign-up demand a biometric with no alternative?

MIIT/CAC 2019 identification method 1.2 (no policy at first run) and 1.3 (more than 4 taps away); PIPL
Art. 17 and 29; PRC Civil Code Art. 496-497 and EU Directive 93/13/EEC (unfair standard terms); GDPR Art. 7,
9 and 12; EDPB Guidelines 03/2022 (conflicting information, language discontinuity); SPC 2021
face-recognition provisions. Rule items and their status: assets/rules.yaml.

Metrics (all measured here; None = not measured, never 'no'):
    policy_at_first_run: bool            prompts_before_policy: int      data_sent_before_policy: [row]
      (prompts_before_policy: the app's own permission requests of the first run before the policy was shown
       or linked; all those before the user used anything when it never was. data_sent_before_policy: the
       tracker requests and planted data sent to third parties over the same steps, the step showing the
       policy included: consent_audit/traffic/policy_data.py)
    policy_reached: bool                 policy_steps / policy_taps: int policy_path: [element ids]
    policy_is_text: bool                 policy_chars: int               policy_languages: [ISO 639-1]
    policy_sha256: str                   unfair_terms: [{term, sentence, place, qualifiers}]
    policy_deletion_days: int | None     waiting_period_days: int | None deletion_in_app: bool
    policy_permissions: [..]             permissions_requested: [..]
    policy_third_parties: [tracker or company names the policy text names]   hosts_contacted:
      [{host, tracker, company}] the third-party hosts the app sent to during this flow
      (data_sent_before_policy, policy_third_parties, hosts_contacted: only when traffic is captured)
    biometric_gates: [{journey, biometrics, demanded, scanned, alternatives, separate_consent}]
"""
from __future__ import annotations

import hashlib

import allure
import pytest

from consent_audit.biometrics import biometric_gates
from consent_audit.detectors.policy import (declared_permissions, languages, promised_deletion_days,
                                            unfair_terms)
from consent_audit.errors import FeatureUnmeasured
from consent_audit.journeys import has_policy_journeys, walks
from consent_audit.measures import deletion_metrics
from consent_audit.traffic.log import HAR_FILE
from consent_audit.traffic.policy_data import hosts_contacted, named_parties, sent_before_policy


def own_account(username: str) -> str:
    """This flow's own test account, beside the deletion flow's: 'policy-<name>', or for a phone number the
    same number with its last digit moved on by one (still a valid number of the same kind)."""
    if username.isdigit():
        return username[:-1] + str((int(username[-1]) + 1) % 10)
    return f"policy-{username}"


@pytest.fixture
def app_context(app_context):
    """The policy flow signs up an account of its own: the deletion flow's account may outlive its deletion
    (pending, or a deletion that does not delete), and flows must not depend on the order they run in."""
    app_context.data["username"] = own_account(str(app_context.data["username"]))
    return app_context


def _policy_file(paragraphs: list[tuple[str, str]]) -> bytes:
    """The policy as captured: one '[place] text' line per paragraph, UTF-8."""
    return "".join(f"[{place}] {text}\n" for place, text in paragraphs).encode("utf-8")


@allure.epic("consent-flow audit")
@allure.feature("privacy policy")
@pytest.mark.flow("policy")
def test_privacy_policy(app, platform, recorder, audit, target, policy, test_dir, planted) -> None:
    if not has_policy_journeys(app):
        audit.not_found("the target's page objects have no privacy-policy journeys: the policy was not looked for "
                        "(write consent_audit.journeys.PolicyJourneys, docs/your-app.md, or leave the flow out with "
                        "--flow)")
    budget = policy.section("permissions").get("reach_core_budget", 8)
    for permission in target.permissions:
        platform.decide_permission(permission, "granted")

    # 1. first run: is the policy shown or linked before anything is asked?
    with recorder.journey("first launch") as first:
        app.launch()
        at_first_run = app.policy_at_first_run
        prompts_then = sum(platform.permission_requests().get(p, 0) for p in target.permissions)
        app.reach_core(budget)
        launched = platform.permission_requests()   # what the first run asked for before the user used anything
        before_use = recorder.steps[-1].index if recorder.steps else 0
        for permission in target.permissions:      # use each feature once: what the app really asks for
            try:
                app.feature_on(permission)
            except FeatureUnmeasured:
                pass        # not on screen: a user could not use it either (what it asks stays unasked)
    requests = platform.permission_requests()
    requested = sorted(p for p in target.permissions if requests.get(p, 0) > 0) if walks(app, "features") else None
    prompts_before = prompts_then if at_first_run else sum(launched.get(p, 0) for p in target.permissions)
    launch_step = first.steps[0].index if first.steps else 0
    traffic = recorder.traffic          # None when not captured: the traffic figures stay unmeasured
    sent_before = sent_before_policy(traffic, planted, launch_step, launch_step if at_first_run else before_use)

    # 2. sign-up, where a biometric gate would stand: from the start screen, wherever the features left the app
    app.relaunch()
    with recorder.journey("sign up") as signup:
        app.sign_up()

    # 3. from home to the policy text, counted like any other path
    app.relaunch()
    with recorder.journey("open privacy policy") as reading:
        reached = app.open_policy()
    paragraphs = app.policy_paragraphs() if reached else []
    text = _policy_file(paragraphs)
    if reached:
        (test_dir / "privacy-policy.txt").write_bytes(text)
        allure.attach(text, name="privacy policy (as shown)", attachment_type=allure.attachment_type.TEXT)

    # 4. what the app does on deletion, to hold against what the policy says
    app.relaunch()
    with recorder.journey("delete account") as deletion:
        app.delete_account()
    done = deletion_metrics(deletion, None, "not tried")
    if not walks(app, "delete_account"):     # an explored app whose deletion path is not known: unmeasured
        done = {**done, "waiting_period_days": None, "deletion_in_app": None}

    counts = reading.counts
    chars = sum(len(t) for _, t in paragraphs)
    first_screen = [audit.evidence_path(f) for f in [first.steps[0].files.get("screenshot")] if f] if first.steps else []
    audit.metrics.update({
        "policy_at_first_run": at_first_run, "prompts_before_policy": prompts_before,
        "data_sent_before_policy": sent_before,
        "policy_reached": reached, "policy_steps": counts["steps"], "policy_taps": counts["taps"],
        "policy_path": [s.target.get("id") or s.title for s in reading.steps],
        "policy_is_text": chars > 0 if reached else None, "policy_chars": chars,
        "policy_languages": languages(paragraphs) if reached else None,
        "policy_sha256": hashlib.sha256(text).hexdigest() if reached else None,
        "policy_file": audit.evidence_path("privacy-policy.txt") if reached else None,
        "unfair_terms": unfair_terms(paragraphs) if reached else None,
        "policy_deletion_days": promised_deletion_days(paragraphs),
        "waiting_period_days": done["waiting_period_days"], "deletion_in_app": done["deletion_in_app"],
        "policy_permissions": declared_permissions(paragraphs) if reached else None,
        "permissions_requested": requested,
        "policy_third_parties": named_parties(paragraphs, [s.title for s in first.screens])
                                if reached and traffic is not None else None,
        "hosts_contacted": hosts_contacted(traffic, planted),
        "biometric_gates": biometric_gates([signup]) if walks(app, "sign_up") else None,
    })
    har = [audit.evidence_path(HAR_FILE)] if traffic is not None else []
    audit.conclude(audit.evaluate({"first_launch": first_screen, "traffic": har,
                                   "policy": audit.evidence_of(reading), "signup": audit.evidence_of(signup),
                                   "deletion": audit.evidence_of(deletion, last=1)}))

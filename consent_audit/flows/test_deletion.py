"""Account deletion: how hard is it, what does it demand, and is the account really gone?

MIIT 2019 identification method §6, GB/T 35273-2020 §8.5, DSA Art. 25(3)(c), CCPA regs §7004,
Apple 5.1.1(v), Google Play account deletion.
"""
from __future__ import annotations

import allure
import pytest

from consent_audit.detectors.text import shaming_phrases
from consent_audit.measures import deletion_metrics, texts_of
from consent_audit.traffic.measure import flow_figures


@allure.epic("consent-flow audit")
@allure.feature("account deletion")
@pytest.mark.flow("deletion")
def test_account_deletion(app, platform, recorder, audit, target, ocr, planted) -> None:
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
    if deletion.steps:
        recorder.phase("after account deletion", since=deletion.steps[-1])
    with recorder.journey("log in again"):
        login_after = app.log_in()

    audit.metrics.update(deletion_metrics(deletion, signup, login_after))
    audit.metrics["shaming_text"] = shaming_phrases(texts_of([deletion], ocr))
    audit.metrics.update(flow_figures(recorder, planted, ()))      # what went out in each phase
    audit.conclude(audit.evaluate({"deletion": audit.evidence_of(deletion)}))

"""Account deletion: how hard is it, what does it demand, and is the account really gone?

MIIT 2019 identification method §6, GB/T 35273-2020 §8.5, DSA Art. 25(3)(c), CCPA regs §7004,
Apple 5.1.1(v), Google Play account deletion.
"""
from __future__ import annotations

import allure
import cv2
import numpy as np
import pytest

from consent_audit.detectors.annotate import annotate
from consent_audit.detectors.prominence import prominence
from consent_audit.detectors.text import shaming_phrases
from consent_audit.journeys import leaves_path
from consent_audit.decision import final_decision
from consent_audit.measures import deletion_metrics, deletion_untold, own_identities, texts_of
from consent_audit.traffic.measure import flow_figures

FIGURES = ("area_ratio", "contrast_accept", "contrast_reject", "saturation_accept", "saturation_reject",
           "fill_delta_e_accept", "fill_delta_e_reject")


@allure.epic("consent-flow audit")
@allure.feature("account deletion")
@pytest.mark.flow("deletion")
def test_account_deletion(app, platform, recorder, audit, target, test_dir, ocr, planted) -> None:
    for permission in target.permissions:
        platform.decide_permission(permission, "granted")
    app.launch()
    if app.consent_shown:
        app.accept_consent()
    with recorder.journey("sign up") as signup:
        app.sign_up()
    app.relaunch()
    if app.consent_shown:       # a dialog shown only once signed in: answered as at launch, not a deletion step
        app.accept_consent()
    with recorder.journey("delete account") as deletion:
        app.delete_account()
    if deletion.steps:
        recorder.phase("after account deletion", since=deletion.steps[-1])
    with recorder.journey("log in again"):
        login_after = app.log_in()

    audit.metrics.update(deletion_metrics(deletion, signup, login_after, own_identities(recorder.steps)))
    # an end neither said nor checked (the log-in after it not walked): not_found with why, never a finding
    for figure, why in deletion_untold(audit.metrics, getattr(app, "login_gap", "")).items():
        audit.not_told(figure, why)
    audit.metrics["shaming_text"] = shaming_phrases(texts_of([deletion], ocr))
    evidence = {"deletion": audit.evidence_of(deletion)}
    # the last decision (kind 17): "keep" plays the accept role, the confirm the user wants the reject role
    decision = final_decision(deletion, leaves_path(app))     # an explored app knows by what a tap did
    figures: dict | None = {}           # {}: the path asks no two-way decision
    if decision is not None:
        screen, keep, confirm = decision
        figures = None                  # a decision without a screenshot is unmeasured
        if screen.screenshot:
            image = cv2.imdecode(np.frombuffer(screen.screenshot, np.uint8), cv2.IMREAD_COLOR)
            look = prominence(image, keep.bounds, confirm.bounds)
            figures = {**{k: look[k] for k in FIGURES}, "confirm_is_text_link": look["reject_is_text_link"],
                       "keep": keep.label[:60], "confirm": confirm.label[:60]}
            marked = annotate(image, [
                (keep.bounds, f"KEEP area x{look['area_ratio']:.2f} fill dE {look['fill_delta_e_accept']}", (0, 160, 0)),
                (confirm.bounds, f"CONFIRM contrast {look['contrast_reject']:.2f} fill dE {look['fill_delta_e_reject']}",
                 (220, 0, 0))])
            png = cv2.imencode(".png", marked)[1].tobytes()
            (test_dir / "deletion-decision-annotated.png").write_bytes(png)
            allure.attach(png, name="deletion decision, annotated", attachment_type=allure.attachment_type.PNG)
            evidence["decision"] = [audit.evidence_path("deletion-decision-annotated.png")]
    audit.metrics["decision_prominence"] = figures
    # what went out in each phase, last: the traffic's quiet is counted from its last request, so the work
    # above (the decision's pixels) passes inside that wait instead of after it (the capture's cost, #18)
    audit.metrics.update(flow_figures(recorder, planted, ()))
    audit.conclude(audit.evaluate(evidence))

"""Consent dialog: is saying no as easy and as visible as saying yes?

CCPA regs §7004(a)(2) symmetry in choice; EDPB Guidelines 03/2022 (stirring, hidden in plain sight);
DSA Art. 25(3)(a); MIIT 2019 identification method on pre-selected consent.
"""
from __future__ import annotations

import allure
import cv2
import numpy as np
import pytest

from consent_audit.choices_view import drawn_choices
from consent_audit.detectors.annotate import annotate
from consent_audit.detectors.prominence import prominence
from consent_audit.detectors.text import shaming_phrases
from consent_audit.explorer.paid_refusal import paid_refusal
from consent_audit.journeys import consent_elements
from consent_audit.measures import mandatory, preticked, purpose_boxes_seen, switched_off_at_answer, texts_of
from consent_audit.readback import after_relaunch, judge
from consent_audit.traffic.measure import flow_figures

TRAFFIC = ("sent_before_consent", "sent_after_reject", "tc_strings_after_reject")


@allure.epic("consent-flow audit")
@allure.feature("consent dialog")
@pytest.mark.flow("consent")
def test_consent_dialog(app, platform, recorder, audit, target, test_dir, ocr, planted) -> None:
    for permission in target.permissions:
        platform.decide_permission(permission, "granted")
    app.launch()
    if not app.consent_shown:
        audit.metrics["consent_dialog"] = False
        recorder.observe()
        audit.not_found("no consent dialog was recognised after the first launch (see the start screen)"
                        + _unread(recorder))
    dialog = recorder.observe()
    if getattr(app, "read_dialog", lambda: False)():     # a choice shown once the dialog's own text is read
        dialog = recorder.observe()
    if getattr(app, "refusal_offered", True) is False:
        return _consent_wall(app, recorder, audit, planted, dialog, test_dir, ocr)
    accept_el, reject_el = consent_elements(app, dialog)
    accept = _accept(app, recorder)
    accepted = after_relaunch(platform, recorder)      # what the accept path stored, as a relaunch finds it
    core = recorder.look("after-accept") if accepted is not None else None    # the app an accepting user reaches
    recorder.settle_traffic()       # what the last action set off is sent before the reset
    platform.reset()
    app.launch()
    unanswered = platform.stored_state()
    with recorder.journey("reject") as reject:
        app.reject_consent()
    if reject.steps:
        recorder.phase("after reject", since=reject.steps[-1], consent="rejected")
    rejected = after_relaunch(platform, recorder)
    stored = judge(unanswered, accepted, rejected, switched_off_at_answer(reject),
                   mandatory(reject) if purpose_boxes_seen(reject) else 0)
    paid, paid_shots = _paid_refusal(recorder, audit, core, rejected is not None and stored["reject_honoured"])

    # pixels: the two choices as drawn on the dialog (none with --screenshot off: unmeasured, never "equal")
    if not dialog.screenshot:
        audit.hints.update(dict.fromkeys(("prominence", "reject_is_text_link"),
                                         "the choices' prominence is measured on the dialog's screenshot: run "
                                         "with --screenshot on"))
    drawn = drawn_choices(dialog, (accept_el, reject_el), accept, lambda screen: consent_elements(app, screen))
    if drawn is None and dialog.screenshot:
        audit.hints.update(dict.fromkeys(("prominence", "reject_is_text_link"),
                                         "no capture showed the two choices whole: their prominence is unmeasured"))
    if drawn is not None:
        dialog, accept_el, reject_el = drawn
    image = cv2.imdecode(np.frombuffer(dialog.screenshot, np.uint8), cv2.IMREAD_COLOR) if drawn else None
    look = prominence(image, accept_el.bounds, reject_el.bounds, accept_el.role, reject_el.role) if image is not None else None
    figures = {k: look[k] for k in ("area_ratio", "contrast_accept", "contrast_reject",
                                    "saturation_accept", "saturation_reject",
                                    "fill_delta_e_accept", "fill_delta_e_reject")} if look else None
    annotated = _annotated(image, look, accept_el, reject_el, test_dir) if look else None

    shaming = shaming_phrases(texts_of([accept, reject], ocr))
    audit.metrics.update({"consent_dialog": True, "refusal_offered": True, "accept_steps": accept.counts["steps"],
                          "reject_steps": reject.counts["steps"], "preticked": _preticked(app, reject),
                          "mandatory_purposes": _mandatory(app, reject),
                          "shaming_text": shaming, "prominence": figures,
                          "reject_is_text_link": look["reject_is_text_link"] if look else None,
                          "reject_honoured": stored.pop("reject_honoured"), "stored_choices": stored,
                          "paid_refusal": paid})
    audit.metrics.update(flow_figures(recorder, planted, TRAFFIC))      # what went out in each phase
    har = [audit.evidence_path(audit.metrics["traffic_har"])] if audit.metrics["traffic_har"] else []
    _conclude(audit, recorder, {"dialog": [audit.evidence_path(annotated)] if annotated else [],
                                "reject": audit.evidence_of(reject), "accept": audit.evidence_of(accept),
                                "paid": paid_shots, "traffic": har})


def _paid_refusal(recorder, audit, core, honoured) -> tuple[str | bool | None, list[str]]:
    """Consent or pay (explorer/paid_refusal.py): after the refusal and its relaunch, whether a form stands where
    the app the accept path reached was (`core`: (screen, files) read after the accept's relaunch). (its
    description, or False: the app reached free; None: not measured — storage unread, or no refusal stored —
    and the screenshots of both relaunches when it stands there)."""
    if core is None or honoured is not True:
        return None, []
    refused = recorder.look("after-reject")
    found = paid_refusal(core[0], refused[0])
    if found is None:
        return False, []
    shots = [audit.evidence_path(files["screenshot"]) for _, files in (core, refused) if files.get("screenshot")]
    return found.describe(), shots


def _preticked(app, reject) -> int | None:
    """Optional purposes pre-ticked: on the first screen of the reject path showing any, or on the settings layer
    the reject path skips (`settings_preticked`, counted there by the explorer) — the larger. A layer that was
    there to open and could not be (the explorer's `settings_mandatory` and `settings_preticked` both None) is
    unmeasured (None), never 0 (corpus daftar: the layer's way named in words no lexicon has read as 0, truth 2)."""
    layer = getattr(app, "settings_preticked", None)
    if purpose_boxes_seen(reject):
        own = preticked(reject)     # None: a radio pair whose granting option nothing tells (unmeasured)
        return None if own is None else max(own, layer or 0)
    if layer is None and hasattr(app, "settings_mandatory") and app.settings_mandatory is None:
        return None
    return layer or 0


def _mandatory(app, reject) -> int | None:
    """Locked purposes (ticked, cannot be unticked): counted on the first screen of the reject path showing
    any; else as the app counted them where the reject path showed none (`settings_mandatory`: the explorer
    opens the settings layer the reject path skips and counts them there, 0 when the dialog offers none; None
    when it could not; a page object may say it too). A layer never opened is unmeasured (None), never 0
    (hikari: «必須 Cookie（常に有効）» on the layer behind 詳細設定, the reject a direct link)."""
    if purpose_boxes_seen(reject):
        return mandatory(reject)
    return getattr(app, "settings_mandatory", None)


def _unread(recorder) -> str:
    """'; ' and what the screens seen could not read (frames of another origin), or ''."""
    frames = recorder.unread_frames
    return f"; {len(frames)} frame(s) on screen could not be read: {'; '.join(frames)}" if frames else ""


def _conclude(audit, recorder, evidence) -> None:
    """The rules over what was measured; with no finding but a frame on screen that could not be read (a
    consent dialog may be there, unmeasured), broken with what was not read — never clean."""
    evaluation = audit.evaluate(evidence)
    if recorder.unread_frames:
        audit.metrics["unread_frames"] = list(recorder.unread_frames)
        if not evaluation.findings:
            audit.broken("what the app shows could not all be read" + _unread(recorder))
    audit.conclude(evaluation)


REJECT_FIGURES = ("reject_steps", "prominence", "reject_is_text_link", "sent_after_reject", "tc_strings_after_reject")


def _accept(app, recorder):
    """The accept journey, recorded; what follows it is the "after accept" traffic phase. The trail."""
    with recorder.journey("accept") as accept:
        app.accept_consent()
    if accept.steps:
        recorder.phase("after accept", since=accept.steps[-1], consent="accepted")
    return accept


def _consent_wall(app, recorder, audit, planted, dialog, test_dir, ocr) -> None:
    """A dialog with no way to refuse (every way out tried: `app.refusal_trials`): the accept path is measured,
    what compares a refusal with it is left out ("nothing to compare"), and `refusal_offered` False is the
    finding (findings/patterns: the wall's rule)."""
    accept = _accept(app, recorder)
    recorder.settle_traffic()
    audit.leave_out(REJECT_FIGURES, "the consent dialog offers no way to refuse: there is no reject path to "
                                    "compare with the accept path")
    preticked_on_layer = getattr(app, "settings_preticked", None)
    if preticked_on_layer is None:
        audit.leave_out(("preticked",), "the consent dialog offers no way to refuse")
    audit.metrics.update({"consent_dialog": True, "refusal_offered": False,
                          "refusal_trials": list(getattr(app, "refusal_trials", [])),
                          "dialog_covers_app": getattr(app, "dialog_covers_app", None),   # None: unknown
                          "accept_steps": accept.counts["steps"], "reject_steps": None,
                          "preticked": preticked_on_layer, "mandatory_purposes": None,
                          "shaming_text": shaming_phrases(texts_of([accept], ocr)), "prominence": None,
                          "reject_is_text_link": None, "reject_honoured": None})
    audit.metrics.update(flow_figures(recorder, planted, TRAFFIC))
    audit.metrics.update(dict.fromkeys(("sent_after_reject", "tc_strings_after_reject")))   # no refusal: no phase
    har = [audit.evidence_path(audit.metrics["traffic_har"])] if audit.metrics["traffic_har"] else []
    shot = []
    if dialog.screenshot:
        (test_dir / "consent-dialog.png").write_bytes(dialog.screenshot)
        allure.attach(dialog.screenshot, name="consent dialog (no way to refuse)",
                      attachment_type=allure.attachment_type.PNG)
        shot = [audit.evidence_path("consent-dialog.png")]
    _conclude(audit, recorder, {"dialog": shot, "accept": audit.evidence_of(accept), "traffic": har})


def _annotated(image, look, accept_el, reject_el, test_dir) -> str:
    """The dialog with both choices boxed and their figures written on it (consent-annotated.png, attached)."""
    marked = annotate(image, [
        (accept_el.bounds, f"ACCEPT area x{look['area_ratio']:.2f} contrast {look['contrast_accept']:.2f} "
                           f"sat {look['saturation_accept']:.2f} fill dE {look['fill_delta_e_accept']}", (0, 160, 0)),
        (reject_el.bounds, f"REJECT contrast {look['contrast_reject']:.2f} sat {look['saturation_reject']:.2f}"
                           f" fill dE {look['fill_delta_e_reject']}"
                           f"{' text link' if look['reject_is_text_link'] else ''}", (220, 0, 0))])
    ok, png = cv2.imencode(".png", marked)
    (test_dir / "consent-annotated.png").write_bytes(png.tobytes())
    allure.attach(png.tobytes(), name="consent dialog, annotated", attachment_type=allure.attachment_type.PNG)
    return "consent-annotated.png"

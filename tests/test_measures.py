"""The measures on trails built from screens (no browser): how outcomes and data are decided."""
from __future__ import annotations

from consent_audit.measures import (declined_reprompts, deletion_metrics, demanded_data, permission_outcome,
                                    preticked)
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen


def screen(sig: str, texts: list[str] = (), prompts: dict | None = None, in_app: bool = True,
           elements: list[Element] | None = None) -> Screen:
    els = list(elements or []) + [Element(text=t) for t in texts]
    return Screen(elements=els, signature=sig, prompts=prompts or {}, in_app=in_app)


def step(i: int, kind: Kind, after: Screen, **target: str) -> Step:
    return Step(index=i, kind=kind, title="", target=dict(target), at="", seconds=0.0, screen=after)


def test_loop_needs_the_prompt_back_after_declines() -> None:
    start = screen("rationale", ["开启通知"], {"notifications": 1})
    trail = Trail("deny", start=start, steps=[
        step(1, Kind.TAP, screen("rationale", [], {"notifications": 2}), text="取消"),
        step(2, Kind.TAP, screen("rationale", [], {"notifications": 3}), text="取消")])
    assert declined_reprompts(trail, "notifications") == 2
    assert permission_outcome(trail, "notifications", False, None, True, 2) == "loop"
    retry = Trail("deny", start=start, steps=[step(1, Kind.TAP, screen("blocker", [], {"notifications": 2}), text="去开启")])
    assert permission_outcome(retry, "notifications", False, None, True, 2) == "blocked"   # the user asked again


def test_exit_degraded_usable() -> None:
    trail = Trail("deny", start=screen("home"))
    assert permission_outcome(trail, "camera", False, None, False, 2) == "exited"
    assert permission_outcome(trail, "camera", True, False, True, 2) == "degraded"
    assert permission_outcome(trail, "camera", True, True, True, 2) == "usable"
    left = Trail("deny", start=screen("blank", in_app=False))
    assert permission_outcome(left, "camera", False, None, True, 2) == "exited"


def test_deletion_metrics_and_demanded_data() -> None:
    reason = screen("reason", ["请选择您注销账号的原因"])
    trail = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, reason, text="注销账号"),
        step(2, Kind.TAP, screen("reason"), role="radio", text="不再使用"),
        step(3, Kind.TEXT, screen("verify"), name="短信验证码"),
        step(4, Kind.TEXT, screen("verify"), name="身份证号"),
        step(5, Kind.SCROLL, screen("verify")),
        step(6, Kind.TAP, screen("face", ["人脸验证"], {"camera": 1}), text="开始验证"),
        step(7, Kind.TAP, screen("done", ["注销申请已提交，将在15个工作日内处理完成"], {"camera": 1}), text="确认")])
    assert demanded_data(trail) == ["face_scan", "id_number", "reason", "sms_code"]
    signup = Trail("signup", start=screen("home"), steps=[step(i, Kind.TAP, screen("s")) for i in range(4)])
    m = deletion_metrics(trail, signup, "pending")
    assert (m["steps"], m["taps"], m["text_inputs"], m["scrolls"], m["screens"]) == (6, 4, 2, 1, 5)
    assert m["waiting_period_days"] == 15 and m["deletion_in_app"] is True
    assert m["signup_steps"] == 4 and m["delete_to_signup_ratio"] == 1.5


def test_a_reason_ticked_among_options_is_demanded_an_agreement_ticked_is_not() -> None:
    """hanami's survey «退会の理由を教えてください（1つ以上選択）» answered by ticking 使わなくなった: a reason was demanded
    (before: only a radio counted, the figure said nothing was); the "I have read" box beside a reason field left
    empty gives none, and a box never gives a password."""
    survey = screen("survey", ["退会の理由を教えてください（1つ以上選択）。"])
    ticked = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, survey, text="退会手続き"),
        step(2, Kind.TOGGLE, screen("survey"), role="checkbox", name="使わなくなった"),
        step(3, Kind.TAP, screen("done", ["退会が完了しました。"]), text="退会する")])
    assert demanded_data(ticked) == ["reason"]
    notice = screen("notice", ["Why are you leaving? (optional)", "Password"])
    agreed = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, notice, text="Delete account"),
        step(2, Kind.TOGGLE, screen("notice"), role="checkbox", name="I have read and agree to the notice"),
        step(3, Kind.TAP, screen("done", ["Your account has been deleted."]), text="Delete")])
    assert demanded_data(agreed) == []


def test_an_answer_chosen_on_a_deletion_path_is_a_reason_in_any_language() -> None:
    """ccjs-dark: «Ne pare rău că pleci. Spune-ne de ce:» and four radio answers, one required — no lexicon reads
    the question, yet choosing one of the offered answers is giving a reason (before: data_demanded had only the
    password). A screen naming another kind of data keeps that kind."""
    question = screen("why", ["Ne pare rău că pleci. Spune-ne de ce:"])
    chosen = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, question, text="Închide contul"),
        step(2, Kind.TAP, screen("why"), role="radio", text="Nu mai călătoresc cu trenul"),
        step(3, Kind.TAP, screen("done", ["Contul tău a fost închis."]), text="Continuă")])
    assert demanded_data(chosen) == ["reason"]
    where = screen("verify", ["Choose where we send the code: phone number"])
    sent = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, where, text="Delete account"),
        step(2, Kind.TAP, screen("verify"), role="radio", text="+44 7700 900123")])
    assert demanded_data(sent) == ["phone_number"]


def test_off_app_ending_is_not_in_app_and_has_no_waiting_period() -> None:
    trail = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, screen("info", ["To delete your account, send an e-mail to privacy@x.invalid. "
                                          "We will process your request within 30 days."]))])
    m = deletion_metrics(trail, None, "accepted")
    assert m["deletion_in_app"] is False and m["waiting_period_days"] is None


def test_preticked_counts_the_first_screen_with_boxes() -> None:
    boxes = [Element(rid=f"p{i}", role="checkbox", checked=i < 3) for i in range(4)]
    trail = Trail("reject", start=screen("dialog"), steps=[
        step(1, Kind.TAP, screen("manage", elements=boxes)),
        step(2, Kind.TOGGLE, screen("manage", elements=[Element(role="checkbox", checked=False)] * 4))])
    assert preticked(trail) == 3


def test_a_deletion_in_words_no_lexicon_has_is_told_by_the_log_in_refused_and_its_masked_field() -> None:
    """reactcc-fair's kind (its Hindi words are in the lexicons now; here Punjabi, which none has): «ਪਾਸਵਰਡ» typed
    into a masked field, «ਤੁਹਾਡਾ ਖਾਤਾ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ ਹੈ।» at the end — no lexicon names either. Before: data_demanded
    was [] and deletion_in_app false (a wrong deletion_not_in_app)."""
    field = Element(name="ਪਾਸਵਰਡ", role="textbox", clickable=True, secret_field=True, bounds=(10, 100, 300, 40))
    form = screen("hatayen", ["ਤੁਹਾਡਾ ਖਾਤਾ ਤੁਰੰਤ ਮਿਟ ਜਾਵੇਗਾ।"], elements=[field])
    done = screen("hataya", ["ਤੁਹਾਡਾ ਖਾਤਾ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ ਹੈ।"])
    trail = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, form, text="ਖਾਤਾ ਮਿਟਾਓ"),
        Step(index=2, kind=Kind.TEXT, title="", target={"name": "ਪਾਸਵਰਡ", "bounds": [10, 100, 300, 40]}, at="",
             seconds=0.0, screen=form),
        step(3, Kind.TAP, done, text="ਖਾਤਾ ਪੱਕੇ ਤੌਰ 'ਤੇ ਮਿਟਾਓ")])
    assert demanded_data(trail) == ["password"]
    assert deletion_metrics(trail, None, "rejected")["deletion_in_app"] is True
    assert deletion_metrics(trail, None, "accepted")["deletion_in_app"] is False   # still logs in: not told done
    assert deletion_metrics(trail, None, None)["deletion_in_app"] is None    # neither said nor checked: unmeasured
    plain = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, screen("f", elements=[Element(name="ਪਤਾ", role="textbox", bounds=(10, 100, 300, 40))]), text="x"),
        Step(index=2, kind=Kind.TEXT, title="", target={"name": "ਪਤਾ", "bounds": [10, 100, 300, 40]}, at="",
             seconds=0.0, screen=done)])
    assert demanded_data(plain) == []                        # an unmasked field no lexicon names gives nothing
    off = Trail("delete", start=screen("home"), steps=[
        step(1, Kind.TAP, screen("call", ["Call us on 020 555 0147 to close your account."]), text="Close")])
    assert deletion_metrics(off, None, "rejected")["deletion_in_app"] is False     # sent elsewhere: not in the app


def test_a_deletion_end_neither_said_nor_checked_is_unmeasured_and_ends_not_found(tmp_path) -> None:
    """vayu-later-en (fresh11 finding 10): the path ended in the app on «आपका खाता 30 दिनों में हटा दिया जाएगा।» (no
    lexicon word), and logging in again after it could not be walked (its first step, an update modal's answer, gone):
    before, deletion_in_app was false and the audit FOUND deletion_not_in_app — a dark pattern claimed on a fair app
    from a check never made. Now the figure is unmeasured and the audit ends not_found with the reason. (That Hindi
    sentence is read now, lexicons/periods.yaml: here a Punjabi end no lexicon knows.)"""
    import pytest
    from _pytest.outcomes import Skipped

    from consent_audit.audit import Audit
    from consent_audit.measures import deletion_untold
    from consent_audit.model import Outcome, Result
    end = screen("end", ["ਤੁਹਾਡਾ ਖਾਤਾ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ ਹੈ।"])
    trail = Trail("delete", start=screen("home"), steps=[step(1, Kind.TAP, screen("form")), step(2, Kind.TAP, end)])
    metrics = deletion_metrics(trail, None, None)
    assert metrics["deletion_in_app"] is None and metrics["waiting_period_days"] is None
    gap = 'step 1 of the log-in path (tap "अपडेट करें") is not on the screen'
    untold = deletion_untold(metrics, gap)
    assert set(untold) == {"deletion_in_app", "login_after_deletion"} and gap in untold["login_after_deletion"]
    audit = Audit(Result("t", "deletion", "f", metrics=dict(metrics, shaming_text=[], decision_prominence={})),
                  tmp_path, tmp_path)
    for figure, why in untold.items():
        audit.not_told(figure, why)
    with pytest.raises(Skipped):
        audit.conclude(audit.evaluate())
    assert audit.result.outcome == Outcome.NOT_FOUND and gap in audit.result.reason
    assert not audit.result.findings
    told = deletion_metrics(trail, None, "pending")     # checked: told by the log-in, whatever the words
    assert told["deletion_in_app"] is True and deletion_untold(told, "") == {}
    assert deletion_untold(deletion_metrics(trail, None, "accepted"), "") == {}   # checked: still logs in

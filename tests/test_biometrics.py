"""Biometric gates from recorded journeys (consent_audit.biometrics), on screens built here: a forced face
scan, a fair optional one with its own consent, a bundled consent that is not separate, and a journey with
no biometric at all. No browser."""
from __future__ import annotations

from consent_audit.biometrics import alternatives_on, biometric_gates, separate_consent_on
from consent_audit.model import Kind, Step, Trail
from consent_audit.screen import Element, Screen


def _screen(sig: str, elements: list[Element], camera: int = 0) -> Screen:
    return Screen(elements=elements, signature=sig, prompts={"camera": camera} if camera else {})


def _step(n: int, kind: Kind, rid: str, screen: Screen) -> Step:
    return Step(index=n, kind=kind, title=rid, target={"id": rid}, at="", seconds=0.0, screen=screen)


def _signup(forced: bool) -> Trail:
    intro = "注册须完成本人人脸核验，暂不支持其他核验方式。" if forced else "人脸登录为可选功能。"
    controls = [Element(text=intro),
                Element(text="开始人脸核验", rid="signup-face-start", role="button", clickable=True),
                Element(name="我已阅读并同意《用户协议》和《隐私政策》", rid="signup-agree", role="checkbox",
                        clickable=True, checked=False)]
    if not forced:
        controls += [Element(name="仅使用密码登录", rid="signup-verify-password", role="radio", clickable=True),
                     Element(name="我单独同意处理我的人脸信息，仅用于登录", rid="signup-face-consent",
                             role="checkbox", clickable=True)]
    gate = _screen("signup", controls + [Element(text="注册", rid="signup-submit", role="button", clickable=True,
                                                 enabled=not forced)])
    scanned = _screen("signup", controls + [Element(text="注册", rid="signup-submit", role="button", clickable=True)],
                      camera=1 if forced else 0)
    me = _screen("me", [Element(text="auditor", rid="me-username")], camera=1 if forced else 0)
    home = _screen("home", [Element(text="首页", rid="tab-home")])
    steps = [_step(1, Kind.TAP, "me-signup", gate)]
    if forced:
        steps.append(_step(2, Kind.TAP, "signup-face-start", scanned))
    steps.append(_step(3, Kind.TAP, "signup-submit", me))
    return Trail(name="sign up", start=home, steps=steps)


def test_a_face_scan_with_no_other_way_and_no_separate_consent_is_measured_as_such() -> None:
    assert biometric_gates([_signup(forced=True)]) == [
        {"journey": "sign up", "biometrics": ["face"], "demanded": True, "scanned": True, "alternatives": [],
         "separate_consent": False}]


def test_an_optional_face_login_with_its_own_consent_and_a_password_way() -> None:
    assert biometric_gates([_signup(forced=False)]) == [
        {"journey": "sign up", "biometrics": ["face"], "demanded": False, "scanned": False,
         "alternatives": ["password"], "separate_consent": True}]


def test_a_bundled_policy_consent_is_not_separate_and_a_password_field_is_not_an_alternative() -> None:
    screen = _screen("s", [Element(name="I agree to the privacy policy, including face recognition",
                                   role="checkbox", clickable=True),
                           Element(name="Password", rid="signup-password", role="textbox", clickable=True),
                           Element(text="Use a password instead", role="button", clickable=True),
                           Element(text="Verify with an SMS code", role="radio", clickable=True)])
    assert separate_consent_on(screen) is False
    assert alternatives_on(screen) == ["password", "sms"]


def test_a_journey_without_a_biometric_has_no_gate() -> None:
    home = _screen("home", [Element(text="Home")])
    trail = Trail(name="sign up", start=home, steps=[_step(1, Kind.TAP, "me-signup", _screen("signup", [
        Element(text="Create account", rid="signup-submit", role="button", clickable=True)]))])
    assert biometric_gates([trail]) == []

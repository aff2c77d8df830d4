"""The unfair-terms lexicon (assets/lexicons/policy_terms.yaml) and the other policy readings, on sentences
written here in English and Chinese: each term must match its unfair sentences and none of the near-misses
(fair wordings that share its words). No browser."""
from __future__ import annotations

import pytest

from consent_audit.detectors.policy import (declared_permissions, language_of, languages, load_terms,
                                            promised_deletion_days, sentences, unfair_terms)

UNFAIR = [
    # an irrevocable / perpetual / transferable / sublicensable licence over user content or likeness
    ("perpetual_licence", "You grant us a free, worldwide, irrevocable and perpetual licence to use the content you upload."),
    ("perpetual_licence", "By uploading, you grant the company a transferable and sublicensable license to your likeness."),
    ("perpetual_licence", "You hereby grant us a royalty-free, permanent, re-licensable right over your photos and videos."),
    ("perpetual_licence", "您同意授予我们在全球范围内免费、不可撤销、永久、可转让和可再许可的权利，以使用您上传的内容。"),
    ("perpetual_licence", "用户授权本公司永久使用其上传的照片中的肖像，且该授权可转授权给第三方。"),
    # consent deemed by mere use
    ("consent_by_use", "By using the app you agree to this privacy policy."),
    ("consent_by_use", "Your continued use of the service constitutes acceptance of these terms."),
    ("consent_by_use", "您使用本应用即视为您已同意本政策的全部内容。"),
    ("consent_by_use", "一旦使用本服务，即表示您同意我们按照本政策处理您的个人信息。"),
    # changes without notice
    ("changes_without_notice", "We may change this policy at any time without notice."),
    ("changes_without_notice", "We reserve the right to update these terms without prior notification."),
    ("changes_without_notice", "我们有权随时修改本政策，恕不另行通知。"),
    ("changes_without_notice", "本协议的更新无需通知用户即生效。"),
    # data kept after deletion without a stated period
    ("kept_after_deletion", "After you delete your account, we may keep and continue to use the content you uploaded."),
    ("kept_after_deletion", "Even after you close your account we retain your face data."),
    ("kept_after_deletion", "您注销账号后，我们仍可保留并继续使用您上传的内容。"),
    ("kept_after_deletion", "删除账号后，您的人脸信息将继续保存在我们的服务器上。"),
]

NEAR_MISSES = [
    # a fair licence: limited to the service, ending on deletion, negated qualifiers
    "You grant us a licence limited to operating the service and ending when you delete your content.",
    "You grant us a non-exclusive, non-transferable, non-sublicensable licence limited to operating the service.",
    "We grant you a worldwide, royalty-free licence to use the app.",
    "You have the right to permanently delete your content at any time.",
    "您授予我们非独占、不可转让、不可再许可的许可，仅用于为您提供服务，并在您删除相关内容时终止。",
    "我们会永久删除您上传的照片。",
    # consent is asked, not deemed
    "We will ask for your consent before using your face scan.",
    "By tapping Agree, you consent to the processing described above.",
    "使用人脸功能前，我们会单独征得您的同意。",
    "您可以随时撤回同意，撤回后不影响您使用本应用的基本功能。",
    # changes with notice
    "If we change this policy, we will tell you in the app before the change takes effect.",
    "本政策如有变更，我们会在变更生效前在应用内通知您。",
    # deletion with a stated period, or nothing kept
    "After you delete your account, we keep invoices for 30 days as tax law requires, then erase them.",
    "After you delete your account, we keep nothing.",
    "您注销账号后，我们将在15天内删除或匿名化您的个人信息，不会继续保存。",
    "注销账号后，我们不会保留您的任何个人信息。",
    "When you delete your account, we erase your account and all your notes within 7 days.",
]


@pytest.mark.parametrize("term, sentence", UNFAIR, ids=lambda v: v[:40] if isinstance(v, str) else v)
def test_each_unfair_sentence_shows_its_term_and_only_it(term: str, sentence: str) -> None:
    hits = unfair_terms([("p-1", sentence)])
    assert [h["term"] for h in hits] == [term]
    assert hits[0]["sentence"] == sentence and hits[0]["place"] == "p-1 sentence 1"


@pytest.mark.parametrize("sentence", NEAR_MISSES, ids=lambda v: v[:40])
def test_near_misses_do_not_match(sentence: str) -> None:
    assert unfair_terms([("p-1", sentence)]) == []


def test_every_term_of_the_lexicon_is_tested_in_both_languages() -> None:
    names = {t.name for t in load_terms()}
    assert names == {term for term, _ in UNFAIR}
    for name in names:
        assert {language_of(s) for t, s in UNFAIR if t == name} == {"en", "zh"}, name


def test_qualifiers_are_kept_with_the_licence() -> None:
    hit, = unfair_terms([("p-3", "You grant us a free, worldwide, irrevocable licence to your face.")])
    assert hit["qualifiers"] == ["free", "worldwide"]


def test_hits_are_quoted_with_their_place_in_reading_order() -> None:
    text = "我们重视您的隐私。我们有权随时修改本政策，恕不另行通知。您使用本应用即视为您已同意本政策。"
    hits = unfair_terms([("policy-p-4", text)])
    assert [(h["term"], h["place"]) for h in hits] == [("changes_without_notice", "policy-p-4 sentence 2"),
                                                       ("consent_by_use", "policy-p-4 sentence 3")]
    assert hits[0]["sentence"] == "我们有权随时修改本政策，恕不另行通知。"


def test_sentences_split_in_both_languages() -> None:
    assert sentences("First one. Second one! 第三句。第四句；") == ["First one.", "Second one!", "第三句。", "第四句；"]
    assert sentences("Version 1.0.0 (reference app).") == ["Version 1.0.0 (reference app)."]


def test_languages_declared_permissions_and_promised_deletion() -> None:
    paragraphs = [("a", "我们会申请位置权限、通知权限和相机权限。"), ("b", "We ask for the camera only when you scan.")]
    assert languages(paragraphs) == ["en", "zh"]
    assert declared_permissions(paragraphs) == ["camera", "geolocation", "notifications"]
    assert declared_permissions([("a", "本政策如有变更，我们会在应用内通知您。")]) == []   # to notify is not a permission
    assert promised_deletion_days([("a", "When you delete your account, we erase your data within 7 days.")]) == 7
    assert promised_deletion_days([("a", "我们将在您注销账号后15个工作日内删除您的个人信息。")]) == 15
    assert promised_deletion_days([("a", "您可以随时在应用内注销账号。")]) is None
    assert promised_deletion_days([("a", "We keep invoices for 30 days.")]) is None     # not a deletion promise

"""The languages of a policy and of an app's screen (detectors/language.py): every written language, not only
English and Chinese (before, a Japanese policy read as "zh" and a Dutch one as "en", so a policy in the wrong
language for its app could pass unnoticed)."""
from __future__ import annotations

import pytest

from consent_audit.detectors.language import language_of, languages, main_language
from consent_audit.detectors.policy import languages as policy_languages

POLICY = {
    "ja": "当社は、お客様の個人情報を適切に管理し、ご本人の同意なく第三者に提供することはありません。",
    "zh": "我们会按照法律法规的规定收集和使用您的个人信息，未经您同意不会向第三方提供。",
    "nl": "Wij verwerken uw persoonsgegevens alleen voor de doeleinden die in deze verklaring staan.",
    "vi": "Chúng tôi thu thập thông tin cá nhân của bạn để cung cấp dịch vụ và cải thiện trải nghiệm.",
    "ko": "회사는 이용자의 개인정보를 관련 법령에 따라 안전하게 처리하며 동의 없이 제공하지 않습니다.",
    "ru": "Мы обрабатываем ваши персональные данные только в целях, указанных в этой политике.",
    "tr": "Kişisel verilerinizi yalnızca bu politikada belirtilen amaçlarla işliyor ve saklıyoruz.",
    "hi": "हम आपकी व्यक्तिगत जानकारी केवल इस नीति में बताए गए उद्देश्यों के लिए एकत्र करते हैं।",
    "ar": "نحن نجمع بياناتك الشخصية فقط للأغراض الموضحة في هذه السياسة ولا نشاركها دون موافقتك.",
    "de": "Wir verarbeiten Ihre personenbezogenen Daten nur zu den in dieser Erklärung genannten Zwecken.",
    "en": "We collect your personal data only for the purposes this policy describes and keep it safe.",
}


@pytest.mark.parametrize("code", sorted(POLICY))
def test_a_policy_paragraph_is_told_in_its_language(code: str) -> None:
    assert language_of(POLICY[code]) == code
    assert policy_languages([("p-1", POLICY[code])]) == [code]


@pytest.mark.parametrize("text, code", [("同意する", "ja"), ("동의", "ko"), ("同意", "zh"), ("सहमत", "hi"),
                                        ("ვეთანხმები", "ka"), ("OK", None), ("", None), ("123", None)])
def test_a_short_text_is_told_by_its_script_or_not_at_all(text: str, code: str | None) -> None:
    assert language_of(text) == code


def test_a_stray_heading_or_name_adds_no_language() -> None:
    doc = ["Privacybeleid", "Powered by Example Analytics Limited", POLICY["nl"], POLICY["nl"].replace("Wij", "We"),
           "Wij bewaren uw gegevens niet langer dan nodig is en verwijderen ze op uw verzoek binnen dertig dagen."]
    assert languages(doc) == ["nl"]
    assert languages([POLICY["nl"], POLICY["en"]]) == ["en", "nl"]          # a bilingual policy is both


def test_the_apps_language_is_the_one_most_of_its_screen_is_in() -> None:
    screen = ["Startpagina", "Welkom terug bij uw rekening, hier ziet u uw saldo en recente betalingen.",
              "Geldautomaat zoeken", "Instellingen", "Privacy policy"]
    assert main_language(screen) == "nl"
    assert main_language(["首页", "我的"]) == "zh" and main_language([]) is None

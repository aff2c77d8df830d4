"""A consent path ends where the consent dialog is answered (explorer/refusal.py `_outcome`, readback.judge): a
prompt the app shows after the answer (a notification pre-prompt, a rating prompt) is another layer — neither a
next step of the dialog's refusal, nor the dialog still covering the app — and a refusal is honoured only when the
consent record itself differs from accepting's, not because another prompt's answer was stored beside it.

Recorded from fresh7 (/work/brief/s28/fresh7-findings.md): shonar-en #9 (the reject path learnt was «Accept all» →
«চালু করুন», the app's own notification pre-prompt, said honoured because it stored more than accepting did) and
warung #4/#7 (after «Simpan pilihan» the rating prompt «Suka aplikasinya?» covered the app: "nothing stored, the
app still covered" though warung:izin held the refusal)."""
from __future__ import annotations

import json

from consent_audit.explorer.refusal import CONSENTED, COVERED, LAYER, REFUSED, _outcome
from consent_audit.readback import judge
from consent_audit.stored_records import stored_now
from consent_audit.screen import Element, Screen
from test_consent_wall import _Sheet

NEWS = [Element(text="সোনার খবর", bounds=(0, 40, 1080, 80)),
        Element(text="পদ্মার চরে নতুন ধানের জাত, কৃষকের মুখে হাসি", role="link", bounds=(40, 300, 1000, 160),
                clickable=True, covered=True),
        Element(text="খবর", role="button", bounds=(0, 2260, 360, 140), clickable=True, covered=True),
        Element(text="সেটিংস", role="button", bounds=(720, 2260, 360, 140), clickable=True, covered=True)]
PRE_PROMPT = [Element(text="🔔", bounds=(500, 1700, 80, 80)),
              Element(text="ব্রেকিং নিউজ সবার আগে পেতে চান?", role="heading", bounds=(47, 1800, 987, 80)),
              Element(text="বড় খবর এলেই আমরা আপনাকে জানিয়ে দেব।", bounds=(47, 1900, 987, 60)),
              Element(text="চালু করুন", role="button", bounds=(47, 2103, 987, 163), clickable=True),
              Element(text="এখন না", bounds=(440, 2290, 200, 60), clickable=True)]
SHOP = [Element(text="Warung Bu Sri", bounds=(0, 40, 1080, 80)),
        Element(text="Nasi goreng kampung", role="link", bounds=(40, 300, 1000, 160), clickable=True, covered=True),
        Element(text="Akun", role="button", bounds=(720, 2260, 360, 140), clickable=True, covered=True)]
RATING = [Element(text="Suka aplikasinya?", bounds=(100, 1000, 880, 80)),
          Element(text="Nanti", role="button", bounds=(100, 1200, 400, 120), clickable=True),
          Element(text="Beri nilai", role="button", bounds=(580, 1200, 400, 120), clickable=True)]
SETTINGS_LAYER = [Element(text="Pengaturan", bounds=(100, 900, 880, 80)),
                  Element(text="Lanjutkan", role="button", bounds=(100, 1200, 880, 120), clickable=True)]


class _Covered(_Sheet):
    """An operator-like over recorded screens: what is covered is what the recording marks covered, the store
    is what the app kept after the move (a relaunch keeps it)."""

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(screen.elements) if e.covered)


def _at(elements: list[Element], signature: str) -> Screen:
    return Screen(elements=elements, signature=signature, size=(1080, 2400), location="http://app/")


ALL = json.dumps(["dorkari", "porisonkhyan", "bigyapon"])


def test_the_apps_pre_prompt_after_accepting_is_no_next_step_of_a_refusal() -> None:
    """shonar-en: «Accept all» stored the consent record and the app's notification pre-prompt covered the page;
    it was taken for the dialog's next layer (a refusal then learnt through its «চালু করুন»). The move answered
    the dialog: judged there — what it kept is accepting's record, consent."""
    accepted = {"local": {"rcc-popup-consent": ALL}}
    op = _Covered({"local": {"rcc-popup-consent": ALL}})
    after = _at(NEWS + PRE_PROMPT, "pre-prompt")
    got = _outcome(op, after, {"local": {}}, accepted, set(), True, "http://app/", frozenset(), {"local": {}})
    assert got == CONSENTED and got != LAYER


def test_a_rating_prompt_after_a_stored_refusal_is_not_the_dialog_still_there() -> None:
    """warung: «Simpan pilihan» (two purposes unticked) stored warung:izin with every purpose off, then the app's
    rating prompt covered it; read "nothing stored, the app still covered". The move answered the dialog: the
    refusal stored is judged as one."""
    accepted = {"local": {"warung:izin": json.dumps({"statistik": True, "iklan": True, "mitra": True,
                                                      "waktu": 1764560000123})}}
    refused = {"local": {"warung:izin": json.dumps({"statistik": False, "iklan": False, "mitra": False,
                                                     "waktu": 1764560099999})}}
    after = _at(SHOP + RATING, "rating")
    got = _outcome(_Covered(refused), after, {"local": {}}, accepted, set(), False, "http://app/", frozenset(),
                   {"local": {}})
    assert got == REFUSED and got != COVERED


def test_a_covering_layer_opened_storing_nothing_is_still_the_dialogs_next_layer() -> None:
    """The other side: a control that opens the dialog's next layer in words no lexicon reads stores nothing —
    that layer is still tried in turn (and without a read of the store before, nothing changes either)."""
    accepted = {"local": {"warung:izin": json.dumps({"statistik": True})}}
    after = _at(SHOP + SETTINGS_LAYER, "settings")
    assert _outcome(_Covered({"local": {}}), after, {"local": {}}, accepted, set(), True, "http://app/",
                    frozenset(), {"local": {}}) == LAYER
    assert _outcome(_Covered(accepted), after, {"local": {}}, accepted, set(), True, "http://app/",
                    frozenset()) == LAYER


def test_another_prompts_record_beside_accepting_record_is_no_refusal() -> None:
    """shonar-en's reject path kept rcc-popup-consent exactly as accepting did, plus the pre-prompt's
    shonar:notif and shonar:notif-asked: read "the reject path stored other choices than the accept path",
    honoured. The consent record decides: unchanged, no refusal is told (never a "honoured")."""
    accepted = {"local": {"rcc-popup-consent": ALL}}
    rejected = {"local": {"rcc-popup-consent": ALL, "shonar:notif": "granted", "shonar:notif-asked": "1"}}
    out = judge({"local": {}}, accepted, rejected)
    assert out["reject_honoured"] is not True
    assert out["reject_others"] == ["local:shonar:notif", "local:shonar:notif-asked"]
    # a refusal stored in the record itself is still one, whatever is stored beside it
    declined = {"local": {"rcc-popup-consent": json.dumps(["dorkari"]), "shonar:notif-asked": "1"}}
    assert judge({"local": {}}, accepted, declined)["reject_honoured"] is True


def test_a_move_stored_something_only_when_an_item_is_new_or_changed_beyond_its_digits() -> None:
    seen = {"local": {"visits": "3", "at": "1764560000123"}}
    assert not stored_now(seen, {"local": {"visits": "4", "at": "1764560009999"}})
    assert stored_now(seen, {"local": {**seen["local"], "consent": "{}"}})
    assert not stored_now(None, seen) and not stored_now(seen, None)

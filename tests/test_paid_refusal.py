"""fixRB kind 4, consent or pay (corpus ambavi): the refusal is stored, then a subscription's payment page stands
in for the whole app at once and at every launch after — refusing leads only to paying: the consent wall. Told by
structure on the screens read after the accept's and the refusal's relaunch (explorer/paid_refusal.py): the
refused one is not the core screen the accept reached (its controls covered) and holds a form the core has not.
A free refusal opening the app (corpus ktiv) and a banner shown again (no form) are none. Hand-made screens in
Georgian: no lexicon is read."""
from __future__ import annotations

from consent_audit.explorer.paid_refusal import paid_refusal
from consent_audit.findings import evaluate
from consent_audit.screen import Element, Screen

NEWS = ("პარლამენტმა ახალი საგზაო კოდექსი მიიღო", "ლარის კურსი კვირის ბოლოს", "თბილისის ჯაზ-ფესტივალი")


def _home(covered: bool = False, extra: list[Element] | None = None, signature: str = "home") -> Screen:
    elements = [Element(text="ამბავი", bounds=(10, 10, 200, 30)),
                Element(name="ანგარიშის მენიუ", role="button", bounds=(340, 10, 40, 40), clickable=True,
                        covered=covered)]
    elements += [Element(text=t, role="link", bounds=(10, 80 + 60 * i, 380, 50), clickable=True, covered=covered)
                 for i, t in enumerate(NEWS)]
    return Screen(elements=elements + (extra or []), signature=signature, size=(400, 800))


PAYWALL = [Element(text="ამბავი+", bounds=(10, 20, 300, 30)), Element(text="9,90 ლარი თვეში", bounds=(10, 60, 300, 30)),
           Element(name="ბარათის ნომერი", role="textbox", bounds=(10, 200, 380, 40), clickable=True),
           Element(name="ვადა", role="textbox", bounds=(10, 260, 380, 40), clickable=True),
           Element(text="გადახდა — 9,90 ლარი", role="button", bounds=(10, 330, 380, 50), clickable=True),
           Element(text="თანხმობის შეცვლა", role="link", bounds=(10, 400, 380, 30), clickable=True)]
BANNER = [Element(role="dialog", bounds=(0, 600, 400, 200)),
          Element(text="ჩვენ ვიყენებთ ქუქი-ფაილებს ...", bounds=(10, 610, 380, 40)),
          Element(text="ვეთანხმები", role="button", bounds=(10, 700, 180, 40), clickable=True),
          Element(text="უარი", role="button", bounds=(200, 700, 180, 40), clickable=True)]


def test_a_payment_form_standing_where_the_app_was_after_the_refusal_is_told() -> None:
    walled = paid_refusal(_home(), _home(covered=True, extra=PAYWALL, signature="home+pay"))
    assert walled is not None and walled.fields == ("ბარათის ნომერი", "ვადა") and walled.reachable == 0
    assert "only free way on is to consent" in walled.describe()


def test_the_app_reached_after_a_free_refusal_or_a_banner_back_is_no_paid_refusal() -> None:
    assert paid_refusal(_home(), _home(signature="home")) is None               # ktiv: the refusal opens the app
    assert paid_refusal(_home(), _home(signature="home2")) is None              # the same app, another structure
    assert paid_refusal(_home(), _home(covered=True, extra=BANNER, signature="home+banner")) is None  # nagging
    assert paid_refusal(None, _home()) is None
    # the accept's relaunch met a layer over the app (a pre-prompt): no core screen, nothing told
    assert paid_refusal(_home(covered=True, extra=BANNER), _home(covered=True, extra=PAYWALL, signature="p")) is None


def test_a_stored_refusal_that_leads_only_to_paying_is_the_consent_wall() -> None:
    metrics = {"accept_steps": 1, "reject_steps": 2, "refusal_offered": True, "reject_honoured": True,
               "paid_refusal": "after the refusal and a relaunch, a form ('ბარათის ნომერი') stands where …"}
    found = {f.pattern: f for f in evaluate("consent", metrics, {"paid": ["a.png", "r.png"]}).findings}
    assert "consent_wall" in found and found["consent_wall"].evidence == ["a.png", "r.png"]
    assert "the refusal is stored, but the app is not reached free" in found["consent_wall"].messages["en"]
    for free in (False, None):
        assert "consent_wall" not in evaluate("consent", {**metrics, "paid_refusal": free}, {}).patterns

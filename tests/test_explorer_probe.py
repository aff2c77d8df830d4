"""Which controls the deny-permissions search tries: by their words first on the core screen (feature_controls);
then every enabled control by structure, on the core screen and beyond (explorer/beyond_core.py), except those
that leave, log out, delete, save or refuse (assets/explorer.yaml `search.beyond_core_avoid`), or take money (a
purchase-worded control that says a price or stands on a payment form: explorer/paying.py)."""
from __future__ import annotations

from consent_audit.explorer.beyond_core import PermissionGoal
from consent_audit.explorer.config import load_config
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Node
from consent_audit.explorer.permissions import feature_controls
from consent_audit.screen import Element, Screen

CONFIG = load_config()
GOAL = PermissionGoal(CONFIG.weights("deny-permissions"), frozenset(CONFIG.search["beyond_core_avoid"]), 2)


def _screen(*labels: str, disabled: tuple[str, ...] = ()) -> Screen:
    elements = [Element(text=label, role="button", bounds=(10, 10 + 50 * i, 300, 40), clickable=True,
                        enabled=label not in disabled) for i, label in enumerate(labels)]
    return Screen(elements=elements, signature="s", size=(400, 800))


def _tried(screen: Screen) -> list[str]:
    """The controls the search would use (score ≥ 0), as it lists them (explorer/search.py)."""
    node = Node(ident="n", screen=screen, depth=1)
    return [t.label for t in targets(screen) if t.element.enabled
            and GOAL.score(node, t.label) + GOAL.boost(node, t.key) >= 0]


def test_words_in_no_lexicon_name_no_feature_but_every_control_is_a_candidate() -> None:
    thai = _screen("ข่าววันนี้", "สแกนเช็ค", "ข้อมูลของฉัน")     # Thai: a language no lexicon has
    assert feature_controls(targets(thai)) == []
    assert _tried(thai) == ["ข่าววันนี้", "สแกนเช็ค", "ข้อมูลของฉัน"]


def test_controls_that_leave_log_out_delete_pay_save_or_refuse_are_never_tried() -> None:
    s = _screen("Log out", "Delete account", "Not now", "Open settings", "Exit", "Buy now €4.99", "Save", "Inbox",
                "Scan", disabled=("Scan",))
    assert _tried(s) == ["Inbox"]


def test_a_purchase_worded_control_that_takes_no_money_is_tried() -> None:
    # it starts a purchase flow (no price said, no payment form): what lies behind it is the app's (corpus lumen-ja)
    assert _tried(_screen("Order now", "注文履歴", "Buy now", "Inbox")) == ["Order now", "注文履歴", "Buy now", "Inbox"]
    payment = _screen("Pay", "Place order")
    payment.elements += [Element(text="Total ¥1,200", bounds=(10, 200, 300, 40)),
                         Element(name="Card number", role="textbox", bounds=(10, 250, 300, 40))]
    assert _tried(payment) == ["Card number"]    # never typed into; its buttons on a payment form (a price and a field to fill): the step that pays

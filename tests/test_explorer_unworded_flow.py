"""A deletion flow whose words no lexicon reads (fresh corpus app nom, written in Khmer when no lexicon read it;
here in Tibetan, which none reads), on made-up screens:

- entered by structure, it is answered as one entered by words: a required choice (four ``div role=radio``
  reasons, none chosen) holding a disabled «མུ་མཐུད» back is a step to answer — the flow is entered on trial there
  (before, only a password or a type-back field entered it: the reasons were never offered, "no way forward");
- of the form's unnamed buttons the one it holds back (disabled until the word is typed) submits it, not the big
  enabled «ངའི་རང་ཐོ་ཉར» beside it (keep my account: tapped, the flow was given up);
- that held-back way on has the bigger enabled control beside it for a sibling, so the decision's prominence is
  measured whatever their words (before: the way on, disabled when read, had no sibling — nothing measured).
"""
from __future__ import annotations

from consent_audit.explorer import forms
from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal, confirms_by_structure
from consent_audit.explorer.deletion_steps import decision_siblings
from consent_audit.explorer.elements import targets
from consent_audit.explorer.form_data import FormData
from consent_audit.explorer.graph import Node
from consent_audit.screen import Element, Screen

DATA = FormData(username="tester@nom.test", password="Corpus-pass-1")
TABS = [Element(text=w, role="button", clickable=True, bounds=(130 * i, 760, 130, 40))
        for i, w in enumerate(("གཙོ་ངོས", "བཙོང་ཉོ", "རང་ཐོ"))]
REASONS = ("ད་ནས་མི་བེད་སྤྱོད", "གོང་ཚད་མཐོ་དྲགས", "སྒེར་གྱི་གནད་དོན", "གཞན")


def _radio(label: str, y: int, checked: bool = False) -> Element:
    return Element(text=label, role="radio", clickable=True, checked=checked, bounds=(16, y, 368, 44))


def _reasons(chosen: int | None = None, enabled: bool = False) -> Screen:
    rows = [_radio(w, 120 + 50 * i, i == chosen) for i, w in enumerate(REASONS)]
    go_on = Element(text="མུ་མཐུད", role="button", clickable=True, enabled=enabled, bounds=(16, 340, 368, 48))
    head = Element(text="ཅིའི་ཕྱིར་ཐོན་དགོས?", bounds=(16, 80, 368, 24))
    return Screen(elements=[head, *rows, go_on, *TABS], signature=f"reasons{chosen}", size=(400, 800))


def _typed(text: str = "") -> tuple[Screen, Element, Element]:
    says = Element(text="«སུབ» ཞེས་འབྲི་རོགས", bounds=(16, 80, 368, 24))
    box = Element(name="སུབ", role="textbox", clickable=True, text=text, bounds=(16, 120, 368, 40))
    keep = Element(text="ངའི་རང་ཐོ་ཉར", role="button", clickable=True, bounds=(16, 200, 368, 56))
    delete = Element(text="ཡོངས་སུ་སུབ", role="button", clickable=True, enabled=bool(text), bounds=(150, 270, 100, 16))
    return Screen(elements=[says, box, keep, delete, *TABS], signature="typed", size=(400, 800)), keep, delete


def test_a_required_choice_holding_the_way_on_back_enters_the_flow_by_structure() -> None:
    assert confirms_by_structure(targets(_reasons()))
    assert not confirms_by_structure(targets(_reasons(chosen=0, enabled=True)))   # answered: nothing held back
    assert not confirms_by_structure(targets(_reasons(enabled=True)))     # nothing held back: a settings list
    goal = DeletionGoal(load_config(), verify=lambda: "rejected")
    home = Node(ident="home", screen=Screen(elements=TABS, signature="home"), depth=0, via=())
    goal.purpose(home, home.screen, targets(home.screen))
    screen = _reasons()
    node = Node(ident="reasons", screen=screen, depth=3, via=("རང་ཐོ", "སྒྲིག་འགོད", "རང་ཐོ་སུབ"))
    assert goal.purpose(node, screen, targets(screen)) == forms.FILL and node.in_flow
    plan = forms.plan(screen, targets(screen), forms.FILL, DATA, sms_known=True)
    assert plan.choice is not None and plan.choice.label == REASONS[0]
    assert plan.submit is not None and plan.submit.label == "མུ་མཐུད"


def test_the_button_the_form_holds_back_submits_it_not_the_enabled_one_beside_it() -> None:
    screen, _, delete = _typed()
    found = targets(screen)
    plan = forms.plan(screen, found, forms.FILL, DATA, sms_known=True)
    assert [k for _, k in plan.fields] == ["typed_back"]
    assert plan.submit is not None and plan.submit.element is delete


def test_the_held_back_way_on_has_the_bigger_control_beside_it_for_a_sibling() -> None:
    goal = DeletionGoal(load_config())
    screen, keep, _ = _typed()
    found = targets(screen)
    chrome = frozenset(t.key for t in targets(Screen(elements=TABS, signature="home")))
    assert {t.key for t in found if t.element is keep} == decision_siblings(found, chrome, goal._flow_score)
    filled, _, _ = _typed("སུབ")     # typed: nothing held back, no way on by its words — no sibling told
    assert decision_siblings(targets(filled), chrome, goal._flow_score) == set()

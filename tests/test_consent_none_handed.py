"""A structural probe that told no consent dialog, handed to the later goals of the run (corpus valna: each of the
deletion, permissions and consent goals tried the first-launch onboarding's «Пропусни» and «Напред» again, 2
actions a goal charged to consent; consent 16 for an optimum of 5): a later goal shown the same buttons at its
launch tries none of them again, and one shown other buttons probes them as before."""
from __future__ import annotations

from consent_audit.explorer import consent_structure
from consent_audit.explorer.consent_handover import ConsentHandOver

from tests.test_explorer_structure import LayerApp

# an onboarding carousel over the app: «Пропусни» ends it (storing that it was seen), «Напред» turns its page
ONBOARDING = {"first": {"texts": ["Добре дошли във Вълна"],
                        "buttons": {"Пропусни": (None, {"local:valna:onboarded": "1"}, False),
                                    "Напред": ("second", None, False)}},
              "second": {"texts": ["Покритие навсякъде"],
                         "buttons": {"Пропусни": (None, {"local:valna:onboarded": "1"}, False),
                                     "Готово": (None, {"local:valna:onboarded": "1"}, False)}}}


class _Goal(ConsentHandOver):
    def __init__(self, app: LayerApp) -> None:
        self.op, self.accept, self.reject, self.refusal = app, None, None, None
        self.structure_checked, self.structure_tried, self.consent_adopted = False, [], False


def test_a_probe_that_told_no_dialog_is_not_tried_again_where_the_same_buttons_show() -> None:
    first = LayerApp(ONBOARDING)
    goal = _Goal(first)
    assert consent_structure.learn(first, first.restart, goal.structure_tried) is None
    assert first.taps == ["Пропусни", "Напред"]
    goal.structure_checked = True
    handed = goal.consent_learnt()
    assert handed is not None and handed["none_of"] and "keys" not in handed

    later = LayerApp(ONBOARDING)
    again = _Goal(later)
    again.adopt_consent(handed)
    seen: list = []
    assert consent_structure.learn(later, later.restart, seen, none_told=again.none_told) is None
    assert later.taps == [] and [t.label for t in seen] == ["Пропусни", "Напред"]   # told, not tried again


def test_a_layer_with_other_buttons_is_probed_although_an_earlier_probe_told_none() -> None:
    first = LayerApp(ONBOARDING)
    goal = _Goal(first)
    consent_structure.learn(first, first.restart, goal.structure_tried)
    goal.structure_checked = True
    other = LayerApp(ONBOARDING, start="second")      # the later launch shows another layer: its buttons tried
    again = _Goal(other)
    again.adopt_consent(goal.consent_learnt())
    consent_structure.learn(other, other.restart, [], none_told=again.none_told)
    assert "Готово" in other.taps


def test_a_dialog_told_replaces_a_probe_that_told_none_and_is_never_replaced_by_one() -> None:
    from consent_audit.flows.explore.conftest import _hand_on

    class _Explored:
        def __init__(self, learnt):
            self.learnt = learnt

        def consent_learnt(self):
            return self.learnt

    so_far: dict = {}
    _hand_on(_Explored({"none_of": frozenset({"a"}), "structure_tried": []}), so_far)
    assert "none_of" in so_far["consent_dialog"]
    _hand_on(_Explored({"keys": frozenset({"b"})}), so_far)
    assert so_far["consent_dialog"] == {"keys": frozenset({"b"})}
    _hand_on(_Explored({"none_of": frozenset({"c"}), "structure_tried": []}), so_far)
    assert so_far["consent_dialog"] == {"keys": frozenset({"b"})}

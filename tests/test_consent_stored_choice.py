"""fixKS (fresh13 kofi): a consent sheet in words no lexicon has whose two answers write one record with
different values and no switch (idhini=kubali / idhini=kataa), the accept keeping an analytics id beside it.
Before: not_found — "its answers stored different records … not one choice", and, without the id, "every answer
stored the same choice", though the values differ. One record with different values is a choice; the answer
after which the app keeps more (an id, more purposes) accepts, the one keeping least refuses; when nothing tells
them apart it is said so (unmeasured), never "the same choice". Hand-built layers (Georgian: no lexicon)."""
from __future__ import annotations

import pytest

from test_explorer_structure import LayerApp

from consent_audit.explorer import consent_structure
from consent_audit.explorer.launch_seen import launch_seen

YES, NO = "ვეთანხმები", "უარი"


def _sheet(yes: object, no: object, texts: tuple[str, ...] = ("ჩვენ ვიყენებთ ...",), third: object = None) -> dict:
    buttons = {NO: (None, no, False), YES: (None, yes, False)}
    if third is not None:
        buttons["×"] = (None, third, False)
    return {"first": {"texts": list(texts), "buttons": buttons}}


def _learn(layers: dict) -> tuple[object, list, str]:
    app = LayerApp(layers)
    tried: list = []
    learnt = consent_structure.learn(app, app.restart, tried)
    screen = app.restart()
    return learnt, tried, launch_seen(screen, app.targets(screen), app.covered(screen), tried, True)


@pytest.mark.parametrize("yes,no,texts", [
    # kofi's kind: the accept keeps an id beside the record (no words known)
    ({"local:c": "yes-all", "local:uid": "k9x3mz2q7a"}, {"local:c": "only-needed"}, ()),
    # two purposes' records more beside it
    ({"local:c": "a", "local:stats": "on1", "local:ads": "on2"}, {"local:c": "b"}, ()),
    # the record's value names more purposes
    ("needed,stats,ads", "needed", ()),
    # one record more, the layer's words speak of consent (kofi's English sentence)
    ({"local:c": "a", "local:seen": "x"}, {"local:c": "b"}, ("We use cookies to measure visits.",)),
])
def test_one_record_with_different_values_is_a_choice_the_answer_keeping_more_accepts(yes, no, texts) -> None:
    learnt, _tried, _said = _learn(_sheet(yes, no, texts or ("ჩვენ ვიყენებთ ...",)))
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [YES] and [m.label for m in learnt.reject.moves] == [NO]


def test_a_close_storing_the_refusals_value_beside_it_does_not_hide_the_refusal() -> None:
    learnt, _tried, _said = _learn(_sheet({"local:c": "a", "local:uid": "k9x3mz2q7a"}, {"local:c": "b"}, third={"local:c": "b"}))
    assert learnt is not None and learnt.accept.label == YES and learnt.reject.label in (NO, "×")


@pytest.mark.parametrize("yes,no", [
    ("kubali", "kataa"),                                             # no answer keeps more: untold
    ({"local:c": "a", "local:step": "1"}, {"local:c": "b"}),          # one record more, no id, no words: a tour
    ({"local:c": "a", "local:uid": "k9x3mz2q7a"}, {"local:c": "a"}),  # the same choice, an id beside one
    ({"local:c": "a", "local:uid": "k9x3mz2q7a"}, {"local:c": "b", "local:other": "z"}),   # other things kept
])
def test_no_accept_is_told_when_nothing_kept_tells_it(yes, no) -> None:
    learnt, _tried, _said = _learn(_sheet(yes, no))
    assert learnt is None


def test_different_values_left_untold_are_said_as_different_choices_never_the_same_choice() -> None:
    learnt, _tried, said = _learn(_sheet("kubali", "kataa"))
    assert learnt is None
    assert "same choice" not in said and "different records" not in said
    assert "different values" in said and "'უარი': kataa" in said and "unmeasured" in said


def test_an_id_is_random_letters_and_digits_not_a_time_or_a_word() -> None:
    from consent_audit.explorer.stored_choice import ident
    assert ident("kmimzm5gq") and ident("3f2a9c1e-8b7d-4e6f-a1b2-c3d4e5f60718")
    assert not ident("1764480000") and not ident("kubali") and not ident("v2") and not ident('{"a":1}')

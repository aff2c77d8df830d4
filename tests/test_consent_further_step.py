"""fixZD (corpus zvezda): a refusal whose tap stores nothing and opens an «are you sure?» in the banner's place —
a big «back» and a faint link that carries the refusal through. Before, the structural probe judged the refusal
"stored nothing (the layer went)" and never tried the new layer's buttons: no consent dialog told (not_found).
A further small layer a first-layer answer opens, storing nothing, is a further step of that answer (issue #13
kind 18: every confirmation counts): its buttons are tried after it — one bringing the first layer back storing
nothing is no progress (kind 3), one that stores is the answer, in two taps. Told by structure: Georgian words,
no lexicon has them."""
from __future__ import annotations

import pytest

from test_explorer_structure import LayerApp

from consent_audit.explorer import consent_structure

YES, NO, BACK, SURE = "ვეთანხმები", "უარი", "უკან", "დიახ, უარი"


def _banner(sure_role: str = "button", back_first: bool = True) -> dict:
    confirm = {BACK: ("first", None, False), SURE: (None, '{"stats":false,"ads":false}', False)}
    if not back_first:
        confirm = dict(reversed(list(confirm.items())))
    return {"first": {"texts": ["ჩვენ ვიყენებთ ქუქი-ფაილებს ..."],
                      "buttons": {YES: (None, '{"stats":true,"ads":true}', False), NO: ("confirm", None, False)}},
            "confirm": {"texts": ["დარწმუნებული ხართ?"], "buttons": confirm, "roles": {SURE: sure_role}}}


@pytest.mark.parametrize("sure_role,back_first", [("link", True), ("button", True), ("button", False)])
def test_a_refusal_confirmed_on_a_further_layer_is_the_refusal_in_two_taps(sure_role: str, back_first: bool) -> None:
    app = LayerApp(_banner(sure_role, back_first))
    tried: list = []
    learnt = consent_structure.learn(app, app.restart, tried)
    assert learnt is not None, [(t.label, t.then and t.then.label, t.stored, t.gone) for t in tried]
    assert [m.label for m in learnt.accept.moves] == [YES]
    assert [m.label for m in learnt.reject.moves] == [NO, SURE]
    back = [t for t in tried if t.then is not None and t.then.label == BACK]
    assert all(not t.answered and not t.stored for t in back)     # back to the banner: no answer


def test_a_further_layer_storing_nothing_whatever_is_tapped_tells_no_refusal() -> None:
    """Its buttons tried, none storing: still no consent dialog told (never a refusal made up)."""
    layers = _banner()
    layers["confirm"]["buttons"][SURE] = (None, None, False)
    app = LayerApp(layers)
    assert consent_structure.learn(app, app.restart) is None

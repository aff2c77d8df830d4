"""A first-layer answer told by one trial, not two (helper fixBM, corpus meltemi: consent 5 actions for 2). The
layer shows its purposes switched on and offers a save of the switches as shown, a refusal and an accept-all;
untouched, the save and the accept-all store the same record, so each button was tried untouched and then one of
the tied again after unticking a purpose (explorer/consent_accept_all.py) — five actions. Once an accept and a
refusal down to the locked purposes are known, a later button is tried once after unticking one purpose: as
many purposes on as the accept, it is the accept-all; one fewer, a save. Anything else it does is not told by that
trial, and it is tried untouched as before (a layer it opens is read as a user opening it untouched sees it). Hand-made layer in
Georgian (no lexicon has it): tests/test_explorer_structure.py's LayerApp."""
from __future__ import annotations

from consent_audit.explorer import consent_structure

from tests.test_explorer_structure import LayerApp, _saved

SAVE, REFUSE, ALL, MORE = "შენახვა", "ყველას უარყოფა", "ყველას მიღება", "მეტი"
STATS = "სტატისტიკა"
ANSWERS = {SAVE: (None, _saved, False), REFUSE: (None, '{"stats":false,"ads":false}', False),
           ALL: (None, '{"stats":true,"ads":true}', False), MORE: ("settings", None, False)}


def _sheet(*order: str) -> dict:
    return {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "boxes": (STATS, "რეკლამა"),
                      "buttons": {label: ANSWERS[label] for label in order}},
            "settings": {"texts": ["პარამეტრები"], "boxes": (STATS, "რეკლამა"),
                         "buttons": {SAVE: (None, _saved, False)}}}


def test_the_accept_all_after_the_save_and_the_refusal_is_told_by_one_trial_after_an_untick() -> None:
    app = LayerApp(_sheet(SAVE, REFUSE, ALL))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [ALL]          # no untick in the accept path
    assert [m.label for m in learnt.reject.moves] == [REFUSE]
    assert app.taps == [SAVE, REFUSE, STATS, ALL]                    # before: SAVE, REFUSE, ALL, STATS, SAVE


def test_a_save_after_the_accept_all_and_the_refusal_is_told_by_one_trial_after_an_untick() -> None:
    app = LayerApp(_sheet(ALL, REFUSE, SAVE))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [ALL]
    assert [m.label for m in learnt.reject.moves] == [REFUSE]
    assert app.taps == [ALL, REFUSE, STATS, SAVE]                    # before: ALL, REFUSE, SAVE, STATS, ALL


def test_a_button_the_untick_does_not_tell_is_tried_untouched_as_before() -> None:
    app = LayerApp(_sheet(ALL, REFUSE, MORE))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [ALL]
    assert [m.label for m in learnt.reject.moves] == [REFUSE]
    assert app.taps == [ALL, REFUSE, STATS, MORE, MORE]             # its settings layer opened: tried untouched


def test_no_untick_before_a_refusal_is_known() -> None:
    app = LayerApp(_sheet(SAVE, ALL, REFUSE))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.accept.moves] == [ALL]
    assert app.taps[:3] == [SAVE, ALL, REFUSE]                       # each untouched until the refusal is known


# corpus bep's kind: a notice behind a launch promotion (each launch costs its skip) whose «learn more» link shows
# the policy under it, the notice left in place, nothing stored: the next answer is tried there, not relaunched
MORE_IN_PLACE = {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {
    MORE: ("first", None, False), ALL: (None, '{"stats":true,"ads":true}', False),
    REFUSE: (None, '{"stats":false,"ads":false}', False)}}}


def test_a_layer_left_in_place_storing_nothing_is_where_the_next_answer_is_tried() -> None:
    app = LayerApp(MORE_IN_PLACE)
    launches: list[int] = []
    restart = app.restart

    def counted():
        launches.append(1)
        return restart()
    learnt = consent_structure.learn(app, counted)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [ALL] and [m.label for m in learnt.reject.moves] == [REFUSE]
    assert app.taps == [MORE, ALL, REFUSE]
    assert len(launches) == 2       # the first look and the refusal's; before: the accept's launch too (3)
    assert not learnt.accepted_now  # the accept made over the page the link showed: not where a user accepts


def test_a_layer_a_control_changed_is_no_place_for_the_next_answer() -> None:
    changed = {"first": {**MORE_IN_PLACE["first"], "buttons": {**MORE_IN_PLACE["first"]["buttons"],
                                                               MORE: ("second", None, False)}},
               "second": {"texts": ["სხვა ტექსტი"], "buttons": dict(MORE_IN_PLACE["first"]["buttons"])}}
    app = LayerApp(changed)
    launches: list[int] = []
    restart = app.restart

    def counted():
        launches.append(1)
        return restart()
    learnt = consent_structure.learn(app, counted)
    assert learnt is not None and [m.label for m in learnt.accept.moves] == [ALL]
    assert len(launches) == 3       # other words on it: each answer from a fresh launch, as before

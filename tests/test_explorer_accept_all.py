"""A consent dialog's accept is its own accept-all, not a save tied with it (helper fixMT, corpus meltemi): the
first layer shows its purposes switched on before the user touches them and offers «save my choices» (the switches
as shown), «refuse all» and «accept all». Untouched, the save and the accept-all store the same record; the first
in reading order, the save, was taken for the accept, and the dialog's prominence (visual_interference, the
annotated screenshot) measured on it. Told apart by what each stores once a purpose was unticked: the save
stores the untick, the accept-all consents to everything whatever the switches say
(explorer/consent_accept_all.py). Hand-made layer in Georgian (no lexicon has it): tests/test_explorer_structure.py's
LayerApp."""
from __future__ import annotations

from consent_audit.explorer import consent_structure

from tests.test_explorer_structure import LayerApp, _saved

SAVE, REFUSE, ALL = "შენახვა", "ყველას უარყოფა", "ყველას მიღება"


def _sheet(order: tuple[str, ...]) -> dict:
    answers = {SAVE: (None, _saved, False), REFUSE: (None, '{"stats":false,"ads":false}', False),
               ALL: (None, '{"stats":true,"ads":true}', False)}
    return {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "boxes": ("სტატისტიკა", "რეკლამა"),
                      "buttons": {label: answers[label] for label in order}}}


def test_the_accept_is_the_answer_that_consents_whatever_the_switches_say_not_the_save_before_it() -> None:
    app = LayerApp(_sheet((SAVE, REFUSE, ALL)))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [ALL]
    assert [m.label for m in learnt.reject.moves] == [REFUSE]
    assert not learnt.accepted_now      # the last trial unticked first: not where an accepting user is
    # the accept-all tried once, after an untick (tests/test_consent_untick_once.py): it kept every purpose on
    assert app.taps == [SAVE, REFUSE, "სტატისტიკა", ALL]


def test_an_accept_all_taken_first_is_kept_after_one_trial_and_no_tie_costs_nothing() -> None:
    app = LayerApp(_sheet((ALL, SAVE, REFUSE)))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.accept.moves] == [ALL]
    app = LayerApp(_sheet((ALL, REFUSE)))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.accept.moves] == [ALL]
    assert app.taps == [ALL, REFUSE]     # nothing tied with the accept: no trial of its own

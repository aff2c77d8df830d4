"""A deletion form refused for an empty free-text reason whose words no lexicon knows (corpus gcn-dark: Filipino
«Bakit ka aalis?», refused «Sabihin sa amin kung bakit ka aalis.»; vue-dark: Swahili «Kwa nini unaondoka?», refused
«Tafadhali tuambie sababu.»): the retry writes a reason into the field — a <textarea> by structure, a single-line
field when it is marked required or the refusal names it — and the step counts as a reason demanded. Before: the
field stayed empty on the retry, the form was refused twice, deletion not_found."""
from __future__ import annotations

from test_explorer_signup_refusal import DATA

from consent_audit.explorer import forms
from consent_audit.explorer.elements import targets
from consent_audit.explorer.refused import sent_by_place
from consent_audit.measures import demanded_data
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen

BOX = Element(text="Naiintindihan kong hindi na maibabalik ang account", role="checkbox", clickable=True,
              checked=False, bounds=(0, 150, 400, 30))
SEND = Element(text="Funga akaunti yangu", role="button", clickable=True, bounds=(0, 200, 400, 44))


def _plans(field: Element, refusal: str) -> tuple[forms.FormPlan, forms.FormPlan]:
    screen = Screen(elements=[Element(text="Burahin ang account", bounds=(0, 0, 400, 30)), field, BOX, SEND],
                    signature="form", size=(400, 800))
    found = targets(screen)
    return (forms.plan(screen, found, forms.FILL, DATA, True),
            forms.plan(screen, found, forms.retry_purpose(refusal), DATA, True))


def test_a_textarea_refused_empty_gets_a_reason_on_the_retry_whatever_the_language() -> None:
    area = Element(name="Kwa nini unaondoka?", role="textbox", clickable=True, multiline=True, bounds=(0, 60, 400, 80))
    first, again = _plans(area, "Tafadhali tuambie sababu.")
    assert first.fields == [] and first.submit is not None and first.submit.element is SEND
    assert [(t.element, k) for t, k in again.fields] == [(area, "reason")]
    assert again.submit is not None and again.submit.element is SEND


def test_a_single_line_field_gets_a_reason_only_when_required_or_named_by_the_refusal() -> None:
    line = Element(name="Bakit ka aalis?", role="textbox", clickable=True, bounds=(0, 60, 400, 40))
    _, named = _plans(line, "Sabihin sa amin kung bakit ka aalis.")
    assert [(t.element, k) for t, k in named.fields] == [(line, "reason")]
    _, unnamed = _plans(line, "Lagyan ng tsek ang kahon para magpatuloy.")
    assert unnamed.fields == []                       # the refusal asked for the box, not for this field
    required = Element(**{**line.__dict__, "required": True})
    _, marked = _plans(required, "Lagyan ng tsek ang kahon para magpatuloy.")
    assert [(t.element, k) for t, k in marked.fields] == [(required, "reason")]


def test_a_reason_written_into_a_field_of_unknown_words_is_a_reason_demanded() -> None:
    form = Screen(elements=[], signature="form")
    typed = Step(index=1, kind=Kind.TEXT, title="", at="", seconds=0.0, screen=form,
                 target={"name": "Kwa nini unaondoka?", "gave": "reason"})
    unnamed = Step(index=2, kind=Kind.TEXT, title="", at="", seconds=0.0, screen=form,
                   target={"name": "Jina la mtaa", "gave": "username"})
    assert demanded_data(Trail("delete", start=form, steps=[typed, unnamed])) == ["reason"]


def test_a_button_in_words_none_knew_right_after_the_form_is_its_way_on_and_its_refusal_is_read() -> None:
    """gcn-dark: «Burahin ang account ko» (no lexicon has Filipino) sits right after the reason and the box: it
    sends the form (sent empty first: the free text is for the app to ask for), and the message it left («Sabihin sa amin kung bakit ka aalis.») is a refusal by structure, so the form is retried.
    Before: only a button worded as a way on (next, delete …) made a new text a refusal — the tap was taken for
    a step that did nothing (nor was it the form's submit: "no way forward"), the form never retried."""
    from consent_audit.explorer.deletion_steps import refusal
    from consent_audit.explorer.moves import Move
    area = Element(name="Bakit ka aalis?", role="textbox", clickable=True, multiline=True, bounds=(0, 60, 400, 80))
    send = Element(text="Burahin ang account ko", role="button", clickable=True, bounds=(0, 200, 400, 44))
    before = Screen(elements=[area, BOX, send], signature="form", size=(400, 800))
    after = Screen(elements=[area, BOX, send, Element(text="Sabihin sa amin kung bakit ka aalis.",
                                                      bounds=(0, 250, 400, 20))], signature="form", size=(400, 800))
    first = forms.plan(before, targets(before), forms.FILL, DATA, True)
    assert first.work and first.missing == [] and first.submit is not None and first.submit.element is send
    found = targets(after)
    tapped = next(t for t in found if t.element is send)
    assert sent_by_place(after, found, tapped.key)
    assert refusal(before, Move.tap(tapped), after, found) == "Sabihin sa amin kung bakit ka aalis."
    link = Element(text="Patakaran sa privacy", role="link", clickable=True, bounds=(0, 300, 400, 20))
    shown = Screen(elements=[area, BOX, send, link], signature="form", size=(400, 800))
    assert not sent_by_place(shown, targets(shown), next(t for t in targets(shown) if t.element is link).key)

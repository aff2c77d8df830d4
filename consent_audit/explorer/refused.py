"""What a refused form lacks, read from the refusal and the form's structure: the boxes to tick, the free-text
field to write a reason into, and the button that sent it (explorer/forms.py retries with them)."""
from __future__ import annotations

import re

from ..screen import Screen
from .elements import Target, Use


def named_by(message: str, label: str) -> bool:
    """Whether the refusal names the control: a word of 5+ letters in common, any script, any case."""
    said = {w.casefold() for w in re.findall(r"\w{5,}", message or "")}
    return bool(said & {w.casefold() for w in re.findall(r"\w{5,}", label or "")})


def lacking_boxes(found: list[Target], message: str) -> list[Target]:
    """The unticked boxes a refused form lacks, by structure: marked required (`required`, aria-required), or
    named by the refusal («Bez souhlasu s obchodními podmínkami…» names «Souhlasím s obchodními podmínkami»:
    `named_by`). An optional box the refusal does not name (a newsletter, marketing) is left alone, as a careful
    user leaves it."""
    return [t for t in found if t.use == Use.TOGGLE and not t.element.checked and t.element.enabled and (
        t.element.required or named_by(message, t.label))]


def free_text_asked(field: Target, message: str) -> bool:
    """Whether a refused form's empty text field whose words name no data kind is one to write a reason into
    on the retry, by structure first: a field for lines of free text (a <textarea>: «Bakit ka aalis?»,
    «Kwa nini unaondoka?» — no credential is typed over several lines), one marked required, or one the refusal
    names (`named_by`: «Sabihin sa amin kung bakit ka aalis.» / «Bakit ka aalis?»)."""
    return field.element.multiline or field.element.required or named_by(message, field.label)


def sent_by_place(screen: Screen, found: list[Target], key: str) -> bool:
    """Whether the control `key` sits where a form's own button does, whatever its words: the first button
    (else the first control) right after the form's last input (a field, a box, an option) in reading order.
    False on a screen with no input."""
    order = {id(e): i for i, e in enumerate(screen.elements)}
    last = max((order.get(id(t.element), -1) for t in found if t.use != Use.TAP), default=-1)
    after = [t for t in found if t.use == Use.TAP and order.get(id(t.element), -1) > last]
    after = [t for t in after if t.element.role == "button"] or after
    return last >= 0 and bool(after) and min(after, key=lambda t: order.get(id(t.element), 0)).key == key

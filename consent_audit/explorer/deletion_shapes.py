"""Deletion steps told by their shape, whatever their words (explorer/deletion.py): a screen asking to confirm
something grave, and one with something left to fill, tick or choose."""
from __future__ import annotations

from ..detectors.destructive import hint_word
from .deletion_steps import asked_choice, gated_choice
from .elements import Target, Use


def confirms_by_structure(found: list[Target]) -> bool:
    """A screen that, to a logged-in user, asks to confirm something grave, told by its shape whatever its
    words: the account's password asked again (one secret field: two or more are a new password being set),
    or a box or switch to tick beside a field to fill (an "I understand" switch and the e-mail typed again), or
    a field whose hint names a word in capitals to type back ("Type DELETE", «Taip PADAM»), or a required choice
    holding the way on back (`deletion_steps.gated_choice`: nom's reasons under a disabled «បន្ត»), or a drop-down's
    choice asked before one button (`deletion_steps.asked_choice`: sudar's reason above «என் தரவை நீக்கு»)."""
    fields = [t for t in found if t.use == Use.TEXT and t.element.enabled]
    secrets = [t for t in fields if t.element.secret_field]
    unticked = [t for t in found if t.use == Use.TOGGLE and not t.element.checked]
    typed = any(hint_word(t.label) for t in fields)   # «Taip PADAM»: a word to type back, in any language
    return len(secrets) == 1 or (not secrets and bool(fields) and bool(unticked)) or typed or gated_choice(found) \
        or asked_choice(found)


def asks_more(found: list[Target]) -> bool:
    """Something left to fill, tick or choose."""
    return any(t.use in (Use.TEXT, Use.CHOOSE) and t.element.enabled for t in found) or any(
        t.use in (Use.TOGGLE, Use.SELECT) and not t.element.checked and t.element.enabled for t in found)

"""Filling what a screen demands before it lets the user on: text fields from the goal's data, the SMS code
the app sends, "I have read" boxes (after scrolling the text they guard to its end), a reason, then the
button that submits. Each input is one recorded action, as the recorder counts them."""
from __future__ import annotations

from ..detectors.destructive import confirm_word
from ..errors import AutomationError
from ..screen import Screen
from . import cues
from .elements import nearby_text
from .form_data import (ACCOUNT, ACCOUNT_RETRY, FILL, HINTED, RETRY, RETRY_ALL, SECRET_KINDS, UNTICK, FormData,
                        account_retry_purpose, field_kind, next_retry, retry_purpose, typed_back)
from .held_back import tappable
from .form_plan import NEVER_SUBMIT, SUBMIT, FormPlan, is_form, plan, submit_score
from .refused import lacking_boxes
from .operator import NotOnScreen, Operator

__all__ = ["ACCOUNT", "ACCOUNT_RETRY", "FILL", "HINTED", "NEVER_SUBMIT", "RETRY", "RETRY_ALL", "SECRET_KINDS", "SUBMIT",
           "UNTICK", "FormData", "FormPlan", "FormRejected", "account_retry_purpose", "field_kind", "fill", "is_form",
           "lacking_boxes", "next_retry", "plan", "retry_purpose", "submit_score", "typed_back"]


class FormRejected(Exception):
    """The form stayed, with a message (a wrong code, a taken username)."""


def fill(op: Operator, purpose: str, data: FormData, submit_key: str | None = None) -> Screen:
    """Fill the form on screen, one recorded action per input, then tap its submit control."""
    done: set[str] = set()
    sent = False
    exclude = {d for d in (data.username,) if d}
    op.last_code = None
    for _ in range(40):
        screen = op.screen()
        found = op.targets(screen)
        p = plan(screen, found, purpose, data, sms_known=sent or bool(data.sms_code))
        pending_fields = [(t, k) for t, k in p.fields if t.key not in done]
        if pending_fields:
            target, kind = pending_fields[0]
            if kind == "sms_code" and not sent and p.send is not None:
                op.tap(p.send, peek_code=not data.sms_code, exclude=exclude)
                sent = True
                continue
            value = data.value(kind, cues.language_of(screen.texts()))
            if kind == "sms_code" and not data.sms_code:
                value = op.last_code
            if kind == "typed_back":
                value = (typed_back(target.label) or typed_back(nearby_text(screen, target.element))
                         or confirm_word(screen, target.element))
            if value is None:
                raise NotOnScreen(f"the form wants a {kind} and none was given")
            op.type(target, value, secret=kind in SECRET_KINDS, gave=kind)
            done.add(target.key)
            if kind in ("username", "password", "id_number"):    # the account's data: the same field again
                data.known[target.key] = kind                    # later in the run is known (form_plan.plan)
            continue
        if p.choice is not None and p.choice.key not in done:
            op.tap(p.choice)
            done.add(p.choice.key)
            continue
        pending_selects = [t for t in p.selects if t.key not in done]
        if pending_selects:
            done.add(pending_selects[0].key)
            try:
                op.choose(pending_selects[0])
            except AutomationError as exc:    # a drop-down with nothing to choose: the form cannot be filled
                raise NotOnScreen(f"'{pending_selects[0].label[:40]}': {exc}") from None
            continue
        ticks = [t for t in p.ticks if t.key not in done]
        if ticks:
            tick = ticks[0]
            if not tick.element.enabled or (purpose.startswith((FILL, RETRY)) and "#read" not in done):
                # the text an agree box sits with is read (scrolled to its end) first: apps refuse the tick
                # until it is, with the box disabled or with a toast (issue 13, kind 7)
                done.add("#read")
                scrolled = op.scroll_to_end(tick.label or "the text", inner_only=tick.element.enabled)
                if scrolled is None and not tick.element.enabled:
                    raise NotOnScreen(f"'{tick.label[:40]}' cannot be ticked")
                again = op.find(tick.key)
                if again is None or not again.element.enabled:
                    raise NotOnScreen(f"'{tick.label[:40]}' stays disabled after scrolling")
                continue
            after = op.tap(tick)
            again = op.find(tick.key, after)
            if again is not None and tick.element.checked is not None and again.element.checked == tick.element.checked \
                    and "#refused" not in done:
                done.add("#refused")      # refused (a toast): read what it guards to its end, then once more
                if op.scroll_to_end(tick.label or "the text") is None:
                    raise NotOnScreen(f"'{tick.label[:40]}' refuses to be ticked")
                continue
            done.add(tick.key)
            continue
        break
    else:
        raise NotOnScreen("the form did not settle")
    screen = op.screen()
    submit = op.find(submit_key, screen) if submit_key else plan(screen, op.targets(screen), purpose, data, True).submit
    if submit is None:
        raise NotOnScreen("the form has no control that submits it")
    return op.tap(tappable(op, submit))     # held back (a countdown on its face): sent once enabled, as a user waits

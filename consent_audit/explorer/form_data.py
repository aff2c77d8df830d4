"""What a form may be given and what its fields ask for: the purposes a form is filled for (fill, account,
untick and their retries), the values the explorer may type (`FormData`), and a field's kind read from its
label (`field_kind`, `typed_back`). Planning a form is explorer/form_plan.py, filling it explorer/forms.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from . import cues

FILL, ACCOUNT, UNTICK = "fill", "account", "untick"
RETRY = "retry"     # a fill form refused once, again with what its message asked: "retry:reason" (issue 13, kind 8)
# a retry refused again with boxes left unticked, once more with every box ticked: "retry-all:reason|…" (it starts
# with RETRY: whatever a retry does, it does too)
RETRY_ALL = RETRY + "-all"
ACCOUNT_RETRY = "account-retry"   # a sign-up refused with a box left unticked, again with it: "account-retry:<message>"
HINTED = ("reason", "password", "sms_code", "id_number")
SECRET_KINDS = {"password", "sms_code", "id_number"}


@dataclass
class FormData:
    """Values the explorer may type; secret ones are masked everywhere (registered before typing)."""

    username: str = ""
    password: str | None = None
    sms_code: str | None = None
    id_number: str | None = None
    reason_text: dict[str, str] = field(default_factory=dict)
    # the account does not exist yet (`--new-account`): the audit makes its own by signing up, never sending a
    # log-in form with it first (explorer/account.py `AccountGoal.held`)
    new_account: bool = False
    # the fields typed into in this run: target key (role|label|place) -> the kind typed. A field met again (a
    # log-in form after the sign-up, the same form after a log-out) is known by it whatever its words say
    known: dict[str, str] = field(default_factory=dict)

    def value(self, kind: str, language: str) -> str | None:
        if kind == "username":
            return self.username or None
        if kind == "reason":
            return self.reason_text.get(language) or self.reason_text.get("en")
        return {"password": self.password, "sms_code": self.sms_code, "id_number": self.id_number}.get(kind)


# "Type DELETE to confirm", 请输入“确认注销”: a word the field wants typed back
_TYPE_BACK = re.compile(r"(?:(?i:\btype|\benter)|输入)\s*[\"'“‘「]?([A-Z][A-Z ]{2,}[A-Z]|[\u3400-\u9fff]{2,8})[\"'”’」]?"
                        r"\s*(?:\bto\b|以|来|进行)")


def typed_back(label: str) -> str | None:
    """The word a confirmation field asks the user to type (None when it asks for no such word)."""
    found = _TYPE_BACK.search(label or "")
    return found.group(1) if found else None


def field_kind(label: str, purpose: str, secret: bool = False, mailbox: bool = False) -> str | None:
    """What a text field asks for, from its label: password, sms_code, id_number, reason, username …; a field
    the markup types as an e-mail address (`Element.mailbox`) whose words name nothing known asks for the
    account's identity («ኢሜይልዎን እንደገና ያስገቡ»: the e-mail typed again to confirm a deletion, corpus ferenj)."""
    if secret:
        return "password"
    if typed_back(label):
        return "typed_back"
    kinds = cues.data_kinds(label)
    for kind in ("password", "sms_code", "id_number", "real_name", "bank_card", "reason"):
        if kind in kinds:
            return kind
    if "phone_number" in kinds or cues.has(label, "username_field") or mailbox:
        return "username"
    return "username" if purpose == ACCOUNT else None



def retry_purpose(message: str) -> str:
    """The purpose of a second attempt at a refused fill form: FILL, every box ticked, and the data kinds the
    refusal names ("Please give a reason" → reason) typed into fields left empty the first time:
    "retry:<kinds, comma-separated>|<the refusal, one line, ≤ 200 characters>" (the refusal: `free_text_asked`)."""
    kinds = [k for k in cues.data_kinds(message) if k in HINTED]
    return f"{RETRY}:{','.join(kinds)}|{' '.join(message.split())[:200]}"


def next_retry(purpose: str, message: str, boxes_left: bool, first: Callable[[str], str]) -> str | None:
    """The purpose a refused form is sent again with, or None when it is not sent again: refused at the first
    attempt, `first(message)` (`retry_purpose`, or the goal's own); refused at a retry (which ticks, of boxes
    other than agree ones, only one: the options of a question, `form_plan._least_choice`) while enabled boxes
    are still unticked (`boxes_left`), the same retry with every box ticked (RETRY_ALL: the boxes were conditions
    each required — «請確認並勾選所有條件» — not options of which one will do); else None."""
    if purpose.startswith(RETRY_ALL) or purpose.startswith(ACCOUNT_RETRY):
        return None
    if purpose.startswith(RETRY):
        return RETRY_ALL + purpose[len(RETRY):] if boxes_left else None
    return first(message)


def account_retry_purpose(message: str) -> str:
    """The purpose of a second attempt at a refused credentials form (a sign-up): ACCOUNT again, with the
    unticked boxes the refusal asks for (`lacking_boxes`) ticked. The message is kept in the purpose."""
    return f"{ACCOUNT_RETRY}:{' '.join(message.split())[:200]}"


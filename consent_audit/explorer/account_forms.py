"""The test account's forms and names, told apart from the search (explorer/account.py): another username of
the same form, what a sign-up form collects, a credentials form shaped as a sign-up, the log-in path an account
search saw but did not need."""
from __future__ import annotations

import re

from ..screen import Screen
from . import cues
from .elements import Target, Use, targets
from .forms import ACCOUNT, FormData, plan
from .graph import ScreenGraph
from .moves import FORM, Move


def username_variant(username: str, n: int) -> str:
    """The n-th other username of the same form: a phone number keeps its length, an e-mail its domain."""
    if n == 0:
        return username
    if username.isdigit() and len(username) >= 6:
        tail = str((int(username[-4:]) + 1117 * n) % 10000).zfill(4)
        return username[:-4] + tail
    if "@" in username:
        local, _, domain = username.partition("@")
        return f"{local}+{n}@{domain}"
    return f"{re.sub(r'[^A-Za-z0-9_.-]', '', username) or 'tester'}{n + 1}"


SIGNUP_KINDS = {"phone_number": "phone", "password": "password", "id_number": "id_number", "real_name": "real_name",
                "face_scan": "face_scan", "bank_card": "bank_card"}


def collected_kinds(form: Screen, data: FormData) -> list[str]:
    """What a sign-up form collects (`target.collected_at_signup`: phone, password, id_number …), from its
    fields' words, else by structure: a masked field is a password whatever its label's language (पासवर्ड) —
    else the deletion asking the password again would be data sign-up never collected (a wrong finding)."""
    fields = plan(form, targets(form), ACCOUNT, data, True).fields
    kinds = {SIGNUP_KINDS.get(k) for t, _ in fields
             for k in cues.data_kinds(t.label) or (["password"] if t.element.secret_field else [])}
    return sorted(k for k in kinds if k)


def login_from_map(graph: ScreenGraph, signup_form: str | None) -> list[Move]:
    """The log-in path an account search saw but did not need (it signed up): the shortest seen route from the
    start screen (else from where a relaunch leads: `ScreenGraph.way_to`) to a credentials form reached through
    a log-in control (not a sign-up one), other than the sign-up form (`signup_form`: its node), whose submit
    does not say sign-up — then that submit. [] when the map holds none. After the deletion the app is logged
    out as it was at the search's start, so the route holds again; the flow's `log_in` tells by what the submit
    does (accepted, refused, pending)."""
    best: list[Move] = []
    for node in graph.nodes.values():
        came_by = node.via[-1] if node.via else ""
        if node.ident == signup_form or not cues.has(came_by, "log_in") or cues.has(came_by, "sign_up"):
            continue
        submit = next((c.move for c in node.candidates.values() if c.move.kind == FORM and c.move.purpose == ACCOUNT
                       and not cues.has(c.move.label, "sign_up")), None)
        route = graph.way_to(node.ident) if submit is not None else None
        if submit is None or route is None:
            continue
        moves = [m for edge in route for m in edge.moves] + [submit]
        if not best or len(moves) < len(best):
            best = moves
    return best


def signup_shape(screen: Screen, found: list[Target]) -> bool:
    """A credentials form shaped as a sign-up, whatever its words: a repeated secret (password and its
    confirmation), or a field beyond the identifier and the secret (a name, a second identifier)."""
    fields = [t for t in found if t.use == Use.TEXT and t.element.enabled]
    secrets = [t for t in fields if t.element.secret_field or "password" in cues.data_kinds(t.label)]
    others = [t for t in fields if t not in secrets and "sms_code" not in cues.data_kinds(t.label)]
    return bool(secrets) and (len(secrets) >= 2 or len(others) >= 2)

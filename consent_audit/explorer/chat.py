"""A conversation as a way: a screen whose way on is a free-text field with a send control beside it (a support
chat: a message list, a text field, a send button) is tried by typing the goal's request in the app's language and
sending it — two recorded steps, as a user's: the text typed, the send tapped — then reading what the answer
offers (a bot's «delete my account» button: corpus mtsvane, where the deletion has no other way).

Told by structure (`composer`): the screen's only input is one enabled text field that is no secret and no e-mail
field and whose words name no data kind the suite knows (a log-in or code form is a form, not a chat), and a
control sits beside it on its row, to its right (the send), whose words name nothing the lexicons know to lead
elsewhere (back, log out, a code to send, help …). Words only for what is typed (`request`): the first
`cancel_account` phrase of the goals lexicon written in the screen's language (detectors/language.py), never a
phrase of another language — a language none is known for is said (`Unsayable`), never typed in English instead.

The deletion search (explorer/chat_way.py, a mixin of explorer/deletion.py's goal) offers it as the fallback's:
outside the deletion flow, unscored, so it is tried only once every control the words favour is spent (past the
fallback's depth too: two actions, not a menu to comb), and once per search — the chat answered, its composer
offered again is not typed into again. Where it is its screen's only way on (every other control the start
screen's own — a tab bar, a banner — or a way back; its send not on the start screen) it is tried while the search
stands there (`ONLY` points); anywhere else — a search box beside a list or on the start screen, the same shape —
it goes after every other unscored control (`LAST`), so it costs nothing where the deletion is found otherwise."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..detectors.language import guessed_language, main_language
from ..detectors.lexicon import load_lexicon
from ..screen import Screen
from . import cues
from .elements import Target, Use
from .form_data import FILL, field_kind
from .operator import NotOnScreen, Operator

CHAT = "chat"               # a FORM move's purpose: `chat:<the text typed>`
GAVE = "request"            # the typed step's "gave": the goal's request, no personal data (measures.data_demanded)
LAST = -50.0                # tie-break points: after every other unscored control
ONLY = 3.0                  # … but on a screen whose only way on it is: tried while standing there (a level's worth)
AWAY = frozenset({"back", "log_out", "exit", "send_code", "verify", "support", "sign_up", "log_in", "close"})
REQUEST = "cancel_account"  # the goals lexicon's category whose phrases are typed


@dataclass(frozen=True)
class Composer:
    """A chat's composer on one screen: the text field and the control beside it that sends."""

    field: Target
    send: Target


@dataclass(frozen=True)
class Unsayable:
    """A chat whose language has no deletion phrase in the lexicon: `language` (None: not told)."""

    language: str | None


def composer(screen: Screen, found: list[Target]) -> Composer | None:
    """The screen's chat composer by structure (see the module doc), None when it has none."""
    inputs = [t for t in found if t.use in (Use.TEXT, Use.TOGGLE, Use.CHOOSE, Use.SELECT)]
    if len(inputs) != 1 or inputs[0].use != Use.TEXT:
        return None
    field = inputs[0]
    el = field.element
    if not el.enabled or el.secret_field or el.mailbox or field_kind(field.label, FILL) is not None:
        return None
    x, y, w, h = el.bounds
    if w <= 0 or h <= 0:
        return None
    beside = [t for t in found if t.use == Use.TAP and t.element.enabled and _beside(field, t)]
    beside = [t for t in beside if not cues.categories(t.label) & AWAY]
    if not beside:
        return None
    return Composer(field, min(beside, key=lambda t: t.bounds[0]))


def _beside(field: Target, control: Target) -> bool:
    """Whether `control` sits on the field's row (its centre within the field's height) right of the field."""
    x, y, w, h = field.bounds
    cx, cy, cw, ch = control.bounds
    return cw > 0 and ch > 0 and y <= cy + ch / 2 <= y + h and cx >= x + w - 2


@lru_cache(maxsize=1)
def _requests() -> dict[str, str]:
    """Language code → the first `REQUEST` phrase of the goals lexicon written in it (normalised, stem marks off)."""
    category = next(c for c in load_lexicon("goals").categories if c.name == REQUEST)
    out: dict[str, str] = {}
    for phrase in category.phrases:
        text = phrase.text
        code = guessed_language(text)
        if code is not None:
            out.setdefault(code, text)
    return out


def request(screen: Screen) -> str | Unsayable:
    """What to type into the chat on `screen`: the deletion request in the screen's language, or `Unsayable`."""
    language = main_language(screen.shown_texts() or screen.texts())
    said = _requests().get(language) if language else None
    return said if said else Unsayable(language)


def purpose(text: str) -> str:
    return f"{CHAT}:{text}"


def is_chat(move_purpose: str) -> bool:
    return move_purpose.startswith(CHAT + ":")


def say(op: Operator, move_purpose: str, send_key: str) -> Screen:
    """Type the move's text into the chat shown now (one step) and tap its send control (one step)."""
    text = move_purpose.partition(":")[2]
    screen = op.screen()
    found = op.targets(screen)
    chat = composer(screen, found)
    if chat is None:
        raise NotOnScreen("no chat to write in (a text field with a send control beside it)")
    op.type(chat.field, text, secret=False, gave=GAVE)
    send = op.find(send_key) or composer(op.screen(), op.targets(op.screen()))
    send = send.send if isinstance(send, Composer) else send
    if send is None:
        raise NotOnScreen("the chat's send control is gone")
    return op.tap(send)

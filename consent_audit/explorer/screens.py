"""What kind of screen this is, from what it says and offers: a consent dialog, a decision dialog, a log-in
form, a completed deletion, an ending outside the app. Never assumed: read from the screen."""
from __future__ import annotations

from typing import Iterable

from ..detectors.lexicon import load_lexicon
from ..measures import completion, off_app
from ..screen import Screen
from . import cues
from .elements import Target, Use, visible

PROGRESS = {"next", "cancel_account", "delete"}
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})


def taps(found: list[Target]) -> list[Target]:
    return [t for t in found if t.use == Use.TAP]


def shown_texts(screen: Screen, covered: frozenset[int] = frozenset()) -> list[str]:
    """The texts a user can read: those of elements no open layer covers — neither a control the live hit test
    found under it (`covered`: indexes; it tests controls only) nor a text the capture found under it
    (`Element.covered`: a cookie banner's sentence under an app's own sheet)."""
    return [e.text for i, e in enumerate(screen.elements) if e.text and i not in covered and not e.covered]


def is_consent(screen: Screen, found: list[Target], covered: frozenset[int] = frozenset()) -> bool:
    """A consent dialog or its manage screen: it speaks of privacy, cookies or personal data and asks to agree,
    to choose, or to set purposes (tick boxes and a save) — and it is not a log-in or sign-up form. Words under
    another layer (`covered`: element indexes) are not read: a dialog there is not the one asking. A form's text
    fields beside a layer laid over the page leave that layer to be read alone (`_beside_fields`)."""
    if any(t.use == Use.TEXT for t in found):
        return any(is_consent(*own) for own in _beside_fields(screen, found, covered))
    buttons = taps(found)
    if not (any(cues.has(text, "consent_context", "privacy", "privacy_policy") for text in shown_texts(screen, covered))
            or consent_container(screen, buttons)):
        return False
    if any(cues.has(t.label, "agree", "manage") and not cues.has(t.label, "decline") for t in buttons):
        return True
    if allows_data_use(screen, found, covered):
        return True
    boxes = [t for t in found if t.use == Use.TOGGLE]
    return bool(boxes) and any(cues.has(t.label, "save", "confirm") for t in buttons)


def _beside_fields(screen: Screen, found: list[Target], covered: frozenset[int]) -> list[tuple[Screen, list[Target]]]:
    """The layers laid over a page holding text fields (a cookie bar, positioned fixed, over an app's address
    field: corpus bep with the location refused) — each shown element positioned fixed or a dialog holding a
    control and none of the fields — as (its own uncovered elements, its controls): what each says and offers
    alone. The fields themselves are the app's page, not the notice; fields in the dialog's own box (a log-in
    or sign-up form asking to agree) leave it none."""
    fields = [t.bounds for t in found if t.use == Use.TEXT]
    layers = []
    for box in (e.bounds for e in screen.elements if visible(e) and (e.fixed or e.role in DIALOG_ROLES)):
        held = [t for t in found if inside(t.bounds, box)]
        if held and not any(inside(f, box) for f in fields):
            own = [e for i, e in enumerate(screen.elements) if i not in covered and inside(e.bounds, box)]
            layers.append((Screen(elements=own, signature=screen.signature, size=screen.size), held))
    return layers


def consent_container(screen: Screen, buttons: list[Target]) -> bool:
    """Structure before words: a shown element whose id names a consent library's dialog (klaro-cookie-notice,
    onetrust-consent-sdk, qc-cmp2-ui; lexicons/consent_controls.yaml consent_id), or a dialog whose accessible
    name does (Osano's role=dialog aria-label="cookieconsent"), holds one of the buttons — a dialog that speaks
    of consent in any language, or in words no lexicon has."""
    lexicon = load_lexicon("consent_controls")
    boxes = [e.bounds for e in screen.elements if e.bounds[2] > 0 and e.bounds[3] > 0 and (
        (e.rid and "consent_id" in lexicon.match(e.own_id))
        or (e.role in DIALOG_ROLES and e.name and "consent_id" in lexicon.match(e.name)))]
    return any(inside(t.element.bounds, box) for box in boxes for t in buttons)


def inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    """Whether the box `inner` (x, y, width, height) lies wholly within `outer`."""
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def centre(bounds: tuple[int, int, int, int]) -> tuple[int, int]:
    """The middle point (x, y) of the box `bounds` (x, y, width, height), device px."""
    x, y, w, h = bounds
    return x + w // 2, y + h // 2


def holds(bounds: tuple[int, int, int, int], point: tuple[int, int]) -> bool:
    """Whether the box `bounds` (x, y, width, height) holds `point` (edges included); an empty box holds none."""
    x, y, w, h = bounds
    return w > 0 and h > 0 and x <= point[0] <= x + w and y <= point[1] <= y + h


DEVICE = ("feature_geolocation", "feature_notifications", "feature_camera", "feature_microphone")


def allows_data_use(screen: Screen, found: list[Target], covered: frozenset[int] = frozenset()) -> bool:
    """An app's own question about its use of data ("Send usage statistics? Allow / Don't allow"): an allow
    and a refusal, on a layer that speaks of data and of no device feature (that would be a permission); what
    the layer covers (the app's own "near me" behind it) is not read."""
    buttons = taps(found)
    allow = any(cues.has(t.label, "permission_request") and not cues.has(t.label, "decline") for t in buttons)
    refuse = any(cues.has(t.label, "decline") for t in buttons)
    texts = shown_texts(screen, covered)
    return (allow and refuse and len(buttons) <= 4 and any(cues.has(t, "consent_context") for t in texts)
            and not any(cues.has(t, *DEVICE) for t in texts))


def asks_decision(found: list[Target]) -> bool:
    """A small dialog with a way out (cancel, not now, keep) and a way on."""
    buttons = taps(found)
    if not 2 <= len(buttons) <= 5:
        return False
    outs = [t for t in buttons if cues.has(t.label, "decline")]
    return bool(outs) and len(outs) < len(buttons)


QUESTION_MARKS = ("?", "？", "؟", "\u037e")    # a question's end in Latin, CJK, Arabic and Greek script
ANSWERS = (2, 3)       # a question offers two or three answers (yes / no, or a third way out)


def bare_question(screen: Screen, found: list[Target], chrome: frozenset[str]) -> bool:
    """A screen that is one question and its answers, whatever its words: nothing to fill, tick or choose, and
    two or three enabled controls besides the app's chrome (`chrome`: keys of the start screen's controls) — two
    of them side by side in one row (a yes / no pair), or a text ending in a question mark ("Delete account?")."""
    if any(t.use != Use.TAP for t in found if t.element.enabled):
        return False
    answers = [t for t in taps(found) if t.element.enabled and t.key not in chrome and t.label]
    if not ANSWERS[0] <= len(answers) <= ANSWERS[1]:
        return False
    return any(in_one_row(a.bounds, b.bounds) for i, a in enumerate(answers) for b in answers[i + 1:]) or any(
        t.strip().endswith(QUESTION_MARKS) or t.strip().startswith("¿") for t in screen.texts())


def in_one_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two boxes (x, y, width, height) side by side: their middles level within half the lower one's height,
    and neither overlapping the other across."""
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    level = abs((ay + ah / 2) - (by + bh / 2)) <= min(ah, bh) / 2
    return level and (ax + aw <= bx or bx + bw <= ax)


def reached(screen: Screen, found: list[Target]) -> str | None:
    """'done' / 'pending' when the screen reports a finished deletion and asks nothing more of the user."""
    state = completion(screen)
    if state is None:
        return None
    if any(t.use in (Use.TEXT, Use.CHOOSE) or (t.use == Use.SELECT and not t.element.checked) for t in found):
        return None
    if any(t.use == Use.TOGGLE and not t.element.checked for t in found):
        return None
    buttons = taps(found)
    if any(cues.categories(t.label) & PROGRESS for t in buttons) or asks_decision(found):
        return None
    return state


def ends_off_app(screen: Screen, own: Iterable[str] = ()) -> bool:
    """The screen sends the user elsewhere (measures.off_app); `own`: the test account's identities, never a
    channel."""
    return off_app(screen, own)


def password_form(found: list[Target]) -> bool:
    return any(t.use == Use.TEXT and (t.element.secret_field or "password" in cues.data_kinds(t.label)) for t in found)


def says(screen: Screen, *names: str) -> str:
    """The first text on screen matching any of the categories ('' when none)."""
    return next((t for t in screen.texts() if cues.has(t, *names)), "")


def title_of(screen: Screen) -> str:
    """A short name for a screen in reports: its first heading-like text."""
    texts = [e.text for e in screen.elements if e.text and not e.clickable and len(e.text) <= 40]
    return texts[0] if texts else (screen.title or screen.signature)


CLOSE_MARKS = {"×", "✕", "✖", "╳", "x", "X"}
NOT_AN_ANSWER = ("exit", "log_out", "delete", "cancel_account", "permission_request", "agree")


ALIKE = 3      # controls of one role and size in one row or column: a choice among many (a rating's stars)


def alike_run(buttons: list[Target]) -> set[str]:
    """The keys of `buttons` that are one of ALIKE or more controls of one role and one size (±2 px) lined up in
    one row or one column: a choice among many alike answers (a rating prompt's five stars, a grid of options) —
    each an answer that gives something, never a way out of the layer."""
    def alike(a: Target, b: Target) -> bool:
        (ax, ay, aw, ah), (bx, by, bw, bh) = a.bounds, b.bounds
        return (a.element.role == b.element.role and abs(aw - bw) <= 2 and abs(ah - bh) <= 2
                and (abs(ay - by) <= 2 or abs(ax - bx) <= 2))
    return {t.key for t in buttons if sum(1 for o in buttons if alike(t, o)) >= ALIKE}


def modal_answer(screen: Screen, found: list[Target], covered: frozenset[int]) -> Target | None:
    """An unknown modal covering the app at launch (what's new, a rating or update prompt, an ad): the control
    that answers it — its close mark, else its decline (later, not now, skip), else its continue (got it, OK).
    A choice among many alike controls on it (`alike_run`: a rating's stars) is never its answer: the controls
    standing apart from it are read instead, and the one standing apart alone is its way out (a rating's «later»
    in words no lexicon holds) — before, the search tapped a ★, rating the app on the user's behalf (corpus
    ferenj). None when nothing covers the app, when the layer is a consent dialog or a form, or when its only
    answers would agree to something or leave."""
    if not covered or not screen.in_app or any(t.use == Use.TEXT for t in found):
        return None
    buttons = [t for t in taps(found) if t.element.enabled]
    run = alike_run(buttons)
    apart = [t for t in buttons if t.key not in run]
    if run and apart:
        buttons = apart
    if not 1 <= len(buttons) <= 4:
        return None
    fair = [t for t in buttons if not cues.has(t.label, *NOT_AN_ANSWER)]
    close = [t for t in fair if t.label.strip() in CLOSE_MARKS]
    if close:
        return close[0]
    for names in (("decline",), ("confirm", "next")):
        fitting = [t for t in fair if cues.has(t.label, *names)]
        if fitting:
            return min(fitting, key=lambda t: len(t.label))
    if run and apart and len(apart) == 1 and fair and not cues.has(fair[0].label, "purchase"):
        return fair[0]
    return None


def wall_opener(screen: Screen, found: list[Target]) -> Target | None:
    """A permission wall in front of the app: one way on, worded as turning a permission on ("Turn on",
    去开启), and at most one other control that is not a refusal. Pressed with everything granted, the browser
    (or the OS) asks, the answer is yes, and the app behind it shows. A layer offering a refusal is a question
    (an app's own "Send statistics? Allow / Don't allow"), never a wall: None."""
    if not screen.in_app or any(t.use in (Use.TEXT, Use.TOGGLE) for t in found):
        return None
    buttons = [t for t in taps(found) if t.element.enabled]
    if not 1 <= len(buttons) <= 2 or any(cues.has(t.label, "decline") for t in buttons):
        return None
    opens = [t for t in buttons if cues.has(t.label, "permission_request")
             and not cues.has(t.label, "decline", "exit", "agree")]
    return opens[0] if len(opens) == 1 else None


WIDE = 0.5     # of the screen's width: a call to action drawn across the screen, not an icon or a link
NOT_A_WAY_ON = ("log_in", "sign_up", "decline", "exit", "log_out", "delete", "cancel_account", "purchase")


def only_way_on(screen: Screen, found: list[Target]) -> Target | None:
    """A screen in front of the app whose one control is all a user can do there, whatever its words (corpus
    hlaup: a full-page location rationale with one «Halda áfram» that asks for the permission): passed at launch
    as a permission wall is (`wall_opener`) — with everything granted, the app behind it is the app. Before, only
    a wall's words were known, and an unworded one became the search's start screen: every screen behind it a
    level deeper, the deletion one past the search's depth. None when the screen holds anything else (a field,
    a switch, a second control), its control is no worded button drawn across at least half the screen (corpus
    vstup: a home whose only control is the header's profile icon is the app, not a screen in front of it), or it
    is a log-in or sign-up (a gate: explorer/gate.py), a refusal, an exit, a log-out, a deletion or a payment."""
    if not screen.in_app or len(found) != 1 or found[0].use != Use.TAP or not found[0].element.enabled:
        return None
    control = found[0].element
    wide = screen.size[0] > 0 and control.bounds[2] >= WIDE * screen.size[0]
    if not (wide and control.text.strip()):
        return None     # an icon or a small control (a header's profile icon over a home with nothing else to tap)
    return None if cues.has(found[0].label, *NOT_A_WAY_ON) else found[0]


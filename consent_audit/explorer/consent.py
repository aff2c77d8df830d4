"""Answering a consent dialog nobody described: accept (agree / accept all), or refuse the way the dialog
allows — a direct reject, else through its manage screen (untick every ticked purpose, save), declining
any "are you sure?" that follows — until the app itself shows."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..screen import Element, Screen
from . import cues
from .consent_bulk import repeats as _repeats, switches_all_off
from .consent_confirm import confirms_refusal
from .consent_layer import answering, own_controls
from .elements import Target, Use, purpose_row, purpose_targets, targets
from .forms import UNTICK, FormData
from .layer_scroll import unread
from .layer_walk import ViewWalk
from .moves import TAP, Move, perform
from .operator import NotOnScreen, Operator
from .screens import allows_data_use, asks_decision, is_consent, taps

ACCEPT, REJECT = "accept", "reject"
MAX_STEPS = 12


@dataclass
class ConsentPath:
    """How a consent dialog was answered, and the control the answer started with (for prominence)."""

    mode: str
    moves: list[Move] = field(default_factory=list)
    entry: Element | None = None
    dialog: Screen | None = None
    covered: frozenset[int] = frozenset()
    """What the dialog covered on its screen (element indexes): the app behind it, not the dialog's."""
    settings: tuple[Screen, frozenset[int]] | None = None
    """The dialog's settings layer as this answer opened it, untouched, and what it covered (element indexes),
    when its first move was the first layer's way there (`settings_control`): what a fresh launch and that tap
    would show again."""


def shown(op: Operator, screen: Screen | None = None) -> bool:
    """Whether the consent dialog is on screen: told by the words and controls of what no layer covers
    (`op.covered`: a dialog under another sheet is not the one asking), or by the controls known by structure
    (`known`). An app's own question about its data use ("Send usage statistics?") once a consent dialog of
    another kind was answered at this install is another question, as `answer` holds, not that dialog."""
    screen = screen or op.screen()
    if not (op.in_foreground and screen.in_app):
        return False
    found = op.targets(screen)
    if known(op, found, screen):
        return True
    covered = op.covered(screen) if hasattr(op, "covered") else frozenset()     # an operator-like: one layer
    if not is_consent(screen, found, covered):
        return False
    return not (getattr(op, "consent_answered", False) and not getattr(op, "consent_data_question", False)
                and allows_data_use(screen, found, covered))


def data_question(path: ConsentPath | None) -> bool:
    """Whether the dialog a path answered is an app's own question about its data use (False when unknown:
    no path, or none kept the dialog's screen)."""
    dialog, covered = getattr(path, "dialog", None), getattr(path, "covered", frozenset())
    return dialog is not None and allows_data_use(dialog, targets(dialog, covered), covered)


def known(op: Operator, found: list[Target], screen: Screen) -> bool:
    """The consent dialog told by structure and storage (explorer/consent_structure.py) is on `screen` (`found`:
    its targets): at least two of its buttons (all, when it has fewer) can be touched — or fewer, the others
    held back until the layer's own text scrolling inside it is read (explorer/layer_scroll.py: mtsvane)."""
    keys: frozenset[str] = getattr(op, "consent_keys", frozenset())    # an operator-like without one knows none
    shown = keys & {t.key for t in found}
    if shown and len(shown) < min(2, len(keys)):     # the others held back until the layer's own text is read
        return unread(screen, [t for t in found if t.key in shown]) is not None
    return bool(keys) and len(shown) >= min(2, len(keys))


_ANSWERS = frozenset({"agree", "decline", "save"})
"""Categories of a control that carries the answer (not one that only moves between layers)."""


def _redundant(found: list[Target], target: Target, wide: set[str]) -> bool:
    """A per-row control (its label repeated on the screen) saying what a dialog-wide answer already said."""
    return bool(wide) and _repeats(found, target.label) > 1 and bool(cues.categories(target.label) & wide) \
        and not cues.has(target.label, "close")


def _said(own: list[Target], path: ConsentPath) -> str:
    """The consent screen a move was missing on, for the message: its own controls and the moves made to it."""
    shown = ", ".join(f"«{t.label[:30]}»" for t in own[:4] if t.label) or "no worded control"
    made = f"; after {' › '.join(m.label or m.key for m in path.moves)}" if path.moves else ""
    return f"its controls {shown}{', …' if len(own) > 4 else ''}{made}"


def _best(found: list[Target], *names: str, avoid: tuple[str, ...] = ()) -> Target | None:
    """The control whose label hits the wanted categories most specifically (shortest label first). A label
    the screen repeats (one "Deny" per service row of a CMP's panel) answers for one row, not for the dialog:
    a control whose label is the only one of its kind ("Deny all") comes first."""
    buttons = taps(found)
    fitting = [t for t in buttons if t.element.enabled and cues.has(t.label, *names)
               and not (avoid and cues.has(t.label, *avoid))]
    counts = Counter(cues.norm_label(t.label) for t in buttons)
    return min(fitting, key=lambda t: (counts[cues.norm_label(t.label)] > 1, len(t.label))) if fitting else None


def offers_settings(path: ConsentPath) -> bool:
    """Whether the dialog, as the answer first saw it, has a way to its settings layer (what the app shows
    around it — covered — not counted). True when unknown (no screen kept)."""
    if path.dialog is None:
        return True
    return settings_control(own_controls(path.dialog, targets(path.dialog, path.covered))) is not None


def settings_control(found: list[Target]) -> Target | None:
    """The dialog's way to its settings layer ('Manage options', 'Personalize'), if any."""
    return _best(found, "manage", "settings", avoid=("agree", "decline"))


def ticked_purposes(found: list[Target]) -> list[Target]:
    """The purposes a refusing user unticks: switches and boxes ticked and enabled (a locked one is mandatory),
    radio groups with their consenting option selected (elements.purpose_targets)."""
    return [t for t in purpose_targets(found) if t.element.checked and t.element.enabled]


def next_move(screen: Screen, found: list[Target], mode: str, data: FormData,
              covered: frozenset[int] = frozenset()) -> tuple[Move, Target] | None:
    """The next step of an accept or reject answer on this screen (`covered`: what an open layer hides)."""
    if mode == ACCEPT:
        target = _best(found, "agree", avoid=("decline",)) or _best(found, "save", "confirm", avoid=("decline",))
        if target is None and allows_data_use(screen, found, covered):
            target = _best(found, "permission_request", avoid=("decline",))
        return (Move.tap(target), target) if target else None
    sure = confirms_refusal(screen, found)
    if sure is not None:
        return Move.tap(sure), sure
    decline = _best(found, "decline", avoid=("close",))
    if decline is not None:
        return Move.tap(decline), decline
    ticked = ticked_purposes(found)
    save = _best(found, "save", "confirm", avoid=("agree",))
    if ticked and save is not None:   # purposes to untick beat closing the layer (a close is no answer)
        return Move.form(save, UNTICK), save
    decline = _best(found, "decline")
    if decline is not None:
        return Move.tap(decline), decline
    manage = _best(found, "manage", "settings", avoid=("agree",))
    if manage is not None:
        return Move.tap(manage), manage
    if save is not None:
        return Move.tap(save), save
    return None


def still_answering(op: Operator, screen: Screen, after_consent: bool, mode: str = ACCEPT,
                    between_layers: bool = False) -> bool:
    """The dialog (or what it opened: manage screen, an 'are you sure?') still waits for the answer: a
    dialog is gone only when no consent screen and no confirmation of the refusal follows. `between_layers`:
    the last move was the dialog's own and carried no answer (its "manage", a tab of its panel) — a layer that
    still covers the app after it is the dialog's next layer by structure, whatever its words or role."""
    if not (op.in_foreground and screen.in_app):
        return False
    found = op.targets(screen)
    if is_consent(screen, found, op.covered(screen)) or known(op, found, screen):
        return True
    if between_layers and op.covered(screen):
        return True
    if after_consent and (screen.drawn_by != "app" or (mode == REJECT and confirms_refusal(screen, found))):
        return True       # a dialog of the browser's own the answer's tap opened stops the app until answered
    if after_consent and asks_decision(found):
        texts = screen.texts()
        from ..detectors.text import shaming_phrases
        return bool(shaming_phrases(texts)) or any(cues.has(t, "consent_context", "privacy", "privacy_policy") for t in texts)
    return False


def _opened_purposes(before: frozenset[str], found: list[Target]) -> bool:
    """Whether switches or boxes the screen the last move was made on did not hold (`before`: its controls'
    keys, under a layer too) are on screen now (`found`): a layer of purposes the move opened, still waiting
    for its answer even when it covers nothing and no words read it as consent."""
    return any(t.key not in before for t in purpose_targets(found))


def answer(op: Operator, mode: str, data: FormData) -> ConsentPath:
    """Answer the consent dialog on screen (accept or reject), recording each move. A move between its layers
    that opened switches of purposes leaves it unanswered, whatever covers what: the answer goes on there.
    Raises NotOnScreen when no next move is found or it does not let go within MAX_STEPS."""
    screen = op.screen()
    path = ConsentPath(mode=mode, dialog=screen, covered=op.covered(screen))
    seen: dict[tuple, int] = {}            # a screen of this answer → moves made when first on it
    banned: dict[tuple, set[str]] = {}     # per screen: moves that led back to a screen already seen
    made_on: list[tuple] = []              # the screen each move of the path was made on
    answers_made: set[str] = set()         # controls carrying the answer already used: never made twice
    bulk_tried: set[str] = set()           # controls tried as a settings layer's "switch all off"
    wide: set[str] = set()                 # what a dialog-wide answer said ("Deny all": decline)
    own_question = allows_data_use(screen, op.targets(screen), op.covered(screen))
    made_keys: frozenset[str] = frozenset()     # the controls of the screen the last move was made on
    views = ViewWalk()                          # a settings layer's tabs, each opened before it is saved
    for _ in range(MAX_STEPS):
        last = path.moves[-1].label if path.moves else ""
        between = bool(last) and not cues.categories(last) & (_ANSWERS | {"confirm", "close", "back"})
        found = op.targets(screen)
        if not still_answering(op, screen, after_consent=bool(path.moves), mode=mode, between_layers=between) \
                and not (between and _opened_purposes(made_keys, found)):
            return path
        if path.moves and not own_question and allows_data_use(screen, found, op.covered(screen)):
            return path     # the dialog is answered; the app's own data question after it is another question
        # the same layer with its switches in another state is another screen: a move that switched them is
        # progress, not a way back (a "switch all off" whose labels and structure stay as they were)
        here = (screen.signature, frozenset(t.key for t in found),
                frozenset(t.key for t in found if t.use in (Use.TOGGLE, Use.CHOOSE) and t.element.checked))
        answered = cues.categories(last) & _ANSWERS if last and not cues.has(last, "close") else frozenset()
        if answered and made_on[-1] == here:
            # an answer that changed nothing the structure shows (a CMP panel's "Deny all" marks its rows and
            # stays open): kept — it stored the answer — and not made again; after a dialog-wide one, the
            # controls repeated on each row that say the same are redundant: what is left is to close the layer
            done = banned.setdefault(here, set())
            done.add(path.moves[-1].key)
            if _repeats(found, path.moves[-1].label) == 1:
                done.update(t.key for t in taps(found) if _repeats(found, t.label) > 1
                            and cues.categories(t.label) & answered and not cues.has(t.label, "close"))
        elif seen.get(here, len(path.moves)) < len(path.moves):
            # back where this answer already was (a settings layer's × that only returns to the first layer):
            # the moves since were no progress and leave the path; the one that came back is not tried again
            back = seen[here]
            banned.setdefault(made_on[-1], set()).add(path.moves[-1].key)
            # a cut move carrying no answer (it opened the purposes, since left) is a way there again
            answers_made -= {m.key for m in path.moves[back:-1] if not cues.categories(m.label) & _ANSWERS}
            del path.moves[back:], made_on[back:]
            if back == 0:
                path.entry = None
        seen.setdefault(here, len(path.moves))
        # not another layer's, nor a link in the notice's sentence repeating a button's words
        own = answering(screen, own_controls(screen, found, getattr(op, "consent_keys", frozenset())))
        step = next_move(screen, [t for t in own if t.key not in banned.get(here, ()) and t.key not in answers_made
                                  and not _redundant(own, t, wide)], mode, data, op.covered(screen))
        if step is None:
            raise NotOnScreen(f"no way to {mode} on the consent screen ({_said(own, path)})")
        ticked = len(ticked_purposes(own))
        if mode == REJECT:
            allowed = [t for t in own if t.key not in banned.get(here, ()) and t.key not in answers_made]
            step = views.before_saving(screen, allowed, op.covered(screen), ticked > 0, step)
        move, target = step
        if mode == REJECT and move.purpose == UNTICK and ticked >= 2 and views.pending is None:
            bulk, after = switches_all_off(
                op, ticked, bulk_tried, own, data,
                lambda o, s: still_answering(o, s, after_consent=True, mode=REJECT))
            if bulk is not None:      # a move of the path (one that left the layer is undone by "back where")
                path.entry = path.entry or bulk.element
                path.moves.append(Move.tap(bulk))
                made_on.append(here)
            if after is not None:     # the answer goes on from the screen the trials left
                screen = after
                continue
        carried = cues.categories(target.label) & _ANSWERS if not cues.has(target.label, "close") else frozenset()
        if carried:
            answers_made.add(target.key)
            if _repeats(own, target.label) == 1:
                wide.update(carried)
        if path.entry is None:
            path.entry = target.element
        path.moves.append(move)
        made_on.append(here)
        made_keys = frozenset(t.key for t in targets(screen))
        way = settings_control(own) if len(path.moves) == 1 and path.settings is None else None
        opens = move.kind == TAP and way is not None and way.key == target.key
        screen = perform(op, move, data)
        views.after(screen, op.covered(screen))
        if opens:
            path.settings = (screen, op.covered(screen))
        if move.kind == TAP and not carried and _opened_purposes(made_keys, op.targets(screen)):
            # it opened the purposes (a settings panel shown in place, its link still drawn): made again, it
            # would change nothing or fold them away — never a move of this answer again
            answers_made.add(target.key)
    raise NotOnScreen(f"the consent dialog did not let go after {MAX_STEPS} steps ({mode})")


def replay(op: Operator, path: ConsentPath, data: FormData) -> None:
    for move in path.moves:
        perform(op, move, data)

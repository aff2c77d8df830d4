"""A deletion refused until another thing is done first (issue 13 kind 8, "retry with what the message asks"),
read by structure for explorer/deletion.py: the screen a way into the deletion led to offers no way on — nothing
to fill, tick or choose, no control whose words lead on, none a form holds back — but carries a message (texts
naming no control nor the way there) and one control besides the chrome and the ways back (two are a
question's answers, a keep and a delete: corpus kadai): the message
points to what to do first and the control is the way there («Vispirms atceliet abonementu. … Pārvaldīt
abonementu»; "Withdraw your balance first › Wallet"; "Close your open orders first › Orders" — corpus lauks).

Such a control is tried as a way on (`pointed`); on the screens it leads to, the controls naming the deed the
message asks for lead on whatever a lexicon calls them (a cancel is a decline to the deletion's words): a word of
the message, five letters or more, that neither the control pointing there nor the way to the refusal says, in
any ending (`deed`; explorer/echo.py) — «Atcelt abonementu», «Tomēr atcelt», «Jā, atcelt» for «atceliet», not the
big «Paturēt ar 50% atlaidi» beside them. Once a screen offers the deletion's way on again by its words (the app
brought the user back, the refusal gone), the deletion goes on as before. No word list: structure and echoes."""
from __future__ import annotations

from typing import Callable, NamedTuple, Sequence

from ..screen import Screen
from . import echo
from .deletion_steps import DECOY     # a control scoring this low in the flow: a way back or a decoy
from .elements import Target, Use
from .screens import taps

Score = Callable[[str], float]

POINTERS = 1         # the one control beside a refusal (its link): two are a question's answers (kadai), more a menu
LONG = 5             # letters a word of the message needs to name the deed (short words: "your", "the", «ir»)


def _asks(found: list[Target]) -> bool:
    """Something to fill, tick or choose on the screen (enabled)."""
    return any(t.element.enabled and (t.use in (Use.TEXT, Use.CHOOSE) or (
        t.use in (Use.TOGGLE, Use.SELECT) and not t.element.checked)) for t in found)


class Pointed(NamedTuple):
    """A refusal pointing elsewhere: its message, the keys of the controls it points to, the deed's words."""
    message: str
    keys: set[str]
    deed: set[str]


NOTHING = Pointed("", set(), set())


def pointed(screen: Screen, found: list[Target], chrome: frozenset[str], score: Score,
            via: Sequence[str]) -> Pointed:
    """The refusal on a screen inside the deletion that refuses and points elsewhere (module doc); `NOTHING` for
    any other: a form, a step with a way on, a menu."""
    if _asks(found) or any(t.use == Use.TAP and not t.element.enabled and t.label for t in found):
        return NOTHING
    buttons = [t for t in taps(found) if t.element.enabled and t.key not in chrome and t.label]
    if any(score(t.label) > 0 for t in buttons):
        return NOTHING
    pointers = [t for t in buttons if score(t.label) > DECOY]
    if not 1 <= len(pointers) <= POINTERS:
        return NOTHING
    labels = {t.label for t in found} | {t.element.text for t in found} | set(via)
    said = [s.strip() for s in screen.shown_texts() if s.strip() and s.strip() not in labels]
    message = " ".join(said)
    done = deed(message, [t.label for t in pointers], via)
    return Pointed(message, {t.key for t in pointers}, done) if done else NOTHING


def deed(message: str, pointers: Sequence[str], via: Sequence[str]) -> set[str]:
    """The words of `message` naming what is to be done first: `LONG` letters or more, none said (in any ending)
    by the controls pointing there nor by the way to the refusal."""
    known = set().union(*map(echo.words, [*pointers, *via])) if [*pointers, *via] else set()
    return {w for w in echo.words(message) if len(w) >= LONG and not any(echo.same_word(w, k) for k in known)}


def names(label: str, done: set[str], others: tuple[str, ...] = ()) -> bool:
    """Whether a control's words name the deed (`deed`) that none of the screen's `others` names."""
    return bool(done) and echo.names_deed(label, done, others)


POINTER = 10.0       # score added to a control a refusal points to: tried as a way on
ERRAND = 100.0       # … and to one naming the deed on the screens it leads to (over a decline's -60 in the flow)


class Errands:
    """What the deletion search learnt of refusals pointing elsewhere (explorer/deletion.py holds one): node →
    the refusal's message (`refused`, said in the dead ends), node → keys of the controls it points to, node → the
    deed and the keys of the controls naming it on a screen a pointer led to (`errands`)."""

    def __init__(self) -> None:
        self.refused: dict[str, str] = {}
        self.pointers: dict[str, tuple[set[str], set[str]]] = {}     # node → (keys, the deed's words)
        self.errands: dict[str, tuple[set[str], set[str]]] = {}      # node → (the deed's words, keys naming it)
        self.carry: set[str] | None = None     # the deed the last move carried to the screen it led to

    def note(self, ident: str, screen: Screen, found: list[Target], chrome: frozenset[str], score: Score,
             via: Sequence[str]) -> None:
        """Read a new screen inside the deletion: one the errand's last move led to (`carry`) is the errand's while
        it offers neither the deletion's way on by its words nor anything to fill; else a refusal pointing
        elsewhere is told (`pointed`)."""
        carry, self.carry = self.carry, None
        buttons = [t for t in taps(found) if t.key not in chrome and t.label]
        if carry and not _asks(found) and not any(score(t.label) > 0 for t in buttons):
            labels = [t.label for t in buttons]
            self.errands[ident] = (carry, {t.key for t in buttons if names(
                t.label, carry, tuple(lb for lb in labels if lb != t.label))})
            return
        if ident in self.pointers:
            return
        refusal = pointed(screen, found, chrome, score, via)
        if refusal.keys:
            self.refused[ident] = refusal.message
            self.pointers[ident] = (refusal.keys, refusal.deed)

    def follow(self, parent: str, key: str, same: bool) -> None:
        """The move `key` on `parent` was made: a pointer's or an errand's carries the deed to a new screen."""
        pointers, done = self.pointers.get(parent, (set(), set()))
        self.carry = None if same else done if key in pointers else self.errands.get(parent, (None, set()))[0]

    def boost(self, ident: str, key: str) -> float:
        """Score added to the control `key` on the node `ident`: a pointer's, an errand's way on."""
        if key in self.pointers.get(ident, (set(), set()))[0]:
            return POINTER
        return ERRAND if key in self.errands.get(ident, (set(), set()))[1] else 0.0

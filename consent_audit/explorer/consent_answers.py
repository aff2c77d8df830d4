"""What each answer of a candidate consent layer did, tried from a fresh launch (`Tried`), and how the answers
are told apart by what they stored: the accept and the reject (`answers`: switches, purposes listed by name, else
the agreeing and declining words, else — one record with different values — what else each answer let the app
keep: explorer/stored_choice.py), a notice's one answer (`sole_answer`), and whether the refusal is still to be
found (`_refusal_missing`); a settings layer with no button of its own saved by the first layer's answers still
shown (`saves_worded_as_answers`). A refusal stored as the absence of the accept's purpose records:
explorer/absent_purposes.py. The trials themselves are explorer/consent_structure.py's."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..stored_records import consent_worded, listed, switches
from ..screen import Element
from . import cues
from .absent_purposes import widened
from .elements import Target
from .moves import Move
from .forms import UNTICK
from .stored_choice import by_what_kept


@dataclass
class Tried:
    """One button of the layer (or of its settings layer, after `via`), tried from a fresh launch."""

    target: Target
    via: tuple[Target, ...] = ()
    stored: dict[str, str] = field(default_factory=dict)   # what the answer stored (items new or changed)
    settings: bool = False     # it opened a second layer with toggles
    left: bool = False         # it left the app, or its words say it buys: no answer
    asked: frozenset[str] = frozenset()   # the permissions requested after it (names)
    untick: bool = False       # every ticked purpose of the settings layer unticked before the tap
    ticks: tuple[Move, ...] = ()   # opt-in: every unticked purpose ticked before the tap (an agreeing user)
    then: Target | None = None     # after the tap, back on the first layer: the button tapped there
    back: tuple[Target, ...] = ()  # ticks made, back on the first layer storing nothing: its relabelled buttons
    gone: bool = False         # the layer was gone after it
    ticked: int = 0            # a settings layer: optional purposes ticked when it opened
    opened: tuple[Target, ...] = ()   # a settings layer: what it offered when it opened (read, not opened again)
    kept: tuple[Target, ...] = ()     # a settings layer: the first layer's controls still shown on it
    locked: int = 0            # a settings layer: purposes ticked and locked (mandatory) when it opened
    boxes: int = 0             # tick boxes on screen after it, the layer still there (a page of purposes behind)
    base: dict[str, Any] | None = field(default=None, repr=False, compare=False)   # storage before the tap
    purposes: frozenset[str] = frozenset()   # through the settings layer: its purposes' keys before the tap
    open: bool = False         # through the settings layer: its purposes still shown after the tap (a save
    #                            that stores the choice and leaves the layer open, to be closed by the user)
    one: bool = False          # a first layer's purpose switched on unticked before the tap, its one trial
    #                            (explorer/consent_accept_all.py `told_by_untick`); not in its moves
    save: bool = False         # `one`, and it stored that untick: a save of the switches as shown, no answer
    in_place: bool = False     # tried where the last trial left the first layer in place, not from a launch
    further: tuple[Target, ...] = ()   # a first-layer answer that stored nothing and opened a further small layer
    #                            in the first one's place (an «are you sure?»): that layer's buttons, each tried
    #                            after it as `then` (consent_trials.further_steps) — a further step of the answer

    @property
    def key(self) -> str:
        return self.target.key

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def element(self) -> Element:
        return self.target.element

    @property
    def answered(self) -> bool:
        """The answer given: the layer gone — or, through the settings layer, a choice stored and that layer
        closed with the first layer back (a bar its library keeps showing while anything is refused: nagging,
        not an unanswered dialog). A save told by an untick (`save`) is none: the accept and the refusal are
        the others'."""
        return not self.save and (self.gone or (bool(self.via) and not self.open and bool(self.stored)))

    @property
    def moves(self) -> list[Move]:
        last = Move.form(self.target, UNTICK) if self.untick else Move.tap(self.target)
        then = [Move.tap(self.then)] if self.then is not None else []
        return [*(Move.tap(t) for t in self.via), *self.ticks, last, *then]


def answers(tried: list[Tried], about_consent: bool = False) -> tuple[Tried, Tried] | None:
    """(accept, reject) told by what each answer stored; None when the layer is no consent dialog or the
    storage and the words cannot tell which answer is which. A choice stored as switches is a consent only where
    it is one over purposes (`_over_purposes`); a record without switches whose values differ by answer is a choice
    too, told by what else each answer keeps when no words tell it (stored_choice.by_what_kept: kofi's
    idhini=kubali beside an analytics id, idhini=kataa alone); `about_consent`: the layer's words speak of
    consent, privacy or personal data."""
    stored = [t for t in tried if t.answered and not t.left and not t.settings and t.stored]
    # the record every answer writes is the choice; what only some add (the analytics id an accept sets) is
    # what that answer let the app do, not another record
    common = frozenset.intersection(*(frozenset(t.stored) for t in stored)) if stored else frozenset()
    if len(stored) < 2 or not common:
        return None          # answers storing nothing, or other records: not one choice
    if len({t.asked for t in stored}) != 1:
        return None          # a permission asked by some answers only: what a button does (a pre-prompt)
    # an answer whose record holds no on/off choice ("postpone", a timestamp) is neither: the others decide
    read = [(t, on_off) for t in stored if (on_off := switches({k: t.stored[k] for k in common}))]
    if len(read) < 2 or len({sum(r.values()) for _, r in read}) == 1:
        # the common record reads the same (or holds no switch): the accept's purpose records, absent after
        # the refusal, tell them apart (@palmabit/react-cookie-law: explorer/absent_purposes.py)
        read = widened(stored, common) or read
    if len(read) >= 2 and len({frozenset(r) for _, r in read}) == 1:
        ranked = sorted(read, key=lambda x: (sum(x[1].values()), len(x[0].moves), x[0].untick))
        low, high = ranked[0], max(read, key=lambda x: (sum(x[1].values()), -len(x[0].moves)))
        if sum(low[1].values()) == sum(high[1].values()):
            return None      # the same choice stored by every answer
        if not (about_consent or _over_purposes(high[0], low[0], tried)):
            return None      # one setting switched on or off (a dark theme, a newsletter): no consent told
        return high[0], low[0]
    named = _by_names(stored, about_consent or any(t.settings for t in tried))
    if named is not None:
        return named
    agree = [t for t in stored if cues.has(t.label, "agree") and not cues.has(t.label, "decline")]
    refuse = [t for t in stored if cues.has(t.label, "decline")]
    if len(agree) == 1 and len(refuse) == 1:
        return agree[0], refuse[0]
    # no words known: one record with different values is a choice, told by what else each answer keeps
    return by_what_kept(stored, common, about_consent or any(t.settings for t in tried))


def sole_answer(tried: list[Tried], about_consent: bool) -> Tried | None:
    """A notice offering one answer and no refusal on any layer (cookie-notice's «OK» beside a «Learn more»
    link): the one button that takes the layer away storing a record (an acknowledgement), no other button
    taking it away inside the app (a link that keeps it, or leaves the app, is no answer), no settings layer and
    no tick boxes shown after any of them (purposes on a page the notice stays over).
    Its record holds no choice to compare, so the layer's words decide (`about_consent`: they speak of consent,
    privacy or personal data; a what's-new whose «OK» stores "seen" is none). The answer, or None."""
    if not about_consent or any(t.settings or t.boxes for t in tried):
        return None      # purposes to set somewhere (a page of them behind the notice): a refusal may be there
    gone = [t for t in tried if t.gone and not t.left]
    return gone[0] if len(gone) == 1 and gone[0].stored else None


def _by_names(stored: list[Tried], about: bool) -> tuple[Tried, Tried] | None:
    """(accept, reject) where the record lists the purposes consented to by name (readback.listed): the answer
    listing the most accepts, one listing a part of that (none: '[]') refuses; a consent only where two names or
    more differ or `about` (the layer's words or a settings layer say consent). None when the records list
    nothing, or the same names, or lists that are not one inside the other."""
    read = [(t, names) for t in stored if (names := listed(t.stored))]
    if len(read) < 2 or len({frozenset(n) for _, n in read}) != 1:
        return None
    size = {id(t): sum(len(v) for v in n.values()) for t, n in read}
    low = min(read, key=lambda x: (size[id(x[0])], len(x[0].moves), x[0].untick))
    high = max(read, key=lambda x: (size[id(x[0])], -len(x[0].moves)))
    if size[id(high[0])] == size[id(low[0])] or any(not low[1][k] <= high[1][k] for k in high[1]):
        return None
    return (high[0], low[0]) if about or size[id(high[0])] - size[id(low[0])] >= 2 else None


def _over_purposes(high: Tried, low: Tried, tried: list[Tried]) -> bool:
    """Whether what the answers stored is a consent's choice rather than one setting's on and off: it differs
    in two purposes or more (each a switch of its own: statistics, advertising …), or the layer has a second
    layer setting purposes one by one (toggles), or the record says consent in its values (granted/denied,
    accepted/rejected: `readback.consent_worded`). A dark theme's {"dark": true} / {"dark": false} or a
    newsletter's yes / no has none of these; a consent dialog asks about purposes."""
    on, off = switches(high.stored), switches(low.stored)
    differ = [name for name in on if on[name] != off.get(name)]
    return len(differ) >= 2 or any(t.settings for t in tried) or consent_worded(high.stored) \
        or consent_worded(low.stored)


def _refusal_missing(tried: list[Tried], floor: int | None = None) -> bool:
    """No answer tried so far stores fewer purposes switched on than another: the layer's refusal, if any, is
    not yet among them (every answer stored "all on", or nothing readable). `floor`: the purposes a settings
    layer with ticked ones shows locked (mandatory, 0 when none) — given, the refusal is missing too while every
    answer still stores more purposes on than that (kadai: a «save» of the untouched layer keeps two of three
    on; fewer than the accept's three, yet a consent — a refusing user unticks first)."""
    answered = [t for t in tried if t.answered and not t.left and not t.settings and t.stored]
    sums = {sum(switches(t.stored).values()) for t in answered if switches(t.stored)}
    names = {sum(len(v) for v in listed(t.stored).values()) for t in answered if listed(t.stored)}
    if floor is not None and (sums or names):
        return min(sums | names) > floor
    return len(sums) < 2 and len(names) < 2


def _on(t: Tried) -> int:
    """The purposes an answer's record holds on: its switches on and the names it lists."""
    return sum(switches(t.stored).values()) + sum(len(v) for v in listed(t.stored).values())


def refused_in_full(tried: list[Tried], floor: int, about_consent: bool = False) -> bool:
    """Whether the answers tried tell the accept from a refusal that keeps no more purposes on than the
    settings layer's locked ones (`floor`): no answer can refuse more, and the answers still untried are no
    shorter (those of the settings layer after a first layer's refusal; its other buttons after one of its
    own, each a tap through it as well, before any unticking) — they need no trial of their own. False while
    the answers cannot be told apart, or the refusal found still consents to something (a refusing user would
    look further)."""
    found = answers(tried, about_consent)
    return found is not None and _on(found[1]) <= floor < _on(found[0])


def users_refusal(tried: list[Tried], reject: Tried, floor: int) -> Tried:
    """The reject path a refusing user walks: `reject` — or, when it is the settings layer's save tapped
    untouched, still storing more purposes on than that layer's locked ones (`floor`), and the same save made
    after unticking every ticked purpose stores no fewer on (it ignores the unticks): that unticked save, the
    user's refusal there (judged by what it kept, readback.judge). A refusal elsewhere (a first layer's) is
    kept as it is."""
    on = _on
    if reject.untick or not reject.via or on(reject) <= floor:
        return reject
    same = (reject.key, tuple(v.key for v in reject.via), reject.then.key if reject.then else None)
    unticked = [t for t in tried if t.untick and t.answered and not t.left and t.stored and on(t) <= on(reject)
                and (t.key, tuple(v.key for v in t.via), t.then.key if t.then else None) == same]
    return min(unticked, key=lambda t: (on(t), len(t.moves)), default=reject)


def settings_openers(tried: list[Tried]) -> frozenset[str]:
    """The labels (`cues.norm_label`) of the consent layer's own controls that opened its settings layer (a
    `Tried` with `settings`, or the `via` of one tried through it) and whose words speak of consent («Mga setting
    ng cookie», "Cookie settings"): the same words on a row of the app open the dialog again — a plain «Settings»
    names the app's own settings too and is never among them."""
    openers = [t.target for t in tried if t.settings] + [v for t in tried for v in t.via]
    return frozenset(cues.norm_label(t.label) for t in openers if t.label and cues.has(t.label, "consent_context"))


def _way_out_rank(target: Target) -> int:
    """The order a settings layer's controls are tried in as its ways out: buttons, then links (a save drawn
    as a button is often an `<a href="#">`), then the rest — a purpose's title or an "always on" label, which
    only open a description or say a state."""
    return {"button": 0, "link": 1}.get(target.element.role, 2)


def saves_worded_as_answers(tried: list[Tried], opener: Tried) -> list[Target]:
    """A settings layer with no button of its own (gdpr-cookie: its «customise» shows the purposes and hides
    itself, the one button left keeps the accept's words): its saves are the first layer's answers still shown
    on it — those whose trial on the first layer stored an answer — whatever their words say; what each stores
    from there decides (corpus ambavi: untouched, the essential type alone — the refusal)."""
    answered = {t.key for t in tried if not t.via and t.answered and t.stored and not t.left and not t.settings}
    return sorted((t for t in opener.kept if t.key in answered and t.element.enabled), key=_way_out_rank)[:3]


def saves_first(tried: list[Tried], second: list[Target]) -> list[Target]:
    """The settings layer's buttons (`second`, in their order of trial) as a refusing user takes them after
    unticking its purposes: those whose trial on the untouched layer stored a record first (a save: what it
    stores then is the choice as ticked), then the others (a × that only closed the layer, a link to the policy),
    each in its order. Told by what each trial in `tried` stored, never by words."""
    saved = {t.key for t in tried if t.via and not t.untick and not t.ticks and t.then is None and t.stored
             and not t.left}
    return sorted(second, key=lambda t: t.key not in saved)


def _closers(tried: list[Tried]) -> tuple[Target, ...]:
    """The settings layer's controls that, tapped on it, closed it storing nothing (its × back to the first
    layer): what closes the layer after a save that left it open."""
    return tuple(t.target for t in tried if t.via and not t.untick and not t.ticks and t.then is None
                 and not t.open and not t.stored and not t.left and not t.settings)


def _made(op: Any) -> int:
    """How many steps the operator recorded so far (0 for one that records none)."""
    return len(getattr(getattr(op, "recorder", None), "steps", ()))

"""Purposes drawn as groups of radios: each purpose a yes/no pair (or on/off, or three levels) whose state is
the option selected — @stormid/cookie-banner's «解析を許可する / 解析を許可しない», an Android RadioGroup.

A group is the radios of one set (`Element.group`: a native radio's `name`, a radiogroup or fieldset, an Android
RadioGroup) shown on the screen, 2–3 of them. It is a purpose where what consents and what refuses is told:
1. by what each option stores when its form is saved (`Element.option`, the radio's value): a switch value
   (1 / 0, true / false, granted / denied … as `readback` reads a stored record) or a level (0 < 1 < 2): the
   highest consents, the lowest refuses;
2. by the order the screen's other purposes were told in: a group of the same size whose options stand where
   theirs did (every told group consenting first: the untold one too) — the screen's own layout, not a rule;
3. last, by the words of a pair, read on what tells its two options apart (the words both labels share — the
   purpose's name in «Kyllä – Analytiikka» / «Ei – Analytiikka» — left out): exactly one option a refusal (a bare
   «no» of lexicons/consent_controls.yaml `answer_no`, or explorer.yaml/goals.yaml `decline`) and the other not,
   or else exactly one a bare «yes» (`answer_yes`) and the other not.
A group none of these tells (a deletion's reasons, a plan's «Monthly / Yearly») is no purpose; but a pair with one
option pre-selected that none tells may be a purpose whose grant side is unknown (`untold_pairs`): what counts
pre-ticked purposes is then unmeasured, never 0.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .stored_records import OFF_WORDS, ON_WORDS   # one vocabulary for stored switches: assets/stored_values.yaml
from .screen import Element

if TYPE_CHECKING:
    from .model import Trail


@dataclass(frozen=True)
class RadioPurpose:
    """One purpose as a group of radios: its options in the screen's order, the one consenting and the one
    refusing (elements of the screen read)."""

    options: tuple[Element, ...]
    consenting: Element
    refusing: Element

    @property
    def chosen(self) -> Element | None:
        return next((o for o in self.options if o.checked), None)

    @property
    def preticked(self) -> bool:
        """The consenting option selected (as the screen shows it: before the user did anything, on its first)."""
        return self.chosen is self.consenting

    @property
    def enabled(self) -> bool:
        """Whether the user can refuse it (its refusing option enabled): a locked group is mandatory."""
        return self.refusing.enabled


def _shown(element: Element) -> bool:
    return element.bounds[2] > 0 and element.bounds[3] > 0


def _level(option: str) -> float | None:
    """What a radio stores read as a level: a switch word (on 1, off 0) or a number; None when neither."""
    word = option.strip().casefold()
    if word in ON_WORDS:
        return 1.0
    if word in OFF_WORDS:
        return 0.0
    try:
        return float(word)
    except ValueError:
        return None


def _by_values(options: Sequence[Element]) -> tuple[int, int] | None:
    """(consenting, refusing) indexes told by what the options store: every value read, all distinct."""
    levels = [_level(o.option) for o in options]
    if any(v is None for v in levels) or len(set(levels)) != len(levels):
        return None
    ranked = sorted(range(len(options)), key=lambda i: levels[i])   # type: ignore[arg-type, return-value]
    return ranked[-1], ranked[0]


_EDGES = " .,:;!?-–—()[]«»\"'"    # what may stand around a bare answer («Kyllä», "Yes.", (No))


def _apart(first: str, second: str) -> tuple[str, str]:
    """What tells two labels apart: each without the words both begin and both end with."""
    a, b = first.split(), second.split()
    while len(a) > 1 and len(b) > 1 and a[0].casefold() == b[0].casefold():
        a, b = a[1:], b[1:]
    while len(a) > 1 and len(b) > 1 and a[-1].casefold() == b[-1].casefold():
        a, b = a[:-1], b[:-1]
    return " ".join(a), " ".join(b)


def _by_words(options: Sequence[Element]) -> tuple[int, int] | None:
    """(consenting, refusing) of a pair where exactly one option is worded as a refusal, else exactly one as a
    bare yes — read on what tells the two apart (`_apart`), an answer only where it is all of that."""
    from .explorer import cues      # the lexicons, last
    from .detectors.lexicon import load_lexicon, normalise
    if len(options) != 2:
        return None
    answers = load_lexicon("consent_controls")
    words = _apart(options[0].label, options[1].label)
    read = [{h.category for h in answers.hits(w) if h.text == normalise(w).strip(_EDGES)} for w in words]
    declining = [i for i, w in enumerate(words) if "answer_no" in read[i] or cues.has(w, "decline")]
    if len(declining) == 1:
        return 1 - declining[0], declining[0]
    consenting = [i for i in range(2) if "answer_yes" in read[i] and "answer_no" not in read[i]]
    return (consenting[0], 1 - consenting[0]) if len(consenting) == 1 and not declining else None


def _sets(elements: Sequence[Element]) -> list[list[Element]]:
    """The shown radios of each set, 2–3 of them, in the screen's order."""
    sets: dict[str, list[Element]] = {}
    for element in elements:
        if element.role == "radio" and element.group and _shown(element):
            sets.setdefault(element.group, []).append(element)
    return [opts for opts in sets.values() if 2 <= len(opts) <= 3]


def radio_purposes(elements: Sequence[Element]) -> list[RadioPurpose]:
    """The purposes drawn as radio groups among `elements` (shown ones), in the screen's order (see the module
    doc for how the consenting and the refusing option are told)."""
    groups = _sets(elements)
    told = {id(g): found for g in groups if (found := _by_values(g)) is not None}
    places = {(len(g), told[id(g)]) for g in groups if id(g) in told}
    for group in groups:
        if id(group) in told:
            continue
        alike = {where for size, where in places if size == len(group)}
        if len(alike) == 1:          # every told group of this size had its options in the same places
            told[id(group)] = alike.pop()
        elif (worded := _by_words(group)) is not None:
            told[id(group)] = worded
    return [RadioPurpose(tuple(g), g[told[id(g)][0]], g[told[id(g)][1]]) for g in groups if id(g) in told]


def untold_pairs(elements: Sequence[Element]) -> int:
    """Pairs of radios with one option pre-selected that `radio_purposes` cannot tell (neither what they store,
    nor the screen's other groups, nor the words say which grants): each may be a purpose, pre-ticked or not —
    a count of pre-ticked purposes over a screen holding any is unmeasured, never 0."""
    told = {id(p.options[0]) for p in radio_purposes(elements)}
    return sum(1 for g in _sets(elements) if len(g) == 2 and id(g[0]) not in told
               and sum(1 for o in g if o.checked) == 1)


def purpose_controls(elements: Sequence[Element]) -> list[Element]:
    """Each purpose's control as one element whose `checked` says "consenting" and `enabled` "the user can
    change it": the checkboxes and switches, and each radio purpose's consenting option (`radio_purposes`)."""
    return [e for e in elements if e.role in ("checkbox", "switch")] + \
        [p.consenting for p in radio_purposes(elements)]


def untold_radio_pairs(trail: "Trail") -> bool:
    """Whether the first screen of the path before its answer (its last step) that shows radio groups shows a
    pair, one option pre-selected, that may be a purpose but whose granting option nothing tells
    (`untold_pairs`): the path's pre-ticked purposes are then unmeasured, never 0. Only that first screen: the
    pairs as the app presented them, not as the path's own choices left them (kirja: a choice none pre-selects)."""
    before = ([trail.start] if trail.start else []) + [s.screen for s in trail.steps[:-1]]
    first = next((screen for screen in before if _sets(screen.elements)), None)
    return first is not None and untold_pairs(first.elements) > 0

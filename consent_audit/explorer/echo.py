"""Which answer of a question no lexicon reads names the deed again — read from the words the user tapped on the
way there, never from a lexicon (explorer/deletion.py's tie-break on a bare question: the way on is tried before
the way back, which would leave the deletion and cost the walk to it again).

A word is a run of letters, combining marks and digits (Unicode L, M, N), three characters or more, case folded:
a script whose vowels are combining marks (Tamil «நீக்கு», Hindi «हटाएँ», Thai) is read whole, not cut at each
vowel sign. Two words are the same word when equal, or when one is the other in another ending: a common start of
`STEM` characters or more covering at least `SHARE` of the shorter one («கணக்கை» / «கணக்கு», "Konto" /
"Kontoa"). In a script written without spaces between words (assets/word_scripts.yaml: Khmer, Thai, Chinese…)
a run of letters is a phrase, its words run together: a control's run names the way when a word of the way lies
inside it (`names_the_way`: «គណនី» in «លុបគណនី», as "account" in "Delete account"). Nothing is guessed per
language."""
from __future__ import annotations

from typing import Iterable, Sequence

import regex

from ..detectors.words import is_word_character

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]{3,}")
STEM = 4          # characters a common start must have for two words to be one word in two endings
SHARE = 0.8       # … and the part of the shorter word it must cover


def words(text: str) -> set[str]:
    """The words of `text` (module doc), digits alone left out."""
    return {w for w in WORD.findall(text.casefold()) if not w.isdigit()}


def unspaced(word: str) -> bool:
    """Whether `word` (a run of letters, marks, digits) is written in scripts whose words run together
    (assets/word_scripts.yaml, `detectors.words`): each of its characters is of such a script."""
    return bool(word) and not any(is_word_character(c) for c in word)


def same_word(a: str, b: str) -> bool:
    """Whether two words (case folded) are one word, maybe in two endings (module doc)."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= STEM and common >= SHARE * min(len(a), len(b))


def _among(word: str, others: Iterable[str]) -> bool:
    return any(same_word(word, other) for other in others)


def names_again(answer: str, asked_by: str, others: tuple[str, ...] = ()) -> bool:
    """Whether a question's answer repeats a word of the control whose tap asked it that none of the question's
    other answers (`others`, their labels) has — the way on names the deed («Áno, zrušiť účet» after «Zrušiť účet»,
    «Ja, vlork» after «Vlork»), the way back does not («Nie, späť»); a word both carry («Yes, delete account» /
    «No, keep account») tells nothing."""
    return bool((words(answer) & words(asked_by)) - set().union(*map(words, others)))


def deed(via: Sequence[str], entered: Iterable[str]) -> set[str]:
    """The deed a flow was entered for: the words the control that entered it (the last label of `via`, the
    labels tapped from the start, that is in `entered`) adds to the way there — those no label before it has in
    any ending. Settings › «Konto» › «Kontoa zorpu»: {zorpu} («Kontoa» repeats the place). Empty when no label of
    the way entered the flow."""
    entries = set(entered)
    index = next((i for i in range(len(via) - 1, -1, -1) if via[i] in entries), None)
    if index is None:
        return set()
    before = set().union(*map(words, via[:index]))
    return {w for w in words(via[index]) if not _among(w, before)}


def names_deed(answer: str, done: set[str], others: tuple[str, ...] = ()) -> bool:
    """Whether `answer` names a word of the deed (`deed`), in any ending, that none of the other answers names:
    «Zorpu» after «Kontoa zorpu», not «Kontoa haltu» — kadai's «நீக்கு» after «கணக்கை நீக்கு», not the big
    «கணக்கை வைத்திரு» beside it."""
    theirs = set().union(*map(words, others))
    return any(_among(w, done) and not _among(w, theirs) for w in words(answer))


def goes_on(answer: str, via: Sequence[str], entered: Iterable[str], others: tuple[str, ...] = ()) -> bool:
    """Whether a question's `answer` names the deed again (module doc): a word of the control that asked it (the
    last label of `via`) or of the deed the flow was entered for (`deed`) that none of the `others` names."""
    return bool(via) and (names_again(answer, via[-1], others) or names_deed(answer, deed(via, entered), others))


def names_the_way(label: str, via: Sequence[str]) -> bool:
    """Whether a control's words repeat, in any ending, a word of the labels tapped to reach its screen (`via`):
    the deletion names what it deletes, the place the way named — «கணக்கை நீக்கு» on «கணக்கு»'s screen, "Delete
    account" under "Account" —, a log-out beside it names none. In a script written without spaces a word of the
    way inside the control's run names it too («លុបគណនី» under «គណនី»: `unspaced`)."""
    way = set().union(*map(words, via)) if via else set()
    return any(_among(w, way) or (unspaced(w) and any(unspaced(v) and v in w for v in way)) for w in words(label))


SAME_PART = 0.55  # of the longer label: the common end two labels must have to be opposites (pri|java / od|java) …
PREFIX = 3        # … and each beginning before it at most this long (pri-/od-, in-/uit-, an-/ab-, απο-)


def opposite(label: str, other: str) -> bool:
    """Whether two labels say one deed and its undoing by another prefix: a common end of `SAME_PART` of the longer
    label, before it two different beginnings of at most `PREFIX` characters («Prihlásiť sa» / «Odhlásiť sa»,
    "Anmelden" / "Abmelden", «Σύνδεση» / «Αποσύνδεση», "Inloggen" / "Uitloggen", «Zaloguj się» / «Wyloguj się») —
    never a word in another ending ("Profil" / "Profily"), nor two deeds on one object ("Create account" / "Delete
    account": beginnings of four), nor a word before it ("Account" / "My account"), nor the same label. In a script
    written without spaces (`unspaced`) a beginning of a few characters is a word, no prefix: «លុបគណនី» (delete
    account) is no undoing of «ចូលគណនី» (log in: "enter account"), two deeds on one object run together."""
    a, b = " ".join(label.casefold().split()), " ".join(other.casefold().split())
    end = 0
    while end < min(len(a), len(b)) and a[-1 - end] == b[-1 - end]:
        end += 1
    head_a, head_b = a[:len(a) - end], b[:len(b) - end]
    return (bool(a) and head_a != head_b and end >= SAME_PART * max(len(a), len(b))
            and len(head_a) <= PREFIX and len(head_b) <= PREFIX and " " not in head_a + head_b
            and not unspaced(head_a) and not unspaced(head_b))

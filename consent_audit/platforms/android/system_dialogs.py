"""System windows over the app that are not the app leaving: the "isn't responding" (ANR) dialog, and the
system chrome (status bar, navigation bar, keyboards) of multi-window dumps. Data:
assets/lexicons/android_system.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from ...detectors.lexicon import normalise
from ...detectors.words import contains
from ...paths import ASSETS
from ...screen import Element, Screen

SYSTEM_LEXICON = ASSETS / "lexicons" / "android_system.yaml"


@dataclass(frozen=True)
class SystemWords:
    chrome_packages: frozenset[str]
    anr_packages: frozenset[str]
    anr_ids: frozenset[str]
    wait_ids: frozenset[str]
    anr_texts: tuple[str, ...]
    wait_texts: tuple[str, ...]


@lru_cache(maxsize=2)
def system_words() -> SystemWords:
    """The file, checked: a missing key is a ValueError naming it."""
    data = yaml.safe_load(SYSTEM_LEXICON.read_text(encoding="utf-8")) or {}
    try:
        anr = data["anr"]
        return SystemWords(frozenset(data["chrome_packages"]), frozenset(anr["packages"]), frozenset(anr["ids"]),
                           frozenset(anr["wait_ids"]), tuple(normalise(t) for t in anr["texts"]),
                           tuple(normalise(t) for t in anr["wait_texts"]))
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{SYSTEM_LEXICON}: missing or malformed key {exc}") from None


@dataclass(frozen=True)
class SystemDialog:
    """A system dialog over the app: kind ("anr"), its message, and the button that waits."""

    kind: str
    message: str
    wait: Element | None


def system_dialog(screen: Screen) -> SystemDialog | None:
    """The ANR dialog when this screen is one (its window's package and ids, else its words), else None."""
    words = system_words()
    if screen.location not in words.anr_packages:
        return None
    locals_ = {e.rid.rpartition("/")[2]: e for e in screen.elements if e.rid}
    texts = [e.text for e in screen.elements if e.text]
    said = next((t for t in texts if any(contains(normalise(t), w) for w in words.anr_texts)), "")
    if not (set(locals_) & words.anr_ids or said):
        return None
    wait = next((e for local, e in locals_.items() if local in words.wait_ids), None)
    if wait is None:
        wait = next((e for e in screen.elements if e.clickable and normalise(e.text) in words.wait_texts), None)
    message = said or max((t for t in texts if wait is None or t != wait.text), key=len, default="")
    return SystemDialog("anr", message, wait)


__all__ = ["SystemDialog", "system_dialog", "system_words"]

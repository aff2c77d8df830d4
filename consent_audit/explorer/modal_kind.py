"""What an unknown modal answered at launch is — consent or other — told by what its answer stored and by its
words (`modal_kind`; issue 13: a banner in words no lexicon has, answered as a modal at every launch, was consent
nobody counted). Read by explorer/launch_modals.py and ExploredApp.consent_at_launch."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..screen import Screen
from ..stored_records import consent_worded, switches
from . import cues
from .screens import consent_container

if TYPE_CHECKING:
    from .launch_layer import Layer

ABOUT_CONSENT = ("consent_context", "privacy", "privacy_policy")    # lexicon categories: words of consent

CONSENT, OTHER = "consent", "other"


def speaks_of_consent(texts: tuple[str, ...] | list[str]) -> bool:
    """Whether a layer's words (`texts`) speak of consent, privacy or personal data (ABOUT_CONSENT). Orders
    the trials of two layers shown together at launch (consent_structure.learn); what each answer stores decides."""
    return any(cues.has(t, *ABOUT_CONSENT) for t in texts)


def layer_about_consent(screen: Screen, first: "Layer") -> bool:
    """Whether a candidate layer (`launch_layer.Layer` on `screen`) is about consent: its words speak of
    consent, privacy or personal data (`speaks_of_consent`), or — structure before words — a shown element
    whose id names a consent library's dialog holds its buttons (screens.consent_container: hb-cookie-law-
    banner's «cookiealert» around words no lexicon has, corpus ferenj)."""
    return speaks_of_consent(first.texts) or consent_container(screen, list(first.buttons + first.options))


def modal_kind(stored: dict[str, str] | None, texts: list[str]) -> str | None:
    """What an unknown modal answered at launch is (issue 13: a banner in words no lexicon has, answered as a
    modal at every launch, was consent nobody counted): 'consent' when its answer stored a choice — a record
    with switches (true/false, granted/denied …: `readback.switches`) — and its words either speak of consent,
    privacy or personal data or are in no lexicon while the choice is one over purposes (two switches or more) or
    worded as consent (`readback.consent_worded`; one setting's {"dark": false} is not told); 'other' when it stored no choice and its words were read
    (some text of the layer, beyond a bare close mark, is in a lexicon) and none speaks of consent, privacy or
    personal data (a what's-new, an update prompt, a splash advert); None when it cannot be told — the storage
    was not readable (`stored` None: Android) or held no choice and the words are unknown or speak of consent,
    or a choice was stored under words that speak of something else (a rating prompt's {"later": true}). A
    count of such a modal is unmeasured, never 0 — and never a consent counted from a stored boolean alone."""
    read = [c for t in texts for c in cues.categories(t) if c != "close"]
    about_consent = any(cues.has(t, *ABOUT_CONSENT) for t in texts)
    if stored and (on_off := switches(stored)):
        if about_consent:
            return CONSENT
        # words unknown: a choice over purposes (two switches or more) or worded as consent, not one setting
        # (digits are no switches here: a what's-new's {"seen": 1, "v": 1} is no choice over two purposes)
        return CONSENT if not read and (len(switches(stored, digits=False)) >= 2 or consent_worded(stored)) else None
    if read and not about_consent:
        return OTHER
    return None

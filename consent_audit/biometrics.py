"""Biometric gates on a journey (sign-up, log-in, identity check, a gate before a core feature), from what
the recorder saw: pure functions over trails and screens, like consent_audit.measures.

A gate is the first screen of the journey that speaks of a biometric (assets/lexicons/biometric.yaml). Its
figures, one dict per gate:

    {"journey": str, "biometrics": [face|fingerprint|voiceprint], "demanded": bool, "scanned": bool,
     "alternatives": [password|sms|document|staff], "separate_consent": bool}

- demanded: the control the journey left the screen by was disabled on the gate before the scan (the
  journey could not go on without it);
- scanned: the camera was requested while the journey was on the gate;
- alternatives: controls on the gate (buttons, links, radios, checkboxes) offering another way to verify;
- separate_consent: a checkbox on the gate whose own label speaks of the biometric and of consent, and not of
  the privacy policy or the terms (a bundled "I agree to the policy" is not separate consent).

Rules: PIPL Art. 28-29 (biometrics are sensitive personal information; separate consent), SPC 2021
face-recognition provisions, GB/T 35273-2020, GDPR Art. 9 — see assets/rules.yaml for their status.
"""
from __future__ import annotations

from typing import Any

from .detectors.lexicon import load_lexicon
from .model import Kind, Trail
from .screen import Element, Screen

KINDS = ("face", "fingerprint", "voiceprint")
ALTERNATIVES = {"alt_password": "password", "alt_sms": "sms", "alt_document": "document", "alt_staff": "staff"}
_CONTROLS = ("button", "link", "radio", "checkbox", "switch")


def _words(element: Element) -> str:
    return " ".join(t for t in (element.text, element.name) if t)


def biometrics_on(screen: Screen) -> list[str]:
    """The biometrics a screen speaks of, in KINDS order."""
    lexicon = load_lexicon("biometric")
    named = {c for text in screen.texts() + [e.name for e in screen.elements if e.name] for c in lexicon.match(text)}
    return [k for k in KINDS if k in named]


def alternatives_on(screen: Screen) -> list[str]:
    """Other ways of verifying that the screen offers as a control, sorted."""
    lexicon = load_lexicon("biometric")
    found = {ALTERNATIVES[c] for e in screen.elements if e.clickable and e.role in _CONTROLS
             for c in lexicon.match(_words(e)) if c in ALTERNATIVES}
    return sorted(found)


def separate_consent_on(screen: Screen) -> bool:
    """A checkbox of its own for the biometric: its label names a biometric and a consent, not the policy."""
    lexicon = load_lexicon("biometric")
    for element in screen.elements:
        if element.role not in ("checkbox", "switch"):
            continue
        said = set(lexicon.match(_words(element)))
        if "consent" in said and said & set(KINDS) and "bundled" not in said:
            return True
    return False


def gate(trail: Trail) -> dict[str, Any] | None:
    """The journey's biometric gate, or None when no screen of it speaks of a biometric."""
    screens = trail.screens
    first = next((s for s in screens if biometrics_on(s)), None)
    if first is None:
        return None
    scanned = False
    previous: Screen | None = trail.start
    leaving: str | None = None
    for step in trail.steps:
        if previous is not None and previous.signature == first.signature:
            if step.screen.prompts.get("camera", 0) > previous.prompts.get("camera", 0):
                scanned = True
            if step.kind == Kind.TAP and step.screen.signature != first.signature:
                leaving = step.target.get("id") or None
        previous = step.screen
    control = first.find(leaving) if leaving else None
    return {"journey": trail.name, "biometrics": biometrics_on(first),
            "demanded": bool(control is not None and not control.enabled), "scanned": scanned,
            "alternatives": alternatives_on(first), "separate_consent": separate_consent_on(first)}


def biometric_gates(trails: list[Trail]) -> list[dict[str, Any]]:
    """The gates of these journeys, in order (journeys without a biometric give none)."""
    return [g for g in (gate(t) for t in trails) if g is not None]

"""The privacy-policy goal: where an app keeps its privacy policy, and what its first run shows of it.

Controls are scored toward the policy (隐私政策, privacy policy, Datenschutzerklärung …), and toward the
menus that usually hold it (legal, about, settings, me); decoys score below zero. A screen *is* the policy
when a control naming it led there (or the screen's heading names it), it is not a consent dialog or a form,
and it holds a policy's worth of reading: paragraphs of sentences, or one picture filling the screen (an
image-only policy, which the policy flow then reports as not text). The figures are the suite's own policy
flow's (consent_audit/flows/test_policy.py); this module only finds the path and reads the screen.

MIIT/CAC 2019 identification method 1.2 (policy at first run) and 1.3 (at most 4 taps away).
"""
from __future__ import annotations

import re
from typing import Any

from ..screen import Element, Screen
from . import cues
from .config import ExplorerConfig
from .elements import Target, Use
from .graph import Node
from .moves import Move
from .screens import is_consent
from .goal import Verdict

POLICY = "privacy_policy"
_SENTENCE_END = re.compile(r"[.!?。！？；;:：)）」』”\"]\s*$")


class PolicyGoal:
    """Toward the privacy policy's text; reached when the screen shows it (see `is_policy`)."""

    name = "privacy-policy"
    through_consent = True     # the policy is often linked from the consent dialog itself: it is not left aside

    def __init__(self, config: ExplorerConfig) -> None:
        self.weights = config.weights("privacy-policy", "plain")
        self.min_chars = int(config.search.get("policy_min_chars", 120))

    def score(self, node: Node, label: str) -> float:
        found = cues.categories(label)
        return sum(w for c, w in self.weights.items() if c in found)

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        return None

    def enters_flow(self, move: Move) -> bool:
        return False

    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None:
        if same or not is_policy(screen, found, self.min_chars, via=move.label):
            return None
        return Verdict("reached", title(screen) or move.label)


def names_policy(text: str) -> bool:
    return cues.has(text, POLICY)


def title(screen: Screen) -> str:
    """The first short, non-interactive text naming the policy ('' when none does)."""
    return next((e.text for e in screen.elements if e.text and not e.clickable and len(e.text) <= 60
                 and names_policy(e.text)), "")


def paragraphs(screen: Screen) -> list[tuple[str, str]]:
    """The policy's reading text as shown: (place, text) per paragraph, place being the element's id, else
    'paragraph N'. A paragraph is a non-interactive text that reads as prose — it ends like a sentence or is
    longer than a heading (60 characters); titles, headings and controls are left out."""
    texts = [e for e in screen.elements if e.text and not e.clickable and e.role not in ("button", "link")
             and (len(e.text) > 60 or _SENTENCE_END.search(e.text))]
    return [(e.rid or f"paragraph {n}", e.text) for n, e in enumerate(texts, 1)]


def _picture(screen: Screen) -> Element | None:
    """An image covering at least a third of the screen: a policy drawn as a picture."""
    width, height = screen.size
    area = max(1, width * height)
    images = [e for e in screen.elements if e.role in ("img", "image", "android.widget.ImageView")
              and e.bounds[2] * e.bounds[3] * 3 >= area]
    return images[0] if images else None


def is_policy(screen: Screen, found: list[Target], min_chars: int, via: str = "") -> bool:
    """Whether `screen` shows the privacy policy: named by the control that led here or by its own heading,
    no consent dialog, no form, and either at least `min_chars` characters of paragraphs or a picture
    filling the screen."""
    if not screen.in_app or not (names_policy(via) or title(screen)):
        return False
    if any(t.use in (Use.TEXT, Use.TOGGLE) for t in found) or is_consent(screen, found):
        return False
    chars = sum(len(text) for _, text in paragraphs(screen))
    return chars >= min_chars or _picture(screen) is not None


def links_policy(screen: Screen, found: list[Target]) -> bool:
    """Whether the screen offers the policy: a control naming it (a link on the consent dialog, a row)."""
    return any(names_policy(t.label) for t in found if t.use == Use.TAP)


def shows_or_links(screen: Screen, found: list[Target], min_chars: int) -> bool:
    """MIIT 2019 1.2: the first run shows the policy or links to it."""
    return links_policy(screen, found) or is_policy(screen, found, min_chars)


def adoptable(app: Any) -> dict[str, Any]:
    """What one goal's exploration learned that another goal's flow can re-walk: the account, the deletion
    path, the core screen and the features that ask for permissions, the consent answers, launch modals."""
    names = ("account_mode", "account_moves", "login_moves", "logged_in_signature", "logged_out_signature",
             "logged_out_node", "deletion_moves", "signup_kinds", "core", "features", "requested", "accept", "reject",
             "launch_moves", "names_used", "explored_goals")
    return {n: getattr(app, n) for n in names}

"""Which purchase-worded control takes money, told by structure: a search that must spend nothing (the permissions
search, explorer/beyond_core.py) never taps that one, and searches every other — an order button, a cart, an order
history, a price list only *start* a purchase flow, and what lies behind them (a photo to scan, a size to pick) is
the app's as much as any other screen (corpus lumen-ja: «プリントを注文する» and the «注文履歴» tab were never tapped,
so the camera asked three screens into the order flow was never seen, and the search said clean).

The step that takes money is a purchase-worded control (its words, a price aside) that says a price itself («お支払い ¥1,200», "Pay €4.99": one
tap spends it), or one on a payment form: a screen showing a price that asks for something to be filled in (card
number, name, address: text fields) or picked (a payment method: radio options, a drop-down), or one where a way
to pay is already saved (a masked card number: the checkout asks nothing, "Place order" spends). A price is the
`purchase` lexicon's own patterns (a currency sign or code next to a number, assets/lexicons/goals.yaml); a saved
card the `payment_method` category's."""
from __future__ import annotations

from functools import lru_cache
from re import Pattern

from ..detectors.lexicon import load_lexicon, normalise
from ..screen import Screen
from . import cues
from .elements import Target, Use

PURCHASE = "purchase"
SAVED_WAY = "payment_method"
FORM_USES = {Use.TEXT, Use.CHOOSE, Use.SELECT}    # what a payment form asks: typed, or one of its options picked


@lru_cache(maxsize=None)
def _patterns(category: str = PURCHASE) -> tuple[Pattern[str], ...]:
    return tuple(p for c in load_lexicon("goals").categories if c.name == category for p in c.patterns)


def _price_patterns() -> tuple[Pattern[str], ...]:
    return _patterns(PURCHASE)


def shows_saved_way(text: str) -> bool:
    """Whether the text shows a saved way to pay: a card number masked but its last digits ("•••• 4242",
    assets/lexicons/goals.yaml `payment_method`)."""
    norm = normalise(text) if text else ""
    return bool(norm) and any(p.search(norm) for p in _patterns(SAVED_WAY))


def shows_price(text: str) -> bool:
    """Whether the text says a price (a currency sign or code next to a number: "¥500", "4,99 €", "USD 5")."""
    norm = normalise(text) if text else ""
    return bool(norm) and any(p.search(norm) for p in _price_patterns())


def payment_form(screen: Screen, found: list[Target]) -> bool:
    """Whether the screen is a payment form: a price shown on it and something to fill in or pick (`FORM_USES`),
    or a way to pay already saved (`shows_saved_way`: a checkout with nothing left to fill, its order button
    unpriced — one tap spends)."""
    texts = screen.texts()
    if not any(shows_price(t) for t in texts):
        return False
    return any(t.use in FORM_USES and t.element.enabled for t in found) \
        or any(shows_saved_way(t) for t in texts) or any(shows_saved_way(t.label) for t in found)


def purchase_worded(text: str) -> bool:
    """Whether the text's words are a purchase's ("Pay", "Order now", 注文), a price in it aside: a row of a price
    list («L判 · ¥33») says a price, not a purchase."""
    norm = normalise(text) if text else ""
    for pattern in _price_patterns():
        norm = pattern.sub(" ", norm)
    return PURCHASE in cues.categories(norm)


def takes_money(label: str, screen: Screen, found: list[Target]) -> bool:
    """Whether tapping the control `label` on `screen` (`found`: its targets) is the step that takes money: its
    words are a purchase's (`purchase_worded`) and it says a price itself or stands on a payment form
    (`payment_form`). False for a purchase-worded control elsewhere (it starts a purchase flow, it pays nothing)
    and for a price alone (a row of a price list)."""
    if not purchase_worded(label):
        return False
    return shows_price(label) or payment_form(screen, found)

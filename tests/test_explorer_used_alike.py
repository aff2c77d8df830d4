"""A control used on one screen is not used again on another of the same structure — also when that other screen
was seen before the use (corpus kedai: eight product screens of one structure, each seen while the search went
one level deeper at a time, then «Tambah ke keranjang» used on all eight, each walked to again: 79 actions for an
optimum of 33), and a control so done where it was offered holds no deeper copy of it back (the scan's screen
below: before, its «Add to basket» was deferred to the product screens that would never use it, and said left)."""
from __future__ import annotations

from test_explorer_beyond_core import CONFIG, App, Op

from consent_audit.explorer import beyond_core
from consent_audit.explorer.config import Budget
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import Spend
from consent_audit.screen import Screen


class Kinds(App):
    """Screens named `kind:name` share the structure `kind` (their headings differ)."""

    def screen(self) -> Screen:
        screen = super().screen()
        return Screen(elements=screen.elements, signature=self.at.split(":")[0], size=screen.size,
                      prompts=screen.prompts)


def product(name: str, shop: str) -> list[tuple[str, str]]:
    return [("Add to basket", f"product:{name}"), ("Scan the barcode", f"scanned:{name}"),
            ("‹ Back", f"shop:{shop}")]


SHOPS = {
    "home": [("Welcome", "home"), ("Shops", "shops")],
    "shops": [("Corner shop", "shop:corner"), ("Market stall", "shop:stall"), ("‹ Back", "home")],
    "shop:corner": [("Rice 5 kg", "product:rice"), ("Cooking oil", "product:oil"), ("Eggs", "product:eggs"),
                    ("‹ Back", "shops")],
    "shop:stall": [("Tempeh", "product:tempeh"), ("Tofu", "product:tofu"), ("‹ Back", "shops")],
    **{f"product:{p}": product(p, s) for p, s in (("rice", "corner"), ("oil", "corner"), ("eggs", "corner"),
                                                  ("tempeh", "stall"), ("tofu", "stall"))},
    **{f"scanned:{p}": [("Add to basket", f"scanned:{p}"), ("Camera", "ask:camera"), ("‹ Back", f"product:{p}")]
       for p in ("rice", "oil", "eggs", "tempeh", "tofu")},
}


def test_a_control_used_on_one_screen_of_a_structure_is_not_used_on_the_others_seen_before() -> None:
    app = Kinds(SHOPS)
    spend = Spend(Budget(100, 60))
    found = beyond_core.search(Op(app, spend), {**CONFIG.search, "permission_depth": 5,
                                                "permission_levels_first": 2},
                               CONFIG.weights("deny-permissions"), spend, FormData(username="u", password="p"))
    assert "camera" in found.features
    # used on one product screen and on one scan screen (the feature's), never on the other four products
    assert app.taps.count("Add to basket") == 2, app.taps
    assert found.unsearched == [], found.unsearched

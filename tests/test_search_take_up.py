"""A control given up because the search could not walk back to its screen is taken up again once the search
stands on that screen after all (corpus kettle, signed in: relaunching led home, not to the profile where signing
up had left the search, so the route failed and «Shop» there was given up; the next tap, the profile's tab, stood
on the profile again — and «Shop» was said left, "that screen could not be reached again")."""
from __future__ import annotations

from test_explorer_beyond_core import CONFIG, App, Op

from consent_audit.explorer import beyond_core
from consent_audit.explorer.config import Budget
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import Spend

SIGNED_IN = {
    "profile": [("Orders", "orders"), ("Shop", "shop")],
    "orders": [("Receipt", "receipt")],
    "receipt": [("Print", "receipt")],
    "shop": [("Tea", "shop")],
    "home": [("Profile", "profile"), ("Rides", "home")],
}


def test_a_control_given_up_for_its_screen_is_used_once_the_search_stands_there_again() -> None:
    app = App(SIGNED_IN, at="profile")      # where signing in left the app; a relaunch opens home
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Op(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,
                               FormData(username="u", password="p"))
    assert "Shop" in app.taps, app.taps
    back = app.taps.index("relaunch")
    assert app.taps[back + 1:back + 3] == ["Profile", "Shop"], app.taps      # taken up there, at once
    assert not any("could not be reached again" in u for u in found.unsearched), found.unsearched

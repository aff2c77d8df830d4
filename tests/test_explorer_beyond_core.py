"""Deny-permissions beyond the core screen (explorer/beyond_core.py) on a simulated app: a permission asked only
on a screen two taps deep is found by the request the tap makes (not by its words), with the route a user takes
to it; what the bounded search did not cover (a deeper screen, the budget spent) is said; controls that log out,
delete or pay are never tapped; and an audit resting on a search that did not cover the app is never clean
(before: only the core screen was searched, nothing was seen asked, and the verdict was clean)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from consent_audit.audit import Audit
from consent_audit.explorer import beyond_core
from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.elements import Target
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.launch_features import told_by_refusal
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import Spend
from consent_audit.findings import evaluate
from consent_audit.model import Outcome, Result
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

CONFIG = load_config()
BOUND_2 = {**CONFIG.search, "permission_depth": 2}     # a search bound two levels below the core screen


@dataclass
class App:
    """Screens of (label → next screen); a next screen 'ask:<permission>' stays and asks for the permission."""

    screens: dict[str, list[tuple[str, str]]]
    at: str = "home"
    asked: dict[str, int] = field(default_factory=dict)     # since the (re)launch
    taps: list[str] = field(default_factory=list)

    def screen(self) -> Screen:
        elements = [Element(text=self.at.upper(), bounds=(0, 0, 100, 40))]
        elements += [Element(text=label, clickable=True, bounds=(0, 60 + 80 * i, 300, 60))
                     if going not in ("text", "field") else    # a text shown, a field to type into
                     Element(text=label if going == "text" else "", name=label, role="textbox" if going == "field" else "",
                             bounds=(0, 60 + 80 * i, 300, 60))
                     for i, (label, going) in enumerate(self.screens[self.at])]
        return Screen(elements=elements, signature=self.at, size=(1080, 2400), prompts=dict(self.asked))


class Op(StandInOperator):
    def __init__(self, app: App, spend: Spend) -> None:
        self.app, self.spend = app, spend
        self.recorder = type("R", (), {"steps": [], "last_screen": None})()
        self._screen = app.screen()

    in_foreground = True

    def tap(self, target: Target) -> Screen:
        self.spend.check()
        self.spend.charge()
        self.recorder.steps.append(target.label)
        self.app.taps.append(target.label)
        going = dict(self.app.screens[self.app.at])[target.label]
        if going.startswith("ask:"):
            permission = going[4:]
            self.app.asked[permission] = self.app.asked.get(permission, 0) + 1
        else:
            self.app.at = going
        self._screen = self.app.screen()
        return self._screen

    def relaunch(self) -> Screen:
        self.spend.check()
        self.spend.charge()
        self.recorder.steps.append("relaunch")
        self.app.taps.append("relaunch")
        self.app.at, self.app.asked = "home", {}
        self._screen = self.app.screen()
        return self._screen


TOURS = {
    "home": [("Trail conditions", "home"), ("Tours", "tours"), ("Profile", "profile")],
    "tours": [("Monte Baldo", "baldo"), ("Home", "home")],
    "baldo": [("Show the route", "baldo"), ("สแกนยอดเขา", "ask:camera"), ("‹ Tours", "tours")],
    "profile": [("Log out", "gone"), ("Buy the premium pass · €4.99", "gone"), ("Delete my account", "gone"),
                ("Home", "home")],
    "gone": [],
}


def search(screens: dict, actions: int = 60, **settings: int) -> tuple[beyond_core.Beyond, App]:
    app = App(screens)
    spend = Spend(Budget(actions, 60))
    found = beyond_core.search(Op(app, spend), {**CONFIG.search, **settings}, CONFIG.weights("deny-permissions"),  # type: ignore[arg-type]
                               spend, FormData(username="u", password="p"))
    return found, app


def test_a_permission_asked_two_screens_deep_is_found_by_the_request_its_use_makes() -> None:
    found, app = search(TOURS)
    feature = found.features["camera"]                 # words no lexicon has: told by the request it made
    assert [m.label for m in feature.route] == ["Tours", "Monte Baldo"] and feature.label == "สแกนยอดเขา"
    assert found.unsearched == []                       # everything reached was searched
    assert not {"Log out", "Buy the premium pass · €4.99", "Delete my account"} & set(app.taps)
    assert {"Log out", "Buy the premium pass · €4.99", "Delete my account"} <= set(found.avoided)


PRINTS = {      # corpus lumen-ja's kind: the camera three screens into an order flow, a cart paid on a payment form
    "home": [("Order now", "sizes"), ("Order history", "history"), ("Cart", "cart")],
    "sizes": [("Classic 10×15 · €0.29", "photos"), ("Square 10×10 · €0.35", "photos"), ("‹ Back", "home")],
    "photos": [("Scan a print", "ask:camera"), ("‹ Back", "sizes")],
    "history": [("No orders yet", "text"), ("Home", "home")],
    "cart": [("Total €4.99", "text"), ("Card number", "field"), ("Pay €4.99", "ask:notifications"),
             ("Place order", "ask:notifications"), ("Home", "home")],
}


def test_a_control_that_starts_a_purchase_flow_is_searched_and_only_the_one_that_pays_is_not() -> None:
    found, app = search(PRINTS)
    # an order button, an order history and a price list only start a purchase: the camera behind them is found
    assert [m.label for m in found.features["camera"].route] == ["Order now", "Classic 10×15 · €0.29"]
    assert {"Order now", "Order history"} <= set(app.taps)
    # a purchase-worded control on a payment form (a price shown, a card number to type) takes money: never tapped
    assert not {"Pay €4.99", "Place order"} & set(app.taps) and "notifications" not in found.features
    assert {"Pay €4.99", "Place order"} <= set(found.avoided)


def test_a_purchase_worded_control_that_says_a_price_pays_wherever_it_stands() -> None:
    found, app = search({**PRINTS, "history": [("Buy again €4.99", "ask:notifications"), ("Home", "home")]})
    assert "Buy again €4.99" not in app.taps and "Buy again €4.99" in found.avoided


def test_a_checkout_with_a_saved_card_and_an_unpriced_order_button_is_never_tapped() -> None:
    """Before: «Place order» on a checkout that asks nothing (the card is saved: «Visa •••• 4242», the total shown
    apart) was tapped by the permissions search — one tap places a real order (stop 33's notes). A screen showing a
    price and a saved way to pay is a payment form; a product page with a price and an order button is not."""
    saved = {**PRINTS, "cart": [("Total €4.99", "text"), ("Visa •••• 4242", "text"),
                                ("Place order", "ask:notifications"), ("Home", "home")]}
    found, app = search(saved)
    assert "Place order" not in app.taps and "Place order" in found.avoided
    assert [m.label for m in found.features["camera"].route] == ["Order now", "Classic 10×15 · €0.29"]


class ScanOp(Op):
    """PRINTS where scanning adds a photo (corpus lumen-noorder): the photos screen shows it and offers the cart, and
    from then on a size leads to that screen — the taps that led to the scan no longer lead to the screen it was on."""

    def tap(self, target: Target) -> Screen:
        if target.label != "Scan a print":
            return super().tap(target)
        super().tap(target)
        self.app.screens = {**self.app.screens, "sizes": [(label, "photos+1" if going == "photos" else going)
                                                          for label, going in self.app.screens["sizes"]]}
        self.app.at = "photos+1"
        self._screen = self.app.screen()
        return self._screen


def test_a_request_is_kept_with_its_way_when_the_app_state_it_changed_makes_that_way_lead_elsewhere() -> None:
    screens = {**PRINTS,
               "photos": [("Choose from gallery", "photos"), ("Scan a print", "ask:camera"), ("‹ Back", "sizes")],
               "photos+1": [("1 selected", "text"), ("Add to cart", "cart"), ("‹ Back", "sizes")]}
    app = App(screens)
    spend = Spend(Budget(80, 60))
    found = beyond_core.search(ScanOp(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    assert "Scan a print" in app.taps
    # the way as it was when the camera was asked: a fresh launch walks it to the scan again
    assert [m.label for m in found.features["camera"].route] == ["Order now", "Classic 10×15 · €0.29"]


def test_a_control_used_on_the_screen_its_taps_lead_to_since_the_state_changed_is_not_said_unsearched() -> None:
    # corpus lumen-ja: «アルバムから選ぶ» on the photos screen before the scan, «could not be reached again», though the
    # same control was used on that screen with the scanned photo, which the same taps show now
    screens = {**PRINTS,
               "photos": [("Choose from gallery", "photos"), ("Scan a print", "ask:camera"), ("‹ Back", "sizes")],
               "photos+1": [("1 selected", "text"), ("Choose from gallery", "photos+1"), ("‹ Back", "sizes")]}
    app = App(screens)
    spend = Spend(Budget(80, 60))
    found = beyond_core.search(ScanOp(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    assert "camera" in found.features
    assert not [u for u in found.unsearched if "Choose from gallery" in u], found.unsearched


def test_a_screen_past_the_bound_whose_only_control_goes_back_home_owes_no_search() -> None:
    # corpus lumen-ja: the cart, 3 taps deep, offers only «ホームに戻る» (back to home): a way back, no feature
    deeper = {**TOURS, "baldo": [("Book", "booked"), ("‹ Tours", "tours")],
              "booked": [("Booked.", "text"), ("ホームに戻る", "home")]}
    found, _ = search(deeper)
    assert found.unsearched == [], found.unsearched


def test_a_request_whose_control_no_way_leads_back_to_is_requested_and_said_never_dropped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beyond_core.ScreenGraph, "shortest", lambda self, source, target: None)
    found, _ = search(TOURS)
    assert found.features == {} and "camera" in found.unwalkable
    assert any(u.startswith("camera was asked on using 'สแกนยอดเขา'") for u in found.unsearched), found.unsearched


PHOTOS = {**TOURS, "baldo": [("Photos", "photos"), ("‹ Tours", "tours")],
          "photos": [("Add one", "add"), ("‹ Back", "baldo")], "add": [("สแกน", "ask:camera")]}


def test_a_screen_deeper_than_the_bound_is_said_not_searched() -> None:
    found, _ = search(PHOTOS, permission_depth=2)
    assert found.features == {}
    assert any("3 taps deep" in u and "Photos" in u for u in found.unsearched), found.unsearched
    assert any("(deeper than --permission-depth 2)" in u for u in found.unsearched), found.unsearched


def test_the_levels_past_the_first_are_searched_one_at_a_time_while_the_budget_lasts() -> None:
    """Iterative deepening (corpus lauks: a market › a stall › its scan button, three taps below the core screen):
    the first two levels are searched whole — every unscored control there used before any one deeper — then
    the search goes one level deeper, and the feature four taps down is found, nothing said left."""
    found, app = search(PHOTOS, permission_depth=4, permission_levels_first=2)
    assert [m.label for m in found.features["camera"].route] == ["Tours", "Monte Baldo", "Photos", "Add one"]
    assert found.unsearched == [] and found.levels == 4
    shallow = {"Trail conditions", "Tours", "Profile", "Monte Baldo", "Home"}      # levels 0..2's unscored controls
    assert shallow <= set(app.taps[:app.taps.index("Add one")]), app.taps
    bound, _ = search(PHOTOS, permission_depth=3, permission_levels_first=2)      # never past permission_depth
    assert "camera" not in bound.features and bound.levels == 3


def test_the_consent_dialog_opened_again_from_settings_owes_the_coverage_nothing() -> None:
    """The consent dialog re-opened from the app's settings and its second layer (partners) are the consent
    management platform's, measured by the consent goal: a partner list one tap deeper than the bound is not
    "not searched" (before: the permissions verdict was not_found on an app whose every feature was covered);
    a screen as deep that is the app's own still is."""
    cmp = {**TOURS, "profile": [("Privacy preferences", "dialog"), ("Photos", "photos"), ("Home", "home")],
           "dialog": [("We use cookies and personal data", "dialog"), ("Accept all", "profile"),
                      ("Manage options", "partners")],
           "partners": [("Partner one", "partners"), ("Partner two", "partners")],
           "photos": [("Albums", "albums"), ("Home", "home")], "albums": [("Shared", "albums")]}
    found, _ = search(cmp, permission_depth=2)
    assert not any("Privacy preferences" in u for u in found.unsearched), found.unsearched
    assert any("Photos" in u for u in found.unsearched), found.unsearched


class Revoking(Op):
    """A cookie banner whose answer the app keeps, and a «Cookies» tab (cookieconsent's revoke button) that
    clears the stored choice and shows the banner again: every relaunch after it shows the banner until it is
    answered again. `answer_over` answers a layer over the app as the explorer's launch does: the banner
    accepted (explorer/late_layers.py `_answer_cover`)."""

    def __init__(self, app: App, spend: Spend) -> None:
        super().__init__(app, spend)
        self.chosen = True       # answered at launch (the start the search is given)
        self.answered: list[str] = []

    def tap(self, target: Target) -> Screen:
        if target.label == "Cookies":
            self.chosen = False
        elif target.label == "Accept all":
            self.chosen = True
        return super().tap(target)

    def relaunch(self) -> Screen:
        screen = super().relaunch()
        if not self.chosen:
            self.app.at = "banner"
            self._screen = screen = self.app.screen()
        return screen

    def answer_over(self, screen: Screen) -> bool:
        self.answered.append(self.app.at)
        self.tap(next(t for t in self.targets(screen) if t.label == "Accept all"))
        return True


def test_a_relaunch_showing_the_consent_dialog_a_revoke_cleared_answers_it_as_at_launch_and_goes_on() -> None:
    """corpus osano-pt (cookieconsent's revoke tab «Cookies»): the tab re-opens the banner and clears the stored
    choice, so the relaunch that leaves the re-opened banner shows it again — over the launch screen, not the
    home. It is answered as at launch (accepted) and the search goes on to what it had left: the camera two
    taps deep is found, nothing is said unreached, the tab stays a dead end (tapped once) and none of the banner's
    own controls is tried by the search. Before: relaunching led to the banner from then on, every other
    control of the home was "its screen could not be reached again", not_found on a clean app."""
    screens = {**TOURS, "home": [("Cookies", "banner"), *TOURS["home"]],
               "banner": [("We use cookies to measure the audience", "banner"), ("Accept all", "home"),
                          ("Manage options", "banner")]}
    app = App(screens)
    spend = Spend(Budget(60, 60))
    op = Revoking(app, spend)
    found = beyond_core.search(op, CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    assert "camera" in found.features, (found.unsearched, app.taps)
    assert not any("reached again" in u for u in found.unsearched), found.unsearched
    assert app.taps.count("Cookies") == 1 and "Manage options" not in app.taps
    assert op.answered and set(op.answered) == {"banner"}


def test_a_budget_spent_is_said_not_searched() -> None:
    found, _ = search(TOURS, actions=3)
    assert found.features == {}
    assert any(u.startswith("the search's budget ran out") for u in found.unsearched), found.unsearched


@pytest.mark.parametrize("outcomes,want", [({"all": "usable"}, Outcome.NOT_FOUND),
                                           ({"camera": "blocked", "all": "blocked"}, Outcome.FOUND)])
def test_an_audit_on_a_search_that_did_not_cover_the_app_is_never_clean(
        tmp_path: Path, outcomes: dict, want: Outcome) -> None:
    audit = Audit(Result(target="t", flow="permissions", folder="tests/x"), tmp_path, tmp_path)
    audit.metrics.update({"outcomes": outcomes, "prompts_per_launch": {"permission": [0, 0, 0], "consent": [0, 0, 0]},
                          "requested_at_launch": [], "sent_while_denied": None})
    audit.leave_out(["sent_while_denied"], "traffic capture off")
    assert evaluate("permissions", audit.metrics, out_of_scope=audit.out_of_scope).unmeasured == {}
    audit.partial("deny-permissions: the search did not cover the app; not searched: a screen 3 taps deep")
    with pytest.raises(BaseException):               # not found skips the test; found raises DarkPatternFound
        audit.conclude(audit.evaluate())
    assert audit.result.outcome == want
    if want == Outcome.NOT_FOUND:
        assert "3 taps deep" in audit.result.reason


# --- a permission asked at launch whose feature no word names (corpus reactcc-dark) ---

class Shop(Op):
    """Location asked at launch (remembered: using the card asks nothing); the card's status says whether it works."""

    def __init__(self, spend: Spend) -> None:
        super().__init__(App({"home": [("पास की दुकान से डिलीवरी", "home"), ("Tours", "home")]}), spend)
        self.refused: str | None = None
        self.status = ""

    def _render(self) -> Screen:
        screen = self.app.screen()
        screen.elements.append(Element(text=self.status, bounds=(0, 900, 300, 40)))
        return screen

    def tap(self, target: Target) -> Screen:
        super().tap(target)
        if target.label.startswith("पास"):
            self.status = "स्थान की अनुमति नहीं मिली" if self.refused == "geolocation" else "20 मिनट में डिलीवरी"
        self._screen = self._render()
        return self._screen

    def start(self, refused: str) -> None:
        self.refused, self.status = refused, ""
        self._screen = self._render()


def test_a_permission_asked_at_launch_gets_the_feature_whose_use_changes_when_it_alone_is_refused() -> None:
    spend = Spend(Budget(60, 60))
    op = Shop(spend)
    before = op.screen()
    card = next(t for t in op.targets() if t.label.startswith("पास"))
    granted = (Move.tap(card), before, op.tap(card))
    feature = told_by_refusal(op, op.start, "geolocation", [granted])      # type: ignore[arg-type]
    assert feature is not None and feature.label == "पास की दुकान से डिलीवरी"
    assert told_by_refusal(op, op.start, "notifications", [granted]) is None   # nothing depends on it: usable


# --- a log-in gate at launch (fresh1 vstup): the start screen leads only to credential forms ---

class Gated(App):
    """Screens whose name starts with 'form' hold an e-mail field and a password field (a credentials form)."""

    def screen(self) -> Screen:
        screen = super().screen()
        if self.at.startswith("form"):
            screen.elements += [Element(name="E-mail", role="textbox", clickable=True, bounds=(0, 700, 300, 50)),
                                Element(name="Heslo", role="textbox", clickable=True, secret_field=True,
                                        bounds=(0, 780, 300, 50))]
        return screen


GATE = {"home": [("Přihlásit se", "form_in"), ("Vytvořit účet", "form_up")],
        "form_in": [("Zpět", "home")], "form_up": [("Zpět", "home")]}


def _gated(screens: dict) -> beyond_core.Beyond:
    app = Gated(screens)
    spend = Spend(Budget(60, 60))
    return beyond_core.search(Op(app, spend), BOUND_2, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                              FormData(username="u", password="p"))


def test_a_start_screen_whose_every_control_leads_to_a_credentials_form_is_a_log_in_gate() -> None:
    found = _gated(GATE)                      # words no lexicon has: told by where the controls lead
    assert sorted(found.gate) == ["Přihlásit se", "Vytvořit účet"]
    assert found.features == {}


def test_a_start_screen_with_a_way_into_the_app_beside_its_log_in_is_no_gate() -> None:
    found = _gated({**GATE, "home": [*GATE["home"], ("Procházet", "browse")], "browse": [("Zpět", "home")]})
    assert found.gate == []
    assert _gated(TOURS).gate == []


def test_a_log_in_gate_makes_the_permissions_search_not_cover_the_app(tmp_path: Path) -> None:
    """Before: the gate's screens were the whole search, nothing was asked, and the verdict was clean."""
    from consent_audit.explorer.gate import gate_not_passed
    reason = gate_not_passed(_gated(GATE).gate, tried=True)
    assert "log-in" in reason and "Přihlásit se" in reason and "signing up" in reason
    audit = Audit(Result(target="t", flow="permissions", folder="tests/x"), tmp_path, tmp_path)
    audit.metrics.update({"outcomes": {"all": "usable"}, "requested_at_launch": [], "sent_while_denied": None,
                          "prompts_per_launch": {"permission": [0, 0, 0], "consent": [0, 0, 0]}})
    audit.leave_out(["sent_while_denied"], "traffic capture off")
    audit.partial("deny-permissions: the search did not cover the app; not searched: " + reason)
    with pytest.raises(BaseException):
        audit.conclude(audit.evaluate())
    assert audit.result.outcome == Outcome.NOT_FOUND and "log-in" in audit.result.reason

TABS = [("Home", "home"), ("Offers", "offers"), ("Map", "map"), ("Me", "me")]
TABBED = {                       # a tab bar on every screen (corpus conto, veld): each screen has one own control
    "home": [("Today's news", "news"), *TABS],
    "offers": [("Filter", "offers"), *TABS],
    "map": [("ATM near me", "ask:geolocation"), *TABS],
    "me": [("Sign in", "signin"), *TABS],
    "news": [("Share", "news"), *TABS],
    "signin": [("Continue", "signin"), *TABS],
}


def test_a_tab_bar_on_every_screen_is_used_once_not_once_per_screen() -> None:
    """Each tab leads where it led from the first screen it was used on: it is not used again from every
    screen that offers it — from those mapped before it was used neither (before: conto 30 actions, veld 37,
    a tap and a way back per tab per screen, and the tabs left untried made the audit not_found)."""
    found, app = search(TABBED)
    assert [m.label for m in found.features["geolocation"].route] == ["Map"]
    assert found.unsearched == []
    own = ["Today's news", "Filter", "ATM near me", "Sign in", "Share", "Continue"]
    assert all(app.taps.count(label) == 1 for label in own), app.taps
    # every own control once, each tab once to learn where it leads, and the ways back to each screen
    assert len(app.taps) <= 14, app.taps
    # the coverage a careful auditor needs (the corpus score's optimum adds it): each own control and each tab once
    assert len(found.words) == len(own) + len(TABS), sorted(found.words)



LINKS = {"‹ Back", "கடவுச்சொல் மறந்ததா?"}


class FormFirst(App):
    """Screens whose name starts with 'form' show an e-mail and a password field above their controls; the
    controls are buttons, those of LINKS links."""

    def screen(self) -> Screen:
        screen = super().screen()
        if not self.at.startswith("form"):
            return screen
        head, controls = screen.elements[0], screen.elements[1:]
        fields = [Element(name="மின்னஞ்சல்", role="textbox", clickable=True, bounds=(0, 60, 300, 50)),
                  Element(name="கடவுச்சொல்", role="textbox", clickable=True, secret_field=True, bounds=(0, 120, 300, 50))]
        controls = [replace(e, bounds=(0, 200 + 80 * i, 300, 60), role="link" if e.text in LINKS else "button")
                    for i, e in enumerate(controls)]
        screen.elements = [head, *fields, *controls]
        return screen


ACCOUNT_FORM = {**TOURS, "profile": [("கணக்கு", "account"), ("Home", "home")],
                "account": [("பதிவு செய்", "form_up"), ("‹ Profile", "profile")],
                "form_up": [("கணக்கை உருவாக்கு", "form_up"), ("‹ Back", "account")]}


def _deep_form(screens: dict) -> beyond_core.Beyond:
    app = FormFirst(screens)
    spend = Spend(Budget(60, 60))
    return beyond_core.search(Op(app, spend), BOUND_2, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                              FormData(username="u", password="p"))


def test_a_credentials_forms_submit_deeper_than_the_bound_is_no_uncovered_feature() -> None:
    """corpus kadai: the sign-up form 3 taps deep (settings › account › sign up), its submit untried — before,
    "not searched: a screen 3 taps deep … 1 control(s)" made a right measurement not_found. This search types
    nothing: the submit sends an empty form, nothing lies behind it. A link nearest under the fields (a way
    on: "forgot password?") is owed, and then the button under it is not told for the submit either."""
    found = _deep_form(ACCOUNT_FORM)
    assert found.features["camera"].label == "สแกนยอดเขา"
    assert found.unsearched == [], found.unsearched
    linked = {**ACCOUNT_FORM, "form_up": [("கடவுச்சொல் மறந்ததா?", "reset"), *ACCOUNT_FORM["form_up"]],
              "reset": [("‹ Back", "form_up")]}
    found = _deep_form(linked)
    assert any("3 taps deep" in u and "2 control(s)" in u for u in found.unsearched), found.unsearched



class Once(Op):
    """«Tours» opens its screen the first time only, then stays home (a screen the search cannot reach again)."""

    def tap(self, target: Target) -> Screen:
        if target.label == "Tours" and "Tours" in self.app.taps:
            self.app.screens = {**self.app.screens, "home": [(lbl, "home" if lbl == "Tours" else to)
                                                             for lbl, to in self.app.screens["home"]]}
        return super().tap(target)


def test_a_control_left_on_a_screen_not_reached_again_names_that_screen_not_its_own() -> None:
    """fresh8: "'سفر' (its screen could not be reached again)" for a tab on screen the whole time — what was not
    reached again is the screen holding the control, so the message says which (its way there)."""
    app = App({**TOURS, "tours": [("Monte Baldo", "baldo"), ("Rifugi", "rifugi"), ("Home", "home")],
               "baldo": [("Show the route", "baldo"), ("Home", "home")], "rifugi": [("Home", "home")]})
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Once(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"))
    again = [u for u in found.unsearched if "reached again" in u]
    assert again and all(" on the screen via Tours (that screen could not be reached again" in u for u in again), \
        (found.unsearched, app.taps)


LISTINGS = {"home": [("View", "listing")] * 5 + [("Profile", "profile")],
            "listing": [("Make an offer", "ask:camera"), ("‹ Back", "home")],
            "profile": [("Home", "home")]}


def test_the_same_control_on_every_card_of_a_list_is_used_on_one_card() -> None:
    """«View» on each of five listings leads to the same kind of screen: one card tells what they all do, the
    others are done, not left uncovered (before: corpus feira's permissions tapped «Ver» and «⋯» on each of its
    five listings, a way back each: 30 actions for an optimum of 11)."""
    found, app = search(LISTINGS)
    assert app.taps.count("View") == 1, app.taps
    assert [m.label for m in found.features["camera"].route] == ["View"]
    assert found.unsearched == []
    assert "Profile" in app.taps


def test_two_controls_alike_are_each_used() -> None:
    """Two «Edit» buttons (a name, an address) are no list of cards: each is used."""
    two = {"home": [("Edit", "name"), ("Edit", "name"), ("Profile", "profile")],
           "name": [("Save", "name"), ("‹ Back", "home")], "profile": [("Home", "home")]}
    _, app = search(two)
    assert app.taps.count("Edit") == 2, app.taps


class Forgetful(Op):
    """As the explorer's operator is: what covers a screen is measured while it is shown and kept for a while
    (covers.COVERS_KEPT); an older screen's raises StaleScreen — here every screen but the one shown."""

    def targets(self, screen: Screen | None = None) -> list[Target]:
        from consent_audit.explorer.covers import StaleScreen
        if screen is not None and screen is not self._screen:
            raise StaleScreen("what covers a screen no longer shown was not measured while it was shown")
        return super().targets(screen)


def test_a_screen_whose_cover_is_no_longer_known_is_no_consent_layer_and_breaks_nothing() -> None:
    """corpus vayu (merged tree, stop 32): the coverage asked whether each screen the search saw was the consent
    dialog — an early screen's cover, no longer kept, raised StaleScreen and the permissions goal ended broken
    ("the audit could not start"). Such a screen is not told a consent layer (the coverage then owes it its
    search: never a clean verdict resting on a guess)."""
    cmp = {**TOURS, "profile": [("Privacy preferences", "dialog"), ("Photos", "photos"), ("Home", "home")],
           "dialog": [("We use cookies and personal data", "dialog"), ("Accept all", "profile"),
                      ("Manage options", "partners")],
           "partners": [("Partner one", "partners"), ("Partner two", "partners")],
           "photos": [("Albums", "albums"), ("Home", "home")], "albums": [("Shared", "albums")]}
    app = App(cmp)
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Forgetful(app, spend), BOUND_2, CONFIG.weights("deny-permissions"),  # type: ignore[arg-type]
                               spend, FormData(username="u", password="p"))
    assert found.screens > 1 and any("Photos" in u for u in found.unsearched), found.unsearched


def test_the_searched_sentence_never_says_nothing_was_left_when_controls_were_avoided() -> None:
    """Before: a clean permissions detail read «never tapped (leave, log out, delete, pay, save): Pay €4.99;
    nothing reached was left unsearched» — a contradiction to a new user (fresh13, stop 33): what lies behind an
    avoided control is not searched, and the sentence says so."""
    from types import SimpleNamespace

    from consent_audit.explorer.beyond_core import Beyond
    from consent_audit.explorer.permissions_exploring import PermissionExplorations

    me = SimpleNamespace(launch_moves=[], soft_asks=SimpleNamespace(tried=[], alternatives={}), gate_moves=[],
                         gate_mode=None, consent_walled=False, config=SimpleNamespace(search={"permission_depth": 2}))
    avoided = PermissionExplorations._searched(me, 1, Beyond(features={}, screens=4, taps=5, avoided=["Pay €4.99"]))
    assert "nothing reached was left unsearched" not in avoided
    assert "Pay €4.99" in avoided and "not searched" in avoided and avoided.endswith("everything else reached was searched")
    whole = PermissionExplorations._searched(me, 1, Beyond(features={}, screens=4, taps=5))
    assert whole.endswith("nothing reached was left unsearched")


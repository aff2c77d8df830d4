"""After a deletion, whether the account is still in when no log-in can be tried (explorer/app.py
`session_evidence`): only what the screen shows counts. Found on the corpus app tawsil (issue 13): its home
looks the same logged in or out, and matching the home's structure was read as "still logged in", a false
deletion_not_effective."""
from __future__ import annotations

from consent_audit.explorer.account_journeys import session_evidence
from consent_audit.screen import Element, Screen


def _screen(signature: str, *texts: str) -> Screen:
    return Screen(elements=[Element(text=t, bounds=(0, 40 * i, 400, 40)) for i, t in enumerate(texts)],
                  signature=signature)


def test_the_accounts_name_on_screen_says_it_is_still_in() -> None:
    assert session_evidence(_screen("home", "Hello tester@example.test"), "tester@example.test", "home", "home") == "accepted"


def test_a_structure_shared_with_the_start_screen_says_nothing() -> None:
    assert session_evidence(_screen("home", "Orders", "Account"), "tester@example.test", "home", "home") is None


def test_a_structure_only_the_logged_in_app_shows_says_it_is_still_in() -> None:
    assert session_evidence(_screen("inbox", "Inbox"), "tester@example.test", "inbox", "home") == "accepted"


def test_the_absence_of_a_sign_is_never_read_as_logged_out() -> None:
    assert session_evidence(_screen("home", "Orders"), "tester@example.test", "inbox", "home") is None
    assert session_evidence(_screen("home", "Orders"), "tester@example.test", None, None) is None


def test_a_form_reached_through_a_sign_up_control_is_a_sign_up_whatever_its_submit_says() -> None:
    """tawsil (issue 13): "إنشاء حساب" (create account) led to a form sent by a bare "تسجيل"; the form was taken
    for the log-in, so the "log in again" after deletion re-walked the sign-up, made a new account and read it as
    the deleted one still let in (a false deletion_not_effective)."""
    from consent_audit.explorer.account import AccountGoal
    from consent_audit.explorer.config import load_config
    from consent_audit.explorer.elements import Target, Use
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.graph import Node
    from consent_audit.explorer.moves import Move

    submit = Target(Element(text="تسجيل", role="button", bounds=(0, 300, 400, 48), clickable=True),
                    "button|تسجيل|0", "تسجيل", Use.TAP)
    after = Screen(elements=[Element(text="الرئيسية", bounds=(0, 0, 400, 40))], signature="home")
    for came_by, mode in (("إنشاء حساب", "sign_up"), ("Create account", "sign_up"), ("Log in", "log_in"),
                          ("登录/注册", "log_in")):
        goal = AccountGoal(load_config(), FormData(username="u@example.test"))
        form = Node(ident="f", screen=Screen(elements=[], signature="f"), depth=2, via=("الحساب", came_by))
        verdict = goal.judge(form, Move.form(submit, "account"), after, [], same=False)
        assert verdict is not None and verdict.kind == "reached" and goal.mode == mode, came_by
        assert (goal.login_move is None) == (mode == "sign_up"), came_by


def test_a_retention_offers_months_are_no_waiting_period() -> None:
    """pochta (issue 13): "Получить 3 месяца бесплатно" (get 3 months free) on the retention screen read as a
    90-day waiting period ended the deletion there (pending), and the account still in made a false
    deletion_not_effective. A period counts only in a sentence about the account, its deletion or a request."""
    from consent_audit.measures import completion, waiting_period

    offer = _screen("offer", "Подождите!", "Получить 3 месяца бесплатно", "Продолжить удаление")
    assert completion(offer) is None and waiting_period(offer) is None
    for text, days in (("Ваш аккаунт будет удалён через 30 дней", 30), ("账号将在7天后注销", 7),
                       ("Your account will be deleted in 14 days.", 14), ("계정은 14일 후 삭제됩니다", 14),
                       # a word with a prefix letter written onto it (Hebrew ה "the": החשבון; ktiv read no period)
                       ("החשבון שלך יימחק בעוד 30 יום.", 30)):
        final = _screen("end", text)
        assert completion(final) == "pending" and waiting_period(final) == days, text


# --- corpus veld (stop 27 diagA 3a): a server-rendered app whose homes logged in ("Overzicht") and logged out
# ("Welkom bij Veld") share one structural signature; the deletion ended off the app (call us), so the account is
# untouched and still logged in — but the log-in path's first control «Inloggen» is absent after the relaunch, the
# username is not on the home and the signatures are equal: login_after_deletion None (truth 'accepted').

from types import SimpleNamespace  # noqa: E402

from consent_audit.explorer.account_journeys import AccountJourneys  # noqa: E402
from consent_audit.explorer.elements import targets  # noqa: E402
from consent_audit.explorer.graph import Node  # noqa: E402
from consent_audit.explorer.moves import Move  # noqa: E402
from consent_audit.explorer.session import Session  # noqa: E402

TEMPLATE = "83d347602a031c41"      # both homes: one server-rendered template


def _home(title: str, *links: str) -> Screen:
    return Screen(elements=[Element(text=title, bounds=(0, 0, 400, 40))]
                  + [Element(text=t, role="link", clickable=True, bounds=(0, 60 + 50 * i, 400, 40))
                     for i, t in enumerate(links + ("Overzicht", "Pinautomaat", "Profiel"))], signature=TEMPLATE)


WELKOM = _home("Welkom bij Veld", "Inloggen", "Rekening openen")
OVERZICHT = _home("Overzicht", "Betalen", "Sparen", "Afschriften")


class _Op:
    def __init__(self, home: Screen, stored: dict) -> None:
        self.home, self.stored = home, stored
        self.session = Session(keys=frozenset({"cookie:veld_sessie"}))
        self.platform = SimpleNamespace(stored_state=lambda: {"cookies": dict(self.stored)})

    recorder = SimpleNamespace(invalidate=lambda: None)
    in_foreground = True

    def relaunch(self) -> Screen:
        return self.home

    def screen(self) -> Screen:
        return self.home

    def targets(self, screen: Screen | None = None):
        return targets(screen or self.home, frozenset())

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)


def _journeys(home: Screen, stored: dict) -> AccountJourneys:
    journeys = AccountJourneys()
    inloggen = next(t for t in targets(WELKOM, frozenset()) if t.label == "Inloggen")
    journeys.op, journeys.data = _Op(home, stored), SimpleNamespace(username="tester+1@veld.test")
    journeys.account_mode, journeys.login_moves = "sign_up", [Move.tap(inloggen), Move.tap(inloggen)]
    journeys.logged_in_signature = journeys.logged_out_signature = TEMPLATE
    labels = frozenset({"inloggen", "rekening openen", "overzicht", "pinautomaat", "profiel"})
    journeys.logged_out_node = Node(ident=TEMPLATE, screen=WELKOM, depth=0, labels=labels,
                                    titles=frozenset({"welkom bij veld"}))
    return journeys


def test_a_session_kept_on_a_home_that_is_not_the_start_screen_says_still_in() -> None:
    """Before: None (unmeasured). The session cookie the sign-up stored is still there and the relaunch shows a
    screen that is not the start screen without an account (graph identity: other controls, other heading)."""
    assert _journeys(OVERZICHT, {"veld_sessie": "9f2c1e0a7b6d5c4e3f2a1b0c"}).log_in() == "accepted"


def test_a_session_gone_or_the_start_screen_shown_says_nothing() -> None:
    assert _journeys(OVERZICHT, {}).log_in() is None                                  # the session's records gone
    assert _journeys(OVERZICHT, {"veld_sessie": ""}).log_in() is None                 # cleared
    assert _journeys(WELKOM.__class__(elements=[e for e in WELKOM.elements if e.text != "Inloggen"],
                                      signature=TEMPLATE), {"veld_sessie": "9f2c1e0a7b6d5c4e"}).log_in() is None
    assert not Session(keys=frozenset()).kept({"cookies": {"veld_sessie": "x" * 20}})      # no session learnt
    assert not Session(keys=frozenset({"cookie:veld_sessie"})).kept(None)                  # storage not readable


# --- vayu-later-en (fresh11 finding 10): the search got past an update modal («अपडेट करें», stored) and the consent
# banner («सहमत हूँ», stored) as the first two steps of its account path, so the log-in path learnt starts with them.
# After the deletion the relaunch shows neither; the log-in again stopped at its first step (None), and the end's
# Hindi words («30 दिनों में हटा दिया जाएगा») told nothing either: a FALSE deletion_not_in_app.

def _buttons(signature: str, *labels: str, texts: tuple[str, ...] = ()) -> Screen:
    return Screen(elements=[Element(text=t, role="button", clickable=True, bounds=(0, 60 + 80 * i, 400, 60))
                            for i, t in enumerate(labels)]
                  + [Element(text=t, bounds=(0, 600 + 40 * i, 400, 40)) for i, t in enumerate(texts)],
                  signature=signature)


class _Walk:
    """A relaunch shows the home with no layer; each tap leads where `leads` says (by the control's label)."""

    recorder = SimpleNamespace(invalidate=lambda: None)
    in_foreground = True
    session = None
    held_probe = 0.0

    def __init__(self, home: Screen, leads: dict[str, Screen]) -> None:
        self.home, self.leads, self.now = home, leads, home
        self.platform = SimpleNamespace(stored_state=lambda: {})

    def relaunch(self) -> Screen:
        self.now = self.home
        return self.now

    def screen(self) -> Screen:
        return self.now

    def targets(self, screen: Screen | None = None):
        return targets(screen or self.now, frozenset())

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.now = self.leads[target.label]
        return self.now


def _vayu(home: Screen) -> AccountJourneys:
    layers = _buttons("layers", "Later", "अपडेट करें", "सहमत हूँ")
    settings = _buttons("settings", "खाता")
    form = _buttons("form", "लॉग इन")
    pending = _buttons("form", "लॉग इन", texts=("आपका खाता 30 दिन बाद हटा दिया जाएगा।",))
    keys = {t.label: t for t in targets(layers, frozenset()) + targets(_buttons("home", "सेटिंग्स"), frozenset())
            + targets(settings, frozenset()) + targets(form, frozenset())}
    journeys = AccountJourneys()
    journeys.op = _Walk(home, {"सेटिंग्स": settings, "खाता": form, "लॉग इन": pending})
    journeys.data = SimpleNamespace(username="tester-vayu2")
    journeys.account_mode = "sign_up"
    journeys.login_moves = [Move.tap(keys[k]) for k in ("अपडेट करें", "सहमत हूँ", "सेटिंग्स", "खाता", "लॉग इन")]
    journeys.logged_in_signature = journeys.logged_out_signature = None
    journeys.logged_out_node = None
    return journeys


def test_a_log_in_path_whose_leading_layer_answers_are_gone_is_walked_from_its_first_control_on_screen() -> None:
    """Before: None (the first step «अपडेट करें» not on the screen after the relaunch), the check never made."""
    journeys = _vayu(_buttons("home", "सेटिंग्स", "मेरा स्थान"))
    assert journeys.log_in() == "pending" and journeys.login_gap == ""


def test_a_log_in_path_that_cannot_be_walked_says_which_step_is_gone() -> None:
    """Nothing of the path on the screen: not told (None), with the step that is gone — the audit's reason."""
    journeys = _vayu(_buttons("home", "मेरा स्थान"))
    assert journeys.log_in() is None
    assert journeys.login_gap == 'step 1 of the log-in path (tap "अपडेट करें") is not on the screen'

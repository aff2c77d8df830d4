"""The deletion goal on apps whose words no lexicon has (a made-up language: none of these words is in
assets/lexicons), on small simulated apps (no browser): with no account found and no deletion found, the first
screens are combed by structure for a credentials form — the log-in refused, another credentials form is the
sign-up (corpus song, reactcc-fair, reactcc-dark: log-in words the search did not know, or knew too deep);
a deletion entry no word names is entered by structure (a logged-in user asked for the password again) and is
taken for the deletion only when logging in again afterwards is refused or pending — a control asking the
password for something else (its log-in still accepted) is not, and an app without a deletion stays not found."""
from __future__ import annotations

from consent_audit.explorer import cues, forms
from consent_audit.explorer.account import AccountGoal, collected_kinds
from consent_audit.explorer.deletion import DeletionGoal, confirms_by_structure
from consent_audit.explorer.elements import targets

from test_explorer_signup_refusal import CONFIG, DATA, FormApp, Row, search

WORDS = ["Plim", "Vrask", "Glorp zin", "Frindo", "Zanto mek", "Hulpa", "Mailo", "Kodo", "Frindo nu", "Zanto nu",
         "Opsy", "Lingo", "Zap mek", "Zap mek fora", "Sekro vis", "Sekro", "Zap feno", "Blenk", "Kodo mal", "Zook"]


def test_the_words_are_in_no_lexicon() -> None:
    assert not any(cues.categories(w) for w in WORDS)
    assert not any(cues.data_kinds(w) for w in WORDS)


def _log_in(app: FormApp) -> str:
    if (app.values.get("Mailo"), app.values.get("Kodo")) in app.accounts:
        app.user = app.values["Mailo"]
        return "vrask"
    app.message = "Kodo mal."
    return "frindo"


def _sign_up(app: FormApp) -> str:
    app.accounts.add((app.values.get("Mailo", ""), app.values.get("Kodo", "")))
    app.user = app.values.get("Mailo")
    return "vrask"


def _delete(app: FormApp) -> str:
    if app.values.get("Kodo") != DATA.password:
        app.message = "Kodo mal."
        return "zap"
    app.accounts = {a for a in app.accounts if a[0] != app.user}
    app.user = None
    return "!zapped"


def _vrask(app: FormApp) -> list[Row]:
    if app.user is None:
        return [("tap", "Frindo", lambda a: "frindo"), ("tap", "Zanto mek", lambda a: "zanto"), ("tap", "Hulpa", lambda a: "vrask")]
    return [("text", app.user), ("tap", "Opsy", lambda a: "opsy")]


def app_of(deletion: bool = True, logged_in: bool = False) -> FormApp:
    rows = [("tap", "Lingo", lambda a: "opsy"), ("tap", "Sekro vis", lambda a: "sekro")]
    pages = {
        "home": lambda app: [("text", "Glorp zin"), ("tap", "Plim", lambda a: "home"), ("tap", "Blenk", lambda a: "blenk")]
        + ([("tap", "Vrask", lambda a: "vrask")] if logged_in else []),
        # the account's tab is not on the start screen: one more tap away (song: Cá nhân first met from Thư viện)
        "blenk": lambda app: [("text", "Blenk"), ("tap", "Plim", lambda a: "home"), ("tap", "Vrask", lambda a: "vrask")],
        "vrask": _vrask,
        "frindo": lambda app: [("field", "Mailo", False), ("field", "Kodo", True), ("tap", "Frindo nu", _log_in)],
        "zanto": lambda app: [("field", "Mailo", False), ("field", "Kodo", True), ("tap", "Zanto nu", _sign_up)],
        "opsy": lambda app: rows + ([("tap", "Zap mek", lambda a: "zap")] if deletion else []),
        # the password asked to show a secret: asks it again, changes nothing about the account
        "sekro": lambda app: [("field", "Kodo", True), ("tap", "Sekro", lambda a: "!sekro")],
        "!sekro": lambda app: [("text", "Sekro: 4711")],
        "zap": lambda app: [("text", "Zap feno"), ("field", "Kodo", True), ("tap", "Zap mek fora", _delete)],
        "!zapped": lambda app: [("text", "Zap feno.")],
    }
    app = FormApp(pages)
    if logged_in:
        app.accounts.add((DATA.username, DATA.password))
        app.user = DATA.username
    return app


def log_in_again(app: FormApp) -> str:
    """What the explorer's verify_deletion does: relaunch, log in along the path learnt, say what it answered."""
    app.at, app.message, app.user = "frindo", "", None
    app.values = {"Mailo": DATA.username, "Kodo": DATA.password}
    app.at = _log_in(app)
    return "accepted" if app.user else "rejected"


def search_verified(app: FormApp) -> tuple:
    """The deletion search with a way to log in again (`log_in_again`): the result, the app, what each log-in
    answered."""
    checks: list[str] = []

    def verify() -> str:
        checks.append(log_in_again(app))
        return checks[-1]
    result, app = search(app, DeletionGoal(CONFIG, verify), actions=80)
    return result, app, checks


def test_combing_finds_a_log_in_no_word_names_two_taps_away_and_signs_up_beside_it() -> None:
    """Before: no log-in was looked for beyond the first tap and no unscored control was tried before a
    log-in was refused: no account, so the deletion was never searched as an account holder."""
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    goal.comb = True
    result, app = search(app_of(), goal, actions=80)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert app.user == DATA.username and (DATA.username, DATA.password) in app.accounts
    assert [str(m) for m in result.moves][-1] == 'fill the form and submit "Zanto nu"'
    assert goal.login_move is not None and goal.login_move.label == "Frindo nu"     # refused first: the log-in


def test_without_combing_an_app_that_names_no_log_in_is_not_searched_for_one() -> None:
    """Kind 9 stays: the comb runs only when neither an account nor the deletion was found."""
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(app_of(), goal)
    assert result.ending == "exhausted" and app.taps == []


def test_a_form_combed_out_and_accepting_at_once_is_taken_for_a_sign_up_never_the_log_in() -> None:
    """Accepting the given account at once, a form no word names may be a sign-up: taken for the log-in it
    would be re-walked after the deletion as one and accept — a wrong verdict; as a sign-up it stays unmeasured."""
    app = app_of()
    pages = dict(app.pages)
    pages["vrask"] = lambda a: (_vrask(a) if a.user else [("tap", "Zanto mek", lambda b: "zanto")])
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    goal.comb = True
    result, app = search(FormApp(pages), goal, actions=80)
    assert result.ending == "reached" and goal.mode == "sign_up" and goal.login_move is None


def test_a_deletion_no_word_names_is_entered_by_structure_and_told_by_the_log_in_refused() -> None:
    """Before: «Zap mek» (its words in no lexicon) led to a password form the deletion search never filled:
    not found. The password asked for something else («Sekro vis») is tried too and refuted by the log-in
    still accepted after it."""
    app = app_of(logged_in=True)
    result, app, checks = search_verified(app)
    assert result.ending == "reached", (result.detail, app.taps, checks)
    assert [str(m) for m in result.moves][-1] == 'fill the form and submit "Zap mek fora"'
    assert (DATA.username, DATA.password) not in app.accounts and checks[-1] == "rejected"
    assert "Sekro" not in [str(m) for m in result.moves]


def test_an_app_without_a_deletion_stays_not_found_whatever_asks_for_the_password() -> None:
    app = app_of(deletion=False, logged_in=True)
    result, app, checks = search_verified(app)
    assert result.ending != "reached", (result.detail, app.taps)
    assert "accepted" in checks and (DATA.username, DATA.password) in app.accounts


def test_without_a_way_to_log_in_again_no_deletion_is_taken_by_structure() -> None:
    """Nothing to verify it with: a form no word names is not entered (not found, never a guess)."""
    app = app_of(logged_in=True)
    result, app = search(app, DeletionGoal(CONFIG), actions=80)
    assert result.ending != "reached" and (DATA.username, DATA.password) in app.accounts


def test_what_asks_a_logged_in_user_to_confirm_by_structure() -> None:
    app = app_of(logged_in=True)
    for at, expected in (("zap", True), ("sekro", True), ("opsy", False), ("home", False)):
        app.at = at
        assert confirms_by_structure(targets(app.screen())) is expected, at
    app.pages["pw"] = lambda a: [("field", "Kodo", True), ("field", "Kodo nu", True), ("tap", "Sekro", lambda b: "pw")]
    app.at = "pw"
    assert not confirms_by_structure(targets(app.screen()))       # a new password being set


def test_a_tab_is_tried_from_the_start_screen_so_the_path_found_is_the_short_one() -> None:
    """song's kind: with a tab bar on every screen, the account tab was first tapped from the tab tried before it
    (Thư viện), and the path re-walked took that detour: one step too many in every figure."""
    def tabs(*rows: Row) -> list[Row]:
        return [("tap", "Plim", lambda a: "home"), ("tap", "Blenk", lambda a: "blenk"), ("tap", "Zook", lambda a: "zook"),
                ("tap", "Vrask", lambda a: "vrask"), *rows]
    app = app_of()
    worded = [("tap", "Log in", lambda a: "frindo"), ("tap", "Sign up", lambda a: "zanto")]   # known, but deep
    app.pages.update(home=lambda a: tabs(("text", "Glorp zin")), blenk=lambda a: tabs(("text", "Blenk")),
                     zook=lambda a: tabs(("text", "Zook")), vrask=lambda a: tabs(*(_vrask(a) if a.user else worded)))
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    goal.comb = True
    result, app = search(app, goal, actions=80)
    assert result.ending == "reached", (result.detail, app.taps)
    assert [str(m) for m in result.moves] == ['tap "Vrask"', 'tap "Sign up"', 'fill the form and submit "Zanto nu"']


def test_a_sign_up_form_in_unknown_words_collects_a_password_by_its_masked_field() -> None:
    """Before: the sign-up's «Kodo» (a masked field) collected nothing known, so the deletion asking the password
    again was data sign-up never collected: a wrong excessive_data_for_deletion (corpus reactcc-fair, -dark)."""
    app = app_of()
    app.at = "zanto"
    assert collected_kinds(app.screen(), DATA) == ["password"]
    app.pages["plain"] = lambda a: [("field", "Mailo", False), ("field", "Plim", False), ("tap", "Zanto nu", _sign_up)]
    app.at = "plain"
    assert collected_kinds(app.screen(), DATA) == []


def test_with_no_account_the_deletion_search_stops_where_the_app_shows_a_credentials_form() -> None:
    """Before: the logged-out app was searched through for an account holder's deletion (corpus song 15 actions,
    reactcc-fair 23, reactcc-dark 24 spent before the account was even looked for by structure)."""
    goal = DeletionGoal(CONFIG)
    goal.without_account = True
    result, app = search(app_of(), goal, actions=80)
    assert result.ending == "exhausted" and result.detail.startswith("the app has accounts"), (result.detail, app.taps)
    assert app.taps[-1] == "Frindo" and "Zanto mek" not in app.taps



def _three_searches(app: FormApp) -> tuple[list[str], list[str], object, AccountGoal]:
    """The account search by words, the deletion logged out on its map, the comb on the deletion's (as
    `_explore_deletion` makes them): the taps up to the deletion search's stop, the comb's, its result and goal."""
    from consent_audit.explorer.config import Budget
    from consent_audit.explorer.operator import Spend
    from consent_audit.explorer.search import GoalSearch

    from test_explorer_signup_refusal import Op

    spend = Spend(Budget(80, 60))
    op = Op(app, spend)
    data = forms.FormData(username=DATA.username, password=DATA.password)
    words = AccountGoal(CONFIG, data)
    first = GoalSearch(op, words, data, CONFIG.search, spend)     # type: ignore[arg-type]
    words.search = first
    account = first.run()
    assert account.ending == "exhausted" and app.taps == []
    logged_out = DeletionGoal(CONFIG)
    logged_out.without_account = True
    deletion = GoalSearch(op, logged_out, data, CONFIG.search, spend).run(account.graph)   # type: ignore[arg-type]
    assert logged_out.stopped and app.at == "frindo", (deletion.detail, app.taps)
    walked = list(app.taps)
    comb = AccountGoal(CONFIG, data)
    comb.comb = True
    search = GoalSearch(op, comb, data, CONFIG.search, spend)     # type: ignore[arg-type]
    comb.search = search
    found = search.run(deletion.graph)
    return walked, app.taps[len(walked):], found, comb


def test_the_comb_goes_on_from_the_log_in_the_deletion_search_stopped_at_on_its_map() -> None:
    """The sequence an app with no account word makes (explorer/exploring.py `_explore_deletion`): the account
    search finds nothing, the deletion search without an account walks until a credentials form shows and stops
    there, then the comb looks for the account by structure. Before: each search relaunched and walked again what
    the one before had walked (corpus rotfai, safar: «โปรไฟล์» › «เข้าสู่ระบบ» three times). Now each goes on from
    where the app is, on the map drawn so far: nothing walked twice, and the paths still start at the start."""
    walked, combed, found, comb = _three_searches(app_of())
    assert walked[-1] == "Frindo" and "relaunch" not in walked
    assert found.ending == "reached" and comb.mode == "sign_up", (found.detail, combed)
    # the log-in form the deletion search stopped at is filled first, where the app is: no relaunch, no tap
    assert combed[:2] == ["type Mailo", "type Kodo"], combed
    assert combed.count("Frindo") == 0 and combed.count("relaunch") <= 1, combed
    assert [str(m) for m in found.moves] == ['tap "Blenk"', 'tap "Vrask"', 'tap "Zanto mek"',
                                             'fill the form and submit "Zanto nu"']
    assert comb.login_move is not None and comb.login_move.label == "Frindo nu"


def test_a_tab_seen_to_lead_somewhere_by_the_search_before_leads_there_in_the_next() -> None:
    """The comb on the deletion search's map: a tab bar control («Blenk», also on the log-in form) that search saw
    lead to its screen is the way there from the refused log-in too — not a relaunch and the walk from the start
    (corpus grafis: «Προφίλ» from the refused log-in, a relaunch before)."""
    app = app_of()
    pages = dict(app.pages)

    def refused(a: FormApp) -> str:     # the refusal drawn as a screen of its own (grafis: another structure)
        return "nope" if _log_in(a) == "frindo" else "vrask"

    form = [("field", "Mailo", False), ("field", "Kodo", True), ("tap", "Frindo nu", refused),
            ("tap", "Blenk", lambda b: "blenk")]
    pages["frindo"] = lambda a: form
    pages["nope"] = lambda a: [("text", "Kodo mal!")] + form
    walked, combed, found, comb = _three_searches(FormApp(pages))
    assert found.ending == "reached" and comb.mode == "sign_up", (found.detail, combed)
    assert "relaunch" not in combed and combed.count("Blenk") == 1, combed


def test_a_question_at_the_end_of_a_flow_entered_by_structure_is_answered_before_the_log_in_verifies() -> None:
    """kadai (stop 30): the password asked again, then «உறுதியாக நீக்க வேண்டுமா?» with a big keep and a small
    delete. Before, that question was taken for the flow's end: logging in again found the account still in, the
    flow was refuted and walked again up to the question (7 actions). Now a screen that is one question and its
    answers goes on; the log-in verifies only after the answer that deleted."""
    app = app_of(logged_in=True)

    def ask(a: FormApp) -> str:
        if a.values.get("Kodo") != DATA.password:
            a.message = "Kodo mal."
            return "zap"
        return "zook"
    app.pages["zap"] = lambda a: [("text", "Zap feno"), ("field", "Kodo", True), ("tap", "Zap mek fora", ask)]
    app.pages["zook"] = lambda a: [("text", "Zook blim mek?"), ("tap", "Nu, plim", lambda b: "opsy"),
                                   ("tap", "Ja", _delete_asked)]
    result, app, checks = search_verified(app)
    assert result.ending == "reached", (result.detail, app.taps, checks)
    assert [m.label for m in result.moves][-2:] == ["Zap mek fora", "Ja"], result.moves
    assert checks[-1] == "rejected" and (DATA.username, DATA.password) not in app.accounts
    # never verified on the question itself: each log-in follows an answer, not «Zap mek fora»
    assert app.taps.count("Zap mek fora") == 1 + app.taps.count("Nu, plim"), (app.taps, checks)


def _delete_asked(app: FormApp) -> str:
    app.accounts = {a for a in app.accounts if a[0] != app.user}
    app.user = None
    return "!zapped"


def test_after_a_refused_log_in_no_word_names_the_control_drawn_like_its_opener_beside_it_is_tried_first() -> None:
    """kadai (stop 30): «உள்நுழை» (log in) opened the form that refused the account; «பதிவு செய்» (register), drawn
    like it just below, was tried only after every other row of the settings screen a tap before (7 actions):
    a control was paired with the log-in only when worded as one. The control that opened the refused log-in
    form is the log-in, whatever its words."""
    app = app_of()
    rows = [("tap", w, lambda a: "blenk") for w in ("Lingo", "Opsy", "Sekro")]
    app.pages["blenk"] = lambda a: [("text", "Blenk"), ("tap", "Plim", lambda b: "home"),
                                    ("tap", "Vrask", lambda b: "vrask"), *rows]
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    goal.comb = True
    result, app = search(app, goal, actions=80)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    refused = app.taps.index("Frindo nu")
    assert app.taps.index("Zanto mek", refused) < min(
        (app.taps.index(w, refused) for w in ("Lingo", "Opsy", "Sekro") if w in app.taps[refused:]),
        default=len(app.taps)), app.taps


def test_a_tab_that_opened_the_log_in_form_is_no_opener_its_neighbours_are_tabs() -> None:
    """The form on the tab's own screen (the tab bar shown with it): its neighbours are other tabs, no sign-up."""
    from consent_audit.explorer.graph import Node
    from consent_audit.explorer.moves import Move
    app = app_of()
    app.pages["frindo"] = lambda a: [("tap", "Plim", lambda b: "home"), ("tap", "Blenk", lambda b: "blenk"),
                                     ("field", "Mailo", False), ("field", "Kodo", True), ("tap", "Frindo nu", _log_in)]
    for opened_by, page, expected in (("Blenk", "frindo", ""), ("Frindo", "frindo", "Frindo")):
        app.at = page
        screen = app.screen()
        goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
        form = Node(ident=page, screen=screen, depth=2, via=("Vrask", opened_by))
        submit = next(t for t in targets(screen) if t.label == "Frindo nu")
        app.message = "Kodo mal."
        goal.judge(form, Move.form(submit, "account"), app.screen(), targets(app.screen()), same=True)
        app.message = ""
        assert goal.login_form is not None and goal.opener == expected, opened_by

"""The explorer's search on small simulated apps with forms (no browser): a sign-up worded as nothing any lexicon
knows is found by structure once the log-in is refused, and filled before it is submitted (corpus app veld:
«Rekening openen»); a way on inside the deletion flow answered in place by a message is a refusal, recorded in
`dead_ends` and retried with what the screen offers — one reason ticked (corpus app hanami: 退会する with no
reason → «理由を1つ以上選んでください。»)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from consent_audit.explorer import forms
from consent_audit.explorer.account import AccountGoal, signup_shape
from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.deletion import DeletionGoal, refusal
from consent_audit.explorer.elements import Target, Use, targets
from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

CONFIG = load_config()
DATA = forms.FormData(username="tester@veld.test", password="pw-secret-1", reason_text={"en": "no longer used"})

# a page: rows of ("text", words) | ("tap"|"tab", label, action, size[, "beside"]) | ("field", label, secret) | ("box", label);
# an action gets the app and answers the next page (the same page for a refusal, after setting `message`)
Row = tuple
Action = Callable[["FormApp"], str]


@dataclass
class FormApp:
    pages: dict[str, Callable[["FormApp"], list[Row]]]
    at: str = "home"
    values: dict[str, str] = field(default_factory=dict)
    boxes: dict[str, bool] = field(default_factory=dict)
    accounts: set[tuple[str, str]] = field(default_factory=set)
    user: str | None = None
    message: str = ""
    taps: list[str] = field(default_factory=list)
    actions: dict[str, Action] = field(default_factory=dict)

    def screen(self) -> Screen:
        elements, y, self.actions = [Element(text=self.at.upper(), bounds=(0, 0, 400, 40))], 60, {}
        for row in self.pages[self.at](self):
            if row[0] == "text":
                elements.append(Element(text=row[1], bounds=(10, y, 380, 30)))
            elif row[0] in ("tap", "tab"):     # a tab: a WAI-ARIA tab of a tab list (role=tab)
                w, h = row[3] if len(row) > 3 else (380, 44)
                x = 10
                if len(row) > 4 and row[4] == "beside":    # in one row with the control before it
                    y, x = elements[-1].bounds[1], elements[-1].bounds[0] + elements[-1].bounds[2] + 10
                elements.append(Element(text=row[1], role="button" if row[0] == "tap" else "tab", clickable=True,
                                        bounds=(x, y, w, h)))
                self.actions[row[1]] = row[2]
            elif row[0] == "field":
                elements.append(Element(name=row[1], role="textbox", clickable=True, bounds=(10, y, 380, 40),
                                        secret_field=row[2]))
            elif row[0] == "box":
                elements.append(Element(name=row[1], role="checkbox", clickable=True, bounds=(10, y, 30, 30),
                                        checked=self.boxes.get(row[1], False)))
            y += 60
        if self.message:
            elements.append(Element(text=self.message, bounds=(10, y, 380, 30)))
        return Screen(elements=elements, signature=self.at.split("~")[0], size=(400, 2000))


class Op(StandInOperator):
    """The operator's contract, on the simulated app: one charged action per tap, toggle and input."""

    log_taps = True

    def tap(self, target: Target, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        label = target.element.text or target.element.name
        if target.use == Use.TOGGLE:
            self.app.boxes[label] = not self.app.boxes.get(label, False)
        else:
            self.app.message = ""
            self.app.at = self.app.actions[label](self.app)
        return self._act(label)

    def relaunch(self) -> Screen:
        self.app.at, self.app.message, self.app.values = "home", "", {}
        return self._act("relaunch")


def search(app: FormApp, goal: object, actions: int = 60) -> tuple:
    spend = Spend(Budget(actions, 60))
    op = Op(app, spend)
    if isinstance(goal, AccountGoal):
        result = GoalSearch(op, goal, DATA, CONFIG.search, spend)    # type: ignore[arg-type]
        goal.search = result
        return result.run(), app
    return GoalSearch(op, goal, DATA, CONFIG.search, spend).run(), app   # type: ignore[arg-type]


# --- veld's kind: a sign-up no lexicon names ---

def _credentials(action: str, button: str, submit: Action) -> Callable[[FormApp], list[Row]]:
    return lambda app: [("field", "E-mailadres", False), ("field", "Wachtwoord", True), ("tap", button, submit)]


def _log_in(app: FormApp) -> str:
    if (app.values.get("E-mailadres"), app.values.get("Wachtwoord")) in app.accounts:
        app.user = app.values["E-mailadres"]
        return "home"
    app.message = "E-mailadres of wachtwoord klopt niet."
    return "inloggen"


def _open_account(app: FormApp) -> str:
    mail, secret = app.values.get("E-mailadres", ""), app.values.get("Wachtwoord", "")
    if not mail or len(secret) < 6:
        app.message = "Vul een e-mailadres en een wachtwoord van minstens 6 tekens in."
        return "openen"
    app.accounts.add((mail, secret))
    app.user = mail
    return "home"


def _home(app: FormApp) -> list[Row]:
    if app.user:
        return [("text", "Betaalrekening NL00 VELD 0123"), ("tap", "Overschrijven", lambda a: "home", (380, 60))]
    return [("text", "Bankieren zonder gedoe."), ("tap", "Geldautomaat zoeken", lambda a: "atm", (380, 60)),
            ("tap", "Inloggen", lambda a: "inloggen", (180, 44)), ("tap", "Rekening openen", lambda a: "openen", (180, 44))]


VELD = {"home": _home, "atm": lambda app: [("text", "Postcode"), ("tap", "Zoeken", lambda a: "atm")],
        "inloggen": _credentials("inloggen", "Inloggen", _log_in),
        "openen": _credentials("openen", "Rekening openen", _open_account)}


def test_a_sign_up_no_lexicon_names_is_found_by_structure_and_filled_before_it_is_sent() -> None:
    """Before: the account search never tried an unscored control (the sign-up «Rekening openen» unknown to every
    lexicon), so no account was made; the deletion search later submitted that form empty."""
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(FormApp(dict(VELD)), goal)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert [str(m) for m in result.moves] == ['tap "Rekening openen"', 'fill the form and submit "Rekening openen"']
    assert app.user == DATA.username and (DATA.username, DATA.password) in app.accounts
    assert "Geldautomaat zoeken" not in app.taps          # the control drawn like "Inloggen" beside it first
    assert goal.login_move is not None and goal.login_move.label == "Inloggen"
    assert any(d["kind"].startswith("form rejected") and d["label"] == "Inloggen" for d in result.dead_ends)


def test_the_control_drawn_like_the_refused_log_in_beside_it_goes_before_a_menu() -> None:
    """Once the log-in was refused, the unworded control drawn like the log-in entry beside it (a «Inloggen» /
    «Rekening openen» pair) is the sign-up's likeliest way: tried before a menu that only may hold one (corpus
    veld: before, the logged-out «Profiel», its «Privacyverklaring» and a relaunch came first, 3 actions)."""
    def profile(app: FormApp) -> list[Row]:
        return [("text", "Log in om je profiel te zien."), ("tap", "Inloggen", lambda a: "inloggen", (180, 44)),
                ("tap", "Privacyverklaring", lambda a: "privacy")]
    def home(app: FormApp) -> list[Row]:     # a row drawn like the pair too, but not next to «Inloggen»
        return [("text", "Bankieren zonder gedoe."), ("tap", "Inloggen", lambda a: "inloggen", (180, 44)),
                ("tap", "Rekening openen", lambda a: "openen", (180, 44)),
                ("tap", "Geldautomaat zoeken", lambda a: "atm", (180, 44)), ("tap", "Profiel", lambda a: "profiel", (120, 60))]
    pages = {**VELD, "home": home,
             "profiel": profile, "privacy": lambda app: [("text", "Veld bewaart je e-mailadres.")]}
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(FormApp(pages), goal)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert app.taps[:app.taps.index("Rekening openen") + 4] == [
        "Inloggen", "type E-mailadres", "type Wachtwoord", "Inloggen", "relaunch", "Rekening openen",
        "type E-mailadres", "type Wachtwoord", "Rekening openen"], app.taps


def test_a_new_account_sends_no_log_in_form_and_signs_up_beside_it() -> None:
    """`--new-account` (the account does not exist yet): the log-in form met first is held back unsent — it would
    only be refused — and stands for that refusal: its submit is the log-in path for later, and the sign-up
    beside the log-in control is found by structure as after a refusal (before: the form was typed into and sent,
    3 actions more, and refused)."""
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password, new_account=True))
    result, app = search(FormApp(dict(VELD)), goal)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert app.taps[:app.taps.index("Rekening openen")] == ["Inloggen", "relaunch"], app.taps
    assert "type" not in " ".join(app.taps[:app.taps.index("Rekening openen")])
    assert (DATA.username, DATA.password) in app.accounts
    assert goal.login_move is not None and goal.login_move.label == "Inloggen" and goal.refused_answer == ""
    assert not any(d["label"] == "Inloggen" for d in result.dead_ends)     # nothing was refused


def test_a_held_log_in_form_is_sent_after_all_when_nothing_else_leads_on() -> None:
    """One form that logs in and signs up alike («Inloggen» making the account for a new address): held back
    with a new account, then sent after all once the search found no sign-up (before this fallback: no account,
    the deletion not found)."""
    def unified(app: FormApp) -> str:
        app.accounts.add((app.values.get("E-mailadres", ""), app.values.get("Wachtwoord", "")))
        app.user = app.values.get("E-mailadres")
        return "home"
    pages = {"home": lambda app: [("text", "Welkom terug." if app.user else "Bankieren zonder gedoe."),
                                  *([] if app.user else [("tap", "Inloggen", lambda a: "inloggen", (180, 44))])],
             "inloggen": _credentials("inloggen", "Inloggen", unified)}
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password, new_account=True))
    result, app = search(FormApp(pages), goal)
    assert result.ending == "reached" and goal.mode == "log_in", (result.detail, app.taps)
    assert (DATA.username, DATA.password) in app.accounts
    assert app.taps[-3:] == ["type E-mailadres", "type Wachtwoord", "Inloggen"], app.taps


def test_a_new_account_refused_in_unread_words_logs_in_with_the_held_form() -> None:
    """The account exists after all (an earlier goal of the run signed up with it: corpus vstup's consent goal):
    the sign-up refused in words no lexicon reads as a name taken («Tento e-mail už má účet.») lets the held
    log-in go, and it logs in (before: the search ended there, no account, the consent behind the log-in not
    found)."""
    def open_account(app: FormApp) -> str:
        if any(mail == app.values.get("E-mailadres") for mail, _ in app.accounts):
            app.message = "Tento e-mail už má účet."
            return "openen"
        return _open_account(app)
    pages = {**VELD, "openen": _credentials("openen", "Rekening openen", open_account)}
    app = FormApp(pages, accounts={(DATA.username, DATA.password)})
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password, new_account=True))
    result, app = search(app, goal)
    assert result.ending == "reached" and goal.mode == "log_in", (result.detail, app.taps)
    assert app.user == DATA.username and len(app.accounts) == 1
    assert app.taps[-3:] == ["type E-mailadres", "type Wachtwoord", "Inloggen"], app.taps
    assert "Geldautomaat zoeken" not in app.taps     # at once, not after every other control was tried


def test_a_new_account_still_sends_a_credentials_form_no_word_calls_a_log_in() -> None:
    """An unworded form could as well be the sign-up (a bare e-mail and password): with a new account it is sent
    as before, and what it answers tells which it is (refused: the log-in; accepted: the account made)."""
    pages = {**VELD, "home": lambda app: [("text", "Bankieren zonder gedoe."),
                                          ("tap", "Rekening openen", lambda a: "openen", (180, 44))]}
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password, new_account=True))
    goal.comb = True       # no word names an account: the first screens are combed by structure
    result, app = search(FormApp(pages), goal)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert app.taps == ["Rekening openen", "type E-mailadres", "type Wachtwoord", "Rekening openen"]


def test_an_app_whose_log_in_was_never_refused_is_not_combed_for_a_sign_up() -> None:
    """Kind 9 stays: with no log-in asked for (no control worded as one), unscored controls are not tried."""
    pages = {**VELD, "home": lambda app: [("tap", "Geldautomaat zoeken", lambda a: "atm"),
                                          ("tap", "Rekening openen", lambda a: "openen")]}
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(FormApp(pages), goal)
    assert result.ending == "exhausted" and app.taps == []


def test_a_form_shaped_as_a_sign_up_is_one_whatever_its_words() -> None:
    """A repeated secret, or a name beside the identifier, makes a sign-up; a bare identifier + secret does not."""
    def form(*rows: tuple[str, bool]) -> tuple[Screen, list[Target]]:
        s = Screen(elements=[Element(name=n, role="textbox", clickable=True, secret_field=sec, bounds=(0, 50 * i, 300, 40))
                             for i, (n, sec) in enumerate(rows)], signature="f", size=(400, 800))
        return s, targets(s)
    assert signup_shape(*form(("E-mailadres", False), ("Wachtwoord", True), ("Herhaal", True)))
    assert signup_shape(*form(("Naam", False), ("E-mailadres", False), ("Wachtwoord", True)))
    assert not signup_shape(*form(("E-mailadres", False), ("Wachtwoord", True)))
    assert not signup_shape(*form(("手机号", False), ("短信验证码", False), ("密码", True)))
    screen, found = form(("Naam", False), ("E-mailadres", False), ("Wachtwoord", True))
    goal = AccountGoal(CONFIG, forms.FormData(username="u", password="p"))
    submit = Target(Element(text="Verder", role="button"), "button|verder|0", "Verder", Use.TAP)
    verdict = goal.judge(Node("form", screen, 1), Move.form(submit, forms.ACCOUNT), Screen([], "home"), [], False)
    assert verdict is not None and verdict.kind == "reached" and goal.mode == "sign_up"


# --- hanami's kind: a plain button refused in place ---

REASONS = ["使わなくなった", "作りたいレシピが見つからない", "通知や広告が多い", "その他"]


def _leave(app: FormApp) -> str:
    if not any(app.boxes.get(r) for r in REASONS):
        app.message = "理由を1つ以上選んでください。"
        return "taikai"
    return "!done"


HANAMI = {
    "home": lambda app: [("tap", "マイページ", lambda a: "mypage")],
    "mypage": lambda app: [("tap", "設定", lambda a: "settei"), ("tap", "ログアウト", lambda a: "home")],
    "settei": lambda app: [("tap", "パスワードの変更", lambda a: "settei"), ("tap", "退会手続き", lambda a: "taikai")],
    "taikai": lambda app: [("text", "退会の理由を教えてください（1つ以上選択）。")] + [("box", r) for r in REASONS]
    + [("tap", "退会する", _leave)],
    "!done": lambda app: [("text", "退会が完了しました。ご利用ありがとうございました。")],
}


def test_a_way_on_refused_in_place_is_a_dead_end_and_is_retried_with_one_reason_ticked() -> None:
    """Before: 退会する answered by an inline message in words no lexicon had was neither a refusal nor retried;
    the search ended not found and `dead_ends` did not have it."""
    result, app = search(FormApp(dict(HANAMI)), DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert {"label": "退会する", "kind": "form rejected: 理由を1つ以上選んでください。", "where": "マイページ › 設定 › 退会手続き",
            "tried": True} in result.dead_ends
    assert [str(m) for m in result.moves][-1] == 'fill the form and submit "退会する"'
    assert [r for r in REASONS if app.boxes.get(r)] == REASONS[:1]      # one reason, as a careful user gives


def test_a_refusal_is_a_new_message_after_a_way_on_and_not_any_new_text() -> None:
    before = FormApp(dict(HANAMI), at="taikai").screen()
    after_app = FormApp(dict(HANAMI), at="taikai", message="理由を1つ以上選んでください。")
    after = after_app.screen()
    go = next(t for t in targets(before) if t.label == "退会する")
    assert refusal(before, Move.tap(go), after, targets(after)) == "理由を1つ以上選んでください。"
    assert refusal(before, Move.tap(go), before, targets(before)) == ""          # nothing new: no refusal
    other = Target(Element(text="詳しく見る", role="button"), "button|詳しく見る|0", "詳しく見る", Use.TAP)
    assert refusal(before, Move.tap(other), after, targets(after)) == ""        # not a way on, not worded as one
    worded = FormApp(dict(HANAMI), at="taikai", message="Please choose a reason").screen()
    assert refusal(before, Move.tap(other), worded, targets(worded)) == "Please choose a reason"


def test_a_refused_forms_options_get_one_tick_its_agree_boxes_all() -> None:
    app = FormApp({"f": lambda a: [("box", "I have read the notice"), ("box", "Too expensive"), ("box", "Other"),
                                   ("tap", "Delete account", lambda x: "f")]}, at="f")
    s = app.screen()
    p = forms.plan(s, targets(s), forms.retry_purpose("Please choose a reason"), DATA, True)
    assert [t.label for t in p.ticks] == ["I have read the notice", "Too expensive"]
    app.boxes["Other"] = True
    s = app.screen()
    p = forms.plan(s, targets(s), forms.retry_purpose("Please choose a reason"), DATA, True)
    assert [t.label for t in p.ticks] == ["I have read the notice"]


def test_a_new_message_on_a_screen_with_nothing_left_to_fill_is_a_step_not_a_refusal() -> None:
    """"Tap again to delete" after a first tap, on a screen asking nothing: the path goes on, no retry."""
    app = FormApp({"f": lambda a: [("text", "Delete everything?"), ("tap", "Delete account", lambda x: "f")]}, at="f")
    before = app.screen()
    app.message = "Tryk igen for at slette."
    after = app.screen()
    go = next(t for t in targets(before) if t.label == "Delete account")
    assert refusal(before, Move.tap(go), after, targets(after)) == ""


def test_a_page_giving_only_a_phone_number_ends_off_app_and_account_numbers_do_not() -> None:
    """veld's «Account opzeggen»: «Bel 020 555 0147 … of stuur een ondertekende brief» — no lexicon word for
    calling in Dutch, the phone number says it (before: "no way forward", deletion not found)."""
    from consent_audit.explorer.screens import ends_off_app

    def page(*texts: str) -> Screen:
        return Screen([Element(text=t, bounds=(0, 40 * i, 400, 30)) for i, t in enumerate(texts)], "p")
    assert ends_off_app(page("Account opzeggen", "Bel 020 555 0147 (maandag tot en met vrijdag, 8.00–18.00 uur)"))
    assert ends_off_app(page("Call +1 (555) 123-4567 to close your account"))
    assert ends_off_app(page("请拨打 400-820-8820"))
    assert not ends_off_app(page("Betaalrekening NL00 VELD 0123 4567 89", "€ 1.284,50", "2026-11-30",
                                 "Postbus 4821, 1000 BX Amsterdam", "Code 123456", "Kaart 1234 5678 9012 3456"))


# --- chaguan's kind: conditions each to tick, refused until every one is ---

CONDITIONS = ["帳號內的點數與優惠券將全部作廢，且無法恢復", "帳號內沒有尚未領取的訂單", "我已閱讀並同意《茶館帳號註銷須知》"]


def _apply(app: FormApp) -> str:
    if not all(app.boxes.get(c) for c in CONDITIONS):
        app.message = "請確認並勾選所有條件"
        return "zhuxiao"
    return "confirm"


CHAGUAN = {
    "home": lambda app: [("tap", "我的", lambda a: "mine")],
    "mine": lambda app: [("tap", "設定", lambda a: "settings")],
    "settings": lambda app: [("tap", "帳號與安全", lambda a: "security"), ("tap", "登出", lambda a: "home")],
    "security": lambda app: [("tap", "修改密碼", lambda a: "security"), ("tap", "註銷帳號", lambda a: "zhuxiao")],
    "zhuxiao": lambda app: [("text", "申請註銷前，請確認以下條件：")] + [("box", c) for c in CONDITIONS]
    + [("tap", "申請註銷", _apply)],
    "confirm": lambda app: [("text", "確定要註銷帳號嗎？"), ("tap", "取消", lambda a: "zhuxiao"),
                            ("tap", "確定註銷", lambda a: "!done", (380, 44), "beside")],
    "!done": lambda app: [("text", "帳號已註銷，感謝您曾經光臨茶館。")],
}


def test_a_retry_refused_again_with_boxes_left_ticks_every_box() -> None:
    """Before: the retry ticked the agree box and one other (the options of a question: one answers it), was
    refused again, and the search gave up with the third condition never ticked («請確認並勾選所有條件»)."""
    result, app = search(FormApp(dict(CHAGUAN)), DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert all(app.boxes.get(c) for c in CONDITIONS)
    assert [str(m) for m in result.moves][-2:] == ['fill the form and submit "申請註銷"', 'tap "確定註銷"']
    assert result.moves[-2].purpose.startswith(forms.RETRY_ALL)


def test_a_retry_is_sent_once_more_only_with_boxes_left_and_never_a_third_time() -> None:
    first = forms.retry_purpose
    assert forms.next_retry(forms.FILL, "請確認並勾選所有條件", True, first) == first("請確認並勾選所有條件")
    retry = first("Please give a reason")
    assert forms.next_retry(retry, "the form stayed on screen", True, first) == forms.RETRY_ALL + retry[len(forms.RETRY):]
    assert forms.next_retry(retry, "the form stayed on screen", False, first) is None    # nothing left to tick
    assert forms.next_retry(forms.RETRY_ALL + retry[len(forms.RETRY):], "again", True, first) is None
    assert forms.next_retry(forms.account_retry_purpose("Tick the terms"), "again", True, first) is None

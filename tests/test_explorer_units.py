"""The explorer's judgement without a browser: what is actionable, how controls score, what counts as done,
how forms are read, how consent dialogs are answered, and the search itself on a simulated app.

Screens are ones the suite captured itself (tests/data/explore/screens: the reference app and the two unseen
test apps, DOM snapshots with the elements an open dialog covered) and a hand-written UiAutomator2 dump."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from consent_audit.errors import UsageError
from consent_audit.explorer import consent, cues, forms
from consent_audit.explorer.account import AccountGoal, username_variant
from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import Target, Use, targets
from consent_audit.explorer.graph import Edge, Node, ScreenGraph
from consent_audit.explorer.moves import Move
from consent_audit.explorer.codes import find_code
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.permissions import Feature
from consent_audit.explorer.screens import asks_decision, ends_off_app, is_consent, reached
from consent_audit.explorer.search import GoalSearch
from consent_audit.explorer.settings import ExploreSettings
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

SCREENS = Path(__file__).parent / "data" / "explore" / "screens"
CONFIG = load_config()


def stored(name: str) -> tuple[Screen, frozenset[int]]:
    data = json.loads((SCREENS / f"{name}.json").read_text(encoding="utf-8"))
    elements = [Element(text=e["text"], name=e["name"], rid=e["rid"], role=e["role"], bounds=tuple(e["bounds"]),
                        clickable=e["clickable"], checked=e["checked"], enabled=e["enabled"], focused=e["focused"],
                        secret_field=e["secret_field"]) for e in data["elements"]]
    screen = Screen(elements=elements, signature=data["signature"], size=tuple(data["size"]), location=data["location"])
    return screen, frozenset(data["covered"])


def found(name: str) -> tuple[Screen, list[Target]]:
    screen, covered = stored(name)
    return screen, targets(screen, covered)


def labels(items: list[Target], use: Use | None = None) -> list[str]:
    return [t.label for t in items if use is None or t.use == use]


def node(in_flow: bool = False) -> Node:
    return Node(ident="n", screen=Screen(elements=[], signature="n"), depth=1, in_flow=in_flow)


# --- what is actionable ---

def test_plain_divs_with_click_listeners_are_actionable() -> None:
    _, items = found("parcelly-feed")
    assert labels(items) == ["Track a parcel", "Find lockers near me", "Scan a parcel label", "Delivery alerts",
                             "Feed", "Profile"]
    assert all(t.use == Use.TAP and not t.element.rid and not t.element.role for t in items)


def test_an_open_dialog_hides_what_is_under_it() -> None:
    screen, covered = stored("parcelly-consent-sheet")
    assert labels(targets(screen, covered)) == ["Accept all", "Customise"]
    assert "Track a parcel" in labels(targets(screen))      # without the occlusion check the feed would count


def test_rows_under_one_delegated_listener_are_the_targets_not_their_list() -> None:
    _, items = found("chengzi-settings")
    assert labels(items) == ["返回", "账号与安全", "消息通知", "隐私设置", "清除缓存", "关于我们", "退出登录"]


def test_a_label_wrapping_a_tick_box_is_the_tick_box() -> None:
    _, items = found("refapp-obstructed-notice")
    boxes = [t for t in items if t.use == Use.TOGGLE]
    assert [b.label for b in boxes] == ["我已阅读并同意《账号注销须知》"] and not boxes[0].element.enabled
    assert "我已阅读并同意《账号注销须知》" not in labels(items, Use.TAP)


def test_unnamed_controls_are_named_by_the_text_a_user_reads_beside_them() -> None:
    _, items = found("parcelly-close")
    assert labels(items, Use.TOGGLE) == ["I understand this can't be undone after the cooling-off period"]
    assert labels(items, Use.TEXT) == ["Password"]
    _, consent_items = found("refapp-asymmetric-manage")
    assert len(labels(consent_items, Use.TOGGLE)) == 4


def test_keys_find_an_element_again_without_ids() -> None:
    screen, covered = stored("parcelly-feed")
    first = targets(screen, covered)
    again = targets(screen, covered)
    assert [t.key for t in first] == [t.key for t in again]
    assert len({t.key for t in first}) == len(first)
    assert first[0].key == "|track a parcel|0"


# --- scoring ---

def scores(name: str, goal: Any, in_flow: bool = False) -> dict[str, float]:
    _, items = found(name)
    return {t.label: goal.score(node(in_flow), t.label) for t in items if t.use == Use.TAP}


def test_deletion_scores_the_way_in_above_decoys_in_chinese() -> None:
    s = scores("refapp-obstructed-security", DeletionGoal(CONFIG))
    assert max(s, key=s.get) == "注销账号"
    assert s["退出登录"] < 0 and s["联系客服"] < 0 and s["帮助中心"] < 0
    s = scores("chengzi-settings", DeletionGoal(CONFIG))
    assert s["账号与安全"] > s["清除缓存"] > 0 > s["退出登录"]


def test_deletion_scores_the_way_in_above_decoys_in_english() -> None:
    s = scores("parcelly-privacy", DeletionGoal(CONFIG))
    assert max(s, key=s.get) == "Close my account"
    s = scores("refapp-obstructed-me", DeletionGoal(CONFIG))
    assert s["设置"] > s["银行卡"] and s["联系客服"] < 0


def test_inside_the_deletion_flow_going_on_beats_backing_out() -> None:
    s = scores("refapp-obstructed-confirm", DeletionGoal(CONFIG), in_flow=True)
    assert s["确认注销"] > 0 > s["我再想想"]
    s = scores("parcelly-cooling-off", DeletionGoal(CONFIG), in_flow=True)
    assert max(s, key=s.get) == "Close account"


def test_account_goal_prefers_log_in_then_sign_up_after_a_refusal() -> None:
    goal = AccountGoal(CONFIG, forms.FormData(username="u"))
    assert goal.score(node(), "Log in") > goal.score(node(), "Sign up") > 0
    goal.want = "sign_up"
    assert goal.score(node(), "没有账号？立即注册") > goal.score(node(), "登录")
    assert goal.score(node(), "退出登录") < 0


@pytest.mark.parametrize("text, present, absent", [
    ("退出登录", {"log_out"}, {"log_in", "exit"}),
    ("注销账号", {"cancel_account"}, {"log_in", "delete"}),
    ("没有账号？立即注册", {"sign_up"}, {"log_in"}),
    ("获取验证码", {"send_code"}, {"verify"}),
    ("短信验证码", {"code_field"}, {"verify"}),
    ("仍不同意", {"decline"}, {"agree"}),
    ("Close my account", {"cancel_account"}, {"decline"}),
    ("Use necessary cookies only", {"decline"}, set()),
    ("我", {"me"}, set()),
    ("我已阅读并同意", {"acknowledge"}, {"me"}),
])
def test_cues_from_both_lexicons_keep_the_longest_meaning(text: str, present: set[str], absent: set[str]) -> None:
    got = cues.categories(text)
    assert present <= got and not (absent & got), got


# --- done, pending, elsewhere ---

def test_completion_is_read_from_the_screen() -> None:
    assert reached(*found("refapp-obstructed-result")) == "pending"
    assert reached(*found("parcelly-done")) == "pending"


def test_a_screen_that_still_asks_something_is_not_done() -> None:
    assert reached(*found("parcelly-cooling-off")) is None           # "14-day" but Keep / Close still to choose
    assert reached(*found("refapp-obstructed-notice")) is None       # "15个工作日内" in the notice, the form undone
    assert reached(*found("refapp-obstructed-confirm")) is None
    assert reached(*found("chengzi-notice")) is None                 # "7天冷静期", 申请注销 still to tap


def test_an_e_mail_us_page_reached_by_the_deletion_entry_ends_off_app() -> None:
    screen, items = found("refapp-email-info")
    assert ends_off_app(screen)
    verdict = DeletionGoal(CONFIG).judge(node(), Move(kind="tap", key="#delete-account", label="Delete account"),
                                         screen, items, same=False)
    assert verdict is not None and verdict.kind == "off_app"
    assert DeletionGoal(CONFIG).judge(node(), Move(kind="tap", key="x", label="Contact support"), screen, items,
                                      same=False) is None


def test_decision_dialogs() -> None:
    assert asks_decision(found("refapp-obstructed-confirm")[1])
    assert asks_decision(found("refapp-asymmetric-shame")[1])
    assert not asks_decision(found("chengzi-settings")[1])


# --- forms ---

DATA = forms.FormData(username="13800138000", password="pw-secret", id_number="110105194912310021",
                      reason_text={"en": "no longer used", "zh": "不再使用"})


def test_a_deletion_form_is_read_field_by_field() -> None:
    screen, items = found("refapp-obstructed-verify")
    plan = forms.plan(screen, items, forms.FILL, DATA, sms_known=False)
    assert [k for _, k in plan.fields] == ["sms_code", "id_number"]
    assert plan.send is not None and plan.send.label == "获取验证码"
    assert plan.submit is not None and plan.submit.label == "下一步" and plan.missing == []
    no_id = forms.FormData(username="13800138000", password="pw-secret")
    assert forms.plan(screen, items, forms.FILL, no_id, sms_known=False).missing == ["id_number (not given)"]


def test_a_required_reason_and_a_password() -> None:
    screen, items = found("chengzi-verify")
    plan = forms.plan(screen, items, forms.FILL, DATA, sms_known=False)
    assert plan.choice is not None and plan.choice.label == "不再使用"
    assert [k for _, k in plan.fields] == ["password"]
    assert plan.submit is not None and plan.submit.label == "确认"


def test_the_submit_is_the_control_after_the_fields_not_a_link_further_down() -> None:
    screen, items = found("chengzi-login")
    plan = forms.plan(screen, items, forms.ACCOUNT, DATA, sms_known=False)
    assert plan.submit is not None and plan.submit.label == "登录"
    assert [k for _, k in plan.fields] == ["username", "password"]


def test_sign_up_fields_without_labels_or_ids() -> None:
    screen, items = found("parcelly-signup")
    plan = forms.plan(screen, items, forms.ACCOUNT, DATA, sms_known=False)
    assert [k for _, k in plan.fields] == ["username", "password"]
    assert plan.submit is not None and plan.submit.label == "Create account"


def test_a_gated_tick_box_is_planned_and_unrelated_boxes_are_left_alone() -> None:
    screen, items = found("refapp-obstructed-notice")
    plan = forms.plan(screen, items, forms.FILL, DATA, sms_known=False)
    assert [t.label for t in plan.ticks] == ["我已阅读并同意《账号注销须知》"] and plan.submit.label == "下一步"
    screen, items = found("refapp-asymmetric-manage")
    assert forms.plan(screen, items, forms.FILL, DATA, sms_known=False).ticks == []    # purposes: not "I have read"
    assert len(forms.plan(screen, items, forms.UNTICK, DATA, sms_known=False).ticks) == 4


def test_one_time_codes_on_screen() -> None:
    assert find_code(["验证码已发送至您的手机（测试验证码：246810）"], set()) == "246810"
    assert find_code(["Your code is 4821", "Call 13800138000"], {"13800138000"}) == "4821"
    assert find_code(["请输入6位验证码"], set()) is None
    assert find_code(["Order 123456 shipped"], set()) is None


# --- consent ---

def test_consent_screens_are_recognised() -> None:
    for name in ("parcelly-consent-sheet", "chengzi-consent", "refapp-asymmetric-dialog", "refapp-asymmetric-manage"):
        assert is_consent(*found(name)), name
    for name in ("parcelly-feed", "parcelly-signup", "chengzi-settings", "refapp-obstructed-notice"):
        assert not is_consent(*found(name)), name


@pytest.mark.parametrize("name, mode, kind, label", [
    ("refapp-asymmetric-dialog", consent.REJECT, "tap", "Manage choices"),
    ("refapp-asymmetric-dialog", consent.ACCEPT, "tap", "Accept all"),
    ("refapp-asymmetric-manage", consent.REJECT, "form", "Save choices"),
    ("refapp-asymmetric-shame", consent.REJECT, "tap", "No thanks, I don't care about personalised offers"),
    ("parcelly-consent-sheet", consent.REJECT, "tap", "Customise"),
    ("chengzi-consent", consent.REJECT, "tap", "不同意"),
    ("chengzi-consent", consent.ACCEPT, "tap", "同意并继续"),
    ("chengzi-consent-again", consent.REJECT, "tap", "仍不同意"),
])
def test_consent_answers(name: str, mode: str, kind: str, label: str) -> None:
    screen, items = found(name)
    step = consent.next_move(screen, items, mode, DATA)
    assert step is not None and step[0].kind == kind and step[0].label == label


# --- Android: the same judgement on a UiAutomator2 dump ---

ANDROID = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<hierarchy index="0" class="hierarchy" rotation="0" width="1080" height="2400">
 <node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.example.shop" clickable="false" enabled="true" bounds="[0,0][1080,2400]" displayed="true">
  <node index="0" text="" resource-id="com.example.shop:id/back" class="android.widget.ImageButton" package="com.example.shop" content-desc="返回" clickable="true" enabled="true" bounds="[0,80][140,220]" displayed="true"/>
  <node index="1" text="账号与安全" resource-id="com.example.shop:id/title" class="android.widget.TextView" package="com.example.shop" clickable="false" enabled="true" bounds="[160,100][600,200]" displayed="true"/>
  <node index="2" text="" resource-id="com.example.shop:id/list" class="androidx.recyclerview.widget.RecyclerView" package="com.example.shop" clickable="false" enabled="true" bounds="[0,240][1080,1400]" displayed="true">
   <node index="0" text="修改密码" resource-id="com.example.shop:id/row" class="android.widget.TextView" package="com.example.shop" clickable="true" enabled="true" bounds="[0,240][1080,400]" displayed="true"/>
   <node index="1" text="联系客服" resource-id="com.example.shop:id/row" class="android.widget.TextView" package="com.example.shop" clickable="true" enabled="true" bounds="[0,400][1080,560]" displayed="true"/>
   <node index="2" text="注销账号" resource-id="com.example.shop:id/row" class="android.widget.TextView" package="com.example.shop" clickable="true" enabled="true" bounds="[0,560][1080,720]" displayed="true"/>
   <node index="3" text="退出登录" resource-id="com.example.shop:id/logout" class="android.widget.Button" package="com.example.shop" clickable="true" enabled="true" bounds="[40,800][1040,940]" displayed="true"/>
  </node>
 </node>
</hierarchy>"""


def test_android_screens_are_judged_the_same_way() -> None:
    screen = screen_from_uiautomator_xml(ANDROID, app_package="com.example.shop")
    items = targets(screen)
    assert labels(items) == ["返回", "修改密码", "联系客服", "注销账号", "退出登录"]
    rows = [t for t in items if t.label in ("修改密码", "注销账号")]
    assert len({t.key for t in rows}) == 2          # rows sharing one resource-id stay apart by rank
    s = {t.label: DeletionGoal(CONFIG).score(node(), t.label) for t in items}
    assert max(s, key=s.get) == "注销账号" and s["退出登录"] < 0 and s["联系客服"] < 0


# --- permissions: does a feature still work without its permission? ---

def test_a_feature_that_shows_something_else_when_refused_is_degraded() -> None:
    def screen(status: str, state: str) -> Screen:
        return Screen(elements=[Element(text=f"Nearby {state}", clickable=True, bounds=(0, 0, 10, 10)),
                                Element(text=status, bounds=(0, 20, 10, 10))], signature="home")
    before = screen("", "On")
    granted = screen("Showing 3 places near you.", "On")
    feature = Feature("geolocation", "k", "Nearby", "home", [tuple(x) for x in _state(before)],
                      [tuple(x) for x in _state(granted)])
    assert feature.works(before, screen("Showing 12 places near you.", "On"))   # numbers do not matter
    assert not feature.works(before, screen("Location is off.", "Off"))


def _state(screen: Screen) -> list[tuple]:
    from consent_audit.explorer.permissions import state_of as state
    return state(screen)


# --- the search itself, on a simulated app ---

@dataclass
class Sim:
    """A tiny app: screens of (label → next screen); '!' screens are deletion results."""

    screens: dict[str, list[tuple[str, str]]]
    start: str = "home"
    at: str = "home"
    taps: list[str] = field(default_factory=list)

    def screen(self) -> Screen:
        elements = [Element(text=self.at.upper() + " title", bounds=(0, 0, 100, 40))]
        for i, (label, _) in enumerate(self.screens.get(self.at, [])):
            if label.startswith("field:"):
                elements.append(Element(name=label[6:], role="textbox", clickable=True, bounds=(0, 60 + 80 * i, 300, 60)))
            else:
                elements.append(Element(text=label, clickable=True, bounds=(0, 60 + 80 * i, 300, 60)))
        if self.at.startswith("!"):
            elements.append(Element(text="Your account has been deleted.", bounds=(0, 900, 300, 60)))
        return Screen(elements=elements, signature=self.at.lstrip("!"), size=(1080, 2400))


class SimOperator(StandInOperator):
    def __init__(self, sim: Sim, spend: Spend) -> None:
        self.sim, self.spend = sim, spend
        self.recorder = type("R", (), {"steps": [], "last_screen": None})()
        self._screen = sim.screen()

    def tap(self, target: Target) -> Screen:
        self.spend.check()
        self.spend.charge()
        self.recorder.steps.append(target.label)
        self.sim.taps.append(target.label)
        self.sim.at = dict(self.sim.screens[self.sim.at])[target.label]
        self._screen = self.sim.screen()
        return self._screen

    def relaunch(self) -> Screen:
        self.spend.charge()
        self.recorder.steps.append("relaunch")
        self.sim.taps.append("relaunch")
        self.sim.at = self.sim.start
        self._screen = self.sim.screen()
        return self._screen

    in_foreground = True


APP = {
    "home": [("Feed", "home"), ("Me", "me")],
    "me": [("Help centre", "help"), ("Privacy", "privacy"), ("Settings", "settings"), ("Log out", "home")],
    "privacy": [("Ad choices", "ads"), ("Back", "me")],
    "ads": [("Back", "privacy")],
    "help": [("Back", "me")],
    "settings": [("About", "about"), ("Account", "account"), ("Back", "me")],
    "about": [("Back", "settings")],
    "account": [("Change password", "about"), ("Delete account", "confirm"), ("Back", "settings")],
    "confirm": [("Cancel", "account"), ("Delete", "!done")],
    "!done": [("Done", "home")],
}


def explore(app: dict, actions: int = 60, data: forms.FormData = DATA) -> tuple[Any, Sim]:
    sim = Sim(app)
    spend = Spend(Budget(actions, 60))
    op = SimOperator(sim, spend)
    result = GoalSearch(op, DeletionGoal(CONFIG), data, CONFIG.search, spend).run()  # type: ignore[arg-type]
    return result, sim


def test_search_finds_the_deletion_and_reports_the_shortest_path_and_decoys() -> None:
    result, sim = explore(APP)
    assert result.ending == "reached" and result.detail == "done"
    assert [m.label for m in result.moves] == ["Me", "Settings", "Account", "Delete account", "Delete"]
    assert "Log out" not in sim.taps and "Help centre" not in sim.taps        # decoys are never tapped
    kinds = {d["label"]: d["kind"] for d in result.dead_ends}
    assert kinds["Log out"] == "log out" and kinds["Help centre"] == "support / help"
    assert result.actions == len(sim.taps)


def test_search_backtracks_out_of_a_dead_end_and_keeps_the_path_clean() -> None:
    app = {**APP, "me": [("Account centre", "settings"), ("Privacy and security settings", "privacy")],
           "privacy": [("Ad choices", "ads"), ("Back", "me")]}
    result, sim = explore(app)
    assert result.ending == "reached"
    assert sim.taps[:3] == ["Me", "Privacy and security settings", "Back"]     # the lure first, then back out
    assert [m.label for m in result.moves] == ["Me", "Account centre", "Account", "Delete account", "Delete"]
    assert result.actions == len(result.moves) + 2
    assert {"label": "Privacy and security settings", "kind": "no way forward", "where": "Me",
            "tried": True} in [{k: v for k, v in d.items() if k != "offered"} for d in result.dead_ends]


def test_a_budget_too_small_is_a_result_not_a_crash() -> None:
    result, _ = explore(APP, actions=3)
    assert result.ending == "budget" and result.detail.startswith("not found within budget")
    assert result.moves == []


def test_a_form_wanting_data_nobody_gave_stops_the_search_and_says_so() -> None:
    app = {**APP, "confirm": [("field:ID number", ""), ("Next", "!done")]}
    result, sim = explore(app, data=forms.FormData(username="u", password="pw-secret"))
    assert result.ending == "exhausted" and "id_number" in result.detail
    assert "Next" not in sim.taps
    assert any(d["kind"] == "form: it wants id_number (not given)" for d in result.dead_ends)


def test_an_app_without_deletion_is_exhausted() -> None:
    app = {**APP, "account": [("Change password", "about"), ("Back", "settings")]}
    result, _ = explore(app)
    assert result.ending == "exhausted" and result.moves == []


# --- graph, usernames, settings ---

def test_routes_use_what_was_seen_and_fall_back_to_a_relaunch() -> None:
    graph = ScreenGraph("home")
    graph.add(Edge("home", (Move("tap", "a", "A"),), "a", 1))
    graph.add(Edge("a", (Move("tap", "b", "B"),), "b", 1))
    graph.add(Edge("b", (Move("tap", "back", "Back"),), "a", 1, predicted=True))
    assert [e.target for e in graph.route("b", "a", relaunch_cost=2)] == ["a"]
    assert [e.target for e in graph.route("b", "home", relaunch_cost=2)] == ["home"]   # the relaunch
    assert graph.route("b", "a", relaunch_cost=2, seen_only=True) is None
    assert [e.target for e in graph.shortest("home", "b")] == ["a", "b"]


def test_other_usernames_keep_their_form() -> None:
    assert username_variant("13800138000", 1) == "13800139117" and len(username_variant("13800138000", 2)) == 11
    assert username_variant("ann@example.test", 2) == "ann+2@example.test"
    assert username_variant("tester", 1) == "tester2" and username_variant("tester", 0) == "tester"


@pytest.mark.parametrize("given, words", [
    ({"url": "ftp://example.test/"}, "--url must be an http(s) address"),
    ({"url": "http://a.test/", "app_package": "com.example.app"}, "exactly one of --url"),
    ({"app_package": "not a package"}, "--app-package must be an Android package"),
    ({"url": "http://a.test/", "goals": ["delete-account"]}, "needs test credentials"),
    ({"url": "http://a.test/", "goals": ["consent"], "password": "ab"}, "at least 3 characters"),
    ({"url": "http://a.test/", "goals": ["consent"], "budget_actions": 0}, "--budget-actions"),
    ({"url": "http://a.test/", "goals": ["tidy-up"]}, "unknown goal"),
])
def test_bad_settings_are_one_clear_error(given: dict, words: str) -> None:
    with pytest.raises(UsageError, match=words.replace("(", r"\(").replace(")", r"\)")):
        ExploreSettings(**given)


def test_budgets_come_from_the_settings_file_and_the_command_line() -> None:
    assert CONFIG.budget("delete-account").actions > CONFIG.budget("consent").actions
    assert CONFIG.budget("consent", actions=7, seconds=9) == Budget(7, 9.0)


@pytest.mark.parametrize("label, word", [
    ("Type DELETE to confirm", "DELETE"), ('Please type "DELETE MY ACCOUNT" to confirm', "DELETE MY ACCOUNT"),
    ("请输入“确认注销”以继续", "确认注销"), ("Enter your password", None), ("Type a message", None),
])
def test_a_confirmation_word_is_typed_back(label: str, word: str | None) -> None:
    assert forms.typed_back(label) == word
    assert (forms.field_kind(label, forms.FILL) == "typed_back") == (word is not None)


def test_screens_of_one_structure_with_different_menus_are_different_nodes() -> None:
    sim = Sim({"home": [("Settings", "a"), ("Privacy", "b")], "a": [("Back", "home")], "b": [("Back", "home")]})
    spend = Spend(Budget(10, 10))
    search = GoalSearch(SimOperator(sim, spend), DeletionGoal(CONFIG), DATA, CONFIG.search, spend)  # type: ignore[arg-type]
    search.graph = ScreenGraph("")
    one = Screen(elements=[Element(text="Notifications", clickable=True, bounds=(0, 0, 9, 9)),
                           Element(text="Language", clickable=True, bounds=(0, 9, 9, 9))], signature="same")
    other = Screen(elements=[Element(text="Download my data", clickable=True, bounds=(0, 0, 9, 9)),
                             Element(text="Close my account", clickable=True, bounds=(0, 9, 9, 9))], signature="same")
    first = search._arrive(one, None, None)
    second = search._arrive(other, first, Move("tap", "x", "Privacy"))
    assert first.ident != second.ident and second.ident.startswith("same")
    assert search._arrive(one, None, None) is first

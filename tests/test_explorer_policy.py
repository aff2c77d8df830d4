"""The privacy-policy goal without a browser: what is taken for the policy, what for a link to it, how its
paragraphs are read, how controls score toward it, and which flow figures an explored app leaves unmeasured.
Screens are written here in the neutral Screen model (web DOM and Android dumps both become these)."""
from __future__ import annotations

import argparse

from consent_audit.commands.explore import FLOWS, register
from consent_audit.explorer.config import load_config
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.policy import PolicyGoal, is_policy, links_policy, paragraphs, shows_or_links
from consent_audit.journeys import walks
from consent_audit.screen import Element, Screen

CONFIG = load_config()
MIN = int(CONFIG.search["policy_min_chars"])
WIDTH, HEIGHT = 1080, 2400


def text(t: str, y: int, rid: str = "", clickable: bool = False, role: str = "") -> Element:
    return Element(text=t, rid=rid, role=role, bounds=(40, y, 1000, 60), clickable=clickable)


def screen(*elements: Element) -> Screen:
    return Screen(elements=list(elements), signature="s", size=(WIDTH, HEIGHT))


POLICY_EN = screen(
    text("Privacy policy", 40),                          # the top bar's title
    text("How we handle your data", 140),                # a heading: no sentence, short
    text("This policy explains what the app collects and why.", 240, "p-1"),
    text("We collect your e-mail address to run your account and nothing else without asking you first.", 320, "p-2"),
    text("You can delete your account in the app at any time.", 420, "p-3"),
    text("Home", 2300, clickable=True, role="button"), text("Me", 2300, clickable=True, role="button"))

POLICY_ZH = screen(
    text("隐私政策", 40), text("我们如何处理您的个人信息", 140),
    text("本政策说明我们收集哪些信息以及用途。我们仅在您使用相关功能时申请相应权限，您可以拒绝。", 240),
    text("您可以随时在应用内注销账号，注销后我们将在十五日内删除您的个人信息。", 320),
    text("如本政策发生变更，我们将在变更生效前通过应用内通知告知您。", 400),
    text("我们不会向第三方出售您的个人信息；委托处理时，我们会与受托方约定处理目的、期限和方式。", 480))

CONSENT = screen(
    text("温馨提示", 600),
    text("为了向您推荐内容，我们需要处理您的设备信息。请阅读《隐私政策》了解详情。", 700),
    text("查看《隐私政策》全文", 850, "consent-policy", clickable=True, role="button"),
    text("不同意", 1000, "consent-reject", clickable=True, role="button"),
    text("同意", 1000, "consent-accept", clickable=True, role="button"))

MENU = screen(
    text("协议与规则", 40), text("用户服务协议", 200, "terms", clickable=True), text("隐私政策", 300, "privacy", clickable=True))

IMAGE_ONLY = screen(text("Privacy policy", 40), Element(role="img", bounds=(0, 120, WIDTH, 2000)))


def found(s: Screen):
    return targets(s, frozenset())


def test_a_policy_page_is_the_policy_in_either_language() -> None:
    assert is_policy(POLICY_EN, found(POLICY_EN), MIN)
    assert is_policy(POLICY_ZH, found(POLICY_ZH), MIN)


def test_paragraphs_are_the_prose_without_title_heading_or_controls() -> None:
    assert paragraphs(POLICY_EN) == [
        ("p-1", "This policy explains what the app collects and why."),
        ("p-2", "We collect your e-mail address to run your account and nothing else without asking you first."),
        ("p-3", "You can delete your account in the app at any time.")]
    assert [place for place, _ in paragraphs(POLICY_ZH)] == ["paragraph 1", "paragraph 2", "paragraph 3",
                                                          "paragraph 4"]


def test_a_consent_dialog_that_links_the_policy_links_it_but_is_not_it() -> None:
    assert not is_policy(CONSENT, found(CONSENT), MIN)
    assert links_policy(CONSENT, found(CONSENT))
    assert shows_or_links(CONSENT, found(CONSENT), MIN)


def test_a_menu_naming_the_policy_is_not_the_policy() -> None:
    assert not is_policy(MENU, found(MENU), MIN)
    assert not is_policy(MENU, found(MENU), MIN, via="隐私政策")     # reached through the link, but no reading text


def test_a_policy_drawn_as_a_picture_is_still_found_so_that_it_can_be_reported_as_not_text() -> None:
    assert is_policy(IMAGE_ONLY, found(IMAGE_ONLY), MIN)
    assert paragraphs(IMAGE_ONLY) == []


def test_a_page_of_text_is_the_policy_only_when_named_so() -> None:
    news = screen(text("Today", 40), *POLICY_EN.elements[2:5])
    assert not is_policy(news, found(news), MIN)
    assert is_policy(news, found(news), MIN, via="Privacy notice")
    assert not shows_or_links(news, found(news), MIN)


def test_controls_score_toward_the_policy_and_the_menus_that_hold_it() -> None:
    goal = PolicyGoal(CONFIG)
    n = Node(ident="n", screen=POLICY_EN, depth=1)
    scores = {label: goal.score(n, label) for label in
              ("隐私政策", "Datenschutzerklärung", "法律信息", "About", "设置", "退出登录", "注销账号", "联系客服")}
    assert scores["隐私政策"] == scores["Datenschutzerklärung"] > scores["法律信息"] > scores["About"] > 0
    assert scores["设置"] > 0
    assert scores["退出登录"] < 0 and scores["注销账号"] < 0 and scores["联系客服"] < 0


def test_the_goal_is_reached_on_the_policy_screen_only() -> None:
    goal = PolicyGoal(CONFIG)
    parent = Node(ident="n", screen=MENU, depth=1)
    verdict = goal.judge(parent, Move("tap", "k", "隐私政策"), POLICY_ZH, found(POLICY_ZH), same=False)
    assert verdict is not None and verdict.kind == "reached"
    assert goal.judge(parent, Move("tap", "k", "隐私政策"), MENU, found(MENU), same=False) is None
    assert goal.judge(parent, Move("tap", "k", "隐私政策"), POLICY_ZH, found(POLICY_ZH), same=True) is None


class _Explored:
    def __init__(self, known: set[str]) -> None:
        self.known = known

    def knows(self, journey: str) -> bool:
        return journey in self.known


def test_page_objects_walk_every_journey_an_explored_app_only_those_it_found() -> None:
    assert walks(object(), "sign_up") and walks(object(), "features")
    explored = _Explored({"sign_up"})
    assert walks(explored, "sign_up") and not walks(explored, "delete_account") and not walks(explored, "features")


def _goals(*argv: str) -> list[str]:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    from consent_audit.commands.explore import settings_of
    args = parser.parse_args(["explore", "--url", "http://127.0.0.1:1/", *argv])
    return settings_of(args).goals


def test_goals_are_repeatable_and_the_policy_goal_runs_last() -> None:
    assert list(FLOWS)[-1] == "privacy-policy"
    assert _goals("--goal", "privacy-policy", "--goal", "consent") == ["consent", "privacy-policy"]
    assert _goals("--goal", "privacy-policy") == ["privacy-policy"]


def test_explore_takes_the_evidence_options_of_run() -> None:
    from consent_audit.commands.explore import pytest_args
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["explore", "--url", "http://127.0.0.1:1/", "--no-bundle", "--summary-lang", "zh"])
    out = pytest_args(args, ["consent"])
    assert "--no-bundle" in out and out[out.index("--summary-lang") + 1] == "zh" and "--no-zip" not in out
    assert "--no-summary" in out        # the closing table says each goal whole; pytest's summary cut it short

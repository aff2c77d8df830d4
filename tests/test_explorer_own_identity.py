"""The test account's own identity is never a contact channel (fresh7 finding 22, corpus shonar-enkeep).

The signed-in Settings screen of shonar shows the account's e-mail («লগ ইন করা আছে: tester@shonar.test»); reached
by the tab bar from inside the deletion flow, it was read as a page giving only a contact channel: the deletion
"ended off app" (a false deletion_not_in_app, steps 1). An address the suite itself typed (signed up, logged in
with — or a plus-addressed variant of it, the suite's other accounts) names the user, not where to write.
"""
from __future__ import annotations

from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import Target, Use
from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.screens import ends_off_app
from consent_audit.measures import deletion_metrics, off_app, own_identities
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen

SIGNED_IN = ["সেটিংস", "লগ ইন করা আছে: tester@shonar.test", "নোটিফিকেশন", "লেখার আকার", "গোপনীয়তা", "লগ আউট"]


def page(*texts: str) -> Screen:
    return Screen([Element(text=t, bounds=(0, 40 * i, 400, 30)) for i, t in enumerate(texts)], "p")


def typed(i: int, value: str, label: str = "ইমেল") -> Step:
    return Step(index=i, kind=Kind.TEXT, title=f'Type "{value}" into "{label}"',
                target={"name": label, "role": "textbox", "typed": value}, at="", seconds=0.0, screen=page(label))


def test_the_account_s_own_address_on_a_screen_is_no_off_app_ending_another_address_is() -> None:
    own = ["tester@shonar.test"]
    assert ends_off_app(page(*SIGNED_IN))                       # no identity known: an address is a channel
    assert not ends_off_app(page(*SIGNED_IN), own)
    assert not off_app(page(*SIGNED_IN), ["tester+1@shonar.test"])    # the suite's other account: the same mailbox
    assert not off_app(page("Signed in as TESTER@shonar.test"), own)
    assert off_app(page("লগ ইন করা আছে: tester@shonar.test", "অ্যাকাউন্ট মুছতে লিখুন privacy@shonar.test"), own)
    assert off_app(page("Write to tester@other.test to close your account"), own)
    # a phone number the account was made with, shown grouped, is the user's too; the support line is not
    assert not off_app(page("Logged in: 0612 345 678"), ["0612345678"])
    assert off_app(page("Logged in: 0612 345 678", "Bel 020 555 0147"), ["0612345678"])


def test_own_identities_are_what_the_suite_typed_that_reads_as_an_address_or_number() -> None:
    steps = [typed(1, "tester@shonar.test"), typed(2, "•••", "পাসওয়ার্ড"), typed(3, "Tester", "নাম"),
             typed(4, "tester+1@shonar.test"), Step(5, Kind.TAP, "", {"text": "x"}, "", 0.0, page())]
    assert own_identities(steps) == ["tester+1@shonar.test", "tester@shonar.test"]


def test_the_deletion_flow_leaving_by_the_tab_bar_to_the_signed_in_settings_does_not_end_off_app() -> None:
    """The search's judge: from the confirmation (in the flow) the «সেটিংস» tab shows the signed-in Settings."""
    goal = DeletionGoal(load_config())
    goal.own = frozenset({"tester@shonar.test"})
    node = Node(ident="confirm", screen=page("আপনি কি নিশ্চিত?"), depth=5, via=("সেটিংস",), in_flow=True)
    tab = Target(Element(text="সেটিংস", role="button", bounds=(260, 760, 130, 40), clickable=True),
                 "button|সেটিংস|0", "সেটিংস", Use.TAP)
    screen = page(*SIGNED_IN)
    found = [Target(Element(text=t, role="link", bounds=(0, 40 * i, 400, 30), clickable=True), f"link|{t}|0", t,
                    Use.TAP) for i, t in enumerate(SIGNED_IN[2:])] + [tab]
    verdict = goal.judge(node, Move.tap(tab), screen, found, same=False)
    assert verdict is None or verdict.kind != "off_app"


def test_a_done_screen_naming_the_account_s_address_is_a_deletion_in_the_app() -> None:
    done = page("Your account tester@shonar.test has been deleted.")
    trail = Trail("delete", start=page("home"), steps=[
        Step(1, Kind.TAP, "", {"text": "Delete account"}, "", 0.0, done)])
    assert deletion_metrics(trail, None, "rejected")["deletion_in_app"] is False     # no identity: read as a channel
    assert deletion_metrics(trail, None, "rejected", ["tester@shonar.test"])["deletion_in_app"] is True

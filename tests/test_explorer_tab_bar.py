"""Where no word scores a control, the searches try the unscored ones; a reader looking for the account in words
they cannot read opens the bottom tab bar's far end first (Profile, Me, 我的: apps keep it there), not the first
tab (most often the one shown) nor the content rows above it (corpus grafis: «Αρχική», «Αναζήτηση» and its rows
before «Προφίλ», 5 actions; beyonk-dark: «Головна», «Замовлення» and back before «Профіль», 3). Only the order
changes: nothing is skipped, and inside the deletion flow the bar is chrome (no bonus)."""
from __future__ import annotations

from consent_audit.explorer.account import AccountGoal
from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.graph import Candidate, Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.search import GoalSearch
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.config import Budget
from consent_audit.explorer.tab_bar import bottom_bar, far_end
from consent_audit.screen import Element, Screen

CONFIG = load_config()
W, H = 1080, 2400


def _screen(tabs: list[str], rows: list[str] = (), top: int = H - 131, width: int = W) -> Screen:
    elements = [Element(text="Γραφίς", bounds=(40, 30, 600, 60))]
    elements += [Element(text=r, role="button", clickable=True, bounds=(40, 200 + 150 * i, 1000, 120))
                 for i, r in enumerate(rows)]
    w = width // max(len(tabs), 1)
    elements += [Element(text=t, role="button", clickable=True, bounds=(i * w, top, w, 131)) for i, t in enumerate(tabs)]
    return Screen(elements=elements, signature="home", size=(W, H))


def _node(screen: Screen, in_flow: bool = False) -> Node:
    node = Node("home", screen, 0, in_flow=in_flow)
    for t in targets(screen):
        node.candidates[t.key] = Candidate(Move.tap(t), 0.0)
    return node


def _key(screen: Screen, label: str) -> str:
    return next(t.key for t in targets(screen) if t.label == label)


def test_the_bottom_bar_is_read_in_reading_order_and_its_far_end_named() -> None:
    greek = _screen(["Αρχική", "Αναζήτηση", "Προφίλ"], ["Φωνητική αναζήτηση"])
    assert [t.label for t in bottom_bar(greek, targets(greek))] == ["Αρχική", "Αναζήτηση", "Προφίλ"]
    assert far_end(greek, targets(greek)) == _key(greek, "Προφίλ")
    urdu = _screen(["پروفائل", "سفر", "ٹکٹ"])      # drawn right to left: the far end is the leftmost
    assert far_end(urdu, targets(urdu)) == _key(urdu, "پروفائل")


def test_no_bar_without_three_alike_controls_along_the_bottom_edge_across_the_screen() -> None:
    pair = _screen(["Keep", "Delete"])                          # two answers side by side
    assert far_end(pair, targets(pair)) is None
    high = _screen(["A", "B", "C"], top=900)                     # a row in the middle of the page
    assert far_end(high, targets(high)) is None
    narrow = _screen(["A", "B", "C"], width=500)                 # a cluster in one corner
    assert far_end(narrow, targets(narrow)) is None
    empty = Screen(elements=[], signature="x", size=(0, 0))
    assert far_end(empty, []) is None


def test_the_searches_fallback_opens_the_far_end_first() -> None:
    """Before: every unscored control tied at 0, the first in screen order won (the row, then the first tab)."""
    screen = _screen(["Αρχική", "Αναζήτηση", "Προφίλ"], ["Φωνητική αναζήτηση"])
    profile = _key(screen, "Προφίλ")
    deletion = DeletionGoal(CONFIG, None)
    node = _node(screen)
    assert deletion.tie_break(node, profile) > max(deletion.tie_break(node, k) for k in node.candidates if k != profile)
    account = AccountGoal(CONFIG, FormData(username="tester@grafis.test", password="pw-secret-1"))
    assert account.tie_break(node, profile) > max(account.tie_break(node, k) for k in node.candidates if k != profile)
    search = GoalSearch(None, deletion, FormData(), CONFIG.search, Spend(Budget(10, 10)))   # type: ignore[arg-type]
    search.graph.nodes.clear()
    search.graph.root = search.current = node.ident
    search.graph.nodes[node.ident] = node
    chosen = search._choose(fallback=True)
    assert chosen is not None and chosen[1].move.key == profile


def test_inside_the_deletion_flow_the_bar_is_chrome_and_after_a_refused_log_in_the_sign_up_is_by_the_form() -> None:
    screen = _screen(["Αρχική", "Αναζήτηση", "Προφίλ"], ["Συνέχεια"])
    profile = _key(screen, "Προφίλ")
    flow = _node(screen, in_flow=True)
    deletion = DeletionGoal(CONFIG, None)
    assert deletion.tie_break(flow, profile) == deletion.tie_break(flow, _key(screen, "Αρχική"))
    account = AccountGoal(CONFIG, FormData(username="tester@grafis.test", password="pw-secret-1"))
    account.login_form = ("login", "button|σύνδεση|0")
    node = _node(screen)
    assert account.tie_break(node, profile) == account.tie_break(node, _key(screen, "Αρχική"))

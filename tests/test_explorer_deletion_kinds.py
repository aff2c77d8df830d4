"""The deletion goal on apps nobody here wrote (issue 13, corpus tawsil, pochta, conto), on made-up screens:

- a log-in path learnt when the account was made by signing up (tawsil: the deleted account's log-in was never
  tried, `login_after_deletion` unmeasured): the log-in form seen on the account search's map, else one found
  after the deletion without ever signing up;
- the last keep-or-confirm decision by structure (pochta: a retention offer's big "Получить 3 месяца бесплатно"
  over a small grey "Продолжить удаление" was not measured): the bigger sibling of the way on is tried once,
  and when its tap offers no way on it left the deletion, and the screen is the decision;
- a refused log-in in words no lexicon has ("Email o password errate.", conto) was sent twice: the same
  credentials form still there after its submit is a refusal, whatever its words.
"""
from __future__ import annotations

from consent_audit.explorer.account import AccountGoal, login_from_map
from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal, decision_siblings
from consent_audit.explorer.elements import Target, Use, targets
from consent_audit.explorer.forms import ACCOUNT, FormData
from consent_audit.explorer.graph import Candidate, Edge, Node, ScreenGraph
from consent_audit.explorer.moves import Move
from consent_audit.decision import final_decision
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen


def _tap(label: str, bounds: tuple[int, int, int, int], role: str = "button") -> Target:
    return Target(Element(text=label, role=role, bounds=bounds, clickable=True), f"{role}|{label}|0", label, Use.TAP)


def _field(label: str, y: int, secret: bool = False) -> Target:
    element = Element(name=label, role="textbox", bounds=(0, y, 400, 40), clickable=True, secret_field=secret)
    return Target(element, f"textbox|{label}|0", label, Use.TEXT)


def _node(ident: str, via: tuple[str, ...], *moves: Move, in_flow: bool = False) -> Node:
    node = Node(ident=ident, screen=Screen(elements=[], signature=ident), depth=len(via), via=via, in_flow=in_flow)
    node.candidates = {m.key: Candidate(m, 0.0) for m in moves}
    return node


def _goal() -> AccountGoal:
    return AccountGoal(load_config(), FormData(username="tester@example.test", password="pass-word-1"))


# --- a log-in path after a sign-up ----------------------------------------------------------------------------

def test_the_log_in_form_seen_on_the_way_is_the_path_to_log_in_again_after_signing_up() -> None:
    account, log_in, sign_up = (Move.tap(_tap(w, (0, 0, 400, 40))) for w in ("الحساب", "تسجيل الدخول", "إنشاء حساب"))
    send_login = Move.form(_tap("دخول", (0, 300, 400, 48)), ACCOUNT)
    send_signup = Move.form(_tap("تسجيل", (0, 300, 400, 48)), ACCOUNT)
    graph = ScreenGraph("home")
    for node in (_node("home", (), account), _node("acc", ("الحساب",), log_in, sign_up),
                 _node("login", ("الحساب", "تسجيل الدخول"), send_login),
                 _node("signup", ("الحساب", "إنشاء حساب"), send_signup)):
        graph.nodes[node.ident] = node
    for source, move, target in (("home", account, "acc"), ("acc", log_in, "login"), ("acc", sign_up, "signup")):
        graph.add(Edge(source, (move,), target, 1))
    assert login_from_map(graph, "signup") == [account, log_in, send_login]
    del graph.nodes["login"]               # only the sign-up form was seen: no log-in path, never the sign-up's
    assert login_from_map(graph, "signup") == []


def test_learning_the_log_in_after_the_deletion_never_signs_up() -> None:
    goal = _goal()
    goal.learning = True
    assert goal.score(_node("acc", ("Account",)), "Create account") < 0 < goal.score(_node("acc", ("Account",)), "Log in")
    signup_form = _node("f", ("Account", "Create account"))
    assert goal.purpose(signup_form, signup_form.screen, [_field("Password", 100, True)]) is None
    login_form = _node("g", ("Account", "Log in"))
    found = [_field("E-mail", 50), _field("Password", 100, True), _tap("Continue", (0, 300, 400, 48))]
    assert goal.purpose(login_form, login_form.screen, found) == ACCOUNT
    submit = Move.form(found[-1], ACCOUNT)
    verdict = goal.judge(login_form, submit, login_form.screen, found, same=True)    # refused: the path all the same
    assert verdict is not None and verdict.kind == "reached"
    assert goal.login_move == submit and goal.login_node == "g" and goal.mode is None


def test_learning_the_log_in_never_sends_a_form_told_a_sign_up_before_sending_it() -> None:
    """A sign-up form reached through a control whose words say nothing (a menu, an icon) was sent while
    learning the log-in after the deletion and judged a sign-up only then: the deleted account made again,
    an account nothing deletes. Told before: its shape, its submit's words, the submit the account was made by."""
    goal = _goal()
    goal.learning = True
    form = _node("f", ("Account", "→"))
    login = [_field("E-mail", 50), _field("Password", 100, True), _tap("Continue", (0, 300, 400, 48))]
    assert goal.purpose(form, form.screen, login) == ACCOUNT
    repeated = login[:2] + [_field("Repeat the password", 150, True), _tap("Continue", (0, 300, 400, 48))]
    assert goal.purpose(form, form.screen, repeated) is None
    worded = login[:2] + [_tap("Create account", (0, 300, 400, 48))]
    assert goal.purpose(form, form.screen, worded) is None
    goal.signup_keys = {login[-1].key}          # the control the account was made with sends this form
    assert goal.purpose(form, form.screen, login) is None
    searching = _goal()                         # the account search itself sends any credentials form
    assert searching.purpose(form, form.screen, worded) == ACCOUNT


def test_learning_the_log_in_tries_controls_no_lexicon_names() -> None:
    """Corpus lauks: signed up, deleted, then the log-in to learn sat behind «Pieslēgties» (beside «Izveidot
    kontu»), words no lexicon has — the learning search tried only worded controls, none was learnt and what
    logging in again answers went unmeasured. The app has accounts: unworded controls are tried (two levels)."""
    searching = _goal()
    assert not searching.fallback             # before any refusal, an app naming no log-in needs none (kind 9)
    goal = _goal()
    goal.learning = True
    assert goal.fallback and goal.fallback_depth == 2


# --- a refusal in words no lexicon has -----------------------------------------------------------------------

def test_a_credentials_form_still_there_after_its_submit_refused_whatever_its_words() -> None:
    goal = _goal()
    shown = [_field("Email", 50).element, _field("Password", 100, True).element, _tap("Accedi", (0, 300, 400, 48)).element]
    form = _node("form", ("Profilo", "Accedi"))
    form.screen = Screen(elements=shown, signature="form")
    submit = next(t for t in targets(form.screen) if t.use == Use.TAP)
    after = Screen(elements=shown + [Element(text="Email o password errate.", bounds=(0, 360, 400, 30))],
                   signature="form+message")       # a text appeared: another structure, a node of its own
    verdict = goal.judge(form, Move.form(submit, ACCOUNT), after, targets(after), same=False)
    assert verdict is not None and verdict.kind == "rejected"
    assert goal.want == "sign_up" and goal.login_move is not None and goal.mode is None
    # a code field showing up under the password is the form's next step, not a refusal
    goal = _goal()
    after = Screen(elements=shown + [_field("Verification code", 200).element], signature="form+code")
    assert goal.judge(form, Move.form(submit, ACCOUNT), after, targets(after), same=False) is None
    assert goal.want == "log_in"


# --- the last keep-or-confirm decision by structure ----------------------------------------------------------

OFFER = _tap("Получить 3 месяца бесплатно", (16, 300, 368, 70))
ON = _tap("Продолжить удаление", (150, 392, 100, 20))
TABS = [_tap(w, (100 * i, 760, 100, 50)) for i, w in enumerate(("Входящие", "Профиль"))]


def test_a_bigger_sibling_of_the_way_on_is_tried_first_and_a_like_sized_one_is_not() -> None:
    goal = DeletionGoal(load_config())
    home = _node("home", ())
    goal.purpose(home, home.screen, TABS)
    offer_screen = _node("offer", ("Профиль", "Безопасность", "Удалить аккаунт"), in_flow=True)
    goal.purpose(offer_screen, offer_screen.screen, [OFFER, ON] + TABS)
    assert goal.boost(offer_screen, OFFER.key) > 0 and goal.boost(offer_screen, ON.key) == 0
    # … but after the way on, never before it: tapping the keep first left the deletion and the whole path was
    # walked again (corpus beyonk-dark: «Залишитися» over «Все одно видалити», 5 actions)
    assert goal.boost(offer_screen, OFFER.key) + goal.score(offer_screen, OFFER.label) < goal.score(offer_screen, ON.label)
    for tab in TABS:
        assert goal.boost(offer_screen, tab.key) == 0         # the tab bar is no sibling
    cancel, delete = _tap("Annulla", (16, 400, 180, 48)), _tap("Elimina", (204, 400, 180, 48))
    assert decision_siblings([cancel, delete], frozenset(), goal._flow_score) == set()   # a fair pair: nothing to try
    # its tap showed a screen offering no way on (back to the profile): it left the deletion
    profile = Screen(elements=[], signature="profile")
    goal.judge(offer_screen, Move.tap(OFFER), profile, [_tap("Подписи и папки", (0, 100, 400, 40))] + TABS, same=False)
    assert goal.exits == {"offer": {OFFER.key: OFFER.label}}


def test_the_decision_is_told_without_tapping_the_keep_the_way_on_taken_by_the_path() -> None:
    """The path went on from the offer by the small way on: its bigger sibling, never tapped, is the other answer
    of the decision (leaves_path then measures it: decision_prominence); a like-sized pair names none."""
    goal = DeletionGoal(load_config())
    home = _node("home", ())
    goal.purpose(home, home.screen, TABS)
    offer_screen = _node("offer", ("Профиль", "Удалить аккаунт"), in_flow=True)
    goal.purpose(offer_screen, offer_screen.screen, [OFFER, ON] + TABS)
    last = _node("last", ("Профиль", "Удалить аккаунт", ON.label), in_flow=True)
    erase = _tap("Удалить навсегда", (16, 400, 368, 48))
    goal.purpose(last, last.screen, [erase] + TABS)
    path = [Edge("home", (Move.tap(TABS[1]),), "offer", 1), Edge("offer", (Move.tap(ON),), "last", 1),
            Edge("last", (Move.tap(erase),), "last+done", 1)]
    assert goal.decision_exits(path) == {(OFFER.key, ON.key)}
    fair = DeletionGoal(load_config())
    cancel, delete = _tap("Annulla", (16, 400, 180, 48)), _tap("Elimina", (204, 400, 180, 48))
    fair.purpose(home, home.screen, TABS)
    fair.purpose(offer_screen, offer_screen.screen, [cancel, delete])
    assert fair.decision_exits([Edge("offer", (Move.tap(delete),), "last+done", 1)]) == set()


def test_a_sibling_whose_tap_goes_on_is_no_way_out() -> None:
    goal = DeletionGoal(load_config())
    big, small = _tap("Tell us more", (16, 300, 368, 70)), _tap("Continue", (150, 392, 100, 20))
    node = _node("step", ("Settings", "Delete account"), in_flow=True)
    goal.purpose(node, node.screen, [big, small])
    reason = Screen(elements=[], signature="reason")
    goal.judge(node, Move.tap(big), reason, [_field("Reason", 100), _tap("Next", (0, 300, 400, 48))], same=False)
    assert goal.exits == {}
    assert goal.decision_exits([Edge("step", (Move.tap(small),), "next", 1)]) == set()   # seen to go on: no keep


def _step(i: int, before: Screen, tapped: Element) -> Step:
    return Step(i, Kind.TAP, f"Tap {tapped.text}", {"text": tapped.text, "bounds": list(tapped.bounds)}, "", 0.1,
                Screen(elements=[], signature=f"after{i}"))


def test_the_decision_is_the_screen_whose_way_on_sat_beside_a_control_seen_to_leave_the_path() -> None:
    offer = Screen(elements=[OFFER.element, ON.element] + [t.element for t in TABS], signature="offer")
    trail = Trail("delete account", start=offer, steps=[_step(1, offer, ON.element)])
    assert final_decision(trail) is None                   # the words of "3 months free" say no way back
    left = {(OFFER.element.bounds, ON.element.bounds)}
    decision = final_decision(trail, lambda screen, on, other: (other.bounds, on.bounds) in left)
    assert decision is not None and decision[1] is OFFER.element and decision[2] is ON.element

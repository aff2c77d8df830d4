"""The deletion's last decision by structure, whatever its words (issue 13 kind 17, corpus kadai): the confirm is
the tap that deleted the account (the path's last move); the other controls of that screen — not the start
screen's chrome, not a way back by its words, no field to fill — are its other answers, measured against it.

Recorded data (tests/data/screens/deletion-kadai-last.*): kadai's last page in Tamil, a back arrow «‹» at the top,
a big filled «கணக்கை வைத்திரு» (keep) and the text link «நீக்கு» (confirm). Before: `decision_prominence` {} — no
lexicon named a way on or a keep, so no sibling was tried and none was known; the deletion's visual_interference
was missed (a wrong verdict)."""
from __future__ import annotations

import json
from pathlib import Path

import cv2

from consent_audit.detectors.prominence import prominence
from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import Target, Use
from consent_audit.explorer.forms import FILL
from consent_audit.explorer.graph import Edge, Node
from consent_audit.explorer.moves import Move
from consent_audit.findings.patterns.visual_interference import VisualInterference
from consent_audit.decision import final_decision
from consent_audit.policy import load_policy
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen

SCREENS = Path(__file__).parent / "data" / "screens"
RECORDED = json.loads((SCREENS / "deletion-kadai-last.json").read_text(encoding="utf-8"))


def _tap(role: str, label: str, bounds: list[int]) -> Target:
    return Target(Element(text=label, role=role, bounds=tuple(bounds), clickable=True), f"{role}|{label}|0", label,
                  Use.TAP)


def _node(ident: str, via: tuple[str, ...], in_flow: bool = True) -> Node:
    return Node(ident=ident, screen=Screen(elements=[], signature=ident), depth=len(via), via=via, in_flow=in_flow)


CHROME = [_tap(*t) for t in RECORDED["chrome"]]
LAST = [_tap(*t) for t in RECORDED["decision"]]
BACK, KEEP, CONFIRM = LAST
FORM = RECORDED["form"]
FIELD = Target(Element(name=FORM["field"][0], role="textbox", bounds=tuple(FORM["field"][1]), clickable=True,
                       secret_field=True), f"textbox|{FORM['field'][0]}|0", FORM["field"][0], Use.TEXT)
TICK = Target(Element(name=FORM["tick"][0], role="checkbox", bounds=tuple(FORM["tick"][1]), clickable=True),
              f"checkbox|{FORM['tick'][0]}|0", FORM["tick"][0], Use.TOGGLE)
SUBMIT = _tap(*FORM["submit"])


def _walked(goal: DeletionGoal, last: list[Target], confirm: Target = CONFIRM) -> list[Edge]:
    """The goal shown kadai's screens as the search saw them; the path: the form sent, then the confirm tapped."""
    home = _node("home", (), in_flow=False)
    goal.purpose(home, home.screen, CHROME)
    form = _node("form", tuple(RECORDED["via"][:3]))
    assert goal.purpose(form, form.screen, [_tap(*FORM["back"]), FIELD, TICK, SUBMIT] + CHROME) == FILL
    decision = _node("last", tuple(RECORDED["via"]))
    goal.purpose(decision, decision.screen, last + CHROME)
    return [Edge("home", (Move.tap(CHROME[2]),), "form", 1), Edge("form", (Move.form(SUBMIT, FILL),), "last", 1),
            Edge("last", (Move.tap(confirm),), "last+done", 1)]


def test_the_other_control_of_the_screen_where_the_deleting_tap_was_made_is_the_keep_whatever_its_words() -> None:
    goal = DeletionGoal(load_config())
    assert goal.decision_exits(_walked(goal, LAST)) == {(KEEP.key, CONFIRM.key)}   # the back arrow: a way back


def test_the_recorded_last_page_is_measured_and_is_visual_interference() -> None:
    goal = DeletionGoal(load_config())
    exits = goal.decision_exits(_walked(goal, LAST))
    host = Element(role="", bounds=KEEP.element.bounds, clickable=True)   # a custom element's host, no words
    screen = Screen(elements=[host] + [t.element for t in LAST + CHROME], signature="last")
    keys = {tuple(t.element.bounds): t.key for t in LAST + CHROME}
    trail = Trail("delete account", start=screen, steps=[Step(1, Kind.TAP, "Tap", {
        "text": CONFIRM.label, "bounds": list(CONFIRM.element.bounds)}, "", 0.1, Screen(elements=[], signature="done"))])
    decision = final_decision(trail, lambda _, on, other: (keys.get(other.bounds), keys.get(on.bounds)) in exits)
    assert decision is not None and decision[1].text == RECORDED["keep"] and decision[2].text == RECORDED["confirm"]
    image = cv2.imread(str(SCREENS / "deletion-kadai-last.png"), cv2.IMREAD_COLOR)
    look = prominence(image, decision[1].bounds, decision[2].bounds)
    found = VisualInterference().check({"prominence": look, "reject_is_text_link": look["reject_is_text_link"]},
                                       {}, load_policy().section("deletion"))
    assert found is not None and "area" in found["reasons"]


def test_no_decision_where_the_deleting_screen_offers_nothing_else_or_a_list_or_a_control_that_went_on() -> None:
    alone = DeletionGoal(load_config())
    assert alone.decision_exits(_walked(alone, [BACK, CONFIRM])) == set()     # a way back by its words only
    rows = [_tap("button", w, [37, 200 + 150 * i, 1008, 149]) for i, w in enumerate(("அ", "ஆ", "இ", "ஈ"))]
    listed = DeletionGoal(load_config())
    # a confirm no lexicon reads (Tibetan: kadai's «நீக்கு» is read as a deletion since Tamil is in the lexicon)
    unworded = _tap("link", "ཡོངས་སུ་སུབ", list(CONFIRM.element.bounds))
    assert listed.decision_exits(_walked(listed, rows + [unworded], unworded)) == set()   # a list of rows: no two-way decision
    went = DeletionGoal(load_config())
    path = _walked(went, LAST)
    after = Screen(elements=[], signature="reason")
    went.judge(_node("last", tuple(RECORDED["via"])), Move.tap(KEEP), after,
               [FIELD, _tap("button", "Next", [37, 965, 1008, 145])], same=False)   # the big one asked more: a step
    assert went.decision_exits(path) == set()


def test_a_confirm_held_back_by_a_countdown_is_measured_on_the_screen_the_tap_was_made_on() -> None:
    """daftar: the dialog opens with «حذف کریں (10)» greyed (disabled, counting down); the explorer waits until it is
    enabled, looks at the screen again and taps. The decision is measured on that later look (the step's
    `looked`), not on the greyed capture after the dialog opened — before, the greyed confirm's pale contrast
    made a false visual_interference of an even decision."""
    from consent_audit.masking import Masker
    from consent_audit.recorder import Recorder
    keep = Element(text="منسوخ کریں", role="button", bounds=(40, 900, 480, 120), clickable=True)
    greyed = Element(text="حذف کریں (1)", role="button", bounds=(560, 900, 480, 120), clickable=True, enabled=False)
    ready = Element(text="حذف کریں", role="button", bounds=(560, 900, 480, 120), clickable=True)
    counting = Screen(elements=[keep, greyed], signature="dialog", screenshot=b"greyed")
    looked = Screen(elements=[keep, ready], signature="dialog", screenshot=b"ready")

    class Platform:
        shown = counting

        def capture(self, screenshot: bool = True):
            from types import SimpleNamespace
            return SimpleNamespace(screen=self.shown, values=[])

    import tempfile
    platform = Platform()
    recorder = Recorder(platform, Path(tempfile.mkdtemp()), Masker(), screenshots="off")  # type: ignore[arg-type]
    with recorder.journey("delete account") as trail:
        recorder.act(Kind.TAP, "Tap «اکاؤنٹ حذف کریں»", lambda: None, {"bounds": [40, 600, 1000, 120]})
        platform.shown = looked                    # the countdown ended: looked at again before the tap
        recorder.invalidate()
        assert recorder.observe() is looked and trail.steps[-1].looked is looked
        platform.shown = Screen(elements=[], signature="done")
        recorder.act(Kind.TAP, "Tap «حذف کریں»", lambda: None, {"bounds": list(ready.bounds)})
    decision = final_decision(trail, lambda _, on, other: other is keep or other.text == keep.text)
    assert decision is not None and decision[0] is looked and decision[2].enabled


def _retention(goal: DeletionGoal, answers: list[Target], on: Target) -> list[Edge]:
    """A screen inside the flow that is one decision (`answers`), gone on from by `on`, then kadai's form and a
    last confirm no lexicon reads, alone on its screen (no last decision there)."""
    home = _node("home", (), in_flow=False)
    goal.purpose(home, home.screen, CHROME)
    retention = _node("retention", tuple(RECORDED["via"][:3]))
    goal.purpose(retention, retention.screen, [BACK] + answers + CHROME)
    form = _node("form", tuple(RECORDED["via"][:3]) + (on.label,))
    goal.purpose(form, form.screen, [_tap(*FORM["back"]), FIELD, TICK, SUBMIT] + CHROME)
    unworded = _tap("link", "ཡོངས་སུ་སུབ", list(CONFIRM.element.bounds))
    last = _node("last", tuple(RECORDED["via"]))
    goal.purpose(last, last.screen, [BACK, unworded] + CHROME)
    return [Edge("home", (Move.tap(CHROME[2]),), "retention", 1), Edge("retention", (Move.tap(on),), "form", 1),
            Edge("form", (Move.form(SUBMIT, FILL),), "last", 1), Edge("last", (Move.tap(unworded),), "done", 1)]


def test_a_keep_of_the_way_ons_size_beside_it_is_the_other_answer_whatever_its_words() -> None:
    """corpus qytet: a retention screen inside the flow, a filled «Qëndro» (stay: no lexicon reads it) over an
    outlined «Vazhdo me fshirjen» of the same size — neither larger (no probe) nor seen to leave (the keep is never
    tapped), nor the deleting tap's screen: before, no decision was found and visual_interference was missed."""
    keep = _tap("button", "Qëndro", [32, 1500, 1008, 147])
    on = _tap("button", "Vazhdo me fshirjen", [32, 1680, 1008, 147])
    goal = DeletionGoal(load_config())
    assert goal.decision_exits(_retention(goal, [keep, on], on)) == {(keep.key, on.key)}
    side = DeletionGoal(load_config())        # side by side on one row
    left, right = _tap("button", "Qëndro", [32, 1500, 480, 147]), _tap("button", "Vazhdo", [560, 1500, 480, 147])
    assert side.decision_exits(_retention(side, [left, right], right)) == {(left.key, right.key)}


def test_no_pair_of_a_list_of_three_a_far_control_or_one_of_another_size() -> None:
    rows = [_tap("button", w, [32, 1200 + 150 * i, 1008, 147]) for i, w in enumerate(("Çmimi", "Nuk e përdor", "Tjetër"))]
    listed = DeletionGoal(load_config())
    assert listed.decision_exits(_retention(listed, rows, rows[0])) == set()      # two peers: a list, no pair
    far = DeletionGoal(load_config())
    keep, on = _tap("button", "Qëndro", [32, 300, 1008, 147]), _tap("button", "Vazhdo", [32, 1680, 1008, 147])
    assert far.decision_exits(_retention(far, [keep, on], on)) == set()
    small = DeletionGoal(load_config())       # a link under the way on: a third of its area, not its peer
    keep, on = _tap("link", "Qëndro", [32, 1680, 1008, 49]), _tap("button", "Vazhdo", [32, 1500, 1008, 147])
    assert small.decision_exits(_retention(small, [keep, on], on)) == set()
    offer = DeletionGoal(load_config())       # an offer 1.4 times the way on's area: no pair (retention.html?v=fair)
    keep, on = _tap("button", "Get 3 months free", [32, 1480, 1008, 196]), _tap("button", "Vazhdo", [32, 1700, 1008, 137])
    assert offer.decision_exits(_retention(offer, [keep, on], on)) == set()

"""A bare question's answer that names the deed again goes on first — and the page a layer covers answers nothing
(corpus sudar: the privacy centre's submit «என் தரவை நீக்கு», under the modal <dialog> it opened, named «நீக்கு» too,
so the dialog's «நீக்கு» was no longer the one answer naming the deed: its «ரத்துசெய்» was tapped first, and the
whole way walked again — seven actions)."""
from __future__ import annotations

from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Node
from consent_audit.screen import Element, Screen


def _question(page_covered: bool) -> tuple[DeletionGoal, Node, Screen]:
    screen = Screen(elements=[
        Element(text="Zorp my data", role="button", clickable=True, covered=page_covered, bounds=(40, 850, 1000, 130)),
        Element(text="Zorpi mek?", role="heading", bounds=(100, 1000, 800, 60)),
        Element(text="Nu", role="button", clickable=True, bounds=(100, 1200, 300, 100)),
        Element(text="Zorp", role="button", clickable=True, bounds=(500, 1200, 300, 100))],
        signature="q", size=(1080, 2400))
    goal = DeletionGoal(load_config(), lambda: "rejected")
    node = Node("q", screen, 3, in_flow=True, via=("Privo", "Zorp my data"))
    goal.questions.add("q")
    return goal, node, screen


def _key(screen: Screen, label: str) -> str:
    return next(t.key for t in targets(screen) if t.label == label)


def test_the_covered_submit_under_the_dialog_does_not_take_the_deed_from_its_answer() -> None:
    """Before: False (the covered submit counted as another answer naming «Zorp»)."""
    goal, node, screen = _question(page_covered=True)
    assert goal._names_deed(node, _key(screen, "Zorp")) and not goal._names_deed(node, _key(screen, "Nu"))


def test_a_control_shown_beside_the_answers_still_tells_the_deed_apart() -> None:
    goal, node, screen = _question(page_covered=False)
    assert not goal._names_deed(node, _key(screen, "Zorp"))     # another control in view names it too

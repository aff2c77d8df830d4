"""A permission asked from an app's own question that earlier use raised (corpus mtsvane: after every third article
read in one page load, while notifications are undecided): the tap before the question does not raise it from a
fresh start, so its route is the whole use since the launch (`Operator.walked`), kept when replaying it shows the
question again (explorer/asked_in_use.py `replayed_use`) — before, the refusal was never walked (not found). A use
holding anything but taps, or one whose replay shows nothing, is not replayed. Simulated app (no browser)."""
from __future__ import annotations

from dataclasses import dataclass, field

from consent_audit.explorer.asked_in_use import raised_by_use, replayed_use
from consent_audit.explorer.config import Budget
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.permissions import Feature
from consent_audit.screen import Element, Screen

from explorer_standins import StandInOperator

ARTICLES = ("Kometa", "Teatri", "Ghvino")


@dataclass
class Reader:
    """A news app: a list of articles, each with a way back; after the third article opened since the launch, a
    question over the app whose «Allow» asks for notifications."""

    at: str = "home"
    opened: int = 0
    asked: int = 0
    taps: list[str] = field(default_factory=list)

    def screen(self) -> Screen:
        if self.at == "question":
            rows = [Element(text="Not now", role="button", clickable=True, bounds=(10, 300, 180, 44)),
                    Element(text="Allow", role="button", clickable=True, bounds=(200, 300, 180, 44))]
        elif self.at == "home":
            rows = [Element(text=t, role="link", clickable=True, bounds=(10, 60 + 60 * i, 380, 44))
                    for i, t in enumerate(ARTICLES)]
        else:
            rows = [Element(text="‹", role="link", clickable=True, bounds=(10, 10, 40, 40)),
                    Element(text=f"{self.at} …", bounds=(10, 60, 380, 300))]
        return Screen(elements=rows, signature=self.at, size=(400, 800), prompts={"notifications": self.asked})

    def tap(self, label: str) -> None:
        if label in ARTICLES:
            self.opened += 1
            self.at = "question" if self.opened % 3 == 0 else label
        elif label == "‹":
            self.at = "home"
        elif label == "Allow":
            self.asked, self.at = self.asked + 1, "home"


class Op(StandInOperator):
    log_taps = True

    def tap(self, target: Target, peek_code: bool = False, exclude: set[str] | None = None) -> Screen:
        self.app.tap(target.label)
        self.walked.append((target.key, target.label))
        return self._act(target.label)

    def relaunch(self) -> Screen:
        self.app.at, self.app.opened, self.app.asked, self.walked = "home", 0, 0, []
        return self._act("relaunch")


def _op() -> Op:
    op = Op(Reader(), Spend(Budget(80, 60)))
    op.walked = []
    return op


def _read_three(op: Op) -> tuple[Feature, list]:
    """The search's walk: three articles, each read and left; the question over the third, answered «Allow»."""
    for title in ARTICLES:
        op.tap(next(t for t in op.targets() if t.label == title))
        if op.app.at != "question":
            op.tap(next(t for t in op.targets() if t.label == "‹"))
    walked = list(op.walked)
    allow = next(t for t in op.targets() if t.label == "Allow")
    feature = Feature("notifications", allow.key, "Allow", "home", [], [])
    return feature, walked


def test_a_question_raised_by_earlier_use_is_walked_by_replaying_that_use() -> None:
    op = _op()
    feature, walked = _read_three(op)
    assert not raised_by_use(op, op.relaunch, feature)       # «Allow» alone, from a fresh start: no question
    replayed = replayed_use(op, op.relaunch, feature, walked)
    assert replayed is not None and [m.label for m in replayed.route] == ["Kometa", "‹", "Teatri", "‹", "Ghvino"]
    assert all(type(m).__name__ == "Move" for m in replayed.route)
    assert op.app.asked == 1                                  # the replay showed the question and «Allow» asked
    # it works when the app goes on with the same controls, whatever words come and go (a toast), not otherwise
    home = op.app.screen()
    toast = Screen(elements=home.elements + [Element(text="Notifications on.", bounds=(10, 700, 380, 40))],
                   signature="home+toast", size=(400, 800))
    blocked = Screen(elements=[Element(text="Try again", role="button", clickable=True, bounds=(10, 300, 380, 44))],
                     signature="block", size=(400, 800))
    assert replayed.works(home, toast) and not replayed.works(home, blocked)


def test_a_use_holding_more_than_taps_or_raising_nothing_is_not_replayed() -> None:
    op = _op()
    feature, walked = _read_three(op)
    assert replayed_use(op, op.relaunch, feature, walked[:2] + [None] + walked[2:]) is None     # a text typed
    assert replayed_use(op, op.relaunch, feature, walked[:3]) is None      # two articles: no question
    assert replayed_use(op, op.relaunch, feature, []) is None


def test_a_use_walked_from_a_fresh_install_is_its_own_replay() -> None:
    """The search's walk began at a fresh install (`Operator.walk_fresh`): replaying it from one would make the
    same taps again (corpus mtsvane: fifteen actions) — the feature is that walk, its controls those the search
    saw after the answer (`Beyond.fresh_walks`), nothing replayed; a walk with more than taps is still refused."""
    op = _op()
    feature, walked = _read_three(op)
    before = len(op.recorder.steps)
    seen = frozenset(t.label for t in targets(op.app.screen()))
    kept = replayed_use(op, op.relaunch, feature, walked, seen)
    assert kept is not None and [m.label for m in kept.route] == ["Kometa", "‹", "Teatri", "‹", "Ghvino"]
    assert len(op.recorder.steps) == before and kept.controls == seen     # no action spent
    assert replayed_use(op, op.relaunch, feature, walked[:2] + [None] + walked[2:], seen) is None


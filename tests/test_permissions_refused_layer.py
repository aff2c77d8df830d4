"""A layer over the app only at the launch with every permission refused (helper fixMT, corpus meltemi): the app's
own pre-prompt «Να σας ειδοποιούμε;» (Όχι τώρα / Ναι, ειδοποιήστε με) shows while notifications are not granted —
absent at the granted launch, where launch layers are lifted, and in words no lexicon has, so the refused pass
answered nothing: no request seen, and the flow's refused launch read the pre-prompt as a block (a false
forced_permission). It is lifted by structure as any launch layer (`_pass_launch_layer`, its controls tried from
fresh refused launches, never one worded as agreeing — a refusing user's answer — nor the decline avoided), and its
agreeing answer then tried once at a relaunch (explorer/soft_ask.py). Never while the consent dialog is shown."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move
from consent_audit.explorer.permissions_exploring import PermissionExplorations
from consent_audit.screen import Element, Screen

NOT_NOW, YES = Move("tap", "button|dim nawr|0", "Dim nawr"), Move("tap", "button|ie|0", "Ie")


def _covered() -> tuple[Screen, frozenset[int]]:
    """The app's two controls under a dialog holding two answers."""
    elements = [Element(text="Chwilio", role="button", bounds=(10, 60, 300, 40), clickable=True),
                Element(text="Cyfrif", role="button", bounds=(10, 740, 300, 40), clickable=True),
                Element(role="dialog", bounds=(0, 300, 400, 200)),
                Element(text="Dim nawr", role="button", bounds=(10, 400, 180, 40), clickable=True),
                Element(text="Ie", role="button", bounds=(210, 400, 180, 40), clickable=True)]
    return Screen(elements=elements, signature="app", size=(400, 800)), frozenset({0, 1})


class _Lift(PermissionExplorations):
    def __init__(self, covered: bool = True, consent: bool = False, comes_back: bool = True) -> None:
        self.events: list[str] = []
        self.comes_back = comes_back      # whether a relaunch shows the pre-prompt again (its dismissal not stored)
        screen, under = _covered()
        self.op = SimpleNamespace(screen=lambda: screen, in_foreground=True,
                                  covered=lambda s: under if covered else frozenset(),
                                  targets=lambda s=None: targets(screen, under), relaunch=self._relaunch)
        self.consent_shown = consent
        self.refused_layer_checked = False
        self.launch_moves: list[Move] = []
        self.config = SimpleNamespace(search={"launch_layer_trials": 3,
                                              "beyond_core_avoid": ["exit", "decline", "save"]})
        self.soft_asks = SimpleNamespace(trying=False, alternatives={}, tried=set())

    def _relaunch(self) -> None:
        self.events.append(f"relaunched (agreeing tried: {self.soft_asks.trying})")

    def _refused_launch(self, lift: bool = True) -> None:
        self.events.append(f"refused launch (lift: {lift})")

    def _pass_launch_layer(self, restart, limit: int, avoid: frozenset[str], depth: int = 2) -> None:
        self.events.append(f"layer lifted by structure, avoiding {sorted(avoid)}")
        restart()                        # a second control tried from a fresh refused launch
        self.launch_moves.append(NOT_NOW)
        self.soft_asks.alternatives[NOT_NOW] = YES

    def _answer_new_modals(self, learn: bool = True) -> None:
        self.events.append(f"modals answered (agreeing tried: {self.soft_asks.trying})")
        if self.soft_asks.trying and self.comes_back:
            self.soft_asks.tried.add(NOT_NOW)      # met again: its agreeing answer taken (SoftAsks.to_try)


def test_a_layer_left_at_the_refused_launch_is_lifted_and_its_agreeing_answer_tried() -> None:
    search = _Lift()
    search._lift_refused_layer()
    assert search.events == ["layer lifted by structure, avoiding ['agree', 'exit', 'save']",
                             "refused launch (lift: False)", "relaunched (agreeing tried: True)",
                             "modals answered (agreeing tried: True)"]
    assert search.launch_moves == [NOT_NOW] and search.soft_asks.trying is False
    search._lift_refused_layer()
    assert len(search.events) == 4       # once per app


def test_a_pre_prompt_its_stored_dismissal_keeps_away_is_met_at_a_fresh_refused_install() -> None:
    """soft_ask.html?v=oncerefused: «Dim nawr» stores itself, so the relaunch made to try «Ie» met no pre-prompt
    and the agreeing answer was never tried — with a block behind its refusal, a false clean. A fresh install
    with everything refused shows it again: the agreeing answer is tried there."""
    search = _Lift(comes_back=False)
    search._lift_refused_layer()
    assert search.events[-3:] == ["relaunched (agreeing tried: True)", "modals answered (agreeing tried: True)",
                                  "refused launch (lift: False)"]


def test_nothing_is_lifted_when_nothing_covers_the_app_or_the_consent_dialog_is_shown_or_a_wall_has_one_way() -> None:
    """A wall with one way on (corpus kofi's «Washa eneo» over the app, refused) is no question to answer: its
    button asks, nothing lifts it, and the trials cost two actions for nothing."""
    wall = _Lift()
    screen, under = _covered()
    one = Screen(elements=screen.elements[:-1], signature="app", size=(400, 800))
    wall.op.screen, wall.op.targets = (lambda: one), (lambda s=None: targets(one, under))
    for search in (_Lift(covered=False), _Lift(consent=True), wall):
        search._lift_refused_layer()
        assert search.events == [] and search.launch_moves == []

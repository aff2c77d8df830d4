"""The structural probe measures the consent dialog: none of the explorer's late-layer hooks answer it while the
probe's trials run. Corpus beyonk-fair (hu, @beyonk/gdpr-cookie-consent-banner, every optional purpose off): at
launch no words read the first layer (its accept «Kiválasztottak elfogadása» is in no lexicon), so the probe tries
it; ticking the settings layer's boxes relabels that button «Összes elfogadása», which the lexicon knows — so once
«Bezárás» closed the settings layer, the operator's after-tap hook (`LateLayers._answer_late_consent`) took the
first layer for a consent dialog that "came by itself" and accepted it inside the trial. The probe then read the
hook's storage as what «Bezárás» stored: the accept was «Beállítások › 3 ticks › Bezárás» (5 steps, truth 6), a
path that leaves the first layer up; replayed, the deletion goal looped under it (not_found)."""
from __future__ import annotations

from typing import Any

import json

from test_explorer_structure import OptInApp

from consent_audit.explorer.consent_exploring import ConsentExplorations
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.late_layers import LateLayers
from consent_audit.explorer.operator import hooked
from consent_audit.screen import Screen

SELECTED, ALL = "Kiválasztottak elfogadása", "Összes elfogadása"


class BeyonkApp(OptInApp):
    """OptInApp in beyonk-fair's Hungarian words, driven as the explorer's Operator drives an app: after each
    tap the `after_tap` hook sees the screens before and after it (Operator._tap), never while it answers."""

    SELECTED, ALL = SELECTED, ALL

    def __init__(self, layers: dict) -> None:
        super().__init__(layers)
        self.after_tap: Any = None
        self._answering = False
        self.consent_answered = False
        self.looked_long = True

    def tap(self, target) -> Screen:
        before = self.screen()
        after = super().tap(target)
        return self.screen() if hooked(self, before, target.label, after) else after


def _saved(app: "BeyonkApp") -> str:
    """What the first layer's accept stores: each box as it is now."""
    return json.dumps({"stats": "Statisztikai sütik" not in app.unticked, "ads": "Marketing sütik" not in app.unticked})


BEYONK = {"first": {"texts": ["Sütik a Kosárban", "Minden más csak akkor kerül a gépedre, ha bekapcsolod."],
                    "buttons": {"Beállítások": ("settings", None, False),
                                "Összes elutasítása": (None, '{"stats":false,"ads":false}', False),
                                SELECTED: (None, _saved, False)}},
          "settings": {"texts": ["Beállítások"], "boxes": ("Statisztikai sütik", "Marketing sütik"),
                       "buttons": {"Bezárás": ("first", None, False)}}}


class Goal(LateLayers, ConsentExplorations):
    """An explored app's consent state and hooks (`ExploredApp`'s), on the fake app."""

    def __init__(self, app: BeyonkApp) -> None:
        self.op, self.data = app, FormData()
        self.accept = self.reject = self.refusal = None
        self.answering_consent = self.at_launch = False
        self.structure_checked = False
        self._launch_fresh = app.restart
        app.after_tap = self._answer_late_consent


def test_the_probe_trials_are_not_answered_by_the_late_consent_hook() -> None:
    app = BeyonkApp(BEYONK)
    goal = Goal(app)
    assert goal._consent_by_structure(app.restart()) is True
    assert goal.accept is not None and goal.reject is not None
    # the agreeing user's own path: tick, close the settings layer, then the relabelled button takes the layer away
    assert [m.label for m in goal.accept.moves] == ["Beállítások", "Statisztikai sütik", "Marketing sütik",
                                                    "Bezárás", ALL]
    assert [m.label for m in goal.reject.moves] == ["Összes elutasítása"]
    assert goal.answering_consent is False      # the hooks answer again once the probe is over


def test_outside_the_probe_the_hook_still_accepts_a_dialog_that_came_by_itself() -> None:
    app = BeyonkApp(BEYONK)
    goal = Goal(app)
    app.restart()
    app.at = None
    assert goal._answer_late_consent(app.screen(), "Fiók", _first_shown(app)) is True
    assert app.at is None and json.loads(app.stored["shop:choice"]) == {"stats": True, "ads": True}


def _first_shown(app: BeyonkApp) -> Screen:
    """The first layer, relabelled «Összes elfogadása» (the boxes ticked): a consent dialog by its words."""
    app.at, app.unticked = "first", set()
    return app.screen()

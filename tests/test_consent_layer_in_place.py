"""A consent dialog's layer of purposes that covers nothing (a bottom sheet over a page with no tab bar under it,
chaguan's options in fresh6 #3b): the answer that opened it has not answered yet (explorer/consent.py `answer`)."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.forms import FormData
from consent_audit.screen import Screen
from test_explorer_structure import LayerApp


def _save(app: LayerApp) -> str:
    return '{"stats":%s,"ads":%s}' % tuple("false" if b in app.unticked else "true"
                                           for b in ("Statistics", "Advertising"))


SHEET = {"first": {"texts": ["We use cookies to measure traffic and personalise offers."],
                   "buttons": {"Accept all": (None, '{"stats":true,"ads":true}', False),
                               "Manage options": ("options", None, False)}},
         "options": {"texts": ["Your choices"], "boxes": ("Statistics", "Advertising"),
                     "buttons": {"Save": (None, _save, False)}}}


class _Sheet(LayerApp):
    """LayerApp with no dialog element and nothing covered: a sheet docked over a page that has no tab bar."""

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset()

    def screen(self) -> Screen:
        s = super().screen()
        return Screen(elements=[e for e in s.elements if e.role != "dialog" and e.text != "მთავარი"],
                      signature=s.signature, size=s.size)


def test_a_refusal_goes_on_through_a_layer_of_purposes_that_covers_nothing() -> None:
    """Before: «Manage options» opened the sheet of two ticked purposes; nothing covered, no role, «Your
    choices» read as no consent — the answer stopped there, nothing stored, and that was walked and judged as
    the refusal (the reject path «stored other choices than the accept path»: nothing). Switches the screen
    before did not hold mean the dialog still waits: its purposes are unticked and saved."""
    app = _Sheet(SHEET)
    app.restart()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Manage options", "Save"]
    assert app.stored == {"shop:choice": '{"stats":false,"ads":false}'} and app.at is None


def test_the_control_that_opened_the_purposes_in_place_is_not_tapped_again() -> None:
    """porsche-dark (consent 7/3, fixP): «Ayarları yönet», a link in the banner's text, unfolds the purposes in the
    same banner and stays drawn there. Nothing pre-ticked, so no untick-and-save: the refusal's next move was the
    way to the settings again (a tap that changed nothing), then the save — an action too many in the consent
    search (the path itself dropped it: the screen did not change). Once a move opened switches, its control is no
    move of the answer again."""
    from consent_audit.explorer import consent
    from consent_audit.explorer.forms import FormData
    from test_explorer_structure import LayerApp

    words = ["We use cookies to measure traffic and personalise ads. Continuing means you accept them."]
    layers = {"first": {"texts": words, "roles": {"Manage settings": "link"},
                        "buttons": {"Accept all and continue": (None, '{"stats":true,"ads":true}', False),
                                    "Manage settings": ("open", None, False)}},
              "open": {"texts": words, "boxes": ("Statistics", "Advertising"), "roles": {"Manage settings": "link"},
                       "buttons": {"Manage settings": ("open", None, False),
                                   "Save selection": (None, '{"stats":false,"ads":false}', False),
                                   "Accept all and continue": (None, '{"stats":true,"ads":true}', False)}}}

    class NothingTicked(LayerApp):
        def restart(self):
            screen = super().restart()
            self.unticked = {"Statistics", "Advertising"}
            return self.screen()

    app = NothingTicked(layers)
    app.restart()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Manage settings", "Save selection"]
    assert app.taps == ["Manage settings", "Save selection"]
    assert app.stored["shop:choice"] == '{"stats":false,"ads":false}'

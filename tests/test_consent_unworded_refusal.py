"""A consent dialog read by its words whose refusal no word names (corpus daftar: CookieCraft's «سب مسترد کریں»
beside «سب قبول کریں», its preferences behind a span at the end of its sentence): its answers are told by the
structural probe — each tried once, what it stored read at once — not by the accept walked and relaunched and
then every way out tried with a relaunch after each."""
from __future__ import annotations

from test_explorer_search_cost import ON, OFF, WORDED, _consent_goal, _LaunchingApp
from test_explorer_structure import _saved

DAFTAR_KIND = {"first": {"texts": WORDED["first"]["texts"],
                         "buttons": {"Preferensi": ("settings", None, False), "Accept all": (None, ON, False),
                                     "Nope": (None, OFF, False)},
                         "roles": {"Preferensi": ""}},
               "settings": {"texts": ["Preferensi"], "boxes": ("სტატისტიკა", "რეკლამა"),
                            "buttons": {"Simpan": (None, _saved, False)}}}


class _Counted(_LaunchingApp):
    """Relaunches counted: each is an action the goal is charged."""

    relaunches = 0

    def relaunch(self):
        self.relaunches += 1
        return super().relaunch()


def test_an_unworded_refusal_of_a_worded_dialog_is_told_by_the_probe() -> None:
    """daftar (b34: consent 5 actions for 2, and the preferences' pre-ticked purposes never counted): the accept
    was walked and relaunched, then the ways out tried, each with a relaunch; the preferences were opened by one
    of them and looked for again by words to be counted. The probe tries the three controls once each, reads what
    each stored at once and counts the preferences it opened: no relaunch, the same paths."""
    app = _Counted(DAFTAR_KIND)
    kept: list = []
    found = _consent_goal(app, kept)
    assert found.ending == "reached"
    assert [m.label for m in found.paths["accept"]] == ["Accept all"]
    assert [m.label for m in found.paths["reject"]] == ["Nope"]
    assert kept[0].settings_preticked == 2
    assert sorted(app.taps) == ["Accept all", "Nope", "Preferensi"] and app.relaunches == 0

"""A consent dialog's settings layer whose way is named in words no lexicon has (corpus daftar, Urdu: «ترجیحات
منتخب کریں» opens CookieCraft's preferences with two purposes pre-ticked; the refusal «سب مسترد کریں» found by
trying every way out): before, the refusal search opened the layer and went on, then the settings layer was looked
for again by its words only, not found, and pre-ticked purposes read 0 (truth 2) — a missed preticked_consent.
The first layer of purposes a way out opened is kept (refusal.RefusalCheck.layer) and counted there; a layer that
was there to open and could not be is unmeasured, never 0 (flows/test_consent._preticked)."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer import refusal
from consent_audit.explorer.elements import purpose_targets, targets
from consent_audit.explorer.forms import FormData
from consent_audit.flows.test_consent import _preticked
from consent_audit.screen import Element, Screen

from tests.test_consent_wall import APP, FIRST, RAIN, _at, _InPlace

ACCEPTED = {"local": {"rainfall-consent": '{"stats":true,"ads":true}'}}
REFUSED = {"local": {"rainfall-consent": '{"stats":false,"ads":false}'}}
FIRST_WORDLESS = [e if e.text != "Settings" else Element(text="Zorp blim", role="button", bounds=e.bounds,
                                                         clickable=True) for e in FIRST] \
    + [Element(text="Nek", role="button", bounds=(80, 1420, 920, 60), clickable=True)]
PREFERENCES = RAIN + [
    Element(role="dialog", name="Zorp", bounds=(40, 700, 1000, 1000)),
    Element(name="Necessary", role="switch", checked=True, enabled=False, bounds=(900, 800, 100, 60), clickable=True),
    Element(name="Stats", role="switch", checked=True, bounds=(900, 900, 100, 60), clickable=True),
    Element(name="Ads", role="switch", checked=True, bounds=(900, 1000, 100, 60), clickable=True),
    Element(text="Blorp", role="button", bounds=(80, 1500, 920, 110), clickable=True)]


class _Wordless(_InPlace):
    """«Zorp blim» opens the preferences (two purposes ticked, one locked), «Nek» refuses, «Accept all» accepts."""

    def launch_fresh(self) -> Screen:
        self.stored, self.shown = {}, _at(FIRST_WORDLESS, "first")
        return self.shown

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Zorp blim":
            self.shown = _at(PREFERENCES, "prefs")
        elif target.label == "Nek":
            self.stored, self.shown = dict(REFUSED), _at(APP, "app")
        elif target.label == "Accept all":
            self.stored, self.shown = dict(ACCEPTED), _at(APP, "app")
        return self.shown


def test_the_first_layer_of_purposes_a_way_out_opened_is_kept_to_count() -> None:
    app = _Wordless()
    found = refusal.check(app, app.launch_fresh, [], FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                          kept=({}, ACCEPTED))
    assert found.offered and found.layer is not None, (found.detail, app.taps)
    layer, covered = found.layer
    ticked = [t for t in purpose_targets(targets(layer, covered)) if t.element.checked]
    assert sum(t.element.enabled for t in ticked) == 2 and sum(not t.element.enabled for t in ticked) == 1


def test_a_settings_layer_not_opened_is_unmeasured_never_none_ticked() -> None:
    reject = SimpleNamespace(start=None, steps=[], screens=[])
    assert _preticked(SimpleNamespace(settings_preticked=None, settings_mandatory=None), reject) is None
    assert _preticked(SimpleNamespace(settings_preticked=None, settings_mandatory=0), reject) == 0    # none offered
    assert _preticked(SimpleNamespace(settings_preticked=2, settings_mandatory=1), reject) == 2
    assert _preticked(SimpleNamespace(), reject) == 0      # a page object counting on its own trail

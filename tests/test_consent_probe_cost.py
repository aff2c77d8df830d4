"""What the consent dialog's structural probe (explorer/consent_structure.learn) spends: every answer that can
tell a figure is tried, none that cannot — on hand-made layers (tests/test_explorer_structure.LayerApp)."""
from __future__ import annotations

import json

from consent_audit.explorer import consent_structure
from consent_audit.stored_records import switches

from tests.test_explorer_structure import LayerApp


def _record(analytics: bool, marketing: bool) -> str:
    """cookiecraft's record: its revision as a number beside the categories' true / false."""
    return json.dumps({"version": 1, "timestamp": "2026-12-01T08:40:01.000Z", "expiresAt": "2027-12-01T08:40:01Z",
                       "categories": {"necessary": True, "analytics": analytics, "marketing": marketing}})


def _saved(app: LayerApp) -> str:
    return _record("تجزیات" not in app.unticked, "مارکیٹنگ" not in app.unticked)


# daftar's kind (cookiecraft): accept all / reject all on the first layer, a span opening the preferences (a locked
# necessary, two optional purposes ticked) whose «essentials only» and «save» store the choice
COOKIECRAFT = {"first": {"texts": ["دفتر کوکیز استعمال کرتا ہے"],
                         "buttons": {"ترجیحات منتخب کریں": ("settings", None, False),
                                     "سب قبول کریں": (None, {"local:cookiecraft_consent": _record(True, True)}, False),
                                     "سب مسترد کریں": (None, {"local:cookiecraft_consent": _record(False, False)},
                                                       False)}},
               "settings": {"texts": ["کوکیز کی ترجیحات"], "boxes": ("ضروری", "تجزیات", "مارکیٹنگ"),
                            "locked": ("ضروری",),
                            "buttons": {"صرف ضروری": (None, {"local:cookiecraft_consent": _record(False, False)},
                                                     False),
                                        "انتخاب محفوظ کریں": (None, lambda app: {"local:cookiecraft_consent":
                                                                                 _saved(app)}, False)}}}


def test_a_version_number_beside_true_false_switches_is_no_switch() -> None:
    """cookiecraft keeps {"version": 1, "categories": {…: true/false}}: its version was read as a purpose
    switched on (a digit under a name), so "reject all" held two on against one locked — the refusal taken for
    missing, and every settings answer tried again after unticking (8 actions on daftar). A record that writes
    its flags as true / false keeps its numbers as numbers; one written in digits alone still reads them."""
    assert switches({"c": _record(False, False)}) == {"c.categories.necessary": True,
                                                       "c.categories.analytics": False,
                                                       "c.categories.marketing": False}
    assert switches({"c": json.dumps({"analytics": 1, "ads": 0})}) == {"c.analytics": True, "c.ads": False}
    assert switches({"c": json.dumps({"v": {"w": {"x": 1}}})}, digits=False) == {}


def test_a_first_layer_refusal_down_to_the_locked_purposes_spends_nothing_on_the_settings_layers_answers() -> None:
    """daftar (15 actions for an optimum of 2): «سب مسترد کریں» on the first layer refuses every optional
    purpose in one tap; each of the preferences' answers was still tried from a fresh launch, plain and after
    unticking. None can refuse more or in fewer steps: the preferences are opened once (pre-ticked and locked
    purposes counted there) and their answers never tried."""
    app = LayerApp(COOKIECRAFT)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["سب قبول کریں"]
    assert [m.label for m in learnt.reject.moves] == ["سب مسترد کریں"]
    assert learnt.settings_ticked == 2 and learnt.settings_locked == 1
    assert app.taps == ["ترجیحات منتخب کریں", "سب قبول کریں", "سب مسترد کریں"]


def test_a_first_layer_refusal_that_keeps_a_purpose_on_still_looks_through_the_settings_layer() -> None:
    """The cut holds only for a refusal down to the locked purposes: a first-layer «reject» that keeps
    marketing on is no full refusal, and the settings layer's «essentials only» (all optional off) is found."""
    layers = {**COOKIECRAFT, "first": {**COOKIECRAFT["first"], "buttons": {
        **COOKIECRAFT["first"]["buttons"],
        "سب مسترد کریں": (None, {"local:cookiecraft_consent": _record(False, True)}, False)}}}
    app = LayerApp(layers)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.reject.moves] == ["ترجیحات منتخب کریں", "صرف ضروری"]


# ktiv's kind: no refusal on the first layer; the settings layer's «reject all» before its «save» (which keeps the
# pre-ticked purposes on)
SETTINGS_REFUSAL_FIRST = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                                    "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                                "პარამეტრები": ("settings", None, False)}},
                          "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                                       "buttons": {"ყველაფრის უარყოფა": (None, '{"stats":false,"ads":false}', False),
                                                   "შენახვა": (None, '{"stats":true,"ads":true}', False)}}}


def test_a_settings_layer_refusal_down_to_the_locked_purposes_ends_that_layers_trials() -> None:
    """ktiv (6 actions for 3): the settings layer's «דחה הכל» stored every purpose off, and its «שמור» was still
    tried from a fresh launch through the layer — a save no shorter, and unable to refuse more. The layer's
    answers are tried only until one refuses down to its locked purposes."""
    app = LayerApp(SETTINGS_REFUSAL_FIRST)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    assert learnt.settings_ticked == 2
    assert "შენახვა" not in app.taps


def test_the_settings_layer_its_opener_just_opened_is_where_its_first_answer_is_tried() -> None:
    """ktiv (4 actions for 3): the probe's trial of «ניהול העדפות» opened the settings layer and left it on screen,
    untouched; its «דחה הכל» was then tried from a fresh launch, tapping «ניהול העדפות» again. The layer the
    opener's own trial just opened is what that launch and tap would show: its first answer is tried there —
    the later ones (and any trial after another move) each from a fresh launch through the layer."""
    app = LayerApp(SETTINGS_REFUSAL_FIRST)
    launches = []

    def restart():
        launches.append(1)
        return app.restart()
    learnt = consent_structure.learn(app, restart)
    assert learnt is not None
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    assert app.taps == ["ვეთანხმები", "პარამეტრები", "ყველაფრის უარყოფა"] and len(launches) == 2
    # the opener not the last trial made (another answer tried after it): the layer is reached again
    layers = {**SETTINGS_REFUSAL_FIRST, "first": {**SETTINGS_REFUSAL_FIRST["first"], "buttons": {
        "პარამეტრები": ("settings", None, False), "ვეთანხმები": (None, '{"stats":true,"ads":true}', False)}}}
    again = LayerApp(layers)
    assert consent_structure.learn(again, again.restart) is not None
    assert again.taps == ["პარამეტრები", "ვეთანხმები", "პარამეტრები", "ყველაფრის უარყოფა"]


def test_after_unticking_the_settings_layers_save_is_tried_first_and_the_refusal_ends_the_trials() -> None:
    """gcn-dark (25 actions for an optimum of 7): with nothing refused by the settings layer's answers as they
    stood, each was tried again after unticking its three purposes in reading order — its × (which only closes
    the layer), its policy link, then its save — and all of them whatever the one before found. A refusing user
    unticks and takes the button that stores (the save seen storing the untouched layer): it goes first, and the
    trials end once a refusal down to the locked purposes is found (saved, then closed by the ×)."""
    from test_explorer_settings_ways_out import GCN
    app = LayerApp(GCN)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [(m.label, m.purpose) for m in learnt.reject.moves] == [
        ("პარამეტრები", ""), ("შენახვა", "untick"), ("×", "")]
    untick_trials = app.taps[app.taps.index("სტატისტიკა") - 1:]
    assert untick_trials == ["პარამეტრები", "სტატისტიკა", "რეკლამა", "შენახვა", "×"]
    assert len(app.taps) == 13

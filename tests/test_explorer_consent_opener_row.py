"""A row of the signed-in app worded as the consent dialog's own settings opener (corpus gcn-dark, Tagalog: Account at
privacy offers «Mga setting ng cookie» — the dialog's own button, tried by the launch's probe — beside «Burahin ang
account»): before, its «setting» outranked «account», the tap opened the dialog again and the search left it by a
relaunch and walked the way again (five actions). The consent layer's settings openers that speak of consent
(`settings_openers`) score nothing in the deletion search outside its flow: left to the fallback. Simulated apps
(no browser), the harness of tests/test_explorer_logout_effect.py."""
from __future__ import annotations

from consent_audit.explorer.consent_answers import Tried, settings_openers
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets

from tests.test_explorer_deep_question import _erase
from tests.test_explorer_logout_effect import _search, _setup
from tests.test_explorer_signup_refusal import CONFIG, FormApp

COOKIES = "Mga setting ng cookie"


def _tried(rows: list) -> list[Tried]:
    """The launch probe's trials of a dialog with `rows` (label, opened its settings layer)."""
    dialog = FormApp({"dialog": lambda a: [("tap", label, lambda x: "dialog") for label, _ in rows]})
    dialog.at = "dialog"
    found = {t.label: t for t in targets(dialog.screen())}
    return [Tried(found[label], settings=opened) for label, opened in rows]


def test_the_consent_dialogs_settings_opener_shown_as_a_row_is_left_for_last() -> None:
    app, op, store, _ = _setup()
    tried = _tried([(COOKIES, True), ("Tanggapin lahat", False)])
    app.pages["profil"] = lambda a: [("tap", COOKIES, lambda x: "cookies"), ("tap", "Burahin ang account", lambda x: "q")]
    app.pages["cookies"] = lambda a: [("text", "Cookies"), ("tap", "Tanggapin lahat", lambda x: "profil")]
    app.pages["q"] = lambda a: [("text", "Sigurado ka?"), ("tap", "Delete", _erase(store))]
    app.pages["!gone"] = lambda a: [("text", "Nabura na.")]
    goal = DeletionGoal(CONFIG, lambda: "rejected")
    goal.consent_labels = settings_openers(tried)
    result = _search(app, op, goal)
    assert result.ending == "reached", (result.detail, app.taps)
    assert COOKIES not in app.taps, app.taps


def test_only_openers_that_speak_of_consent_are_taken() -> None:
    """A plain «Settings» opener (beyonk-dark's «Налаштування») names the app's own settings too: never taken."""
    tried = _tried([(COOKIES, True), ("Settings", True), ("Cookie policy", False)])
    assert len(settings_openers(tried)) == 1

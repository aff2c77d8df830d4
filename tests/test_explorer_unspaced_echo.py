"""A script written without spaces between words (Khmer, Thai, Lao, Chinese…: assets/word_scripts.yaml) runs a
control's words together, so a word of the way there is inside the control's run of letters, never beside it:
«លុបគណនី» under «គណនី» › «ការកំណត់» (corpus nom) repeats «គណនី» as much as "Delete account" under "Account"
does. Before, the run was one word whose start differed from «គណនី», the deletion's tie-break saw no echo of the
way; and its first three characters, a word of their own («លុប», delete), were read as a prefix undoing the
log-in «ចូលគណនី» (echo.opposite), so the fallback tried it last of the settings' rows, after the tabs and the real
log-out (16 actions). Scripts written with spaces keep whole words: "count" is not in
"Discount" nor in "Account"."""
from __future__ import annotations

from consent_audit.explorer.config import Budget, load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.echo import names_the_way, opposite, same_word
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.graph import Candidate, Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.search import GoalSearch
from consent_audit.screen import Element, Screen

CONFIG = load_config()
W, H = 1080, 2400
TABS = ["ទំព័រដើម", "ការបញ្ជាទិញ", "គណនី"]
ROWS = ["ភាសា", "ឯកជនភាព", "ជំនួយ", "លុបគណនី"]       # language, privacy, help, delete account


def _settings() -> Screen:
    elements = [Element(text=r, role="button", clickable=True, bounds=(40, 200 + 150 * i, 1000, 120))
                for i, r in enumerate(ROWS)]
    w = W // len(TABS)
    elements += [Element(text=t, role="button", clickable=True, bounds=(i * w, H - 131, w, 131))
                 for i, t in enumerate(TABS)]
    return Screen(elements=elements, signature="settings", size=(W, H))


def test_a_word_of_the_way_inside_a_run_of_an_unspaced_script_is_named_again() -> None:
    assert names_the_way("លុបគណនី", ("គណនី", "ការកំណត់"))
    assert names_the_way("ลบบัญชี", ("บัญชี",))                  # Thai: delete account under account
    assert not names_the_way("ភាសា", ("គណនី", "ការកំណត់"))


def test_words_of_scripts_written_with_spaces_stay_whole() -> None:
    """Inside another word of a spaced script is no echo: only a common start (an ending) is, as before."""
    assert not same_word("count", "account")
    assert not names_the_way("Remove", ("Move",))
    assert not names_the_way("Discount codes", ("Account",))


def test_two_deeds_on_one_object_run_together_are_no_deed_and_its_undoing() -> None:
    """Before: «លុបគណនី» (delete account) read as the undoing of «ចូលគណនី» (log in) by another three-character
    prefix, and tried last as a log-out (UNDO): after every other row of the settings, the tabs and the real
    log-out (nom, 16 actions)."""
    assert not opposite("លុបគណនី", "ចូលគណនី")
    assert opposite("Odhlásiť sa", "Prihlásiť sa") and opposite("Abmelden", "Anmelden")   # spaced scripts: as before


def test_the_fallback_opens_the_row_that_names_the_way_first() -> None:
    screen = _settings()
    node = Node("settings", screen, 2, via=("គណនី", "ការកំណត់"))
    for t in targets(screen):      # the tabs were tried where they are shallowest, on the start screen
        node.candidates[t.key] = Candidate(Move.tap(t), 0.0, tried=t.label in TABS)
    deletion = DeletionGoal(CONFIG, None)
    deletion.log_in = ("ចូលគណនី", "ចូលគណនី")     # the log-in's opener and submit ("enter account"), path learnt
    search = GoalSearch(None, deletion, FormData(), CONFIG.search, Spend(Budget(10, 10)))   # type: ignore[arg-type]
    search.graph.nodes.clear()
    search.graph.root = search.current = node.ident
    search.graph.nodes[node.ident] = node
    chosen = search._choose(fallback=True)
    assert chosen is not None and chosen[1].move.label == "លុបគណនី"

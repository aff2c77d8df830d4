"""Purposes drawn as groups of radios (corpus lumen-ja, @stormid/cookie-banner: «解析を許可する / 解析を許可しない»
with the first pre-selected), without a browser: the group is the purpose, selected consenting is pre-ticked,
the refusal chooses each group's refusing option. Before: radios were never purposes — the reject path was the
settings layer's save tapped untouched (storing full consent: a false reject_not_honoured), preticked 0."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import UNTICK, FormData, plan
from consent_audit.measures import mandatory, preticked, switched_off_at_answer
from consent_audit.radio_purposes import radio_purposes
from consent_audit.recorder import Kind, Step, Trail
from consent_audit.screen import Element, Screen


def layer(pairs: list[tuple[str, str, str, str, bool]], save: str = "選択を保存", locked: bool = False) -> Screen:
    """A settings layer: per purpose (name, yes label, no label, the values stored 'yes/no', yes chosen)."""
    elements, y = [], 10
    for name, yes, no, values, chosen in pairs:
        elements.append(Element(text=name, bounds=(10, y, 300, 30)))
        y += 40
        for label, value, checked in ((yes, values.split("/")[0], chosen), (no, values.split("/")[1], not chosen)):
            elements.append(Element(name=label, role="radio", bounds=(10, y, 30, 30), clickable=True,
                                    checked=checked, group=f"name:privacy-{name}", option=value,
                                    enabled=not locked))
            y += 40
    elements.append(Element(text=save, role="button", bounds=(10, y, 300, 40), clickable=True))
    return Screen(elements=elements, signature="s", size=(400, 1200))


LUMEN = [("analytics", "解析を許可する", "解析を許可しない", "1/0", True),
         ("ads", "広告を許可する", "広告を許可しない", "1/0", True),
         ("sns", "SNS連携を許可する", "SNS連携を許可しない", "1/0", True)]


def step(i: int, kind: Kind, after: Screen) -> Step:
    return Step(index=i, kind=kind, title="", target={}, at="", seconds=0.0, screen=after)


def test_a_radio_pair_is_a_purpose_told_by_what_each_option_stores() -> None:
    found = radio_purposes(layer(LUMEN).elements)
    assert [p.consenting.name for p in found] == ["解析を許可する", "広告を許可する", "SNS連携を許可する"]
    assert all(p.preticked and p.enabled for p in found)
    # stored values decide before order and words: «Off» first storing "granted" second
    swapped = radio_purposes(layer([("a", "Off", "On", "denied/granted", True)]).elements)   # «Off» chosen
    assert swapped[0].consenting.name == "On" and not swapped[0].preticked


def test_untold_groups_take_the_places_of_the_told_ones_and_words_come_last() -> None:
    """A group with no stored values is told by where the screen's told groups had their options; with none
    told, by the words (one option worded as a refusal); a group none tells is no purpose (a plan's choice)."""
    mixed = layer([("a", "Ja", "Nein", "1/0", True), ("b", "Ja", "Nein", "/", True)])
    assert [p.consenting.name for p in radio_purposes(mixed.elements)] == ["Ja", "Ja"]
    worded = layer([("a", "Don't allow", "Allow", "/", False)])
    assert radio_purposes(worded.elements)[0].consenting.name == "Allow"
    assert radio_purposes(layer([("plan", "Monthly", "Yearly", "/", True)]).elements) == []


def test_radio_purposes_preselected_consenting_are_preticked_and_a_locked_one_mandatory() -> None:
    trail = Trail("reject", start=Screen(elements=[], signature="d"), steps=[step(1, Kind.TAP, layer(LUMEN))])
    assert preticked(trail) == 3 and mandatory(trail) == 0
    fair = Trail("reject", start=Screen(elements=[], signature="d"),
                 steps=[step(1, Kind.TAP, layer([(n, y, no, v, False) for n, y, no, v, _ in LUMEN]))])
    assert preticked(fair) == 0
    locked = Trail("reject", start=Screen(elements=[], signature="d"),
                   steps=[step(1, Kind.TAP, layer(LUMEN[:1], locked=True))])
    assert preticked(locked) == 0 and mandatory(locked) == 1


def test_the_refusal_chooses_each_groups_refusing_option_then_saves() -> None:
    s = layer(LUMEN)
    move, target = consent.next_move(s, targets(s), consent.REJECT, FormData())
    assert target.label == "選択を保存" and move.purpose == UNTICK
    ticks = plan(s, targets(s), UNTICK, FormData(), True).ticks
    assert [t.label for t in ticks] == ["解析を許可しない", "広告を許可しない", "SNS連携を許可しない"]
    refused = layer([(n, y, no, v, False) for n, y, no, v, _ in LUMEN])
    trail = Trail("reject", start=s, steps=[step(1, Kind.TAP, refused), step(2, Kind.TAP, refused)])
    assert switched_off_at_answer(trail) == 3


def test_the_android_reader_groups_the_radio_buttons_of_a_radio_group() -> None:
    """An Android settings screen: each purpose a RadioGroup of two RadioButtons — the group is the set."""
    from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml

    def pair(n: int, y: int) -> str:
        return (f'<node class="android.widget.RadioGroup" resource-id="app:id/g{n}" package="app" bounds="[0,{y}][400,{y + 80}]">'
                f'<node class="android.widget.RadioButton" text="Allow" checkable="true" checked="true" clickable="true" '
                f'package="app" bounds="[0,{y}][200,{y + 40}]"/>'
                f'<node class="android.widget.RadioButton" text="Don\'t allow" checkable="true" checked="false" '
                f'clickable="true" package="app" bounds="[0,{y + 40}][200,{y + 80}]"/></node>')
    xml = ('<hierarchy width="400" height="800"><node class="android.widget.FrameLayout" package="app" '
           f'bounds="[0,0][400,800]">{pair(1, 0)}{pair(2, 100)}</node></hierarchy>')
    s = screen_from_uiautomator_xml(xml, app_package="app")
    radios = [e for e in s.elements if e.role == "radio"]
    assert len({e.group for e in radios}) == 2 and all(e.group for e in radios)
    found = radio_purposes(s.elements)      # no values on Android: told by the words, the pair's refusal
    assert [p.consenting.text for p in found] == ["Allow", "Allow"] and all(p.preticked for p in found)


# corpus tuuli (fresh20): four purposes as native radio pairs «Kyllä» / «Ei» storing `kylla` / `ei` (words of the
# app's language, no switch value), each named «Kyllä – <purpose>» by aria-label, two pre-selected Kyllä. Before:
# no pair was a purpose (values untold, «Ei» no `decline`), so preticked 0 — and with a first-layer refusal a
# false CLEAN (tuuli-hylkaa-vali).
TUULI = [(n, f"Kyllä – {n}", f"Ei – {n}", "kylla/ei", c) for n, c in
         (("Sääsisällön personointi", True), ("Käyttöanalytiikka", True), ("Kohdennettu mainonta", False),
          ("Tietojen jakaminen kumppaneille", False))]


def test_a_pair_of_bare_yes_no_answers_in_the_apps_language_is_a_purpose() -> None:
    found = radio_purposes(layer(TUULI, save="Tallenna").elements)
    assert [p.consenting.name for p in found] == [f"Kyllä – {n}" for n, *_ in TUULI]
    trail = Trail("reject", start=Screen(elements=[], signature="d"),
                  steps=[step(1, Kind.TAP, layer(TUULI, save="Tallenna"))])
    assert preticked(trail) == 2
    bare = [(n, "Kyllä", "Ei", "kylla/ei", c) for n, _, _, _, c in TUULI]      # no aria-label: «Kyllä» / «Ei»
    assert [p.preticked for p in radio_purposes(layer(bare).elements)] == [True, True, False, False]
    # the words both options share (the purpose's name) tell nothing: «No» inside it is no answer
    named = layer([("no-tracking", "Yes – No tracking", "Nope – No tracking", "a/b", True)])
    assert [(p.consenting.name, p.preticked) for p in radio_purposes(named.elements)] == [("Yes – No tracking", True)]


def test_a_preselected_pair_nothing_tells_leaves_preticked_unmeasured_never_zero() -> None:
    """Options in words no lexicon holds, storing words too: the grant side is unknown — no purpose is
    invented, but the pre-ticked count over that screen is None (unmeasured), never 0 (a false clean)."""
    from consent_audit.radio_purposes import untold_pairs
    unknown = layer([(n, "Zorp", "Blick", "x/y", c) for n, _, _, _, c in TUULI[:1]] +
                    [(n, "Ooh", "Aah", "x/y", c) for n, _, _, _, c in TUULI[1:2]])
    assert radio_purposes(unknown.elements) == [] and untold_pairs(unknown.elements) == 2
    trail = Trail("reject", start=Screen(elements=[], signature="d"),
                  steps=[step(1, Kind.TAP, unknown), step(2, Kind.TAP, Screen(elements=[], signature="e"))])
    assert preticked(trail) is None
    # a pair with nothing selected is no pre-ticked purpose: nothing unmeasured there
    none_chosen = [e for e in unknown.elements]
    for e in none_chosen:
        object.__setattr__(e, "checked", False) if e.role == "radio" else None
    assert untold_pairs(none_chosen) == 0


def test_a_settings_layer_the_refusal_skips_with_an_untold_pair_is_counted_unmeasured() -> None:
    """tuuli-hylkaa-vali (a first-layer «Hylkää kaikki», the pairs on the settings layer it skips): that layer's
    pre-ticked count was 0 (no purpose read) and the verdict CLEAN. With a pair nothing tells it is None, and the
    locked purposes too — the flow's `preticked` is then unmeasured (flows/test_consent._preticked)."""
    from types import SimpleNamespace
    from consent_audit.explorer.consent_exploring import ConsentExplorations
    from consent_audit.explorer.moves import Move
    unknown = layer([(n, "Zorp", "Blick", "x/y", c) for n, _, _, _, c in TUULI], save="Tallenna")
    goal = ConsentExplorations.__new__(ConsentExplorations)
    goal.reject = consent.ConsentPath(consent.REJECT, [Move("tap", "button|Hylkää kaikki", "Hylkää kaikki")])
    goal.layer_seen = (unknown, frozenset())
    assert goal._count_settings_layer() is None and goal.settings_mandatory is None
    from consent_audit.flows.test_consent import _preticked
    reject = Trail("reject", start=Screen(elements=[], signature="d"),
                   steps=[step(1, Kind.TAP, Screen(elements=[], signature="e"))])
    assert _preticked(SimpleNamespace(settings_preticked=None, settings_mandatory=None), reject) is None
    told = layer(TUULI, save="Tallenna")        # the same layer in words the lexicon holds: counted, 2
    goal.layer_seen = (told, frozenset())
    assert goal._count_settings_layer() == 2 and goal.settings_mandatory == 0


def test_a_pair_the_path_itself_chose_in_is_no_untold_preselection() -> None:
    """kirja: a choice of two radios none pre-selects, the refusal choosing one then saving — the screen after the
    choice shows one selected, but the app pre-selected none: preticked stays measured (0)."""
    fresh = layer([("evasteet", "Zorp", "Blick", "v/k", False)], save="Tallenna")     # words nothing reads
    for e in fresh.elements:
        if e.role == "radio":
            object.__setattr__(e, "checked", False)
    chosen = layer([("evasteet", "Zorp", "Blick", "v/k", True)], save="Tallenna")
    trail = Trail("reject", start=fresh,
                  steps=[step(1, Kind.TAP, chosen), step(2, Kind.TAP, Screen(elements=[], signature="e"))])
    assert preticked(trail) == 0


def test_an_answer_word_inside_a_phrase_tells_nothing() -> None:
    """«on» / «no» inside a longer option («Show on map» / «Hide») is no answer: only a bare one is."""
    assert radio_purposes(layer([("map", "Show on map", "Hide", "a/b", True)]).elements) == []
    assert radio_purposes(layer([("x", "Yes.", "Zorp", "a/b", True)]).elements)[0].consenting.name == "Yes."

"""What the page sees and when the explorer looks, through the real Appium server and Chromium: the
suite's browser does not announce automation (banners that hide from bots must appear), and a sheet that
slides in is captured where it stops, not mid-way with every button 'covered'."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from consent_audit.explorer.adapters import adapter_for
from consent_audit.targets import Target

pytestmark = pytest.mark.e2e


@pytest.fixture
def target_name() -> str:
    return "sliding-banner"


@pytest.fixture
def target() -> Target:
    return Target(name="sliding-banner", kind="web", platform="web-chromium", start="",
                  pages="tests.test_recorder_e2e:KnownPage")


@pytest.fixture
def start_location(static_url: str) -> str:
    return f"{static_url}/sliding_banner.html"


@pytest.fixture
def opened(platform, static_url: str) -> Callable[[str | None], Any]:
    """`opened(page)`: the explorer's settle wait prepared (quiet 60 ms, 6 s), the app launched, then `page` of
    tests/data opened when given; the adapter returned."""
    def open_page(page: str | None = None) -> Any:
        adapter = adapter_for(platform, quiet_ms=60, timeout=6.0)
        adapter.prepare()
        platform.launch()
        if page:
            platform.driver.get(f"{static_url}/{page}")
        return adapter
    return open_page


def test_the_page_sees_no_automation(platform) -> None:
    platform.launch()
    assert platform.driver.execute_script("return navigator.webdriver") is False
    assert platform.driver.find_element("css selector", "#webdriver").text == "false"
    # the built-ins the suite wraps in the page (permission requests, timers, shadow roots) print as native
    assert platform.driver.find_element("css selector", "#wrapped").text == "none"


def test_the_page_sees_no_automation_while_the_explorer_waits_on_it(platform) -> None:
    """The explorer's settle wait wraps built-ins too (timers, animation frames, requests, permission requests,
    listeners, observers): each reads as the browser's own (before: the settle wait's wrappers printed their source)."""
    adapter_for(platform, quiet_ms=60, timeout=6.0).prepare()
    platform.launch()
    assert platform.driver.find_element("css selector", "#wrapped").text == "none"


def test_a_sheet_moved_in_a_few_frames_after_it_shows_is_captured_where_it_stops(platform, opened) -> None:
    """A sheet un-hidden below the screen and slid up six animation frames later (what late_sheet.html does in
    two; under load those frames came after the DOM's quiet time, the sheet was captured below the screen and a
    nagging consent dialog counted 0 — CI, stop 32), beside an endless frame loop that is not waited for."""
    adapter = opened("frame_chain.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    height = platform.driver.execute_script("return Math.round(innerHeight * devicePixelRatio)")
    sheet = next((e for e in screen.elements if e.rid == "sheet"), None)
    assert sheet is not None, [(e.rid, e.bounds) for e in screen.elements]     # captured below the screen
    x, y, w, h = sheet.bounds
    assert abs((y + h) - height) <= 2, (sheet.bounds, height)          # resting on the bottom edge


def test_a_sliding_sheet_is_captured_where_it_stops(platform, opened) -> None:
    adapter = opened()
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    width, height = platform.driver.execute_script(
        "return [innerWidth * devicePixelRatio, innerHeight * devicePixelRatio].map(Math.round)")
    sheet = next(e for e in screen.elements if e.rid == "sheet")
    x, y, w, h = sheet.bounds
    assert abs((y + h) - height) <= 2, (sheet.bounds, height)          # resting on the bottom edge
    buttons = [i for i, e in enumerate(screen.elements) if e.rid in ("accept", "reject")]
    assert len(buttons) == 2 and not adapter.covered(screen) & frozenset(buttons)


def test_controls_are_named_as_assistive_technology_names_them(platform, static_url: str) -> None:
    """A control without words of its own is named by aria-labelledby, an image's alt, an SVG's title, its
    title attribute or its CSS-drawn words (WAI-ARIA accname); an icon font's private-use glyph is no name,
    and a tooltip on plain text adds no element (before: each of these controls had no name at all, so the
    explorer could not tell a close, a refusal or a settings control)."""
    platform.launch()
    platform.driver.get(f"{static_url}/accessible_names.html")
    screen = platform.capture(screenshot=False).screen
    names = {e.rid: e.label for e in screen.elements if e.rid}
    assert names["labelledby"] == "Refuse optional cookies"
    assert names["alt"] == "Close" and names["svg"] == "Settings" and names["title"] == "Back to the app"
    assert names["drawn"] == "Decline all" and names["glyph"] == "glyph"
    assert names["plain"] == "Plain words"


def test_a_closed_shadow_root_is_read_and_used_as_a_user_sees_it(platform, opened) -> None:
    """A banner inside a closed shadow root is on screen for a user; the app keeps it closed to page scripts
    (shadowRoot is null), yet the snapshot reads it, the adapter finds its button and a tap answers it (before:
    the banner was invisible to the suite: no dialog, nothing to tap)."""
    adapter = opened("accessible_names.html")
    adapter.settle()
    assert platform.driver.execute_script("return document.getElementById('host').shadowRoot") is None
    screen = platform.capture(screenshot=False).screen
    button = next(e for e in screen.elements if e.label == "Refuse in a closed root")
    assert "Refuse in a closed root" in screen.source and 'shadowrootmode="closed"' in screen.source   # evidence
    assert any(e.text == "We would like to count visits." for e in screen.elements)
    assert screen.elements.index(button) not in adapter.covered(screen)
    live = adapter.locate(button)
    assert live is not None
    platform.tap(live)
    assert platform.driver.find_element("css selector", "#answer").text == "refused"


def test_what_the_browser_does_not_draw_is_no_control_until_opened(platform, opened) -> None:
    """A closed <details>' body and a content-visibility: hidden section are laid out when asked (their
    controls have boxes) but not drawn: no control of the screen; the summary is, and once tapped its body's
    control is (before: the search took a button inside a closed disclosure for a control, tried to scroll to
    it and filed the screen as out of reach)."""
    adapter = opened("collapsed.html")
    adapter.settle()
    ids = {e.rid for e in platform.capture(screenshot=False).screen.elements}
    assert "visible" in ids and "remove" not in ids and "skipped" not in ids
    summary = next(e for e in platform.capture(screenshot=False).screen.elements if e.text == "Advanced")
    platform.tap(adapter.locate(summary))
    adapter.settle()
    assert "remove" in {e.rid for e in platform.capture(screenshot=False).screen.elements}


def test_a_folded_panel_holds_no_control_until_unfolded_and_a_locked_label_none(platform, opened) -> None:
    """A panel folded to 0 px with overflow hidden (cookie-though's purposes before «Customize», in a shadow root;
    the same in the page) is laid out but not drawn: its controls are none of the screen until it unfolds; a
    label whose control is disabled (a locked purpose's) is not enabled either (before: both counted as enabled
    answers of the consent box, 4 buttons where it has 3: corpus shonar, «no consent choice by its structure»)."""
    adapter = opened("collapsed.html")
    adapter.settle()
    elements = {e.own_id: e for e in platform.capture(screenshot=False).screen.elements}
    assert not {"folded", "folded-inside", "essential", "essential-label"} & set(elements)
    assert elements["locked-label"].enabled is False and elements["visible"].enabled
    platform.tap(adapter.locate(elements["customize"]))
    adapter.settle()
    elements = {e.own_id: e for e in platform.capture(screenshot=False).screen.elements}
    assert {"folded-inside", "essential-label"} <= set(elements) and not elements["essential-label"].enabled


def test_a_closed_layers_empty_host_is_no_part_of_the_screen(platform, static_url: str) -> None:
    """A consent library leaves its fixed host in the page once answered, drawing nothing (a zero-size box whose
    dialog is hidden); a relaunch with the answer stored creates no host at all. Both are the same screen (before:
    two signatures, so the permissions search could not reach its start screen again after a relaunch and said
    its coverage was incomplete: cookieconsent-fair/-dark not_found). A fixed layer that draws an area of its own
    (a backdrop) stays part of it."""
    platform.launch()
    shapes = {}
    for query in ("", "?host=none", "?dim=on"):
        platform.driver.get(f"{static_url}/closed_layer.html{query}")
        shapes[query] = platform.capture(screenshot=False).screen.signature
    assert shapes[""] == shapes["?host=none"]
    assert shapes["?dim=on"] != shapes["?host=none"]


def test_siblings_placed_by_their_own_coordinates_are_one_screen_in_any_dom_order(platform, static_url: str) -> None:
    """An accessibility layer over a painted UI (Flutter's <flt-semantics>, corpus grafis) keeps the nodes it had
    and appends those it makes anew: the home shown again after a visit elsewhere has its nodes in another DOM
    order, the same screen drawn. Its signature is the same (before: another, so the search took the home for a
    new screen, tapped its tab again and relaunched to reach the start). Siblings in the flow in another order
    are another structure still."""
    platform.launch()
    shapes = {}
    for query in ("", "?placed=again", "?flow=again"):
        platform.driver.get(f"{static_url}/placed_layer.html{query}")
        shapes[query] = platform.capture(screenshot=False).screen.signature
    assert shapes["?placed=again"] == shapes[""]
    assert shapes["?flow=again"] != shapes[""]


def test_a_keyframe_animation_inside_a_shadow_root_is_waited_for(platform, opened) -> None:
    """A component's banner sliding up by a keyframe animation inside its shadow root is captured where it
    stops (before: the document's animations do not list a shadow tree's, so the capture came mid-way and the
    next capture found the buttons moved: "no longer on the screen")."""
    adapter = opened("shadow_slide.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    height = platform.driver.execute_script("return Math.round(innerHeight * devicePixelRatio)")
    bar = next(e for e in screen.elements if e.role == "dialog" and e.name == "Cookies")
    x, y, w, h = bar.bounds
    assert abs((y + h) - height) <= 2, (bar.bounds, height)          # resting on the bottom edge


def test_a_long_press_holds_the_pointer_down_as_a_finger_does(platform, static_url: str) -> None:
    """A button acting only when held 1 s (pointer events, no click): a tap only shows the hint, the platform's
    long press (W3C actions: down, pause, up) does what it asks (before: the suite could only tap)."""
    platform.launch()
    platform.driver.get(f"{static_url}/hold_button.html")
    button = platform.driver.find_element("css selector", "#hold")
    platform.tap(button)
    assert platform.driver.find_element("css selector", "#state").text == "Press and hold for 1 second."
    platform.long_press(button, 1.5)
    assert platform.driver.find_element("css selector", "#state").text == "done"


def test_a_row_at_the_end_of_an_inner_list_is_scrolled_to_in_that_list(platform, opened, tmp_path) -> None:
    """A page that does not move, its rows in an `overflow: auto` list (kanal: «Konto löschen» at the list's
    end): the list is the container a user swipes — found from the row (`scroller_of`), swiped until the row is
    in view. Swiping the page instead ends at once ("the content scrolled to its end and the element is still
    not in view"): the row was filed out of reach and the deletion not found."""
    from consent_audit.gestures import Gestures, ScrollError
    from consent_audit.masking import Masker
    from consent_audit.recorder import Recorder
    adapter = opened("inner_scroll.html")
    last = platform.driver.find_element("css selector", "#last")
    box = adapter.scroller_of(last)
    assert box is not None and box.get_attribute("id") == "rows"
    assert adapter.scroller_of(platform.driver.find_element("css selector", "header")) is None
    masker = Masker()
    gestures = Gestures(platform, Recorder(platform, tmp_path, masker, screenshots="off"), masker, timeout=10.0)
    with pytest.raises(ScrollError):
        gestures.scroll_into_view(last, "Delete account")              # the page: it cannot move
    gestures.scroll_into_view(last, "Delete account", container=box)
    assert platform.in_view(last, box)


def test_a_components_controls_are_named_stated_and_tapped_as_a_user_sees_them(platform, opened) -> None:
    """Custom elements with open shadow roots (corpus fiets): a list row's shadow <button> holds a <slot> for the
    host's words and a drawn chevron; a button is disabled on its inner shadow <button>; a tick is a shadow
    <div role=checkbox> whose words are slotted from a host a little taller than it. The rows are controls named
    by their slotted words, the button is disabled until the tick is ticked, the tick is named by its own words,
    is not covered by its host, and a tap on it ticks it (before: the rows read «›» and were never tried, the host
    «Delete» looked enabled and was tapped in vain, the tick was named by the paragraph above it and its tap was
    refused: "<x-tick> covered it")."""
    from consent_audit.explorer.elements import Use, targets

    adapter = opened("shadow_controls.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    found = {t.label: t for t in targets(screen, adapter.covered(screen))}
    assert {"Sign in", "Create account"} <= set(found), sorted(found)
    assert found["Delete"].element.enabled is False
    tick = next(t for t in found.values() if t.use == Use.TOGGLE)
    assert tick.label.startswith("I understand") and tick.element.checked is False
    platform.tap(adapter.locate(tick.element))
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    found = {t.label: t for t in targets(screen, adapter.covered(screen))}
    assert found["Delete"].element.enabled is True
    platform.tap(adapter.locate(found["Delete"].element))
    adapter.settle()
    assert platform.driver.find_element("css selector", "#answer").text == "deleted"


def test_a_fields_label_is_its_words_never_a_control_and_the_form_is_sent_by_its_submit(platform, opened) -> None:
    """bep (fresh10 findings 1, 8): «Lý do xóa tài khoản», the `<label for>` of the deletion form's native
    <select>, holds the goal words, so it was a control of its own that outscored the submit «Gửi yêu cầu» (no
    goal word) and was tapped as the form's way on four times ("form rejected"). A label for a text field, a
    drop-down or a text box (for it or wrapping it) is the field's name — a tap on it only focuses the field —
    and no control; a box's label still toggles its box. Before: the three labels were controls and the plan's
    submit was «Why do you delete your account?»."""
    from consent_audit.explorer import forms
    from consent_audit.explorer.elements import Use, targets
    from test_explorer_signup_refusal import DATA

    adapter = opened("field_labels.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    found = targets(screen, adapter.covered(screen))
    taps = {t.label for t in found if t.use == Use.TAP}
    assert not taps & {"Why do you delete your account?", "Delete account note (optional)",
                       "Email of the account to delete"}, sorted(taps)
    assert {t.element.rid for t in found if t.use in (Use.SELECT, Use.TEXT)} == {"reason", "note", "mail"}
    assert any(t.use == Use.TOGGLE and t.label.startswith("I understand") for t in found)
    plan = forms.plan(screen, found, forms.FILL, DATA, sms_known=True)
    assert plan.submit is not None and plan.submit.label == "Send request"


def test_ids_inside_shadow_roots_name_each_control_once_and_an_icons_name_is_its_words(platform, opened) -> None:
    """Material Web's way (corpus lauks): every component's inner <button> carries id="button" in its own shadow
    root (an id is unique only within its tree). Each control's id is read with its shadow path (`#accept >>>
    #button`), so a screen holding one of them keys it apart from the other (a dialog's layer, a later screen:
    before, both were `#button` — one control to the used-sets and the graph), the page object's locator names
    it, and a tap by it reaches that one. An icon button whose slotted <svg> has no innerText is named by its
    inner aria-label «Back» (before: «undefined», a JS value stringified into its words)."""
    from consent_audit.explorer.elements import key_of, label_of, targets
    from consent_audit.explorer.moves import Move
    from consent_audit.screen import Screen

    adapter = opened("shadow_ids.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    assert not any("undefined" in (e.text + e.name) for e in screen.elements), [e.text for e in screen.elements]
    found = {t.label: t for t in targets(screen, adapter.covered(screen))}
    assert {"Back", "Accept all", "Settings", "Market one", "Market two"} <= set(found), sorted(found)
    accept, settings = found["Accept all"], found["Settings"]
    assert accept.element.rid == "#accept >>> #button" and accept.element.own_id == "button"
    alone = [key_of(Screen(elements=[t.element], signature="layer"), t.element) for t in (accept, settings)]
    assert alone[0] != alone[1], alone
    assert Move.tap(settings).locator() == "#settings >>> #button"
    assert len({t.key for t in found.values()}) == len(found)
    assert label_of(screen, found["Back"].element) == "Back"
    platform.tap(adapter.locate(settings.element))
    adapter.settle()
    assert platform.driver.find_element("css selector", "#answer").text == "settings"
    platform.tap(adapter.locate(found["Market two"].element))
    adapter.settle()
    assert platform.driver.find_element("css selector", "#answer").text == "2"
    platform.tap(adapter.locate(found["Back"].element))
    adapter.settle()
    assert platform.driver.find_element("css selector", "#answer").text == "back"


def test_a_response_body_still_being_read_is_waited_for(platform, opened) -> None:
    """An app that draws a form's answer after `await response.json()`: the body read is the request's tail.
    Under load (a whole-corpus run beside six other sessions) the body came after the quiet time, the sign-up's
    answer was read as «the form stayed on screen», the explorer went on without the account it had made and the
    deletion path it found could not be walked again (corpus dalga-dark, broken)."""
    adapter = opened("slow_body.html")
    adapter.settle()
    platform.driver.find_element("css selector", "#send").click()
    adapter.settle()
    assert platform.driver.find_element("css selector", "#answer").text == "answered"


def test_words_slotted_into_a_components_row_are_reached_through_their_slot(platform, opened) -> None:
    """A row of a component library (md-list-item, ion-item): its words are the host's light children slotted
    into a pointer-styled box of its shadow root. A finger on them reaches that box; the hit test's way up must
    go through the slot (before: host → page, never the box — the box read as covered, a layer over the app
    assumed, and corpus lauks spent 25 actions trying to lift it at each launch)."""
    adapter = opened("slotted_rows.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    rows = [i for i, e in enumerate(screen.elements) if e.text.startswith("Central market") and e.clickable]
    assert rows and not set(rows) & adapter.covered(screen), [(screen.elements[i].text, screen.elements[i].bounds)
                                                              for i in adapter.covered(screen)]
    # a host with a role of its own and the role-less pointer box its shadow root draws about it: one control
    # (before: two of one box, each read as wrapping the other — corpus kedai's rows were no controls at all)
    items = [e for e in screen.elements if e.text == "Settings" and e.clickable]
    assert [e.role for e in items] == ["menuitem"], items


def test_a_notice_drawn_by_an_interval_polling_for_the_load_is_waited_for(platform, opened) -> None:
    """A library that polls for the page's load from an interval and then draws its box (cookie-consent-box):
    the load done and the DOM quiet, the settle wait returned before the interval's next tick — under load the
    corpus's ccbox-fair launch was read without its cookie box (consent not_found). An interval of a second or
    less not run since the load is pending work (within 3 s of the load)."""
    adapter = opened("polled_banner.html")
    adapter.settle()
    assert platform.driver.execute_script("return !!document.getElementById('banner')")


def test_a_submit_drawn_faded_is_read_so_and_a_drawn_box_as_a_checkbox(platform, opened) -> None:
    """sahel's last deletion step (divs only): a drawn box in a clickable row is a checkbox, unticked; «Supprimer»
    at opacity .45 is `faded` (still enabled: a look, not a state) until the box is ticked; a control at .7 is
    not faded (before: no `faded` — the submit tapped first did nothing and the deletion was not found)."""
    adapter = opened("faded_submit.html")
    adapter.settle()
    elements = {e.own_id: e for e in platform.capture(screenshot=False).screen.elements}
    assert elements["row"].role == "checkbox" and elements["row"].checked is False
    assert elements["go"].faded and elements["go"].enabled and not elements["light"].faded
    platform.tap(adapter.locate(elements["row"]))
    adapter.settle()
    elements = {e.own_id: e for e in platform.capture(screenshot=False).screen.elements}
    assert elements["row"].checked is True and not elements["go"].faded


def test_a_scoped_components_rendered_controls_are_read_though_its_host_hides_them(platform, opened) -> None:
    """Corpus sakala (Ionic 8): `ion-input` is a scoped Stencil component whose slot polyfill answers `children`
    and `childNodes` with the slotted nodes only, so the snapshot walked into no `<label>` and no `<input>` — the
    sign-up form had no field, its labels were tapped as controls and the account never made (sakala's deletion
    not found). The snapshot reads through the browser's own accessors: the fields and the button a user sees.
    And a pointer cursor is a control's own only where its composed-tree parent has none: Ionic's ion-item rows
    read as one control each, not four (its slotted label and note, its shadow chevron)."""
    from consent_audit.explorer.elements import Use, targets

    adapter = opened("scoped_components.html")
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    found = targets(screen, adapter.covered(screen))
    fields = {t.label: t for t in found if t.use == Use.TEXT}
    assert set(fields) == {"Email", "Password"}, [(t.label, t.use) for t in found]
    assert fields["Password"].element.secret_field and fields["Email"].element.mailbox
    # a row's slotted words and its drawn chevron inherit the shadow button's pointer through the composed tree:
    # no controls apart (before: «Privacy», «On» and the chevron were three more controls beside the row)
    assert [t.label for t in found if t.use == Use.TAP] == ["Sign up", "Privacy On"], [(t.label, t.use) for t in found]


def test_a_virtualised_lists_rows_not_drawn_yet_are_made_by_one_scroll(platform, opened, tmp_path) -> None:
    """Corpus qytet: the settings' last row «Fshi llogarinë» is made only once its virtualised list is scrolled to
    it — in no snapshot before, the deletion search said "nothing promising left to try". A list whose scroll extent
    runs on past everything drawn in it holds rows not drawn yet (platforms/web/undrawn.py); an inner list holding
    all its rows does not. One scroll of it to its end makes its last rows."""
    from consent_audit.explorer.elements import targets
    from consent_audit.explorer.moves import Move, perform
    from consent_audit.explorer.operator_reach import Reach
    from consent_audit.gestures import Gestures
    from consent_audit.masking import Masker
    from consent_audit.recorder import Recorder

    adapter = opened("virtual_list.html")
    adapter.settle()
    found = adapter.undrawn_scrollers()
    assert [e.get_attribute("id") for e in found] == ["settings"]
    screen = platform.capture(screenshot=False).screen
    assert "Delete account" not in {t.label for t in targets(screen)}
    masker = Masker()
    recorder = Recorder(platform, tmp_path, masker, screenshots="off")

    class Op(Reach):      # the operator's own scroll, on this page's adapter and a recorder of its own
        def __init__(self) -> None:
            self.adapter, self.gestures = adapter, Gestures(platform, recorder, masker, timeout=10.0)

        def _charged(self, gesture, charge=True):
            return gesture().screen

    perform(Op(), Move.scroll(), None)    # type: ignore[arg-type]
    assert [step.kind.value for step in recorder.steps] == ["scroll"]     # one recorded scroll
    adapter.settle()
    after = platform.capture(screenshot=False).screen
    assert "Delete account" in {t.label for t in targets(after)}
    assert adapter.undrawn_scrollers() == []      # at its end: nothing left undrawn

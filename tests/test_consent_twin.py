"""A refusal not read by its words, told by structure (fresh10 findings 5, 6, 11, 12), without a browser:

- jquery-cookiebar's bar (corpus paczka): two links drawn alike, «Akceptuję» (the accept) and «Odrzucam» (a
  first person no lexicon reads): the accept's twin is the refusal candidate to try; not a control drawn
  otherwise, nor one of a dialog of three, nor the app's own buttons above the bar;
- bootstrap-cookie-alert's notice (corpus bep): its own controls are those of the fixed layer holding the
  accept, never the app's beside it (before: a dialog leaving the app usable was not tried at all);
- a dialog leaving the app usable whose refusal was not found is left unanswered by another goal's refusing
  walk (before: that goal stopped, "no way to reject on the consent screen")."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer.consent_twin import twin
from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move
from consent_audit.explorer.dialog_scope import notice_controls
from consent_audit.explorer.refusal import RefusalCheck
from consent_audit.screen import Element, Screen

TEXT = "Używamy plików cookie, aby mierzyć ruch w aplikacji i zapamiętać Twoje ustawienia."


def _bar(refuse: Element | None, extra: list[Element] = ()) -> Screen:
    elements = [Element(text="Moje przesyłki", bounds=(0, 0, 400, 60)),
                Element(text="Skanuj kod", role="button", clickable=True, bounds=(10, 100, 380, 50)),
                Element(fixed=True, bounds=(0, 600, 400, 200)),
                Element(text=TEXT, bounds=(10, 610, 380, 80)),
                Element(text="Akceptuję", role="link", clickable=True, bounds=(250, 700, 120, 40))]
    return Screen(elements=elements + ([refuse] if refuse else []) + list(extra), signature="s", size=(400, 800))


def _accept(screen: Screen) -> list[Move]:
    return [Move.tap(next(t for t in targets(screen) if t.label == "Akceptuję"))]


def test_the_accepts_twin_drawn_alike_in_the_bar_is_the_refusal_to_try() -> None:
    s = _bar(Element(text="Odrzucam", role="link", clickable=True, bounds=(10, 750, 110, 40)))
    found = targets(s)
    other = twin(s, found, frozenset(), _accept(s))
    assert other is not None and other.label == "Odrzucam"


def test_no_twin_when_drawn_otherwise_or_among_three() -> None:
    small = _bar(Element(text="Odrzucam", role="link", clickable=True, bounds=(10, 750, 40, 12)))
    assert twin(small, targets(small), frozenset(), _accept(small)) is None
    three = _bar(Element(text="Odrzucam", role="link", clickable=True, bounds=(10, 750, 110, 40)),
                 [Element(text="Więcej", role="link", clickable=True, bounds=(130, 750, 110, 40))])
    assert twin(three, targets(three), frozenset(), _accept(three)) is None


def test_a_notices_own_controls_are_those_of_its_layer_never_the_apps_beside_it() -> None:
    s = _bar(None, [Element(text="Tìm hiểu thêm", role="link", clickable=True, bounds=(10, 750, 110, 30))])
    own = notice_controls(s, targets(s), _accept(s))
    assert own is not None and {k.split("|")[1] for k in own} == {"akceptuję", "tìm hiểu thêm"}
    page = Screen(elements=[e for e in s.elements if not e.fixed], signature="p", size=(400, 800))
    assert notice_controls(page, targets(page), _accept(s)) is None      # no layer holds the accept: unknown


def test_an_unfound_refusal_on_a_usable_app_is_left_unanswered_by_another_goal() -> None:
    from consent_audit.explorer.app import ExploredApp
    from consent_audit.explorer.consent_exploring import ConsentExplorations
    check = RefusalCheck(None, False, detail="the dialog leaves the app usable behind it", usable=True)
    app = SimpleNamespace(accept=object(), reject=None, refusal=check, refusal_offered=None)
    app.refusal_unread = ConsentExplorations.refusal_unread.fget(app)
    assert app.refusal_unread is True
    ExploredApp._consent_walk(app, "reject")      # no words path tried (it would raise NotOnScreen)
    assert app.reject is None
    covering = SimpleNamespace(reject=None, refusal=RefusalCheck(None, True, detail="cut short"))
    assert ConsentExplorations.refusal_unread.fget(covering) is False


def test_a_refusal_in_the_first_person_is_read_as_the_accepts_first_person_is() -> None:
    """fresh10 finding 9: «Akceptuję» was read as the accept, its twin «Odrzucam» as nothing (paczka-odrzuc with
    «Odrzuć» was clean in 2 actions). The structure above finds it by trying; the word spares the trial."""
    from consent_audit.explorer import cues
    for label in ("Odrzucam", "Rifiuto", "Ich lehne ab", "Jag avböjer", "Hylkään"):
        assert cues.categories(label) == {"decline"}, label
    assert cues.categories("Akceptuję") == {"agree"}


def test_a_notice_whose_learn_more_page_keeps_it_on_screen_has_nothing_pre_ticked() -> None:
    """bep-nopromo (fresh10 finding 11): «Tìm hiểu thêm» leads to the privacy page with the notice still over it
    — a layer tried in turn (its «Đồng ý» consented) — and preticked stayed unmeasured (truth 0): told by what
    showed after each way out (no switch or box of choice), not by whether one opened a layer."""
    from consent_audit.explorer.refusal import CONSENTED, LAYER, STAYED, Trial, without_purposes
    trials = [Trial(["Đồng ý"], CONSENTED), Trial(["Tìm hiểu thêm"], LAYER),
              Trial(["Tìm hiểu thêm", "Đồng ý"], CONSENTED), Trial(["Tìm hiểu thêm", "Tìm hiểu thêm"], STAYED)]
    assert without_purposes(RefusalCheck(False, False, trials))
    trials[1] = Trial(["Tùy chỉnh"], LAYER, purposes=True)
    assert not without_purposes(RefusalCheck(False, False, trials))      # a layer of purposes: unknown
    assert without_purposes(RefusalCheck(False, True, trials[:1]))    # a wall with none: nothing pre-ticked either

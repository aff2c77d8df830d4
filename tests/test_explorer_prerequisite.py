"""A deletion refused until another thing is done first (corpus lauks, issue 13 kind 8), on made-up screens:
«Dzēst kontu» shows only «Vispirms atceliet abonementu. …» and a link «Pārvaldīt abonementu»; the subscription's
screen offers «Atcelt abonementu», a retention offer (a big «Paturēt ar 50% atlaidi» over a small «Tomēr atcelt»)
and a confirm (Atpakaļ / «Jā, atcelt») — then the deletion works. Before, the refusal was a dead end ("no way
forward": the link's words point nowhere) and the cancel's controls, declines by their words, were never ways on."""
from __future__ import annotations

from consent_audit.explorer.config import load_config
from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.graph import Node
from consent_audit.explorer.moves import Move
from consent_audit.explorer.prerequisite import NOTHING, pointed
from consent_audit.screen import Element, Screen

TABS = [Element(text=w, role="button", clickable=True, bounds=(130 * i, 760, 130, 40))
        for i, w in enumerate(("Sākums", "Tirgi", "Profils"))]
BACK = Element(name="Atpakaļ", role="button", clickable=True, bounds=(0, 0, 40, 40))
WAY = ("Profils", "Konts E-pasts, abonements, dzēšana", "Dzēst kontu")


def _screen(name: str, *elements: Element) -> Screen:
    return Screen(elements=[BACK, *elements, *TABS], signature=name, size=(400, 800))


def _button(text: str, y: int, w: int = 368, h: int = 48, x: int = 16) -> Element:
    return Element(text=text, role="button", clickable=True, bounds=(x, y, w, h))


def _text(text: str, y: int) -> Element:
    return Element(text=text, bounds=(16, y, 368, 24))


REFUSED = _screen("refused", _text("Vispirms atceliet abonementu.", 80),
                  _text("Kamēr Lauks+ abonements ir aktīvs, kontu dzēst nevar.", 110),
                  Element(text="Pārvaldīt abonementu", role="link", clickable=True, bounds=(16, 140, 200, 24)))
PLUS = _screen("plus", _text("Lauks+ abonements", 80), _text("Aktīvs · 4,99 €/mēn.", 110),
               _button("Atcelt abonementu", 200))
OFFER = _screen("offer", _text("Pagaidiet! Paturiet Lauks+ ar 50% atlaidi", 80),
                _button("Paturēt ar 50% atlaidi", 200, h=56), _button("Tomēr atcelt", 270, w=90, h=16))
CONFIRM = _screen("confirm", _text("Atcelt abonementu?", 80), _button("Atpakaļ", 200, w=120),
                  _button("Jā, atcelt", 200, w=120, x=200))


def _walk() -> tuple[DeletionGoal, dict[str, dict[str, float]]]:
    """The goal walked through the screens as the search meets them: each new screen read (`purpose`), each tap
    judged; what every control of each screen scores (its score plus its boost, as the search's map lists it)."""
    goal = DeletionGoal(load_config(), verify=lambda: "rejected")
    home = Node(ident="home", screen=Screen(elements=TABS, signature="home"), depth=0, via=())
    goal.purpose(home, home.screen, targets(home.screen))
    scores: dict[str, dict[str, float]] = {}
    parent: Node | None = None
    via = WAY
    for screen, tap in ((REFUSED, "Pārvaldīt abonementu"), (PLUS, "Atcelt abonementu"),
                        (OFFER, "Tomēr atcelt"), (CONFIRM, "Jā, atcelt")):
        node = Node(ident=screen.signature, screen=screen, depth=len(via), in_flow=True, via=via)
        found = targets(screen)
        goal.purpose(node, screen, found)
        scores[screen.signature] = {t.label: goal.score(node, t.label) + goal.boost(node, t.key) for t in found}
        target = next(t for t in found if t.label == tap)
        goal.judge(node, Move.tap(target), screen, found, same=False)
        parent, via = node, via + (tap,)
    return goal, scores


def test_a_refusal_with_a_link_points_to_it_and_a_menu_or_a_form_does_not() -> None:
    chrome = frozenset(t.key for t in targets(Screen(elements=TABS, signature="home")))
    goal = DeletionGoal(load_config())
    message, keys, done = pointed(REFUSED, targets(REFUSED), chrome, goal._flow_score, WAY)
    assert done and "atceliet" in done
    assert "Vispirms atceliet" in message
    assert keys == {t.key for t in targets(REFUSED) if t.label == "Pārvaldīt abonementu"}
    menu = _screen("menu", *[_button(w, 100 + 60 * i) for i, w in enumerate(("E-pasts", "Mainīt paroli", "Valoda"))])
    assert pointed(menu, targets(menu), chrome, goal._flow_score, WAY) == NOTHING
    question = _screen("question", _text("Vai tiešām dzēst? Jūsu 1240 punkti tiks zaudēti.", 80),
                       _button("Paturēt kontu", 200, h=56), _button("Dzēst", 270, w=90, h=16))
    assert pointed(question, targets(question), chrome, lambda label: -80.0 if label == "Atpakaļ" else 0.0, WAY) == NOTHING   # answers (kadai)
    form = _screen("form", _text("Ievadiet paroli", 80),
                   Element(name="Parole", role="textbox", clickable=True, bounds=(16, 120, 368, 40)),
                   _button("Dzēst neatgriezeniski", 200))
    assert pointed(form, targets(form), chrome, goal._flow_score, WAY) == NOTHING


def test_the_control_a_refusal_points_to_and_the_deed_it_asks_for_lead_on() -> None:
    goal, scores = _walk()
    assert scores["refused"]["Pārvaldīt abonementu"] > 0          # before: 0, the refusal a dead end
    assert scores["plus"]["Atcelt abonementu"] > 0                  # before: -60 (a decline)
    assert scores["offer"]["Tomēr atcelt"] > 0 >= scores["offer"]["Paturēt ar 50% atlaidi"]
    assert scores["confirm"]["Jā, atcelt"] > 0 > scores["confirm"]["Atpakaļ"]
    assert "refused" in goal.errands.refused                        # said in the dead ends


def test_once_the_deletion_offers_its_way_on_again_the_errand_ends() -> None:
    goal, _ = _walk()
    again = _screen("again", Element(name="Parole", role="textbox", clickable=True, bounds=(16, 120, 368, 40)),
                    _button("Dzēst neatgriezeniski", 200))
    node = Node(ident="again", screen=again, depth=8, in_flow=True, via=WAY)
    goal.purpose(node, again, targets(again))
    assert "again" not in goal.errands.errands and "again" not in goal.errands.refused

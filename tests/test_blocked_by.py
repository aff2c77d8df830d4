"""A blocked outcome no screen explains in words (detectors/blockers.py `read_blocked_by`): what it reports — the
core screen's controls, and the screens the journey started and ended on with what each offered.
Before, such an outcome carried only `blockers: null` ("no blocking screen") and `blocker_actions` categories."""
from __future__ import annotations

from consent_audit.detectors.blockers import read_blocked_by, read_blocker
from consent_audit.screen import Element, Screen


def _screen(heading: str, buttons: list[str], signature: str) -> Screen:
    elements = [Element(text=heading, bounds=(0, 0, 400, 40))]
    elements += [Element(text=b, clickable=True, role="button", bounds=(0, 100 + 60 * i, 400, 50))
                 for i, b in enumerate(buttons)]
    return Screen(elements=elements, signature=signature)


def test_core_and_both_screens_named() -> None:
    launched = _screen("Welcome back", ["Open map", "Settings"], "a")
    ended = _screen("Stations", ["Open map", "Help"], "b")
    how = read_blocked_by({"open map", "favourites", "settings"}, launched, ended, 8)
    assert how is not None and read_blocker(ended) is None
    assert how.to_dict() == {"core_offers": ["favourites", "open map", "settings"],
                             "launched_to": {"screen": "Welcome back", "offers": ["Open map", "Settings"]},
                             "ended_on": {"screen": "Stations", "offers": ["Open map", "Help"]}, "turns": 8}


def test_nothing_to_show_without_screens() -> None:
    assert read_blocked_by({"a"}, None, _screen("x", [], "d"), 8) is None


def test_a_wall_over_the_app_is_read_as_a_blocker() -> None:
    """A full-screen wall over the app (the app's controls still in the page, covered): its one «Turn on» is the
    only way on, so it is the blocker — before, the covered controls under it counted as ways on (corpus huabao:
    `blockers` null under its 去开启 wall) and the blocked outcome was left unexplained."""
    app = [Element(text=t, clickable=True, role="button", bounds=(0, 100 + 60 * i, 400, 50), covered=True)
           for i, t in enumerate(["Home", "Stories", "Me"])]
    wall = [Element(text="Location is needed to use this app", bounds=(0, 0, 400, 40)),
            Element(text="Turn on", clickable=True, role="button", bounds=(0, 400, 400, 50))]
    screen = Screen(elements=app + wall, signature="w")
    blocker = read_blocker(screen)
    assert blocker is not None and blocker.ways == {"retry": "Turn on"} and blocker.permission == "geolocation"
    how = read_blocked_by({"home", "stories", "me"}, screen, screen, 8)
    assert how is not None and how.ended_on == {"screen": "Location is needed to use this app", "offers": ["Turn on"]}

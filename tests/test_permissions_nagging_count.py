"""The nagging journey's relaunch count (consent_audit/flows/test_permissions.count_relaunches): a showing is
counted only after a choice was made; a dialog first seen at a relaunch (it came late, or behind a launch advert
that ended by itself) is answered there, not counted as shown again."""
from __future__ import annotations

from consent_audit.flows.test_permissions import count_relaunches


class App:
    """An app whose consent dialog shows at each relaunch in `shows` (by relaunch number, from 1) until refused,
    and again after that only when `nags`."""

    def __init__(self, shows: set[int], nags: bool) -> None:
        self.shows, self.nags = shows, nags
        self.launches, self.refused_at, self.consent_shown = 0, None, False
        self.refusal_offered = True

    def relaunch(self) -> None:
        self.launches += 1
        if self.refused_at is None:
            self.consent_shown = self.launches in self.shows
        else:
            self.consent_shown = self.nags

    def reject_consent(self) -> None:
        self.refused_at, self.consent_shown = self.launches, False


class Platform:
    """Counts since the last launch: `asks` maps a permission to the relaunches (from 1) it is requested at."""

    def __init__(self, asks: dict[str, set[int]] | None = None) -> None:
        self.asks, self.app = asks or {}, None

    def permission_requests(self) -> dict[str, int]:
        launch = self.app.launches if self.app is not None else 0
        return {"geolocation": 0, **{p: int(launch in at) for p, at in self.asks.items()}}


def test_a_dialog_first_seen_at_a_relaunch_is_refused_there_and_not_counted() -> None:
    app = App(shows={1, 2, 3, 4}, nags=False)
    per_launch, refused, _ = count_relaunches(app, Platform(), ["geolocation"], 3, None)
    assert per_launch == {"permission": [0, 0, 0], "consent": [0, 0, 0]} and refused is True
    assert app.refused_at == 1 and app.launches == 4        # one more relaunch keeps three counted


def test_the_same_dialog_shown_again_after_that_refusal_is_counted() -> None:
    per_launch, refused, _ = count_relaunches(App(shows={1}, nags=True), Platform(), ["geolocation"], 3, None)
    assert per_launch["consent"] == [1, 1, 1] and refused is True


def test_a_dialog_refused_at_the_first_launch_is_counted_at_every_relaunch_it_shows() -> None:
    app = App(shows=set(), nags=True)
    app.refused_at = 0
    per_launch, refused, _ = count_relaunches(app, Platform(), ["geolocation"], 3, True)
    assert per_launch["consent"] == [1, 1, 1] and refused is True and app.launches == 3


def test_no_dialog_at_all_counts_zero_and_stays_untold_refused() -> None:
    per_launch, refused, _ = count_relaunches(App(shows=set(), nags=False), Platform(), ["geolocation"], 3, None)
    assert per_launch["consent"] == [0, 0, 0] and refused is None


def test_a_permission_first_asked_at_a_relaunch_is_told_as_asked_late() -> None:
    """corpus ambavi (a false clean): notifications asked only at the second launch, never at a first launch —
    the count kept to the permissions the search knew and said [0, 0, 0]."""
    app = App(shows=set(), nags=False)
    platform = Platform({"notifications": {1}})
    platform.app = app
    per_launch, _, late = count_relaunches(app, platform, [], 3, None)
    assert late == {"notifications"} and per_launch["permission"] == [0, 0, 0]    # not yet a target: counted again
    per_launch, _, late = count_relaunches(App(shows=set(), nags=False), platform, ["notifications"], 3, None)
    assert late == set()


class _Wall(App):
    """A consent wall (`consent_walled`): no refusal, covering the app; accepting it lets the app be used, and the
    app then asks for location at every launch."""

    refusal_offered = False
    consent_walled = True

    def accept_consent(self) -> None:
        self.refused_at, self.consent_shown = self.launches, False


def test_a_consent_wall_is_accepted_before_the_relaunches_as_its_only_way_on() -> None:
    """Left unanswered (as a notice offering no refusal is), a wall keeps the app behind it: every relaunch counted
    the wall again and nothing the app asks behind it (refusal.html?v=wallgeo: consent [1, 1, 1]). Accepted, its
    only way on, it is counted as shown again only when it is, and not refused (`consent_refused` False)."""
    app, platform = _Wall({1}, nags=False), Platform({"geolocation": {1, 2, 3, 4}})
    platform.app = app
    per_launch, refused, _ = count_relaunches(app, platform, ["geolocation"], 3, None)
    assert refused is False and app.refused_at == 1
    assert per_launch == {"permission": [1, 1, 1], "consent": [0, 0, 0]}


class NagAfterUse:
    """An app that asks for location at every launch only once its feature was refused in use (corpus sakala),
    with a consent dialog shown at every launch until accepted (refused, it nags: gcn-dark). Using the app, a
    user meets the dialog again: accepted there, it never shows again. `refusing_in_use` as ExploredApp's."""

    refusal_offered = True
    refusing_in_use = False

    def __init__(self) -> None:
        self.refused_in_use = self.accepted = False
        self.asked, self.consent_shown, self.refused_while_using = 0, False, 0

    def launch(self) -> None:
        self.asked, self.consent_shown = 0, not self.accepted

    def relaunch(self) -> None:
        self.launch()
        self.asked = int(self.refused_in_use)

    def reject_consent(self) -> None:
        self.consent_shown = False

    def reach_core(self, budget: int) -> bool:
        # the dialog back over the app as the user goes on: refused (it stays nagging) or accepted (silenced)
        if self.refusing_in_use:
            self.refused_while_using += 1
        else:
            self.accepted = True
        self.consent_shown = False
        return True

    def feature_on(self, permission: str) -> bool:
        self.refused_in_use = True         # asked, refused (denied in advance): the feature is off
        return False


class Asked:
    def __init__(self, apps: list[NagAfterUse]) -> None:
        self.apps = apps

    def permission_requests(self) -> dict[str, int]:
        return {"geolocation": self.apps[-1].asked}

    def reset(self) -> None:
        self.apps.append(NagAfterUse())

    def decide_permission(self, permission: str, state: str, **kwargs: object) -> None:
        pass


class Journeys:
    def settle_traffic(self) -> None:
        pass

    def journey(self, name: str):
        import contextlib
        return contextlib.nullcontext(name)


class Installs:
    """The app as the platform installs it afresh (`Asked.reset`): each journey gets a new one."""

    def __init__(self, platform: Asked) -> None:
        self.platform = platform

    def __getattr__(self, name: str):
        return getattr(self.platform.apps[-1], name)

    def __setattr__(self, name: str, value: object) -> None:
        if name == "platform":
            object.__setattr__(self, name, value)
        else:
            setattr(self.platform.apps[-1], name, value)


def test_a_nag_raised_by_a_refusal_in_use_is_counted_and_the_consent_count_kept_from_no_use() -> None:
    """Counted only as launched and relaunched, an app that asks at every launch from its first refusal in use on
    counted [0, 0, 0]: its permissions audit said clean (corpus sakala). Counted only after use, the consent
    dialog met during the use was accepted and its nag silenced (gcn-dark's consent [1, 1, 1] read [0, 0, 0]).
    Both journeys: the permission counts after use, the consent counts without; the dialog met in use refused."""
    from consent_audit.flows.test_permissions import _counted
    platform = Asked([NagAfterUse()])
    app = Installs(platform)
    per_launch, refused, nagging, asked_again, late = _counted(app, platform, Journeys(), ["geolocation"], 3, set(),
                                                               {"reach_core_budget": 10}, True)
    assert per_launch == {"permission": [1, 1, 1], "consent": [1, 1, 1]} and refused is True and not late
    assert (nagging, asked_again) == ("nagging", "nagging after use")
    used = platform.apps[-1]
    assert used.refused_while_using == 1 and not used.accepted and used.refusing_in_use is False


def test_no_feature_used_in_the_deny_paths_makes_no_second_journey() -> None:
    from consent_audit.flows.test_permissions import _counted
    platform = Asked([NagAfterUse()])
    per_launch, _, nagging, asked_again, _ = _counted(Installs(platform), platform, Journeys(), ["geolocation"], 3,
                                                      set(), {"reach_core_budget": 10}, False)
    assert per_launch["permission"] == [0, 0, 0] and nagging == asked_again == "nagging" and len(platform.apps) == 2

"""A refused permission whose known feature could not be used is unmeasured, never "usable" (helper fixCV).

`feature_on` returned None both when no feature is known for the permission (the app works without it: usable,
the corpus convention) and when a known feature's way in, route or control was not on screen — and the deny-path
step read that second None as usable too: a feature never tried counted as one that works, and forced_permission
could come out clean from it. Now the second raises errors.FeatureUnmeasured, the case's outcome is None with the
reason in `outcome_notes`, and the rule is left unmeasured (not_found, never clean) unless another case is forced.
"""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from consent_audit.errors import FeatureUnmeasured
from consent_audit.findings import evaluate
from consent_audit.flows.test_permissions import _DenyPaths
from consent_audit.recorder import Trail
from consent_audit.screen import Element, Screen
from consent_audit.explorer import permissions
from consent_audit.explorer.moves import TAP, Move

LIMITS = {"reach_core_budget": 4, "loop_after_declines": 2}


class App:
    """Reaches its core screen; `features` maps a permission to what using its feature does: True / False, None
    (no feature known), or "gone" (known, but its control is not on screen)."""

    def __init__(self, features: dict[str, object]) -> None:
        self.features = features

    def launch(self) -> None:
        pass

    def reach_core(self, budget: int) -> bool:
        return True

    def feature_on(self, permission: str) -> bool | None:
        state = self.features[permission]
        if state == "gone":
            raise FeatureUnmeasured(f"the {permission} feature's control «Scan» was not on screen")
        return state


class Platform:
    def reset(self) -> None:
        pass

    def decide_permission(self, permission: str, state: str) -> None:
        pass

    def in_foreground(self) -> bool:
        return True


class Recorder:
    def settle_traffic(self) -> None:
        pass

    @contextmanager
    def journey(self, name: str):
        yield Trail(name, start=Screen(elements=[Element(text="Home")], signature="home"))


class Audit:
    def __init__(self) -> None:
        self.metrics: dict = {}
        self.untold: dict[str, str] = {}

    def not_told(self, figure: str, reason: str) -> None:
        self.untold[figure] = reason

    def evidence_of(self, trail: Trail, last: int | None = None) -> list[str]:
        return []


def _deny(features: dict[str, object]) -> tuple[_DenyPaths, Audit]:
    audit = Audit()
    paths = _DenyPaths(App(features), Platform(), Recorder(), audit, LIMITS)
    permissions_ = [p for p in features]
    paths.run(permissions_, permissions_ + ["all"])
    return paths, audit


def test_a_known_feature_not_on_screen_leaves_the_outcome_unmeasured_with_its_reason() -> None:
    paths, audit = _deny({"camera": "gone", "geolocation": None})
    assert paths.outcomes == {"camera": None, "geolocation": "usable", "all": None}
    assert "«Scan» was not on screen" in paths.notes["camera"] and set(paths.notes) == {"camera", "all"}
    assert set(audit.untold) == {"outcomes.camera", "outcomes.all"}


def test_a_failing_feature_stays_degraded_beside_one_not_on_screen() -> None:
    paths, _ = _deny({"camera": "gone", "microphone": False})
    assert paths.outcomes == {"camera": None, "microphone": "degraded", "all": "degraded"}


def test_no_known_feature_is_still_usable() -> None:
    paths, audit = _deny({"geolocation": None})
    assert paths.outcomes == {"geolocation": "usable", "all": "usable"} and not audit.untold


def test_an_unmeasured_outcome_never_clears_forced_permission() -> None:
    result = evaluate("permissions", {"outcomes": {"camera": None, "all": "usable"}})
    assert not result.findings and result.unmeasured["forced_permission"] == ["outcomes.camera"]
    found = evaluate("permissions", {"outcomes": {"camera": None, "geolocation": "blocked"}})
    assert [f.pattern for f in found.findings] == ["forced_permission"]
    assert found.findings[0].figures["outcomes"] == {"geolocation": "blocked"}


class Op:
    """The core screen without the feature's control (a refused app that dropped it, or a layer over it)."""

    in_foreground = True

    class recorder:
        @staticmethod
        def invalidate() -> None:
            pass

    def targets(self, screen: Screen | None = None):
        return []

    def screen(self) -> Screen:
        return Screen(elements=[Element(text="Home")], signature="home")

    def find(self, key: str, screen: Screen | None = None):
        return None


def test_the_explorer_says_why_a_known_feature_was_not_used() -> None:
    feature = permissions.Feature("camera", "#scan", "Scan", "after", [], [])
    with pytest.raises(FeatureUnmeasured, match="«Scan» was not on screen"):
        permissions.use(Op(), feature)
    routed = permissions.Feature("camera", "#scan", "Scan", "after", [], [], route=(Move(TAP, "#tools", "Tools"),))
    with pytest.raises(FeatureUnmeasured, match="step 1 .«Tools». was not on screen"):
        permissions.use(Op(), routed)


class _Blocked(App):
    def reach_core(self, budget: int) -> bool:
        return False


class _Shots(Audit):
    def evidence_of(self, trail: Trail, last: int | None = None) -> list[str]:
        shots = ["launch.png", "tab.png", "other-tab.png"]
        return shots[-last:] if last else shots


def test_a_blocked_outcome_shows_the_screen_the_app_launched_to_and_where_the_search_ended() -> None:
    """Corpus ritmo (fresh25): a false block's evidence was the last two screens of the deny path — two tabs of
    the app the search wandered to, proof of nothing. Blocked: the launch screen with the permission refused and
    the last one; any other outcome keeps the last two."""
    audit = _Shots()
    blocked = _DenyPaths(_Blocked({"camera": None}), Platform(), Recorder(), audit, LIMITS)
    blocked.run(["camera"], ["camera"])
    assert blocked.outcomes == {"camera": "blocked"} and blocked.evidence["deny camera"] == ["launch.png", "other-tab.png"]
    usable = _DenyPaths(App({"camera": None}), Platform(), Recorder(), audit, LIMITS)
    usable.run(["camera"], ["camera"])
    assert usable.evidence["deny camera"] == ["tab.png", "other-tab.png"]

"""Permissions: deny each one and see whether the app still lets you in; count the nagging.

MIIT 2019 identification method (refusing service, bundled demands, frequent re-asking), MIIT notice
164号 item 2.1 (exits or loops after refusal, pop-ups after relaunch), DSA Art. 25(3)(b).
"""
from __future__ import annotations

import allure
import pytest

from consent_audit.detectors.blockers import read_blocked_by, read_blocker
from consent_audit.errors import FeatureUnmeasured
from consent_audit.measures import permission_outcome, screen_actions
from consent_audit.traffic.measure import flow_figures


def _fresh(recorder, platform, permissions, denied, app=None) -> None:
    """A fresh install with these permissions denied (the rest granted), once what the app sent before has gone
    out (a reset would cut it short); denied when the app asks for those of `app.refused_when_asked` (an explored
    app's question shown only while they are undecided), else in advance."""
    recorder.settle_traffic()
    platform.reset()
    _decide(platform, permissions, denied, getattr(app, "refused_when_asked", frozenset()))


def _consent_at_launch(app) -> int | None:
    """1 when the consent dialog showed at this launch, 0 when not, None when it cannot be told: page objects
    say whether it is on screen (`consent_shown`); an explored app also counts a modal it answered at this
    launch whose answer stored a consent choice, cannot tell one it could not classify, and says when its launch
    was not watched long enough for a dialog the app still had scheduled (`ExploredApp.consent_at_launch`)."""
    shown = app.consent_at_launch if hasattr(type(app), "consent_at_launch") else app.consent_shown
    return None if shown is None else int(shown)


def _refuse_consent(app) -> bool | None:
    """Refuse the consent dialog on screen; whether it was refused (the `consent_refused` figure). A dialog
    offering no refusal (every way out tried) is left unanswered, as a user who does not agree must leave it: no
    choice is made, so its showing again is counted but asks for no choice again — save a consent wall measured by
    the explorer (`consent_walled`: covering the app, no way on but consenting), accepted as a user must to use the
    app at all: left unanswered, what the app asks at launch behind it would never be counted (False: not refused).
    One whose refusal was not found and that leaves the app usable behind it (`refusal_unread`, a bar) is left
    unanswered too: None, not told."""
    if getattr(app, "refusal_unread", False) is True:
        return None
    if getattr(app, "consent_walled", False) is True:
        app.accept_consent()
        return False
    refused = getattr(app, "refusal_offered", None) is not False
    if refused:
        app.reject_consent()
    return refused


def count_relaunches(app, platform, permissions: list[str], relaunches: int, refused: bool | None
                     ) -> tuple[dict[str, list[int | None]], bool | None, set[str]]:
    """Relaunch `relaunches` times, keeping storage, and count at each: ({"permission": [requests per launch],
    "consent": [1 / 0 / None per launch]}, consent_refused, asked late). `refused` says what was done with the
    dialog at the first launch (None: it did not show). A dialog that did not show at the first launch and shows
    at a relaunch before any choice was made (it came late, or behind a launch advert that ended by itself while
    it was being answered) shows there for the first time, not again: it is refused there and that relaunch is not
    counted — once; one more relaunch keeps the count at `relaunches` (a huabao run under load counted [1, 1, 1]
    and found nagging from a dialog never answered). Asked late: the permissions outside `permissions` requested
    at a relaunch — an app that asks only from its second launch on ("ask on the next session": never at a first
    launch, so no search of first launches sees it; corpus ambavi, a false clean before)."""
    per_launch: dict[str, list[int | None]] = {"permission": [], "consent": []}
    late: set[str] = set()
    first_showing_left = 1
    while len(per_launch["consent"]) < relaunches:
        app.relaunch()
        requests = platform.permission_requests()
        late |= {p for p, n in requests.items() if n > 0 and p not in permissions}
        shown = _consent_at_launch(app)
        if refused is None and shown == 1 and first_showing_left and app.consent_shown:
            first_showing_left -= 1
            refused = _refuse_consent(app)
            continue
        per_launch["permission"].append(sum(requests.get(p, 0) for p in permissions))
        per_launch["consent"].append(shown)
    return per_launch, refused, late


class _DenyPaths:
    """Step 1 of the flow: for each case (a permission, or "all"), a fresh install with it denied, the app
    launched and the core screen reached: its outcome (`outcomes`) and evidence (`evidence`)."""

    def __init__(self, app, platform, recorder, audit, limits) -> None:
        self.app, self.platform, self.recorder, self.audit, self.limits = app, platform, recorder, audit, limits
        self.outcomes: dict[str, str | None] = {}
        self.notes: dict[str, str] = {}       # case → why its outcome is unmeasured (None in `outcomes`)
        self.evidence: dict[str, list[str]] = {}
        self.used_all = False     # a feature was used with every permission denied ("all"): a refusal in use

    def _features(self, denied: list[str]) -> tuple[list[bool | None], list[str]]:
        """Each denied permission's feature used (`feature_on`: True works, False fails, None none known), and
        the reasons of those known but not used (FeatureUnmeasured: not on screen) — unmeasured, never usable."""
        states: list[bool | None] = []
        unmeasured: list[str] = []
        for permission in denied:
            try:
                states.append(self.app.feature_on(permission))
            except FeatureUnmeasured as why:
                unmeasured.append(str(why))
        return states, unmeasured

    def run(self, permissions: list[str], cases: list[str]) -> None:
        app, limits, audit = self.app, self.limits, self.audit
        for case in cases:
            denied = permissions if case == "all" else [case]
            _fresh(self.recorder, self.platform, permissions, denied, app)
            with allure.step(f"Deny {case}"):
                app.launch()
                with self.recorder.journey(f"deny {case}") as trail:
                    reached = app.reach_core(limits["reach_core_budget"])
                states, unmeasured = self._features(denied) if reached else ([], [])
                if case == "all":
                    self.used_all = any(state is not None for state in states)
                feature = False if False in states else (True if True in states else None)
                if feature is False and not app.reach_core(limits["reach_core_budget"]):
                    reached = False     # the refused feature left no way back to the core screen: the app is blocked
                outcome = permission_outcome(trail, None if case == "all" else case, reached, feature,
                                             self.platform.in_foreground(), limits["loop_after_declines"],
                                             feature_unmeasured=bool(unmeasured))
                self.outcomes[case] = outcome
                if outcome is None:
                    self.notes[case] = "; ".join(unmeasured)
                    audit.not_told(f"outcomes.{case}", self.notes[case])
                shots = audit.evidence_of(trail)
                # blocked: the screen the app launched to with it refused, and where the search for a way on ended
                # (its last two alone showed the tabs it wandered to — corpus ritmo); else the last two
                self.evidence[f"deny {case}"] = list(dict.fromkeys(shots[:1] + shots[-1:])) \
                    if outcome == "blocked" else shots[-2:]
                allure.dynamic.parameter(f"outcome {case}", outcome)
                audit.metrics.setdefault("blocker_actions", {})[case] = screen_actions(trail.last_screen)
                blocker = read_blocker(trail.last_screen) if outcome == "blocked" and trail.last_screen else None
                audit.metrics.setdefault("blockers", {})[case] = blocker.to_dict() if blocker else None
                if outcome == "blocked" and blocker is None:    # no screen said so: what was missing, and where
                    core = getattr(app, "core", None)
                    how = read_blocked_by(core.labels if core is not None else (), trail.start, trail.last_screen,
                                          limits["reach_core_budget"])
                    audit.metrics.setdefault("blocked_by", {})[case] = how.to_dict() if how else None


def _nagging(app, platform, recorder, permissions: list[str], relaunches: int, asked: set[str], name: str):
    """Step 3: a fresh install with `permissions` denied, the consent dialog refused, `relaunches` relaunches
    counted (`count_relaunches`). Adds to `asked` what the first launch asked. Returns (per launch, consent
    refused, the journey, asked late)."""
    _fresh(recorder, platform, permissions, permissions, app)
    with recorder.journey(name) as nagging:
        app.launch()
        refused = _refuse_consent(app) if app.consent_shown else None
        # a first launch asks what is not granted yet: an app that checks first and asks only then (issue 13,
        # kind 13) demands at this fresh launch what it never asks once granted — bundled in either state
        asked |= {p for p, n in platform.permission_requests().items() if n > 0 and p in permissions}
        per_launch, refused, late = count_relaunches(app, platform, permissions, relaunches, refused)
    return per_launch, refused, nagging, late


def _nagging_after_use(app, platform, recorder, permissions: list[str], relaunches: int, reach_budget: int,
                       name: str):
    """Step 3, again as a user who tried each feature: as `_nagging`, with each permission's feature used once
    (refused, being denied) before the relaunches — an app may start asking at every launch only after a refusal
    in use (corpus sakala: the nearest dock refused, location asked at each launch from then on), a nag the
    journey without use never sees (a false clean). A consent dialog met during the use is refused, as at launch
    (`refusing_in_use`). Only its permission counts are taken: the use may answer or re-open the consent dialog
    in ways of its own, so the consent counts stay those of `_nagging`. Returns (permission requests per
    launch, the journey, asked late)."""
    _fresh(recorder, platform, permissions, permissions, app)
    with recorder.journey(name) as used:
        app.launch()
        refused = _refuse_consent(app) if app.consent_shown else None
        _tried(app, permissions, reach_budget)
        per_launch, _, late = count_relaunches(app, platform, permissions, relaunches, refused)
    return per_launch["permission"], used, late


def _tried(app, permissions: list[str], reach_budget: int) -> None:
    """Each permission's feature used once with it refused, the consent dialog refused on the way (an explored
    app: `refusing_in_use`); a feature not on screen is left (FeatureUnmeasured), as the deny paths leave it."""
    refusing = hasattr(app, "refusing_in_use")
    if refusing:
        app.refusing_in_use = True
    try:
        if app.reach_core(reach_budget):
            for permission in permissions:
                try:
                    app.feature_on(permission)
                except FeatureUnmeasured:
                    pass
    finally:
        if refusing:
            app.refusing_in_use = False


def _counted(app, platform, recorder, permissions, relaunches, asked, limits, used: bool, label: str = ""):
    """The nagging journeys of step 3 (`label`: what the name adds): without use, and after use when a feature
    was used in the deny paths (`used`; none used, that journey would repeat the first). Per launch, each
    relaunch's permission requests are the more of the two journeys'. Returns (per launch, consent refused, the
    journey the consent counts come from, the one the permission counts come from, asked late)."""
    per_launch, refused, nagging, late = _nagging(app, platform, recorder, permissions, relaunches, asked,
                                                  "nagging" + label)
    asked_again = nagging
    if used:
        counts, after_use, late_used = _nagging_after_use(app, platform, recorder, permissions, relaunches,
                                                          limits["reach_core_budget"], "nagging after use" + label)
        if sum(counts) > sum(per_launch["permission"]):
            asked_again = after_use
        per_launch["permission"] = [max(a, b) for a, b in zip(per_launch["permission"], counts)]
        late |= late_used
    return per_launch, refused, nagging, asked_again, late


def _decide(platform, permissions, denied, when_asked: frozenset[str] = frozenset()) -> None:
    """Each permission granted, or denied when in `denied` — then, when in `when_asked`, only once the app asks
    (the page reads it undecided until then: Platform.decide_permission)."""
    for permission in permissions:
        state = "denied" if permission in denied else "granted"
        asked = {"when_asked": True} if state == "denied" and permission in when_asked else {}
        platform.decide_permission(permission, state, **asked)


@allure.epic("consent-flow audit")
@allure.feature("permissions")
@pytest.mark.flow("permissions")
def test_permissions(app, platform, recorder, audit, target, policy, pytestconfig, planted) -> None:
    limits = policy.section("permissions")
    permissions = list(target.permissions)

    # 1. deny-path, one permission at a time, then all of them
    deny_paths = _DenyPaths(app, platform, recorder, audit, limits)
    deny_paths.run(permissions, permissions + ["all"])

    # 2. bundled demand: several permissions asked together before the core screen is reached
    _fresh(recorder, platform, permissions, [])
    with recorder.journey("first launch, all granted") as first:
        app.launch()
        if app.consent_shown:
            app.accept_consent()
        app.reach_core(limits["reach_core_budget"])
        asked = {p for p, n in platform.permission_requests().items() if n > 0 and p in permissions}

    # 3. nagging: deny everything, reject the consent dialog, relaunch N times and count — then again with each
    # feature used (refused) before the relaunches
    relaunches = pytestconfig.getoption("--relaunches")
    per_launch, refused, nagging, asked_again, late = _counted(app, platform, recorder, permissions, relaunches,
                                                               asked, limits, deny_paths.used_all)
    if late:      # asked only from a later launch on: each denied as at 1., then counted again with it denied
        permissions += sorted(late)
        target.permissions = list(permissions)
        deny_paths.run(permissions, sorted(late) + ["all"])
        per_launch, refused, nagging, asked_again, _ = _counted(
            app, platform, recorder, permissions, relaunches, asked, limits, deny_paths.used_all,
            ", " + ", ".join(sorted(late)) + " asked at a relaunch")

    # 4. revoked (only when traffic is captured: it measures what is sent): grant everything, use each
    # feature, then deny it all as a user does in the settings, and relaunch; the app had the data before
    revoked_files: list[str] = []
    if recorder.traffic is not None:
        _fresh(recorder, platform, permissions, [])
        with recorder.journey("revoked") as revoked:
            app.launch()
            if app.consent_shown:
                app.accept_consent()
            if app.reach_core(limits["reach_core_budget"]):
                for permission in permissions:
                    try:
                        app.feature_on(permission)
                    except FeatureUnmeasured:
                        pass        # not on screen: not used, as a user could not use it either
            _decide(platform, permissions, permissions)
            recorder.phase("after revoking " + ", ".join(sorted(permissions)), denied=permissions)
            app.relaunch()
        revoked_files = audit.evidence_of(revoked, last=2)

    if getattr(app, "refusal_unread", False) is True:     # never refused: its showing again is no nagging
        per_launch["consent"] = [None] * len(per_launch["consent"])
        audit.not_told("prompts_per_launch.consent", "no refusal of the consent dialog was found (it leaves the app "
                       "usable behind it): left unanswered, whether it shows again once refused cannot be told")
    elif None in per_launch["consent"]:
        audit.not_told("prompts_per_launch.consent", "whether the consent dialog showed again at a relaunch could "
                       "not be told: a layer there was not told consent or not, or the launch not watched long enough")
    if deny_paths.notes:
        audit.metrics["outcome_notes"] = deny_paths.notes
    audit.metrics.update({"outcomes": deny_paths.outcomes, "prompts_per_launch": per_launch, "consent_refused": refused,
                          "bundled_demand": len(asked) >= limits["bundled_min"], "requested_at_launch": sorted(asked)})
    if hasattr(platform, "pre_prompts"):       # the app's own rationales seen, with their messages (counted above)
        audit.metrics["pre_prompts"] = list(platform.pre_prompts)
    audit.metrics.update(flow_figures(recorder, planted, ("sent_while_denied",)))
    har = [audit.evidence_path(audit.metrics["traffic_har"])] if audit.metrics["traffic_har"] else []
    audit.conclude(audit.evaluate({**deny_paths.evidence, "first_launch": audit.evidence_of(first),
                                   "nagging": audit.evidence_of(nagging),
                                   "asked again": audit.evidence_of(asked_again), "revoked": revoked_files,
                                   "traffic": har}))

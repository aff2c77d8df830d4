"""The policy journeys of consent_audit.journeys.PolicyJourneys for an explored app, and what one goal's
exploration hands on to another's flow in the same run.

`ExploredApp` takes these in as a mixin: it owns `op`, `config`, `data` and the paths; this module adds the
`privacy-policy` exploration, the three policy journeys and `knows` / `adopt`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..platforms.base import PERMISSIONS
from ..targets import Target
from ..detectors.language import main_language
from .moves import Move
from .operator import Spend
from .policy import PolicyGoal, adoptable, is_policy, paragraphs, shows_or_links
from .search import GoalSearch, SearchResult

if TYPE_CHECKING:
    from .exploration import Exploration


class PolicyExploration:
    """Mixed into ExploredApp (which provides op, config, data, the learned paths and `_start`)."""

    policy_moves: list[Move]
    explored_goals: set[str]

    # --- what the flows may ask for ---
    def knows(self, journey: str) -> bool:
        """Whether this app can walk `journey` as explored so far: 'sign_up' (an account path), 'delete_account'
        (a deletion path), 'features' (the controls that ask for each permission were searched for)."""
        if journey == "sign_up":
            return bool(self.account_moves)             # type: ignore[attr-defined]
        if journey == "delete_account":
            return bool(self.deletion_moves)            # type: ignore[attr-defined]
        if journey == "features":
            return "deny-permissions" in self.explored_goals
        return True

    def adopt(self, learned: dict[str, Any]) -> None:
        """Take what an earlier goal of this run explored (see policy.adoptable); test accounts already used
        stay used, so a re-walked sign-up takes a name not taken before."""
        for name, value in learned.items():
            if name == "names_used":
                self.names_used = max(self.names_used, value)   # type: ignore[attr-defined]
            elif name == "explored_goals":
                self.explored_goals |= set(value)
            elif name == "consent_dialog":
                self.adopt_consent(value)                       # type: ignore[attr-defined]
            elif value and not getattr(self, name, None):
                setattr(self, name, value)

    def learned(self) -> dict[str, Any]:
        return adoptable(self)

    # --- journeys: the privacy policy ---
    @property
    def _policy_min_chars(self) -> int:
        return int(self.config.search.get("policy_min_chars", 120))   # type: ignore[attr-defined]

    @property
    def policy_at_first_run(self) -> bool:
        """The screen shown now (the first run's) shows the policy or a control naming it."""
        screen = self.op.screen()                                        # type: ignore[attr-defined]
        return shows_or_links(screen, self.op.targets(screen), self._policy_min_chars)   # type: ignore[attr-defined]

    def open_policy(self) -> bool:
        """Re-walk the path explored from the home screen to the policy; whether the policy shows at its end."""
        if not self.policy_moves:
            return False
        self._walk(self.policy_moves, "open the privacy policy")        # type: ignore[attr-defined]
        screen = self.op.screen()                                        # type: ignore[attr-defined]
        return is_policy(screen, self.op.targets(screen), self._policy_min_chars,   # type: ignore[attr-defined]
                         via=self.policy_moves[-1].label)

    def policy_paragraphs(self) -> list[tuple[str, str]]:
        return paragraphs(self.op.screen())                              # type: ignore[attr-defined]

    # --- exploring ---
    def _explore_policy(self, spend: Spend, target: Target) -> "Exploration":
        """Search for the policy from a fresh, consented launch; where the app keeps it behind a log-in (a
        settings row shown to account holders only), as an account holder: the account another goal of this
        run found, else one searched for here when test credentials were given."""
        from .exploration import Exploration, map_of
        self._start()                                                    # type: ignore[attr-defined]
        if not target.language:          # the app's language, as its first screen reads (the policy should be in it)
            target.language = main_language(self.op.screen().shown_texts()) or ""   # type: ignore[attr-defined]
        if self.account_moves:                                           # type: ignore[attr-defined]
            self._signed_in_relaunch()
        found = self._search_policy(spend)
        dead = list(found.dead_ends)
        if not found.reached and not self.account_moves and self.data.username and self.data.password:  # type: ignore[attr-defined]
            account = self._search_account(spend)                        # type: ignore[attr-defined]
            dead += account.dead_ends
            if account.reached:
                spend.counting = False       # the policy path starts on a relaunched app, as the flow walks it
                self.op.relaunch()                                       # type: ignore[attr-defined]
                spend.counting = True
                found = self._search_policy(spend)
                dead += found.dead_ends
        self.policy_moves = found.moves
        target.permissions = list(PERMISSIONS)
        paths = {"account": list(self.account_moves), "open privacy policy": self.policy_moves}  # type: ignore[attr-defined]
        return Exploration("privacy-policy", found.ending, found.detail, spend.actions, spend.seconds, spend.budget,
                           dead, paths, {"privacy policy": map_of(found)})

    def _signed_in_relaunch(self) -> None:
        self.sign_up()                                                   # type: ignore[attr-defined]
        self.relaunch()                                                  # type: ignore[attr-defined]

    def _search_policy(self, spend: Spend) -> SearchResult:
        return GoalSearch(self.op, PolicyGoal(self.config), self.data,   # type: ignore[attr-defined]
                          self.config.search, spend).run()               # type: ignore[attr-defined]

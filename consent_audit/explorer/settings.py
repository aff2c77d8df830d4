"""What one `consent-audit explore` run is given: the app, the goals, the test data, the budget."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from ..errors import UsageError
from ..targets import Target, Value
from .config import GOALS, ExplorerConfig
from .forms import FormData

ENV = {"password": "CONSENT_AUDIT_PASSWORD", "sms_code": "CONSENT_AUDIT_SMS_CODE",
       "id_number": "CONSENT_AUDIT_ID_NUMBER"}
MAX_DEPTH = 6
"""The deepest `--permission-depth`: each level multiplies the controls tried (the budget says how many in all)."""
FLOW_GOAL = {"deletion": "delete-account", "permissions": "deny-permissions", "consent": "consent",
             "policy": "privacy-policy"}
"""summary.json's flow name → the goal `consent-audit explore --goal` names it by (also accepted as an alias)."""


def goal_names() -> str:
    """Every name `--goal` takes, for a help text or an error: "delete-account (or deletion), …, or all"."""
    aliases = {goal: flow for flow, goal in FLOW_GOAL.items() if flow != goal}
    return ", ".join(f"{g} (or {aliases[g]})" if g in aliases else g for g in GOALS) + ", or all"


def goal_named(name: str) -> str:
    """The goal (one of GOALS, or "all") that `name` means: a goal, "all", or summary.json's flow name for it
    (deletion, permissions, consent, policy). Raises UsageError (one line, every name listed) for any other."""
    if name in GOALS or name == "all":
        return name
    if name in FLOW_GOAL:
        return FLOW_GOAL[name]
    raise UsageError(f"unknown goal '{name}'; goals: {goal_names()}")


@dataclass
class ExploreSettings:
    url: str | None = None
    app_package: str | None = None
    goals: list[str] = field(default_factory=lambda: list(GOALS))
    username: str = ""
    password: str | None = None
    sms_code: str | None = None
    id_number: str | None = None
    new_account: bool = False
    budget_actions: int | None = None
    budget_seconds: float | None = None
    permission_depth: int | None = None     # levels below the core screen the permissions goal searches

    def __post_init__(self) -> None:
        if bool(self.url) == bool(self.app_package):
            raise UsageError("give exactly one of --url (a web app) and --app-package (an Android app)")
        if self.url:
            parts = urlsplit(self.url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise UsageError(f"--url must be an http(s) address such as http://127.0.0.1:8765/app/, "
                                 f"not '{self.url}'")
        if self.app_package and not re.fullmatch(r"[A-Za-z][\w]*(\.[A-Za-z][\w]*)+", self.app_package):
            raise UsageError(f"--app-package must be an Android package name such as com.example.app, "
                             f"not '{self.app_package}'")
        if self.permission_depth is not None and not 0 <= self.permission_depth <= MAX_DEPTH:
            raise UsageError(f"--permission-depth must be 0 to {MAX_DEPTH} (levels below the core screen), "
                             f"not {self.permission_depth}")
        unknown = [g for g in self.goals if g not in GOALS]
        if unknown:
            raise UsageError(f"unknown goal {', '.join(unknown)}; goals: {goal_names()}")
        for name, value in (("password", self.password), ("sms-code", self.sms_code), ("id-number", self.id_number)):
            if value is not None and len(value) < 3:
                raise UsageError(f"--{name} must have at least 3 characters (shorter values cannot be masked reliably)")
        if self.budget_actions is not None and self.budget_actions < 1:
            raise UsageError("--budget-actions must be at least 1")
        if self.budget_seconds is not None and self.budget_seconds <= 0:
            raise UsageError("--budget-seconds must be more than 0")
        if "delete-account" in self.goals and (not self.username or not self.password):
            others = " ".join(f"--goal {g}" for g in self.goals if g != "delete-account")
            raise UsageError("the delete-account goal needs test credentials: --username and --password "
                             "(or the environment variable CONSENT_AUDIT_PASSWORD)"
                             + (f"; to audit the rest without an account: {others}" if others else ""))

    @classmethod
    def from_env(cls, **given: object) -> "ExploreSettings":
        """Secrets not given come from the environment (CONSENT_AUDIT_PASSWORD, _SMS_CODE, _ID_NUMBER)."""
        for name, env in ENV.items():
            if given.get(name) is None and os.environ.get(env):
                given[name] = os.environ[env]
        return cls(**given)  # type: ignore[arg-type]

    @property
    def kind(self) -> str:
        """The explored target's kind: an Android app by package, else a web app by URL."""
        return "android" if self.app_package else "web"

    @property
    def platform(self) -> str:
        """The name of the platform that runs targets of this kind (the registry's)."""
        from ..platforms.registry import spec_for_target_kind
        return spec_for_target_kind(self.kind).name

    @property
    def start(self) -> str:
        return self.url or self.app_package or ""

    @property
    def name(self) -> str:
        """The explored target's name in reports: the address without scheme."""
        if self.app_package:
            return self.app_package
        parts = urlsplit(self.url or "")
        return re.sub(r"[^\w.:/-]+", "-", (parts.netloc + parts.path).rstrip("/")) or "explored"

    def secrets(self) -> list[str]:
        return [v for v in (self.password, self.sms_code, self.id_number) if v]

    def target(self) -> Target:
        account = {"username": Value(self.username or None), "password": Value(self.password, True),
                   "sms_code": Value(self.sms_code, True), "id_number": Value(self.id_number, True)}
        return Target(name=self.name, kind=self.kind, platform=self.platform,
                      start=self.start, pages="consent_audit.explorer.app:ExploredApp", language="",
                      account=account, description="explored: no page objects")

    def form_data(self, config: ExplorerConfig) -> FormData:
        return FormData(username=self.username, password=self.password, sms_code=self.sms_code,
                        id_number=self.id_number, new_account=self.new_account,
                        reason_text={lang: config.value("reason_text", lang) for lang in ("en", "zh")})

    def tuned(self, config: ExplorerConfig) -> ExplorerConfig:
        """`config` with what the command line set over it (`permission_depth` → `search.permission_depth`);
        `config` itself when nothing was set."""
        if self.permission_depth is None:
            return config
        search = {**config.search, "permission_depth": self.permission_depth}
        return replace(config, data={**config.data, "search": search})

    def budget(self, config: ExplorerConfig, goal: str):
        return config.budget(goal, self.budget_actions, self.budget_seconds)


class SettingsHolder:
    """Carries the command line's settings (secrets included) into pytest as a plugin object, not in argv."""

    def __init__(self, settings: ExploreSettings) -> None:
        self.settings = settings

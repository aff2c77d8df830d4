"""Targets as files: what is audited, how to launch it, its page objects, test account and ground truth."""
from __future__ import annotations

import importlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError
from .paths import ROOT, target_folders

KINDS = ("refapp", "web", "android")


@dataclass
class Value:
    """A piece of target data; secret ones are masked everywhere."""

    value: str | None
    secret: bool = False


@dataclass
class Target:
    name: str
    kind: str
    platform: str
    start: str                       # a URL; a path under the server when served_by; android: package
    pages: str                       # "package.module:AppClass"
    served_by: str | None = None     # name of the pytest fixture serving the app (its value has `.url`)
    language: str = "en"
    variant: str | None = None
    permissions: list[str] = field(default_factory=list)
    account: dict[str, Value] = field(default_factory=dict)
    collected_at_signup: list[str] = field(default_factory=list)
    honey: list[dict[str, str]] = field(default_factory=list)   # planted values: {name, kind, value}
    truth_path: Path | None = None
    default: bool = False
    description: str = ""
    path: Path | None = None

    def secrets(self) -> list[str]:
        return [v.value for v in self.account.values() if v.secret and v.value]

    def data(self) -> dict[str, Any]:
        return {k: v.value for k, v in self.account.items()}

    def truth(self) -> dict[str, Any] | None:
        if self.truth_path is None:
            return None
        return json.loads(self.truth_path.read_text(encoding="utf-8"))

    def app_class(self) -> type:
        """The class named by `pages` ("package.module:Class"), importable from the user's project folder
        (ROOT, appended to sys.path: a QA team's `pages/` package); raises UsageError when it cannot load."""
        module_name, _, attr = self.pages.partition(":")
        if str(ROOT) not in sys.path:
            sys.path.append(str(ROOT))
        try:
            return getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise UsageError(f"target {self.name}: page objects '{self.pages}' cannot be loaded ({exc})") from None

    def start_url(self, base_url: str | None = None) -> str:
        """`start` as is, or joined to `base_url` (the URL of the `served_by` fixture's server); raises
        UsageError when a served target gets no base URL."""
        if self.served_by:
            if base_url is None:
                raise UsageError(f"target {self.name} needs the server of fixture '{self.served_by}'")
            return base_url.rstrip("/") + "/" + self.start.lstrip("/")
        return self.start


def _folders(folder: Path | None) -> list[Path]:
    return [folder] if folder is not None else target_folders()


def available_targets(folder: Path | None = None) -> list[str]:
    """Target names in the user's assets/targets and in every plugin's target folder."""
    return sorted({p.stem for f in _folders(folder) for p in f.glob("*.yaml")})


def find_target(name: str, folder: Path | None = None) -> Path | None:
    """The file of target `name` (a path to a .yaml file is taken as is), first folder first."""
    given = Path(name)
    if given.suffix in (".yaml", ".yml") and given.is_file():
        return given
    return next((f / f"{name}.yaml" for f in _folders(folder) if (f / f"{name}.yaml").is_file()), None)


def load_target(name: str, folder: Path | None = None, environ: dict[str, str] | None = None) -> Target:
    environ = dict(os.environ if environ is None else environ)
    path = find_target(name, folder)
    if path is None:
        where = ", ".join(str(f) for f in _folders(folder))
        raise UsageError(f"unknown target '{name}'; known targets: {', '.join(available_targets(folder)) or 'none'} "
                         f"(files in {where})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise UsageError(f"target {path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    from .schemas import check
    data = check("target", data, path)     # every field's type, in one line (assets/schemas/target.schema.json)
    from .platforms.registry import find_spec, specs
    if find_spec(str(data["platform"])) is None:
        raise UsageError(f"target {path}: unknown platform '{data['platform']}'; known: "
                         f"{', '.join(s.name for s in specs())}")
    served_by = data.get("served_by")
    if served_by is not None and not (isinstance(served_by, str) and served_by.isidentifier()):
        raise UsageError(f"target {path}: served_by must name a pytest fixture, not {served_by!r}")
    if not served_by and str(data["start"]).startswith("/"):
        raise UsageError(f"target {path}: start '{data['start']}' is a path; give a URL, or name the fixture "
                         f"that serves the app with served_by")
    account = {}
    for key, raw in (data.get("account") or {}).items():
        if isinstance(raw, dict):
            value = environ.get(raw["env"], raw.get("default")) if raw.get("env") else raw.get("value")
            account[key] = Value(None if value is None else str(value), bool(raw.get("secret")))
        else:
            account[key] = Value(str(raw), False)
    truth = data.get("truth")
    if truth and not (path.parent / truth).is_file():
        raise UsageError(f"target {path}: field 'truth': the file {(path.parent / truth).resolve()} does not exist")
    return Target(name=data.get("name", name), kind=data["kind"], platform=data["platform"], start=data["start"],
                  pages=data["pages"], served_by=served_by, language=data.get("language", "en"),
                  variant=data.get("variant"),
                  permissions=list(data.get("permissions", [])), account=account,
                  collected_at_signup=list(data.get("collected_at_signup", [])),
                  honey=[dict(h) for h in data.get("honey", [])],
                  truth_path=(path.parent / truth).resolve() if truth else None, default=bool(data.get("default")),
                  description=data.get("description", ""), path=path)


def default_targets(folder: Path | None = None) -> list[str]:
    """Targets marked `default: true`: the user's own if they have any, else the plugins' (the reference app)."""
    for searched in _folders(folder):
        names = sorted(p.stem for p in searched.glob("*.yaml"))
        defaults = [n for n in names if load_target(n, searched).default]
        if defaults:
            return defaults
    return []

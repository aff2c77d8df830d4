"""Device profiles as files: defaults → profile file → command-line overrides (pytest-selenium style)."""
from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError
from .paths import profile_folders

_ENV_REF = re.compile(r"\$\{([A-Z0-9_]+)\}")


@dataclass
class Profile:
    """A device profile: which platform (the registry's spec name, from the capabilities), which server,
    which capabilities."""

    name: str
    platform: str
    capabilities: dict[str, Any]
    server: str = "local"
    appium_url: str | None = None
    description: str = ""
    requires_device: bool = False
    traffic: str | None = None            # cdp | proxy | off; None: the platform's default
    secret_values: list[str] = field(default_factory=list)
    path: Path | None = None

    def public_capabilities(self) -> dict[str, Any]:
        """Capabilities with every secret (credentials) masked, for reports and bundles."""
        text = json.dumps(self.capabilities, ensure_ascii=False)
        for value in self.secret_values:
            text = text.replace(json.dumps(value)[1:-1], "•••")
        return json.loads(text)


def available_profiles(folder: Path | None = None) -> list[str]:
    """Profile names in the user's assets/profiles and the built-in ones."""
    folders = [folder] if folder is not None else profile_folders()
    return sorted({p.stem for f in folders for p in f.glob("*.yaml")})


def find_profile(name_or_path: str, folder: Path | None = None) -> Path | None:
    """The profile file: a path to a .yaml file as is, else NAME.yaml in the first folder that has it."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return path
    folders = [folder] if folder is not None else profile_folders()
    return next((f / f"{name_or_path}.yaml" for f in folders if (f / f"{name_or_path}.yaml").is_file()), None)


def load_profile(name_or_path: str, overrides: list[str] | None = None, folder: Path | None = None,
                 environ: dict[str, str] | None = None) -> Profile:
    """Load a profile by name (or path), resolve ${ENV} references, apply KEY=VALUE overrides."""
    environ = dict(os.environ if environ is None else environ)
    path = find_profile(name_or_path, folder)
    if path is None:
        known = ", ".join(available_profiles(folder)) or "none"
        folders = ", ".join(str(f) for f in ([folder] if folder is not None else profile_folders()))
        raise UsageError(f"unknown profile '{name_or_path}'; known profiles: {known} (files in {folders})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise UsageError(f"profile {path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    from .schemas import check
    data = check("profile", data, path)    # every field's type, in one line (assets/schemas/profile.schema.json)
    secret_paths = set(data.get("secret_capabilities", []))
    secrets: list[str] = []
    caps = _resolve_env(copy.deepcopy(data["capabilities"]), environ, path, "", secret_paths, secrets)
    appium_url = data.get("appium_url")
    if isinstance(appium_url, str) and _ENV_REF.search(appium_url):
        appium_url = _ENV_REF.sub(lambda m: environ.get(m.group(1), ""), appium_url) or None
    for item in overrides or []:
        key, value = parse_capability(item)
        _set_path(caps, key, value)
    platform = platform_of(caps, data.get("platform"), path)
    return Profile(name=data.get("name", path.stem), platform=platform, capabilities=caps,
                   server=data.get("server", "local"), appium_url=appium_url,
                   description=data.get("description", ""), requires_device=bool(data.get("requires_device")),
                   traffic=data.get("traffic"), secret_values=secrets, path=path)


def platform_of(capabilities: dict[str, Any], declared: Any, path: Path) -> str:
    """The platform the capabilities run on (platformName / appium:automationName, by the registry). A
    `platform:` the file declares is a cross-check: UsageError (one line) when it names another one."""
    from .platforms.registry import spec_for_capabilities

    try:
        spec = spec_for_capabilities(capabilities)
    except UsageError as exc:
        raise UsageError(f"profile {path}: {exc}") from None
    if declared is not None and declared != spec.name:
        raise UsageError(f"profile {path}: platform '{declared}' does not match its capabilities, which are "
                         f"for {spec.name}")
    return spec.name


def parse_capability(item: str) -> tuple[str, Any]:
    """Parse KEY=VALUE; VALUE is JSON when it parses (true, 3, {"a":1}), else a string."""
    key, sep, raw = item.partition("=")
    key = key.strip()
    if not sep or not key or any(not part for part in key.split(".")):
        raise UsageError(f"malformed --capability '{item}'; expected KEY=VALUE, e.g. "
                         f"--capability appium:newCommandTimeout=300")
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    return key, value


def _set_path(caps: dict[str, Any], key: str, value: Any) -> None:
    """Set a capability; dots address nested keys (goog:chromeOptions.mobileEmulation.deviceName)."""
    parts = key.split(".")
    node = caps
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def _resolve_env(node: Any, environ: dict[str, str], path: Path, where: str, secret_paths: set[str],
                 secrets: list[str]) -> Any:
    if isinstance(node, dict):
        return {k: _resolve_env(v, environ, path, f"{where}.{k}" if where else k, secret_paths, secrets)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve_env(v, environ, path, where, secret_paths, secrets) for v in node]
    if isinstance(node, str) and _ENV_REF.search(node):
        def value_of(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in environ:
                raise UsageError(f"profile {path.stem} needs the environment variable {name} (for {where})")
            return environ[name]
        resolved = _ENV_REF.sub(value_of, node)
        if where in secret_paths or "key" in where.lower() or "password" in where.lower():
            secrets.append(resolved)
        return resolved
    return node

"""Chain-of-custody facts of a run: who, when, with which tool and code, on which device, against what."""
from __future__ import annotations

import getpass
import importlib.metadata
import json
import os
import platform as _host
import re
import subprocess
from pathlib import Path
from typing import Any

from ..paths import APPIUM_HOME, NODE_MODULES, ROOT
from ..model import Outcome
from ..run import Run
from .once import file_digest

DISTRIBUTION = "consent-audit"
NODE_PACKAGES = ("appium", "allure")


def operator_name(option: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The operator: the option, else $CONSENT_AUDIT_OPERATOR, else the login name."""
    environ = dict(os.environ if environ is None else environ)
    if option and option.strip():
        return option.strip()
    if environ.get("CONSENT_AUDIT_OPERATOR", "").strip():
        return environ["CONSENT_AUDIT_OPERATOR"].strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name (no passwd entry in a container, no pwd module)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def python_dependencies() -> dict[str, str]:
    """Installed versions of the suite's declared dependencies and of Python itself."""
    found = {"python": _host.python_version()}
    try:
        requires = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        requires = []
    for spec in requires:
        if "extra ==" in spec:
            continue
        name = re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]
        found[name] = _version(name)
    return found


def _package_json_version(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("version"))
    except (OSError, ValueError):
        return None


def node_dependencies(node_modules: Path = NODE_MODULES, appium_home: Path = APPIUM_HOME) -> dict[str, str]:
    """Versions of the Node tools (Appium, Allure) and the Appium drivers installed for the suite."""
    found: dict[str, str] = {}
    for name in NODE_PACKAGES:
        version = _package_json_version(node_modules / name / "package.json")
        if version:
            found[name] = version
    drivers = appium_home / "node_modules"
    if drivers.is_dir():
        for folder in sorted(drivers.glob("appium-*-driver")):
            version = _package_json_version(folder / "package.json")
            if version:
                found[folder.name] = version
    return found


def git_commit(root: Path = ROOT) -> str:
    """The project's commit, marked when tracked files differ from it."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10)
        if head.returncode != 0:
            return "unknown (not a git checkout)"
        status = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unknown ({exc.__class__.__name__})"
    commit = head.stdout.strip()
    return commit + (" (with uncommitted changes)" if status.stdout.strip() else "")


def target_identities(run: Run) -> dict[str, dict[str, Any]]:
    """What was audited, per target: identity seen in the app, completed from the target file."""
    from ..platforms.registry import find_spec
    from ..targets import load_target

    seen: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (run.meta.get("targets") or {}).items()}
    names = list(dict.fromkeys([r.target for r in run.results] + list(seen)))
    caps = (run.meta.get("device") or {}).get("capabilities") or {}
    app_path = caps.get("appium:app") if isinstance(caps, dict) else None
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        entry = seen.get(name, {})
        try:
            target = load_target(name)
            entry = {"target_kind": target.kind, "platform": target.platform, "start": target.start,
                     "description": target.description, **entry}
        except Exception:   # a target file removed since the run: keep what the run saw
            pass
        if entry.get("target_kind") == "refapp" and run.meta.get("reference_app") and not entry.get("build"):
            entry["build"] = run.meta["reference_app"].get("build")
        spec = find_spec(str(entry.get("platform", "")))
        if spec is not None and spec.installs_app and isinstance(app_path, str) and Path(app_path).is_file():
            entry.setdefault("apk", app_path)
            entry.setdefault("apk_sha256", file_digest(Path(app_path)))
        out[name] = entry
    return out


def collect(run: Run, operator: str) -> dict[str, Any]:
    """Every custody fact of a run as JSON-ready data (masked by the caller)."""
    results = run.results
    counts = {outcome.value: 0 for outcome in Outcome}
    for record in results:
        counts[record.final_outcome.value] += 1
    return {
        "run_id": run.run_id,
        "started_utc": run.started,
        "finished_utc": run.finished,
        "interrupted": run.interrupted,
        "operator": operator,
        "tool": {DISTRIBUTION: _version(DISTRIBUTION)},
        "python_dependencies": python_dependencies(),
        "node_dependencies": node_dependencies(),
        "host": {"system": _host.platform(), "machine": _host.machine()},
        "git_commit": git_commit(),
        "device": run.meta.get("device") or {"profile": run.device_profile},
        "appium": run.meta.get("appium"),
        "targets": target_identities(run),
        "results": counts,
        "broken": [f"{r.target}/{r.flow}: {r.final_outcome.value}: {r.reason or 'no reason recorded'}"
                   for r in results if r.final_outcome not in (Outcome.CLEAN, Outcome.FOUND)],
        "secrets_registered": len(run.masker.secrets),
        "not_checked": [f"{r.target}/{r.flow}: {', '.join(sorted(r.metrics['not_checked']))} "
                        f"({'; '.join(sorted(set(r.metrics['not_checked'].values())))})"
                        for r in results if r.metrics.get("not_checked")],
    }


def _one_line(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return re.sub(r"\s+", " ", text).strip()


def bag_info(custody: dict[str, Any], language: str) -> dict[str, str | list[str]]:
    """The custody facts as bag-info.txt fields (RFC 8493 §2.2.2 reserved names where one fits)."""
    tool = next(iter(custody["tool"].items()))
    device = custody.get("device") or {}
    appium = custody.get("appium") or {}
    counts = custody["results"]
    info: dict[str, str | list[str]] = {
        "External-Identifier": custody["run_id"],
        "External-Description": f"consent-audit evidence of run {custody['run_id']}: "
                                f"{sum(counts.values())} audits of {', '.join(custody['targets']) or 'no target'}",
        "Contact-Name": custody["operator"],
        "Bag-Software-Agent": f"{tool[0]} {tool[1]} (bagit.py {custody['python_dependencies'].get('bagit', '?')})",
        "Run-Id": custody["run_id"],
        "Run-Started-UTC": custody["started_utc"],
        "Run-Finished-UTC": custody["finished_utc"] or "not finished",
        "Operator": custody["operator"],
        "Tool-Version": f"{tool[0]} {tool[1]}",
        "Dependency": [f"{k} {v}" for k, v in {**custody["python_dependencies"],
                                                **custody["node_dependencies"]}.items()],
        "Host": _one_line(custody["host"]),
        "Git-Commit": custody["git_commit"],
        "Device-Profile": _one_line({k: v for k, v in device.items() if k != "capabilities"}),
        "Device-Capabilities": _one_line(device.get("capabilities", {})),
        "Appium-Server": _one_line(appium) if appium else "none started",
        "Target": [f"{name}: {_one_line(identity)}" for name, identity in custody["targets"].items()],
        "Results": f"{sum(counts.values())} audits: " + ", ".join(f"{n} {name}" for name, n in counts.items()),
        "Secrets-Masked": f"{custody['secrets_registered']} secret values registered for this run; masked in every "
                          f"text file, blacked out where shown on screen",
        "Summary-Language": language,
    }
    if custody["broken"]:
        info["Broken-Audit"] = list(custody["broken"])
    if custody.get("not_checked"):
        info["Not-Checked"] = list(custody["not_checked"])
    if custody.get("interrupted"):
        info["Interrupted"] = custody["interrupted"]
    return info

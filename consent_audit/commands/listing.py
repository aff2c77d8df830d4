"""`consent-audit profiles` and `consent-audit targets`: what can be chosen."""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError


def register(sub: "argparse._SubParsersAction") -> None:
    sub.add_parser("profiles", help="list device profiles").set_defaults(handler=list_profiles)
    sub.add_parser("targets", help="list targets").set_defaults(handler=list_targets)


def list_profiles(args: argparse.Namespace) -> int:
    """One line per profile; a file that does not match its schema is one line on stderr (exit 2)."""
    import yaml

    from ..profiles import available_profiles, find_profile
    from ..schemas import check
    broken = 0
    for name in available_profiles():
        path = find_profile(name)
        try:
            data = check("profile", yaml.safe_load(path.read_text(encoding="utf-8")), path)  # type: ignore[union-attr]
        except (UsageError, yaml.YAMLError, OSError) as exc:
            broken += 1
            print(f"consent-audit: {str(exc).splitlines()[0]}", file=sys.stderr)
            continue
        print(f"{name:24} {data.get('platform', ''):22} {data.get('description', '')}")
    return 2 if broken else 0


def list_targets(args: argparse.Namespace) -> int:
    """One line per target; a target file that cannot be loaded is one line on stderr (exit 2)."""
    from ..targets import available_targets, load_target
    broken = 0
    for name in available_targets():
        try:
            target = load_target(name)
        except UsageError as exc:
            broken += 1
            print(f"consent-audit: {exc}", file=sys.stderr)
            continue
        print(f"{name:32} {target.platform:22} {target.description}")
    return 2 if broken else 0

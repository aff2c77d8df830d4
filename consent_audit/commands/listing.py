"""`consent-audit profiles` and `consent-audit targets`: what can be chosen."""
from __future__ import annotations

import argparse


def register(sub: "argparse._SubParsersAction") -> None:
    sub.add_parser("profiles", help="list device profiles").set_defaults(handler=list_profiles)
    sub.add_parser("targets", help="list targets").set_defaults(handler=list_targets)


def list_profiles(args: argparse.Namespace) -> int:
    import yaml

    from ..profiles import available_profiles, find_profile
    for name in available_profiles():
        data = yaml.safe_load(find_profile(name).read_text(encoding="utf-8")) or {}  # type: ignore[union-attr]
        print(f"{name:24} {data.get('platform', ''):22} {data.get('description', '')}")
    return 0


def list_targets(args: argparse.Namespace) -> int:
    from ..targets import available_targets, load_target
    for name in available_targets():
        target = load_target(name)
        print(f"{name:32} {target.platform:22} {target.description}")
    return 0

"""The numbers a command takes, checked against assets/limits.yaml before anything starts: a port outside
1–65535, a billion relaunches or a budget of `nan` seconds is one line (UsageError), never a traceback or a
run that cannot end."""
from __future__ import annotations

import argparse
import math
from functools import lru_cache

import yaml

from ..errors import UsageError
from ..paths import ASSETS


@lru_cache(maxsize=None)
def limits() -> dict[str, tuple[float, float]]:
    """name → (lowest, highest) from assets/limits.yaml."""
    data = yaml.safe_load((ASSETS / "limits.yaml").read_text(encoding="utf-8"))
    return {name: (float(low), float(high)) for name, (low, high) in data.items()}


def check_numbers(args: argparse.Namespace) -> None:
    """Every limited option present on `args` (None: not given) within its bounds; UsageError if not."""
    for name, (low, high) in limits().items():
        value = getattr(args, name, None)
        if value is None:
            continue
        option = "--" + name.replace("_", "-")
        if not isinstance(value, (int, float)) or math.isnan(value) or not low <= value <= high:
            shown = f"{low:g} to {high:g}"
            raise UsageError(f"{option} must be a number from {shown}, not {value}")

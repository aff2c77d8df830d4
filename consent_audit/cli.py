"""`consent-audit`: the command line over the pytest engine. Exit 0 nothing found, 1 dark patterns found,
2 the run broke or the input was bad (like a scanner).

Each subcommand is a module in consent_audit/commands with a `register(subparsers)` function that sets
`handler` on its parser; adding one is a new module and its name in COMMANDS."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import UsageError

from .model import EXIT_CLEAN, EXIT_FOUND, EXIT_INCOMPLETE

EXIT_BROKEN = EXIT_INCOMPLETE
COMMANDS = ("run", "verify", "explore", "listing", "init", "bundle", "proxy_setup")
COMMANDS += ("diff", "prune", "trend")      # the nightly farm's commands


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="consent-audit", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"consent_audit.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"consent_audit.commands.{name}":
                raise
            continue
        module.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"consent-audit: {exc}", file=sys.stderr)
        return EXIT_BROKEN
    except KeyboardInterrupt:
        print("consent-audit: interrupted", file=sys.stderr)
        return EXIT_BROKEN


if __name__ == "__main__":
    sys.exit(main())

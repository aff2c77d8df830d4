"""`consent-audit init NAME [--platform web|android] [--dir PATH]`: a page-object package and a target file
for a QA team's own app, from the templates in consent_audit/assets/scaffold/<platform>/. As written they run
against the reference app's contract, so the first audit works before anything is changed.

Templates: every file under the platform's folder, `__NAME__` in its path replaced by NAME and `.tmpl`
dropped, `${name}` / `${Name}` in its text substituted. Files whose path names the app are refused when they
exist (exit 2, one line); shared ones (pages/__init__.py) are written only when missing."""
from __future__ import annotations

import argparse
import keyword
from pathlib import Path
from string import Template

from ..errors import UsageError
from ..paths import ASSETS
from ..platforms.registry import spec_for_target_kind, specs

SCAFFOLD = ASSETS / "scaffold"


def register(sub: "argparse._SubParsersAction") -> None:
    init = sub.add_parser("init", help="write page objects and a target file for your own app")
    init.set_defaults(handler=cmd_init)
    init.add_argument("name", help="the app's name: a Python identifier (pages/NAME, assets/targets/NAME.yaml)")
    kinds = sorted(spec.target_kind for spec in specs())      # the scaffold folders are named by these
    init.add_argument("--platform", choices=kinds, default="web", help=f"{' or '.join(kinds)} (default: web)")
    init.add_argument("--dir", default=".", help="the project folder to write into (default: the current one)")


def check_name(name: str) -> None:
    """NAME must be a lowercase-friendly Python identifier that is not a keyword (it is a package name)."""
    if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
        raise UsageError(f"NAME must be a Python identifier (letters, digits, underscores; not starting with a "
                         f"digit; not a keyword), not '{name}'")


def plan(name: str, platform: str, folder: Path) -> list[tuple[Path, Path, bool]]:
    """(template, destination, owned) for every template of `platform`; `owned` files name the app."""
    source = SCAFFOLD / platform
    if not source.is_dir():
        raise UsageError(f"no scaffold for platform '{platform}' in {SCAFFOLD}")
    out = []
    for template in sorted(p for p in source.rglob("*.tmpl") if p.is_file()):
        relative = template.relative_to(source).as_posix().removesuffix(".tmpl")
        out.append((template, folder / relative.replace("__NAME__", name), "__NAME__" in relative))
    return out


def render(template: Path, name: str) -> str:
    """The template's text with ${name} and ${Name} substituted; raises UsageError on a broken template."""
    try:
        return Template(template.read_text(encoding="utf-8")).substitute(
            name=name, Name="".join(part.capitalize() for part in name.split("_")) or name)
    except (KeyError, ValueError) as exc:
        raise UsageError(f"template {template} is broken ({exc})") from None


def scaffold(name: str, platform: str = "web", folder: Path = Path(".")) -> list[Path]:
    """Write the scaffold for `name` into `folder`; returns the files written. Raises UsageError (nothing
    written) for a bad name or when a file of this app exists already."""
    check_name(name)
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--dir {folder} is not a folder")
    files = plan(name, platform, folder)
    existing = [dest for _, dest, owned in files if owned and dest.exists()]
    if existing:
        raise UsageError(f"{existing[0]} exists already; not overwriting it (choose another NAME or remove "
                         f"{len(existing)} file(s) of '{name}' first)")
    written = []
    for template, dest, _owned in files:
        if dest.exists():
            continue
        text = render(template, name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        written.append(dest)
    return written


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    written = scaffold(args.name, args.platform, folder)
    for path in written:
        print(f"wrote {path}")
    from ..paths import ROOT, SOURCE_ROOT
    if folder.resolve() != ROOT.resolve():
        why = ("this consent-audit runs from its checkout, whose assets/targets it reads"
               if ROOT.resolve() == SOURCE_ROOT.resolve() else f"targets are looked up in {ROOT / 'assets' / 'targets'}")
        print(f"note: {why}: set CONSENT_AUDIT_ROOT={folder.resolve()} before running it")
    print(f"\nconsent-audit: {args.name} audits the reference app until you point it at your app "
          f"({Path(args.dir) / 'pages' / args.name / 'README.md'}). Try it:\n"
          f"  consent-audit run --target {args.name} --profile {spec_for_target_kind(args.platform).default_profile}")
    return 0

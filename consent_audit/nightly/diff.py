"""Compare two runs (summary.json files), audit by audit (target × flow): what changed and which changes are
regressions. docs/nightly.md states the rules; in short, a regression is

- an audit of the baseline that did not run tonight (nothing can be said about it);
- an outcome turning broken / not_found / interrupted (the audit lost its verdict);
- a finding that appeared (clean → found is one), or a reference target no longer as expected;
- a key figure (assets/figures.yaml) moving in its harmful direction, or becoming unmeasured;
- a run that is incomplete or interrupted tonight.

Figures are compared only where both audits reached a verdict (clean or found); otherwise one line says
they are unmeasured. Findings that went, figures that improved or became measured are reported, not gated."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Outcome
from .figures import UNMEASURED, flatten, key_figure_for, key_values, shown

COMPLETE = (Outcome.CLEAN.value, Outcome.FOUND.value)


@dataclass(frozen=True)
class Change:
    """One difference: `kind` audit | run | outcome | finding | expected | figure; `what` names it (a
    figure's label, a pattern); `direction` worse | better | changed | unmeasured | measured | appeared |
    went | missing | new."""

    target: str
    flow: str
    kind: str
    what: str
    old: str
    new: str
    direction: str
    regression: bool
    path: str = ""


@dataclass
class Diff:
    """Every change between a baseline and a new run."""

    base: dict[str, str]
    new: dict[str, str]
    compared: int = 0
    changes: list[Change] = field(default_factory=list)

    @property
    def regressions(self) -> list[Change]:
        return [c for c in self.changes if c.regression]

    def to_dict(self) -> dict[str, Any]:
        return {"base": self.base, "new": self.new, "audits_compared": self.compared,
                "regressions": len(self.regressions), "changes": [asdict(c) for c in self.changes]}


def load_summary(path: Path) -> tuple[dict[str, Any], Path]:
    """(summary, its file) from a run folder, an evidence bag folder (its data/summary.json), a summary.json
    or a symlink to any of them (`reports/latest`, resolved now). Raises UsageError (one line) otherwise."""
    resolved = path.resolve()
    file = resolved
    if resolved.is_dir():
        bagged = resolved / "data" / "summary.json"
        file = bagged if not (resolved / "summary.json").is_file() and bagged.is_file() else resolved / "summary.json"
    if not file.is_file():
        raise UsageError(f"{path} is neither a run folder with a summary.json nor a summary file")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{file} cannot be read as a run summary: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise UsageError(f"{file} is not a run summary (no list of results in it)")
    return data, file


def _outcome(result: dict[str, Any]) -> str:
    return str(result.get("outcome") or Outcome.BROKEN.value)


def _patterns(result: dict[str, Any]) -> set[str]:
    return {str(f.get("pattern", "?")) for f in result.get("findings") or [] if isinstance(f, dict)}


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        if isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool) \
                and not isinstance(new, bool):
            return round(float(old), 6) == round(float(new), 6)
    return old == new


def _measured(result: dict[str, Any]) -> dict[str, Any]:
    """The audit's metrics without what says how it ran (its scope: compared apart by `_scope`)."""
    return {k: v for k, v in (result.get("metrics") or {}).items() if k != "not_checked"}


def _figures(target: str, flow: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Figure changes of one audit: key figures with a direction, every other figure as 'changed'."""
    out: list[Change] = []
    old_keys, new_keys = key_values(flow, old), key_values(flow, new)
    for path in dict.fromkeys([*old_keys, *new_keys]):
        figure = (old_keys.get(path) or new_keys[path])[0]
        before = figure.value(old_keys.get(path, (figure, UNMEASURED))[1])
        after = figure.value(new_keys.get(path, (figure, UNMEASURED))[1])
        if _same(before, after):
            continue
        if after is UNMEASURED:
            direction, regression = "unmeasured", True
        elif before is UNMEASURED:
            direction, regression = "measured", False
        else:
            direction = figure.direction(before, after)
            regression = direction == "worse"
        out.append(Change(target, flow, "figure", figure.label_for(path), shown(before), shown(after),
                          direction, regression, path))
    flat_old, flat_new = flatten(old), flatten(new)
    for path in dict.fromkeys([*flat_old, *flat_new]):
        if path in old_keys or path in new_keys or key_figure_for(flow, path) is not None:
            continue
        before = UNMEASURED if flat_old.get(path) is None else flat_old[path]
        after = UNMEASURED if flat_new.get(path) is None else flat_new[path]
        if _same(before, after):
            continue
        direction = "unmeasured" if after is UNMEASURED else "measured" if before is UNMEASURED else "changed"
        out.append(Change(target, flow, "figure", path, shown(before), shown(after), direction, False, path))
    return out


def _not_checked(result: dict[str, Any]) -> dict[str, str]:
    """Pattern → why the run left it out of its scope (metrics.not_checked)."""
    return dict((result.get("metrics") or {}).get("not_checked") or {})


def _scope(target: str, flow: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Rules one night checked and the other left out by its settings (`--traffic off`, a goal not explored):
    a check no longer made is flagged, never read as a pattern that went."""
    before, after = _not_checked(old), _not_checked(new)
    out = [Change(target, flow, "checked", p, "checked", f"not checked ({after[p]})", "not checked", True)
           for p in sorted(set(after) - set(before))]
    out += [Change(target, flow, "checked", p, f"not checked ({before[p]})", "checked", "checked again", False)
            for p in sorted(set(before) - set(after))]
    return out


def _audit(target: str, flow: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    out: list[Change] = _scope(target, flow, old, new)
    was, now = _outcome(old), _outcome(new)
    unchecked = set(_not_checked(new))
    if was != now:
        if (was, now) == (Outcome.FOUND.value, Outcome.CLEAN.value) and _patterns(old) & unchecked:
            direction = "not checked"   # clean only because what was found is no longer looked for
        elif was in COMPLETE and now not in COMPLETE or (was, now) == (Outcome.CLEAN.value, Outcome.FOUND.value):
            direction = "worse"         # the audit lost its verdict, or a dark pattern appeared
        elif now in COMPLETE:
            direction = "better"        # a verdict again, or found → clean
        else:
            direction = "changed"       # one kind of no verdict to another
        out.append(Change(target, flow, "outcome", "outcome", was, now, direction,
                          direction in ("worse", "not checked")))
    if was in COMPLETE and now in COMPLETE:
        before, after = _patterns(old), _patterns(new)
        out += [Change(target, flow, "finding", p, "-", "found", "appeared", True) for p in sorted(after - before)]
        out += [Change(target, flow, "finding", p, "found", "-", "went", False) for p in sorted(before - after - unchecked)]
        out += [Change(target, flow, "finding", p, "found", "not checked", "not checked", True)
                for p in sorted((before - after) & unchecked)]
        out += _figures(target, flow, _measured(old), _measured(new))
    elif was == now:
        pass                    # no verdict either night: nothing to compare, the outcome is unchanged
    elif now not in COMPLETE:
        out.append(Change(target, flow, "figure", "findings and figures", "measured" if was in COMPLETE
                          else "unmeasured", "unmeasured", "unmeasured", False))
    else:
        out.append(Change(target, flow, "figure", "findings and figures", "unmeasured", "measured",
                          "measured", False))
    if "as_expected" in old or "as_expected" in new:
        a, b = old.get("as_expected"), new.get("as_expected")
        if a != b:
            out.append(Change(target, flow, "expected", "as expected (reference truth)", shown(a), shown(b),
                              "worse" if b is not True else "better", b is not True))
    return out


def _key(result: dict[str, Any]) -> tuple[str, str]:
    return str(result.get("target", "?")), str(result.get("flow", "?"))


def _run_state(summary: dict[str, Any]) -> str:
    if summary.get("incomplete"):
        return f"incomplete ({summary['incomplete']})"
    if summary.get("interrupted"):
        return f"interrupted ({summary['interrupted']})"
    return "complete"


def compare(base: dict[str, Any], new: dict[str, Any], base_name: str = "", new_name: str = "") -> Diff:
    """Every change from `base` to `new` (two summary.json contents), audit by audit in the new run's order
    (the baseline's missing audits last)."""
    diff = Diff(base={"run_id": str(base.get("run_id", "")), "path": base_name},
                new={"run_id": str(new.get("run_id", "")), "path": new_name})
    was, now = _run_state(base), _run_state(new)
    if now != "complete" and now != was:
        diff.changes.append(Change("*", "*", "run", "run", was, now, "worse", True))
    old = {_key(r): r for r in base["results"] if isinstance(r, dict)}
    seen = set()
    for result in (r for r in new["results"] if isinstance(r, dict)):
        key = _key(result)
        seen.add(key)
        if key not in old:
            diff.changes.append(Change(*key, "audit", "audit", "-", _outcome(result), "new", False))
            continue
        diff.compared += 1
        diff.changes += _audit(*key, old[key], result)
    for key, result in old.items():
        if key not in seen:
            diff.changes.append(Change(*key, "audit", "audit", _outcome(result), "not run", "missing", True))
    return diff


def table(diff: Diff) -> str:
    """The diff as a plain-text table, regressions marked, and a closing count."""
    rows = [("", "target", "flow", "what", "base", "new", "change")]
    for c in diff.changes:
        rows.append(("!" if c.regression else "", c.target, c.flow, c.what, c.old, c.new, c.direction))
    lines = [f"base {diff.base['run_id']} ({diff.base['path']})", f"new  {diff.new['run_id']} ({diff.new['path']})", ""]
    if len(rows) > 1:
        widths = [min(max(len(r[i]) for r in rows), 44) for i in range(len(rows[0]))]
        for n, row in enumerate(rows):
            lines.append("  ".join(str(v)[:44].ljust(w) for v, w in zip(row, widths)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append("")
    regressions = len(diff.regressions)
    lines.append(f"{diff.compared} audits compared, {len(diff.changes)} changes, "
                 f"{regressions} regression{'s' if regressions != 1 else ''} (marked !)" if regressions else
                 f"{diff.compared} audits compared, {len(diff.changes)} changes, no regression")
    return "\n".join(lines)

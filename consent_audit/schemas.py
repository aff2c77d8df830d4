"""Target and profile files checked against their JSON Schemas (assets/schemas, validated by the jsonschema
library) before anything reads them: one line naming the file, the field and what was expected."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from .errors import UsageError
from .paths import ASSETS

SCHEMAS = ASSETS / "schemas"
_JSON_TYPES = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false", int: "a number",
               float: "a number", type(None): "empty"}
_EXPECTED = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
             "number": "a number", "integer": "a whole number", "null": "empty"}


@lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _what(value: Any) -> str:
    name = _JSON_TYPES.get(type(value), type(value).__name__)
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return f"{name} ({shown[:40]}{'…' if len(shown) > 40 else ''})" if not isinstance(value, (dict, list)) else name


def _expected(error: jsonschema.ValidationError) -> str:
    if error.validator == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return " or ".join(_EXPECTED.get(t, t) for t in types if t != "null") or "empty"
    if error.validator == "enum":
        return "one of " + ", ".join(json.dumps(v) for v in error.validator_value)
    if error.validator == "pattern":
        return error.schema.get("description") or f"text matching {error.validator_value}"
    if error.validator == "minLength":
        return "a non-empty string"
    if error.validator in ("anyOf", "oneOf"):
        return error.schema.get("description") or "a value or a mapping of value/env/default/secret"
    if error.validator == "additionalProperties":
        return "only " + ", ".join(sorted(error.schema.get("properties", {})))
    return error.message


def _problem(error: jsonschema.ValidationError) -> str:
    """One schema error in words: "lacks 'x'", "field 'a.b' must be <expected>, not <what it is>" …"""
    if error.validator == "required":
        missing = next((k for k in error.validator_value if k not in error.instance), "?")
        return f"lacks '{missing}'"
    field = ".".join(str(p) for p in error.absolute_path) or "(top level)"
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"field '{field}' has unknown key(s) {', '.join(extra)}; expected {_expected(error)}"
    return f"field '{field}' must be {_expected(error)}, not {_what(error.instance)}"


def check(kind: str, data: Any, path: Path) -> dict[str, Any]:
    """`data` (a loaded YAML file of `kind` 'target' or 'profile') if it matches its schema.

    Raises UsageError, one line naming every problem, the most relevant first: "<kind> <path>: field 'a.b' must
    be <expected>, not <what it is>; also: field 'c' …" (or "lacks 'x'")."""
    if not isinstance(data, dict):
        raise UsageError(f"{kind} {path}: must be a mapping of fields, not {_what(data)}")
    errors = list(_validator(kind).iter_errors(data))
    best = jsonschema.exceptions.best_match(errors)
    if best is None:
        return data
    others = [_problem(e) for e in sorted(errors, key=lambda e: list(e.absolute_path).__repr__()) if e is not best]
    first = _problem(best)
    line = f"{kind} {path} {first}" if best.validator == "required" else f"{kind} {path}: {first}"
    also = list(dict.fromkeys(o for o in others if o != first))
    raise UsageError(line + (f"; also: {'; '.join(also[:5])}" + (f" (and {len(also) - 5} more)" if len(also) > 5 else "")
                             if also else ""))

"""What the reference app's own configuration says about its structure (like an app's resource files),
shared by its web and Android page objects."""
from __future__ import annotations

from collections import deque
from typing import Any


POLICY_ROW = {"id": "me-privacy-policy", "to": "privacy-policy"}
"""The row the app adds to Me when its policy is not placed in its own menus (`policy.placement` 'me')."""


def route_to_delete(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Shortest chain of menu rows from Me to the row `delete-account`, from the app's menu structure."""
    return _route(config, lambda item: item.get("id") == "delete-account", "delete-account")


def route_to_policy(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Shortest chain of menu rows from Me to the row that opens the privacy policy view."""
    extra = [POLICY_ROW] if (config.get("policy") or {}).get("placement", "me") == "me" else []
    return _route(config, lambda item: item.get("to") == "privacy-policy", "privacy-policy", extra)


def _route(config: dict[str, Any], wanted: Any, what: str,
           extra: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Breadth-first over the menus (Me, then menu views) to the first row `wanted(row)` accepts."""
    screens = config.get("screens", {})
    queue: deque[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = deque(
        [([], config.get("me", {}).get("items", []) + (extra or []))])
    seen: set[str] = set()
    while queue:
        path, items = queue.popleft()
        for item in items:
            if wanted(item):
                return path + [item]
            target = item.get("to")
            if target and target not in seen and screens.get(target, {}).get("type") == "menu":
                seen.add(target)
                queue.append((path + [item], screens[target].get("items", [])))
    raise RuntimeError(f"no way to {what} in variant {config.get('name')}")

"""What the reference app's own configuration says about its structure (like an app's resource files),
shared by its web and Android page objects."""
from __future__ import annotations

from collections import deque
from typing import Any


def route_to_delete(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Shortest chain of menu rows from Me to the row `delete-account`, from the app's menu structure."""
    screens = config.get("screens", {})
    queue: deque[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = deque(
        [([], config.get("me", {}).get("items", []))])
    seen: set[str] = set()
    while queue:
        path, items = queue.popleft()
        for item in items:
            if item.get("id") == "delete-account":
                return path + [item]
            target = item.get("to")
            if target and target not in seen and screens.get(target, {}).get("type") == "menu":
                seen.add(target)
                queue.append((path + [item], screens[target].get("items", [])))
    raise RuntimeError(f"no way to delete-account in variant {config.get('name')}")

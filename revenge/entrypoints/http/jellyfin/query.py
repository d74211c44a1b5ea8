"""Jellyfin's query strings: names in any case (`ParentId`, `parentId`), lists separated
by commas (or `|` for names), booleans as `true`/`false`. A malformed value is a 400
naming the parameter."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection

from revenge.domain.catalog.errors import InvalidQuery

MAX_INT_DIGITS = 9


class Query:
    def __init__(self, connection: ASGIConnection[Any, Any, Any, Any]) -> None:
        # A repeated name is a list too (`sortBy=A&sortBy=B`, as generated SDKs send).
        values: dict[str, list[str]] = {}
        for key, value in connection.query_params.multi_items():
            values.setdefault(key.lower(), []).append(value)
        self._values = {key: ",".join(found) for key, found in values.items()}

    def text(self, name: str) -> str | None:
        value = self._values.get(name.lower())
        return value.strip() or None if isinstance(value, str) else None

    def number(self, name: str, default: int, *, low: int = 0, high: int = 10**9) -> int:
        value = self.text(name)
        if value is None:
            return default
        if not (value.isascii() and value.isdigit()) or len(value) > MAX_INT_DIGITS:
            raise InvalidQuery(f"{name} must be a whole number", field=name)
        return max(low, min(high, int(value)))

    def flag(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None:
            return None
        if value.lower() not in ("true", "false"):
            raise InvalidQuery(f"{name} must be true or false", field=name)
        return value.lower() == "true"

    def items(self, name: str, separators: str = ",") -> list[str]:
        value = self.text(name) or ""
        for separator in separators[1:]:
            value = value.replace(separator, separators[0])
        return [part.strip() for part in value.split(separators[0]) if part.strip()]

    def lowered(self, name: str) -> set[str]:
        return {part.lower() for part in self.items(name)}

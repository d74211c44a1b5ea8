"""Readiness of search: not critical, so an outage makes the server "degraded", not down."""

from __future__ import annotations

from revenge.application.search.ports import SearchIndex


class SearchProbe:
    name = "search"
    critical = False

    def __init__(self, index: SearchIndex) -> None:
        self._index = index

    async def check(self) -> None:
        await self._index.ping()

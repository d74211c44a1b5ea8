"""Readiness of search: not critical, so an outage makes the server "degraded", not down."""

from __future__ import annotations

from revenge.application.search.ports import IndexVerifier, SearchIndex
from revenge.domain.errors import Unavailable


class SearchProbe:
    """Up when the index answers and holds the whole catalog (`verifier`): a Typesense
    restarted empty is "degraded" here, and the check requests its rebuild at once."""

    name = "search"
    critical = False

    def __init__(self, index: SearchIndex, verifier: IndexVerifier | None = None) -> None:
        self._index = index
        self._verifier = verifier

    async def check(self) -> None:
        try:
            await self._index.ping()
        except BaseException:
            if self._verifier is not None:
                self._verifier.forget()
            raise
        if self._verifier is not None:
            coverage = await self._verifier.execute()
            if not coverage.complete:
                raise Unavailable("search", f"{coverage.describe()}; rebuilding")

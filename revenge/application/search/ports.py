"""Ports of search: the index (Typesense or its twin), the fallback reader (PostgreSQL),
the catalog as the source of truth for documents, and the user's watched movies."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from revenge.application.search.read_models import (
    IdFilter,
    LiveIndex,
    MovieDocument,
    SearchResult,
    Suggestions,
)
from revenge.application.shared.jobs import JobQueue as JobQueue
from revenge.domain.search.drift import Coverage
from revenge.domain.search.query import SearchQuery


class SearchReader(Protocol):
    """Answers searches. Raises `Unavailable` when it cannot answer (down, timed out,
    not built yet); never raises for a valid query."""

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        """Hits for `query` (restricted by `only`), facets over all matches, and the
        total. Text is matched typo-tolerantly on title (weighted highest), original
        title, cast, directors, collection and overview."""
        ...

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        """Up to `limit` titles whose words start with the prefix's words (the last one
        may be partial), best first."""
        ...


class SearchIndex(SearchReader, Protocol):
    """The search index: documents under a live name (an alias), rebuilt side by side.

    Writes are idempotent (upserting a document twice, deleting an absent id are
    no-ops). All methods raise `Unavailable` when the index cannot be reached.
    """

    async def upsert(self, documents: Sequence[MovieDocument], *, into: str | None = None) -> None:
        """Adds or replaces documents in the live index (creating it, empty, when there
        is none yet), or in the rebuild `into` names."""
        ...

    async def delete(self, movie_ids: Sequence[str]) -> None:
        """Removes these ids from the live index."""
        ...

    async def versions(self) -> dict[str, int]:
        """Every id in the live index with its document's `version` (for reconciliation)."""
        ...

    async def count(self) -> int:
        """How many documents the live index holds (0 when there is no live index)."""
        ...

    async def live_index(self) -> LiveIndex:
        """`count` and `is_current` in one look, for the coverage check that runs every
        few seconds."""
        ...

    async def is_current(self) -> bool:
        """True when a live index exists and has this code's schema; False means only
        a rebuild can make it usable."""
        ...

    async def begin_rebuild(self) -> str:
        """Creates an empty index of the current schema beside the live one; returns its
        name for `upsert(into=...)`, `publish` or `discard`."""
        ...

    async def publish(self, rebuild: str) -> None:
        """Makes the rebuild the live index in one atomic switch (searches never see a
        missing or half-built index), then drops the previous one."""
        ...

    async def discard(self, rebuild: str) -> None:
        """Drops an unpublished rebuild. Idempotent."""
        ...

    async def ping(self) -> None:
        """Returns when the index is up and a live index exists; raises otherwise."""
        ...


class IndexVerifier(Protocol):
    """See `verify_index.VerifyIndex`: whether the live index holds the whole catalog."""

    async def execute(self) -> Coverage: ...

    def forget(self) -> None: ...


class MovieDocuments(Protocol):
    """The catalog as search sees it (the source of truth the index follows)."""

    async def get(self, movie_ids: Sequence[str]) -> list[MovieDocument]:
        """Documents of those movies that exist (unknown or malformed ids are skipped)."""
        ...

    def batches(self, size: int) -> AsyncIterator[list[MovieDocument]]:
        """Every movie, `size` at a time, in id order."""
        ...

    async def versions(self) -> dict[str, int]:
        """Every movie id with its current `version`."""
        ...

    async def settled_count(self) -> int:
        """How many movies the index must hold by now: every movie, less those whose
        index request is still waiting in the job queue (the index follows them soon)."""
        ...


class WatchedMovies(Protocol):
    async def watched_ids(self, user_id: str) -> frozenset[str]:
        """Ids of the movies the user has watched (completed)."""
        ...


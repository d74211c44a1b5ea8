"""Response bodies of the search API (the hits and facets are the use cases' read models)."""

from __future__ import annotations

import msgspec

from revenge.application.search.read_models import SearchFacets, SearchHit, Suggestion


class SearchResponse(msgspec.Struct, frozen=True, kw_only=True):
    """`found` counts every match; `next_cursor` fetches the next page (null on the last);
    `degraded` means Typesense was unavailable and PostgreSQL answered (simpler matching,
    no cast/director search)."""

    hits: list[SearchHit]
    facets: SearchFacets
    found: int
    next_cursor: str | None
    degraded: bool


class SuggestionsResponse(msgspec.Struct, frozen=True, kw_only=True):
    items: list[Suggestion]
    degraded: bool


class ReindexAccepted(msgspec.Struct, frozen=True):
    """The reindex runs in the background as this job (see the jobs admin API)."""

    job_id: str

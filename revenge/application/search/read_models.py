"""What search reads and writes: indexed movie documents, hits, facets, suggestions."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

# How many billed cast members a document carries (enough to find a movie by its stars).
MAX_CAST = 15


class LiveIndex(msgspec.Struct, frozen=True, kw_only=True):
    """The live index in one look: its size (0 without one) and whether it has this
    code's schema (False without one)."""

    documents: int
    current: bool


class MovieDocument(msgspec.Struct, frozen=True, kw_only=True):
    """One movie as the index holds it; `version` is its updated_at in microseconds,
    compared by reconciliation to spot stale entries."""

    id: str
    title: str
    original_title: str | None = None
    sort_title: str
    overview: str | None = None
    year: int | None = None
    genres: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()
    directors: tuple[str, ...] = ()
    collection: str | None = None
    rating: float | None = None
    runtime_minutes: int | None = None
    popularity: float | None = None
    poster_path: str | None = None
    poster_blurhash: str | None = None
    added_at: datetime
    version: int


class SearchHit(msgspec.Struct, frozen=True, kw_only=True):
    """A movie summary for a result card; `highlights` maps a field (title,
    original_title, overview) to a snippet with the matched words in <mark> tags."""

    id: str
    title: str
    original_title: str | None = None
    year: int | None = None
    genres: list[str] = msgspec.field(default_factory=list)
    rating: float | None = None
    runtime_minutes: int | None = None
    poster_path: str | None = None
    poster_blurhash: str | None = None
    highlights: dict[str, str] = msgspec.field(default_factory=dict)


class FacetCount(msgspec.Struct, frozen=True):
    value: str
    count: int


class SearchFacets(msgspec.Struct, frozen=True, kw_only=True):
    """Counts over every match (not just this page), most frequent first, ties by value."""

    genre: list[FacetCount] = msgspec.field(default_factory=list)
    year: list[FacetCount] = msgspec.field(default_factory=list)
    decade: list[FacetCount] = msgspec.field(default_factory=list)


class SearchResult(msgspec.Struct, frozen=True, kw_only=True):
    """One page of hits. `degraded` says the answer came from the database fallback
    (typo tolerance and ranking are then simpler)."""

    hits: list[SearchHit]
    facets: SearchFacets
    found: int
    degraded: bool = False


class Suggestion(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    title: str
    year: int | None = None
    poster_path: str | None = None


class Suggestions(msgspec.Struct, frozen=True, kw_only=True):
    items: list[Suggestion]
    degraded: bool = False


class IdFilter(msgspec.Struct, frozen=True):
    """Keep only (`include`) or drop (not `include`) these movie ids: how per-user
    conditions such as "watched" reach an index that knows nothing about users."""

    ids: frozenset[str]
    include: bool


class ReindexReport(msgspec.Struct, frozen=True, kw_only=True):
    indexed: int
    collection: str
    seconds: float


class ReconcileReport(msgspec.Struct, frozen=True, kw_only=True):
    indexed: int = 0
    removed: int = 0
    rebuilt: bool = False


def version_of(updated_at: datetime) -> int:
    """A timestamp as whole microseconds since the epoch (PostgreSQL's precision)."""
    delta = updated_at.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def sorted_counts(counts: dict[str, int]) -> list[FacetCount]:
    """Facet values most frequent first, ties by value (every implementation agrees)."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [FacetCount(value, count) for value, count in ordered if count > 0]

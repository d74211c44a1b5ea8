"""Request and response bodies of the catalog API. Requests refuse unknown fields and
carry their limits, so a bad value is a 400 naming the field before any use case runs."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

from revenge.application.catalog.read_models import (
    CastMember,
    CollectionSummary,
    ContinueWatchingItem,
    CrewMember,
    GenreCount,
    GenreRef,
    HistoryEntry,
    MovieListItem,
    Page,
    WatchlistItem,
)
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import MAX_YEAR, MIN_YEAR, MovieFields

Seconds = Annotated[float, msgspec.Meta(ge=0, le=1e7)]
Year = Annotated[int, msgspec.Meta(ge=MIN_YEAR, le=MAX_YEAR)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
Text = Annotated[str, msgspec.Meta(max_length=20_000)]
Short = Annotated[str, msgspec.Meta(max_length=500)]
GenreName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Uuid = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-fA-F-]{36}$")]


class Body(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of request bodies."""


class ProgressBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    position_seconds: Seconds
    # At least a millisecond: the domain keeps times to the millisecond (no denormals).
    duration_seconds: Annotated[float, msgspec.Meta(ge=0.001, le=1e7)]


class RatingBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    rating: Annotated[int, msgspec.Meta(ge=1, le=10)]


class MovieBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A new movie: a title, and whatever else is known."""

    title: Title
    year: Year | None = None
    original_title: Short | None = None
    release_date: date | None = None
    runtime_minutes: Annotated[int, msgspec.Meta(ge=0, le=10_000)] | None = None
    overview: Text | None = None
    tagline: Short | None = None
    content_rating: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    tmdb_id: Annotated[int, msgspec.Meta(ge=1)] | None = None
    imdb_id: Annotated[str, msgspec.Meta(pattern=r"^tt\d{5,10}$")] | None = None
    poster_path: Short | None = None
    backdrop_path: Short | None = None
    logo_path: Short | None = None
    vote_average: Annotated[float, msgspec.Meta(ge=0, le=10)] | None = None
    vote_count: Annotated[int, msgspec.Meta(ge=0)] = 0
    popularity: Annotated[float, msgspec.Meta(ge=0, le=1e9)] | None = None
    genres: Annotated[list[GenreName], msgspec.Meta(max_length=50)] = []

    def fields(self) -> MovieFields:
        values = msgspec.structs.asdict(self)
        values.pop("genres")
        return MovieFields(**values)


class MoviePatch(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Only the fields sent change; `null` clears one. Edited fields are locked against
    metadata refreshes."""

    title: Title | UnsetType = UNSET
    year: Year | UnsetType | None = UNSET
    original_title: Short | UnsetType | None = UNSET
    release_date: date | UnsetType | None = UNSET
    runtime_minutes: Annotated[int, msgspec.Meta(ge=0, le=10000)] | UnsetType | None = UNSET
    overview: Text | UnsetType | None = UNSET
    tagline: Short | UnsetType | None = UNSET
    content_rating: Annotated[str, msgspec.Meta(max_length=20)] | UnsetType | None = UNSET
    tmdb_id: Annotated[int, msgspec.Meta(ge=1)] | UnsetType | None = UNSET
    imdb_id: Annotated[str, msgspec.Meta(pattern=r"^tt\d{5,10}$")] | UnsetType | None = UNSET
    poster_path: Short | UnsetType | None = UNSET
    backdrop_path: Short | UnsetType | None = UNSET
    logo_path: Short | UnsetType | None = UNSET
    vote_average: Annotated[float, msgspec.Meta(ge=0, le=10)] | UnsetType | None = UNSET
    vote_count: Annotated[int, msgspec.Meta(ge=0)] | UnsetType = UNSET
    popularity: Annotated[float, msgspec.Meta(ge=0, le=1e9)] | UnsetType | None = UNSET
    genres: Annotated[list[GenreName], msgspec.Meta(max_length=50)] | UnsetType = UNSET

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in msgspec.structs.asdict(self).items()
                if v is not UNSET and k != "genres"}

    def genre_names(self) -> list[str] | None:
        return None if self.genres is UNSET else list(self.genres)


class MergeBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The duplicates to fold into the movie named in the path (they are deleted)."""

    source_ids: Annotated[list[Uuid], msgspec.Meta(min_length=1, max_length=50)]


class JobAccepted(msgspec.Struct, frozen=True):
    job_id: str


# Concrete list bodies: `{"items", "next_cursor", "total"}` with named item schemas.


class MoviePage(msgspec.Struct, frozen=True):
    items: list[MovieListItem]
    next_cursor: str | None
    total: int


class FilePage(msgspec.Struct, frozen=True):
    items: list[MovieFile]
    next_cursor: str | None
    total: int


class CastPage(msgspec.Struct, frozen=True):
    items: list[CastMember]
    next_cursor: str | None
    total: int


class CrewPage(msgspec.Struct, frozen=True):
    items: list[CrewMember]
    next_cursor: str | None
    total: int


class GenreRefPage(msgspec.Struct, frozen=True):
    items: list[GenreRef]
    next_cursor: str | None
    total: int


class GenrePage(msgspec.Struct, frozen=True):
    items: list[GenreCount]
    next_cursor: str | None
    total: int


class CollectionPage(msgspec.Struct, frozen=True):
    items: list[CollectionSummary]
    next_cursor: str | None
    total: int


class ContinueWatchingPage(msgspec.Struct, frozen=True):
    items: list[ContinueWatchingItem]
    next_cursor: str | None
    total: int


class HistoryPage(msgspec.Struct, frozen=True):
    items: list[HistoryEntry]
    next_cursor: str | None
    total: int


class WatchlistPage(msgspec.Struct, frozen=True):
    items: list[WatchlistItem]
    next_cursor: str | None
    total: int


P = TypeVar("P", MoviePage, FilePage, CastPage, CrewPage, GenreRefPage, GenrePage,
             CollectionPage, ContinueWatchingPage, HistoryPage, WatchlistPage)


def page_body(body: type[P], page: Page[Any]) -> P:
    """The named list body for a page of the read side."""
    return body(page.items, page.next_cursor, page.total)

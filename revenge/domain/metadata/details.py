"""What a metadata provider says about a movie, a collection, a search, or changes."""

from __future__ import annotations

from datetime import date

import msgspec

from revenge.domain.catalog.credits import CastCredit, CrewCredit


class Candidate(msgspec.Struct, frozen=True, kw_only=True):
    """One search result: enough to score it and to show it to an admin."""

    tmdb_id: int
    title: str
    original_title: str | None = None
    year: int | None = None
    popularity: float = 0.0
    poster_path: str | None = None
    overview: str | None = None
    alternative_titles: tuple[str, ...] = ()


class SearchPage(msgspec.Struct, frozen=True, kw_only=True):
    page: int
    total_pages: int
    total_results: int
    results: tuple[Candidate, ...] = ()


class CollectionRef(msgspec.Struct, frozen=True, kw_only=True):
    tmdb_id: int
    name: str
    poster_path: str | None = None
    backdrop_path: str | None = None


class CollectionPart(msgspec.Struct, frozen=True, kw_only=True):
    tmdb_id: int
    title: str
    release_date: date | None = None


class CollectionDetails(msgspec.Struct, frozen=True, kw_only=True):
    """A collection with its parts in the provider's order."""

    tmdb_id: int
    name: str
    overview: str | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    parts: tuple[CollectionPart, ...] = ()


class SimilarMovie(msgspec.Struct, frozen=True, kw_only=True):
    tmdb_id: int
    title: str
    year: int | None = None
    poster_path: str | None = None
    vote_average: float | None = None


class MovieDetails(msgspec.Struct, frozen=True, kw_only=True):
    """Everything a match or refresh stores about one provider movie."""

    tmdb_id: int
    title: str
    original_title: str | None = None
    imdb_id: str | None = None
    release_date: date | None = None
    runtime_minutes: int | None = None
    overview: str | None = None
    tagline: str | None = None
    content_rating: str | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    logo_path: str | None = None
    vote_average: float | None = None
    vote_count: int = 0
    popularity: float | None = None
    genres: tuple[str, ...] = ()
    cast: tuple[CastCredit, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    collection: CollectionRef | None = None
    similar: tuple[SimilarMovie, ...] = ()

    @property
    def year(self) -> int | None:
        return self.release_date.year if self.release_date else None

"""Refresh rules: provider details to catalog fields, collection order, retry pacing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from revenge.domain.catalog.movie import MovieFields
from revenge.domain.metadata.details import CollectionPart, MovieDetails

FIRST_RETRY = timedelta(minutes=5)
LAST_RETRY = timedelta(hours=6)
_UNKNOWN = date(9999, 12, 31)


def fields_of(details: MovieDetails) -> MovieFields:
    """The catalog fields a provider sets; a merge with `catalog.movie.refreshed` keeps
    whatever an admin locked."""
    return MovieFields(
        title=details.title, original_title=details.original_title, year=details.year,
        release_date=details.release_date, runtime_minutes=details.runtime_minutes,
        overview=details.overview, tagline=details.tagline,
        content_rating=details.content_rating, tmdb_id=details.tmdb_id,
        imdb_id=details.imdb_id, poster_path=details.poster_path,
        backdrop_path=details.backdrop_path, logo_path=details.logo_path,
        vote_average=details.vote_average, vote_count=details.vote_count,
        popularity=details.popularity)


def member_order(parts: Sequence[CollectionPart], in_library: Mapping[int, str]) -> list[str]:
    """The library's movies of a collection (`in_library`: provider id -> movie id) in
    release order (unknown dates last, then the provider's order)."""
    numbered = [(p.release_date or _UNKNOWN, i, p.tmdb_id) for i, p in enumerate(parts)]
    return [in_library[t] for _, _, t in sorted(numbered) if t in in_library]


def retry_delay(attempts: int) -> timedelta:
    """How long a movie parked as pending waits before its next try: doubling from
    five minutes, at most six hours, so an outage never makes work spin."""
    doubled = FIRST_RETRY * (1 << max(0, min(attempts, 20) - 1))
    return min(doubled, LAST_RETRY)

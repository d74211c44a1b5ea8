"""Collections (sagas, trilogies): members in release order and what to watch next."""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import date

import msgspec

UNKNOWN_RELEASE = date(9999, 12, 31)  # members with no release date come last


class CollectionEntry(msgspec.Struct, frozen=True):
    movie_id: str
    release_date: date | None
    position: int

    @property
    def release_key(self) -> tuple[date, int, str]:
        return (self.release_date or UNKNOWN_RELEASE, self.position, self.movie_id)


def release_order(entries: Iterable[CollectionEntry]) -> list[CollectionEntry]:
    """By release date (unknown last), then the collection's own order."""
    return sorted(entries, key=lambda e: e.release_key)


def next_in_collection(entries: Iterable[CollectionEntry], watched: Container[str]) -> str | None:
    """The first member, in release order, the user has not watched; None when all are."""
    return next((e.movie_id for e in release_order(entries) if e.movie_id not in watched), None)


class Collection(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    overview: str | None = None
    tmdb_id: int | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None

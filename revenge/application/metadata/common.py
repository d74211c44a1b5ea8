"""What the metadata use cases share: fetching a movie with its collection."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.metadata.ports import MetadataProvider, MetadataUnitOfWork
from revenge.application.shared.clock import Clock as Clock
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound
from revenge.domain.metadata.details import CollectionDetails, MovieDetails
from revenge.domain.shared.ids import NewId as NewId

UnitOfWorkFactory = Callable[[], MetadataUnitOfWork]


class Fetched(msgspec.Struct, frozen=True, kw_only=True):
    details: MovieDetails
    collection: CollectionDetails | None = None


async def fetch(provider: MetadataProvider, tmdb_id: int, *, fresh: bool) -> Fetched:
    """Details and, when the movie belongs to one, its collection (a collection the
    provider lost meanwhile is simply left out)."""
    details = await provider.movie_details(tmdb_id, fresh=fresh)
    if details.collection is None:
        return Fetched(details=details)
    try:
        collection = await provider.collection(details.collection.tmdb_id)
    except NotFound:
        collection = None
    return Fetched(details=details, collection=collection)


async def load_movie(unit_of_work: UnitOfWorkFactory, movie_id: str) -> Movie | None:
    async with unit_of_work() as uow:
        return await uow.movies.get(movie_id)

"""The catalog's ports, run against the in-memory twins and PostgreSQL alike: every test
in this folder gets a `catalog` harness for each backend."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest
import uuid_utils

from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.memory.catalog_movie_queries import (
    InMemoryCollectionQueries,
    InMemoryMovieQueries,
)
from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.catalog_unit_of_work import InMemoryCatalogUnitOfWork
from revenge.adapters.memory.catalog_user_queries import (
    InMemoryCatalogStatsQueries,
    InMemoryUserLibraryQueries,
)
from revenge.adapters.memory.library_files import FileMeta, LibraryTables
from revenge.adapters.memory.metadata_records import InMemoryMetadataRepository, MetadataTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.catalog_movie_list import PostgresMovieListQueries
from revenge.adapters.postgres.catalog_movie_queries import (
    PostgresCollectionQueries,
    PostgresMovieQueries,
)
from revenge.adapters.postgres.catalog_stats import PostgresCatalogStatsQueries
from revenge.adapters.postgres.catalog_unit_of_work import PostgresCatalogUnitOfWork
from revenge.adapters.postgres.catalog_user_queries import PostgresUserLibraryQueries
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.metadata import PostgresMetadataRepository
from revenge.application.catalog.ports import (
    CatalogStatsQueries,
    CatalogUnitOfWork,
    CollectionQueries,
    MovieDetailQueries,
    MovieListQueries,
    UserLibraryQueries,
)
from revenge.application.metadata.read_models import StoredImage
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.collection import Collection
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie, MovieFields, new_movie
from revenge.domain.shared.permissions import Permission

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def new_id() -> str:
    return str(uuid_utils.uuid7())


class Clock:
    """A clock tests move by hand; every reading is one microsecond after the last, so
    timestamps are distinct and ordered like real ones."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Catalog:
    backend: str
    unit_of_work: Callable[[], CatalogUnitOfWork]
    lists: MovieListQueries
    details: MovieDetailQueries
    library: UserLibraryQueries
    stats: CatalogStatsQueries
    collections: CollectionQueries
    add_user_row: Callable[[str], Any]
    file_in_library: Callable[[str, str], Any]
    """(movie_id, library_id): a file of the movie as the scanner records it in that
    library (the library is made when new)."""
    # The image cache's record of a poster (as the metadata adapters write it).
    record_image: Callable[[StoredImage], Any]
    clock: Clock = field(default_factory=Clock)

    async def user(self, *permissions: Permission) -> Principal:
        user_id = new_id()
        await self.add_user_row(user_id)
        granted = frozenset(permissions or (Permission.LIBRARY_READ,))
        return Principal(user_id=user_id, username=f"u{user_id[-6:]}", permissions=granted)

    async def movie(self, title: str = "The Matrix", genres: tuple[str, ...] = (),
                    **fields: Any) -> Movie:
        movie = new_movie(new_id(), MovieFields(title=title, **fields), self.clock())
        async with self.unit_of_work() as uow:
            await uow.movies.add(movie)
            if genres:
                await uow.genres.set_movie_genres(movie.id, list(genres))
            await uow.commit()
        return movie

    async def edit(self, movie: Movie, **changes: Any) -> Movie:
        changed = msgspec.structs.replace(movie, **changes)
        async with self.unit_of_work() as uow:
            await uow.movies.update(changed)
            await uow.commit()
        return changed

    async def collection(self, name: str, members: list[Movie]) -> Collection:
        collection = Collection(id=new_id(), name=name)
        async with self.unit_of_work() as uow:
            await uow.collections.save(collection)
            await uow.collections.set_members(collection.id, [m.id for m in members])
            await uow.commit()
        return collection


def page(limit: int = 50, cursor: str | None = None) -> PageRequest:
    return PageRequest(limit, cursor)


async def _no_user_row(user_id: str) -> None:
    return None


def _file(movie_id: str) -> MovieFile:
    return MovieFile(id=new_id(), movie_id=movie_id, path=f"/media/{new_id()}.mkv",
                     size_bytes=1, mtime=T0, added_at=T0, updated_at=T0)


def _memory() -> Catalog:
    state = InMemoryState()

    async def file_in_library(movie_id: str, library_id: str) -> None:
        file = _file(movie_id)
        CatalogTables(state).files[file.id] = file
        LibraryTables(state).meta[file.id] = FileMeta(library_id, group_key=file.path)

    async def record_image(image: StoredImage) -> None:
        await InMemoryMetadataRepository(MetadataTables(state)).record_image(image, T0)

    return Catalog(
        "memory", functools.partial(InMemoryCatalogUnitOfWork, state),
        InMemoryMovieQueries(state), InMemoryMovieQueries(state),
        InMemoryUserLibraryQueries(state), InMemoryCatalogStatsQueries(state),
        InMemoryCollectionQueries(state), _no_user_row, file_in_library, record_image)


async def record_image_row(database: Database, image: StoredImage) -> None:
    async with database.transaction() as conn:
        await PostgresMetadataRepository(conn).record_image(image, T0)


async def postgres_file_in_library(database: Database, movie_id: str, library_id: str) -> None:
    file = _file(movie_id)
    async with database.transaction() as conn:
        await conn.execute(
            "INSERT INTO libraries (id, name, paths, created_at, updated_at)"
            " VALUES (%s, %s, ARRAY[%s], now(), now()) ON CONFLICT (id) DO NOTHING",
            (library_id, f"library {library_id}", f"/media/{library_id}"))
        await conn.execute(
            "INSERT INTO movie_files (id, movie_id, path, size_bytes, mtime, added_at,"
            " updated_at, library_id) VALUES (%s, %s, %s, 1, %s, %s, %s, %s)",
            (file.id, movie_id, file.path, T0, T0, T0, library_id))


async def insert_user_row(database: Database, user_id: str) -> None:
    """The bare users row that per-user tables refer to."""
    async with database.transaction() as conn:
        await conn.execute(
            "INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
            " VALUES (%s, %s, %s, 'x', now(), now())",
            (user_id, f"u{user_id}", f"{user_id}@example.invalid"))


def _postgres(database: Database) -> Catalog:
    cache = InMemoryCache()
    return Catalog(
        "postgres", functools.partial(PostgresCatalogUnitOfWork, database),
        PostgresMovieListQueries(database, cache), PostgresMovieQueries(database),
        PostgresUserLibraryQueries(database), PostgresCatalogStatsQueries(database, cache),
        PostgresCollectionQueries(database), functools.partial(insert_user_row, database),
        functools.partial(postgres_file_in_library, database),
        functools.partial(record_image_row, database))


@pytest.fixture(params=["memory", "postgres"])
def catalog(request: pytest.FixtureRequest) -> Catalog:
    if request.param == "memory":
        return _memory()
    return _postgres(request.getfixturevalue("database"))

"""The catalog a playback context reads, on the in-memory twins and PostgreSQL alike:
every test in this folder asking for `shelf` runs against both."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import uuid_utils

from revenge.adapters.memory.catalog_unit_of_work import InMemoryCatalogUnitOfWork
from revenge.adapters.memory.catalog_user_queries import InMemoryUserLibraryQueries
from revenge.adapters.memory.playback import InMemoryPlayableFiles
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.catalog_unit_of_work import PostgresCatalogUnitOfWork
from revenge.adapters.postgres.catalog_user_queries import PostgresUserLibraryQueries
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.playback_files import PostgresPlayableFiles
from revenge.application.catalog.ports import CatalogUnitOfWork, UserLibraryQueries
from revenge.application.playback.ports import PlayableFiles
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.shared.permissions import Permission

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MTIME = datetime(2025, 12, 24, 18, 30, 15, 250000, tzinfo=UTC)


def new_id() -> str:
    return str(uuid_utils.uuid7())


def row(**fields: Any) -> dict[str, Any]:
    """MovieFile fields other than the defaults (a main file of 1000 bytes)."""
    return fields


@dataclass
class Shelf:
    """Movies and files put in the catalog the way the scanner records them."""

    files: PlayableFiles
    unit_of_work: Callable[[], CatalogUnitOfWork]
    library: UserLibraryQueries
    add_user_row: Callable[[str], Awaitable[None]]
    folder: Path
    database: Database | None = None

    async def movie(self, *files: tuple[str, dict[str, Any]]) -> tuple[str, list[str]]:
        """A movie with files (name in `folder`, MovieFile fields); (movie id, file ids)."""
        movie = new_movie(new_id(), MovieFields(title="Heat"), AT)
        rows = [self._file(movie.id, name, fields) for name, fields in files]
        async with self.unit_of_work() as uow:
            await uow.movies.add(movie)
            for file in rows:
                await uow.files.add(file)
            await uow.commit()
        return movie.id, [file.id for file in rows]

    async def viewer(self) -> Principal:
        user_id = new_id()
        await self.add_user_row(user_id)
        return Principal(user_id=user_id, username=f"u{user_id[-6:]}",
                         permissions=frozenset({Permission.LIBRARY_READ, Permission.PLAYBACK}))

    def _file(self, movie_id: str, name: str, fields: dict[str, Any]) -> MovieFile:
        return MovieFile(**{"size_bytes": 1000, **fields}, id=new_id(), movie_id=movie_id,
                         path=str(self.folder / name), mtime=MTIME, added_at=AT,
                         updated_at=AT)


def _memory(folder: Path) -> Shelf:
    state = InMemoryState()

    async def no_user_row(user_id: str) -> None:
        return None

    return Shelf(InMemoryPlayableFiles(state), functools.partial(InMemoryCatalogUnitOfWork, state),
                 InMemoryUserLibraryQueries(state), no_user_row, folder)


def _postgres(database: Database, folder: Path) -> Shelf:
    async def add_user_row(user_id: str) -> None:
        async with database.transaction() as conn:
            await conn.execute(
                "INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
                " VALUES (%s, %s, %s, 'x', now(), now())",
                (user_id, f"u{user_id}", f"{user_id}@example.invalid"))

    return Shelf(PostgresPlayableFiles(database),
                 functools.partial(PostgresCatalogUnitOfWork, database),
                 PostgresUserLibraryQueries(database), add_user_row, folder, database)


@pytest.fixture(params=["memory", "postgres"])
def shelf(request: pytest.FixtureRequest, tmp_path: Path) -> Shelf:
    if request.param == "memory":
        return _memory(tmp_path)
    return _postgres(request.getfixturevalue("database"), tmp_path)

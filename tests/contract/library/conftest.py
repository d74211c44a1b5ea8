"""The library ports' twins side by side: each contract test runs on memory and Postgres."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
import uuid_utils

from revenge.adapters.memory.jobs import InMemoryJobQueue
from revenge.adapters.memory.library_files import LibraryTables
from revenge.adapters.memory.library_reports import InMemoryLibraryReports
from revenge.adapters.memory.library_unit_of_work import InMemoryLibraryUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.jobs import PostgresJobQueue
from revenge.adapters.postgres.library_reports import PostgresLibraryReports
from revenge.adapters.postgres.library_unit_of_work import PostgresLibraryUnitOfWork
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.library.ports import LibraryUnitOfWork
from revenge.application.library.queries import LibraryReports
from tests.conftest import delete_rows, open_database

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def _no_relay() -> None:
    return None


def new_id() -> str:
    return str(uuid_utils.uuid7())


@dataclass
class Twin:
    name: str
    unit_of_work: Callable[[], LibraryUnitOfWork]
    movie_flags: Callable[[str], Awaitable[tuple[bool, str] | None]]
    """(missing, match_status) of a movie."""
    reports: LibraryReports


def _memory_twin() -> Twin:
    state = InMemoryState()

    def queue(uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        return InMemoryJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

    async def status(movie_id: str) -> tuple[bool, str] | None:
        tables = LibraryTables(state)
        movie = tables.catalog.movies.get(movie_id)
        return (movie.missing, tables.match_status[movie_id]) if movie else None

    return Twin("memory", lambda: InMemoryLibraryUnitOfWork(state, job_queue=queue), status,
                InMemoryLibraryReports(state))


def _postgres_twin(database: Database) -> Twin:
    def queue(uow: PostgresUnitOfWork) -> PostgresJobQueue:
        return PostgresJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

    async def status(movie_id: str) -> tuple[bool, str] | None:
        async with database.connection() as conn:
            cur = await conn.execute("SELECT missing, match_status FROM movies WHERE id = %s",
                                     (movie_id,))
            row = await cur.fetchone()
            return (row["missing"], row["match_status"]) if row else None

    return Twin("postgres", lambda: PostgresLibraryUnitOfWork(database, job_queue=queue),
                status, PostgresLibraryReports(database))


@pytest.fixture(scope="module")
async def library_database(migrated_database_url: str) -> AsyncIterator[Database]:
    async with open_database(migrated_database_url) as database:
        yield database


@pytest.fixture
async def empty_library_database(library_database: Database) -> AsyncIterator[Database]:
    """Only the tables the library writes are emptied (faster than truncating all)."""
    await empty_library_tables(library_database)
    yield library_database
    await empty_library_tables(library_database)


async def empty_library_tables(database: Database) -> None:
    await delete_rows(database, ("library_skipped_files", "movie_files", "movies",
                                 "libraries", "job_outbox", "job_runs"))


@pytest.fixture(params=["memory", "postgres"])
def twin(request: pytest.FixtureRequest) -> Twin:
    # A sync fixture: the Postgres fixtures it pulls in run their own event loop calls.
    if request.param == "memory":
        return _memory_twin()
    return _postgres_twin(request.getfixturevalue("empty_library_database"))

"""The Radarr ports' twins side by side: records on memory and PostgreSQL, and the
gateway as HTTP against the fake Radarr and as the in-memory Radarr."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import uuid_utils

from revenge.adapters.memory.jobs import InMemoryJobQueue
from revenge.adapters.memory.radarr_records import (
    InMemoryRadarrQueries,
    InMemoryRadarrUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.jobs import PostgresJobQueue
from revenge.adapters.postgres.radarr_queries import PostgresRadarrQueries
from revenge.adapters.postgres.radarr_unit_of_work import PostgresRadarrUnitOfWork
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.radarr.ports import RadarrQueries, RadarrUnitOfWork
from tests.conftest import delete_rows, open_database
from tests.fakes.radarr import FakeRadarr

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
RADARR_TABLES = ("radarr_downloads", "radarr_deliveries", "radarr_conflicts", "radarr_links",
                 "radarr_sync_state", "radarr_settings", "library_skipped_files",
                 "movie_files", "movies", "libraries", "job_outbox", "job_runs")


async def _no_relay() -> None:
    return None


def new_id() -> str:
    return str(uuid_utils.uuid7())


@dataclass
class Twin:
    name: str
    unit_of_work: Callable[[], RadarrUnitOfWork]
    queries: RadarrQueries
    jobs: Callable[[], Awaitable[list[dict[str, Any]]]]
    """(name, payload) of every job requested."""


def _memory_twin() -> Twin:
    state = InMemoryState()

    def queue(uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        return InMemoryJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

    async def jobs() -> list[dict[str, Any]]:
        return [{"name": run["name"], "payload": dict(run["payload"])}
                for run in state.table("job_runs").values()]

    return Twin("memory", lambda: InMemoryRadarrUnitOfWork(state, job_queue=queue),
                InMemoryRadarrQueries(state), jobs)


def _postgres_twin(database: Database) -> Twin:
    def queue(uow: PostgresUnitOfWork) -> PostgresJobQueue:
        return PostgresJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

    async def jobs() -> list[dict[str, Any]]:
        async with database.connection() as conn:
            cur = await conn.execute("SELECT name, payload FROM job_runs ORDER BY created_at")
            return [dict(row) for row in await cur.fetchall()]

    return Twin("postgres", lambda: PostgresRadarrUnitOfWork(database, job_queue=queue),
                PostgresRadarrQueries(database), jobs)


@pytest.fixture(scope="module")
async def radarr_database(migrated_database_url: str) -> AsyncIterator[Database]:
    async with open_database(migrated_database_url) as database:
        yield database


@pytest.fixture
async def empty_radarr_database(radarr_database: Database) -> AsyncIterator[Database]:
    await empty_radarr_tables(radarr_database)
    yield radarr_database
    await empty_radarr_tables(radarr_database)


async def empty_radarr_tables(database: Database) -> None:
    await delete_rows(database, RADARR_TABLES)


@pytest.fixture(params=["memory", "postgres"])
def twin(request: pytest.FixtureRequest) -> Twin:
    if request.param == "memory":
        return _memory_twin()
    return _postgres_twin(request.getfixturevalue("empty_radarr_database"))


@pytest.fixture(scope="module")
def fake_radarr() -> Iterator[FakeRadarr]:
    with FakeRadarr() as fake:
        yield fake

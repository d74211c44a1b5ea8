"""Acceptance of the sync on PostgreSQL against the fake Radarr over HTTP: a full sync of
200 movies imports them at their mapped paths, a second writes nothing (no row of the
catalog or of the sync's links changes), and an incremental sync after Radarr added 3
movies touches only those 3."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import uuid_utils

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key
from revenge.adapters.memory.radarr_gateway import InMemoryLocalDisk
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.jobs import PostgresJobQueue
from revenge.adapters.postgres.radarr_unit_of_work import PostgresRadarrUnitOfWork
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.adapters.radarr.client import RadarrClientSettings
from revenge.adapters.radarr.gateway import HttpRadarrConnector
from revenge.application.metadata.requests import MatchMovieCommand
from revenge.application.radarr.save_settings import (
    SaveRadarrSettings,
    SaveRadarrSettingsCommand,
)
from revenge.application.radarr.sync_radarr import SyncRadarr, SyncRadarrCommand
from revenge.domain.radarr.paths import PathMapping
from tests.contract.radarr.conftest import empty_radarr_tables
from tests.fakes.radarr import API_KEY, FakeRadarr, generated

WATCHED_TABLES = ("movies", "movie_files", "radarr_links", "radarr_conflicts", "job_runs")
LOCAL = "/srv/radarr-movies"


async def _no_relay() -> None:
    return None


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeRadarr]:
    with FakeRadarr(generated(200)) as radarr:
        yield radarr


@pytest.fixture
async def database(migrated_database_url: str) -> AsyncIterator[Database]:
    database = Database(migrated_database_url, min_size=1, max_size=4)
    await database.open()
    await empty_radarr_tables(database)
    yield database
    await empty_radarr_tables(database)
    await database.close()


class Setup:
    def __init__(self, database: Database, fake: FakeRadarr) -> None:
        self.database = database
        self.box = AesGcmSecretBox([generate_key("k1")])
        self.ids = (str(uuid_utils.uuid7()) for _ in itertools.count())
        self.sync = SyncRadarr(self.unit_of_work, self.box,
                               HttpRadarrConnector(RadarrClientSettings(timeout_seconds=10)),
                               InMemoryLocalDisk(), lambda: datetime.now(UTC),
                               lambda: next(self.ids), MatchMovieCommand)
        self.fake = fake

    def unit_of_work(self) -> PostgresRadarrUnitOfWork:
        def queue(uow: PostgresUnitOfWork) -> PostgresJobQueue:
            return PostgresJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

        return PostgresRadarrUnitOfWork(self.database, job_queue=queue)

    async def configure(self) -> None:
        await SaveRadarrSettings(self.unit_of_work, self.box, lambda: datetime.now(UTC)).execute(
            SaveRadarrSettingsCommand(url=self.fake.url, api_key=API_KEY,
                                      path_mappings=(PathMapping("/movies", LOCAL),)))

    async def rows(self, table: str) -> set[tuple[Any, ...]]:
        """Every row's identity and xmin: a row written again gets a new xmin."""
        async with self.database.connection() as conn:
            cur = await conn.execute(f"SELECT ctid::text, xmin::text FROM {table}")  # noqa: S608
            return {tuple(row.values()) for row in await cur.fetchall()}

    async def snapshot(self) -> dict[str, set[tuple[Any, ...]]]:
        return {table: await self.rows(table) for table in WATCHED_TABLES}

    async def scalar(self, statement: str) -> Any:
        async with self.database.connection() as conn:
            row = await (await conn.execute(statement)).fetchone()
            return next(iter(row.values())) if row else None


async def test_full_then_again_then_incremental(database: Database, fake: FakeRadarr) -> None:
    setup = Setup(database, fake)
    await setup.configure()

    first = await setup.sync.execute(SyncRadarrCommand(mode="full"))

    assert (first.examined, first.movies_created, first.files_added) == (200, 200, 200)
    assert await setup.scalar("SELECT count(*) FROM movie_files WHERE path LIKE "
                              "'/srv/radarr-movies/Movie % (%)/Movie % Bluray-1080p.mkv'"
                              ) == 200
    assert await setup.scalar("SELECT count(DISTINCT tmdb_id) FROM movies") == 200

    before = await setup.snapshot()
    second = await setup.sync.execute(SyncRadarrCommand(mode="full"))
    assert (second.examined, second.writes) == (200, 0)
    assert await setup.snapshot() == before

    for number in (201, 202, 203):
        fake.library.add(number, f"New Movie {number}", 2025, 300_000 + number,
                         added=datetime.now(UTC))
    third = await setup.sync.execute(SyncRadarrCommand(mode="incremental"))

    assert (third.mode, third.radarr_movies, third.examined) == ("incremental", 203, 3)
    assert (third.movies_created, third.files_added, third.writes) == (3, 3, 6)
    assert await setup.scalar("SELECT count(*) FROM movies") == 203

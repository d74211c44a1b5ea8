"""Good citizenship and outages: Retry-After honoured, a retry budget, pending work that
recovers on the next periodic run, and no job that spins."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import uuid_utils

from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.memory.jobs import RUNS, InMemoryJobQueue
from revenge.adapters.memory.metadata_records import (
    InMemoryMetadataQueries,
    InMemoryMetadataUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.adapters.tmdb.provider import TmdbMetadataProvider
from revenge.adapters.tmdb.resilience import RetryPolicy
from revenge.application.metadata.images import ImageFetcher
from revenge.application.metadata.match_movie import MatchMovie, MatchMovieCommand
from revenge.application.metadata.refresh_changed import RefreshChanged, RefreshChangedCommand
from revenge.application.metadata.writer import MetadataWriter
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.errors import Unavailable
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY

FAST = RetryPolicy(attempts=3, budget_seconds=5, base_wait_seconds=0.01, max_wait_seconds=2)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def client(fake_tmdb: FakeTmdb) -> AsyncIterator[TmdbClient]:
    fake_tmdb.clear_failures()
    tmdb = TmdbClient(TmdbSettings(api_key=API_KEY, base_url=fake_tmdb.base_url, retry=FAST,
                                   breaker_threshold=3, breaker_reset_seconds=0.5),
                      InMemoryCache())
    yield tmdb
    await tmdb.aclose()


class World:
    """The match use cases on in-memory records, with a real TMDb adapter."""

    def __init__(self, client: TmdbClient) -> None:
        self.state, self.clock = InMemoryState(), Clock()
        self.provider = TmdbMetadataProvider(client)
        writer = MetadataWriter(self.uow, ImageFetcher(None, self.uow, self.clock), self.clock,
                                lambda: str(uuid_utils.uuid7()))
        self.match = MatchMovie(self.uow, self.provider, writer)
        self.periodic = RefreshChanged(self.uow, InMemoryMetadataQueries(self.state),
                                       self.provider, self.clock)

    def uow(self) -> InMemoryMetadataUnitOfWork:
        return InMemoryMetadataUnitOfWork(self.state, job_queue=self._queue)

    def _queue(self, uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        async def no_relay() -> None:
            return None

        return InMemoryJobQueue(uow, wake_relay=no_relay, max_attempts=3, clock=self.clock)

    async def movie(self, title: str, year: int | None) -> str:
        async with self.uow() as uow:
            movie = new_movie(str(uuid_utils.uuid7()), MovieFields(title=title, year=year),
                              self.clock())
            await uow.movies.add(movie)
            await uow.commit()
        return movie.id

    def queued(self, actor: str) -> list[str]:
        return [run["payload"]["movie_id"] for run in self.state.table(RUNS).values()
                if run["name"] == actor and run["status"] == "queued"]


async def test_a_429_with_retry_after_is_waited_out_and_the_match_succeeds(
        client: TmdbClient, fake_tmdb: FakeTmdb) -> None:
    world = World(client)
    movie_id = await world.movie("Inception", 2010)
    fake_tmdb.fail_next(429, retry_after=1)
    started = time.monotonic()
    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))
    assert result.status == "matched" and result.tmdb_id == 27205
    assert time.monotonic() - started >= 1.0


async def test_500s_beyond_the_budget_park_the_movie_and_the_next_run_recovers_it(
        client: TmdbClient, fake_tmdb: FakeTmdb) -> None:
    world = World(client)
    movie_id = await world.movie("Interstellar", 2014)
    fake_tmdb.fail_next(500, times=50)
    parked = await world.match.execute(MatchMovieCommand(movie_id=movie_id))
    assert parked.status == "pending"  # the job ends: it neither fails nor spins
    sent = fake_tmdb.api_requests()
    assert (await world.periodic.execute(RefreshChangedCommand())).requeued == 0
    fake_tmdb.clear_failures()
    world.clock.now += timedelta(minutes=6)
    await asyncio.sleep(0.6)  # the breaker lets one call through again
    run = await world.periodic.execute(RefreshChangedCommand())
    assert run.requeued == 1 and world.queued("match_movie") == [movie_id]
    recovered = await world.match.execute(MatchMovieCommand(movie_id=movie_id))
    assert recovered.status == "matched" and recovered.tmdb_id == 157336
    assert fake_tmdb.api_requests() - sent < 20


async def test_a_retry_budget_caps_attempts_per_request(client: TmdbClient,
                                                        fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail_next(503, times=10)
    before = fake_tmdb.api_requests()
    with pytest.raises(Unavailable):
        await client.get("/movie/603")
    assert fake_tmdb.api_requests() - before == FAST.attempts


async def test_an_open_breaker_fails_fast_without_calling_tmdb(client: TmdbClient,
                                                               fake_tmdb: FakeTmdb) -> None:
    fake_tmdb.fail_next(500, times=100)
    for _ in range(3):
        with pytest.raises(Unavailable):
            await client.get("/movie/603")
    before = fake_tmdb.api_requests()
    with pytest.raises(Unavailable, match="too many failures"):
        await client.get("/movie/603")
    assert fake_tmdb.api_requests() == before


async def test_a_refused_key_and_invalid_json_are_clear_unavailable_errors(
        fake_tmdb: FakeTmdb, client: TmdbClient) -> None:
    wrong = TmdbClient(TmdbSettings(api_key="wrong", base_url=fake_tmdb.base_url, retry=FAST))
    with pytest.raises(Unavailable, match="API key was refused"):
        await TmdbMetadataProvider(wrong).movie_details(603)
    await wrong.aclose()
    fake_tmdb.fail_next(200, body=b"<html>not json</html>")
    with pytest.raises(Unavailable, match="invalid JSON"):
        await TmdbMetadataProvider(client).movie_details(603)


async def test_repeated_reads_are_answered_from_the_cache(client: TmdbClient,
                                                          fake_tmdb: FakeTmdb) -> None:
    provider = TmdbMetadataProvider(client)
    await provider.search_movies("alien")
    before = fake_tmdb.api_requests()
    await provider.search_movies("alien")
    assert fake_tmdb.api_requests() == before and client.stats.cache_hits == 1
    await provider.movie_details(348, fresh=True)
    assert fake_tmdb.api_requests() == before + 1


async def test_the_changes_sync_requests_refreshes_of_library_movies_only(
        client: TmdbClient, fake_tmdb: FakeTmdb) -> None:
    world = World(client)
    matrix = await world.movie("The Matrix", 1999)
    await world.match.execute(MatchMovieCommand(movie_id=matrix))
    assert (await world.periodic.execute(RefreshChangedCommand())).changes == "first_run"
    fake_tmdb.changed = [603, 550, 12345]
    try:
        world.clock.now += timedelta(hours=1)
        run = await world.periodic.execute(RefreshChangedCommand())
    finally:
        fake_tmdb.changed = []
    assert (run.changes, run.refreshed) == ("synced", 1)
    assert world.queued("refresh_movie_metadata") == [matrix]

"""The metadata records and queries, memory and PostgreSQL alike, driven through the
match use cases with the in-memory provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import uuid_utils

from revenge.adapters.memory.metadata_records import (
    InMemoryMetadataQueries,
    InMemoryMetadataUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.metadata import (
    PostgresMetadataQueries,
    PostgresMetadataUnitOfWork,
)
from revenge.application.metadata.images import ImageFetcher
from revenge.application.metadata.match_movie import MatchMovie, MatchMovieCommand
from revenge.application.metadata.ports import MetadataQueries, MetadataUnitOfWork
from revenge.application.metadata.writer import MetadataWriter
from revenge.domain.catalog.movie import MovieFields, MoviePatch, edited, new_movie
from revenge.testing.fake_tmdb.domain import memory_provider

T0 = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass
class Records:
    unit_of_work: Callable[[], MetadataUnitOfWork]
    queries: MetadataQueries
    provider: Any
    match: MatchMovie

    async def movie(self, title: str, year: int | None, **changes: Any) -> str:
        movie = new_movie(str(uuid_utils.uuid7()), MovieFields(title=title, year=year), T0)
        if changes:
            movie = edited(movie, MoviePatch(changes=changes), T0)
        async with self.unit_of_work() as uow:
            await uow.movies.add(movie)
            await uow.commit()
        return movie.id

    async def matched(self, movie_id: str) -> Any:
        await self.match.execute(MatchMovieCommand(movie_id=movie_id))
        async with self.unit_of_work() as uow:
            return await uow.movies.get(movie_id), await uow.metadata.state(movie_id)


def _records(uow: Callable[[], MetadataUnitOfWork], queries: MetadataQueries) -> Records:
    provider = memory_provider()
    writer = MetadataWriter(uow, ImageFetcher(None, uow, lambda: T0), lambda: T0,
                            lambda: str(uuid_utils.uuid7()))
    return Records(uow, queries, provider, MatchMovie(uow, provider, writer))


@pytest.fixture(params=["memory", "postgres"])
def records(request: pytest.FixtureRequest) -> Records:
    if request.param == "memory":
        state = InMemoryState()
        return _records(lambda: InMemoryMetadataUnitOfWork(state),
                        InMemoryMetadataQueries(state))
    database: Database = request.getfixturevalue("database")
    return _records(lambda: PostgresMetadataUnitOfWork(database),
                    PostgresMetadataQueries(database))


async def test_a_match_stores_fields_state_and_similar_movies(records: Records) -> None:
    reloaded = await records.movie("The Matrix Reloaded", 2003)
    matrix = await records.movie("The Matrix", 1999)
    movie, state = await records.matched(matrix)
    assert (movie.tmdb_id, movie.imdb_id, state.status) == (603, "tt0133093", "matched")
    await records.matched(reloaded)
    similar = await records.queries.similar(matrix)
    assert len(similar) == 5
    assert [s.movie_id for s in similar if s.tmdb_id == 604] in ([reloaded], [])


async def test_an_ambiguous_movie_keeps_its_candidates_best_first(records: Records) -> None:
    thing = await records.movie("The Thing", None)
    movie, state = await records.matched(thing)
    assert movie.tmdb_id is None and state.status == "unmatched"
    assert [c.tmdb_id for c in await records.queries.candidates(thing)] == [1091, 60935]


async def test_locked_fields_survive_the_match(records: Records) -> None:
    movie_id = await records.movie("Amelie", 2001, overview="Our own words.")
    movie, _ = await records.matched(movie_id)
    assert (movie.title, movie.overview, movie.tmdb_id) == ("Amélie", "Our own words.", 194)


async def test_a_parked_movie_is_pending_until_due(records: Records) -> None:
    movie_id = await records.movie("Heat", 1995)
    records.provider.available = False
    _, state = await records.matched(movie_id)
    assert (state.status, state.attempts) == ("pending", 1)
    assert await records.queries.pending(T0, 10) == []
    due = await records.queries.pending(T0 + timedelta(minutes=5), 10)
    assert [(p.movie_id, p.operation) for p in due] == [(movie_id, "match")]
    _, again = await records.matched(movie_id)
    assert again.attempts == 2 and again.next_attempt_at == T0 + timedelta(minutes=10)


async def test_a_second_movie_of_one_provider_id_is_merged_into_the_first(
        records: Records) -> None:
    first = await records.movie("Gladiator", 2000)
    second = await records.movie("Gladiator", None)
    await records.matched(first)
    result = await records.match.execute(MatchMovieCommand(movie_id=second))
    assert (result.status, result.movie_id) == ("merged", first)
    async with records.unit_of_work() as uow:
        assert await uow.movies.get(second) is None
        assert (await uow.movies.get(first)).tmdb_id == 98  # type: ignore[union-attr]

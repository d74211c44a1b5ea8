"""`ChangeStamps`, in memory and from PostgreSQL notifications: a committed change to
the catalog moves every user's stamp, one to a user's own state moves theirs, a
rolled-back change moves nothing. Notifications arrive asynchronously, so a change is
awaited (up to a few seconds) rather than expected at once."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Hashable
from dataclasses import dataclass
from typing import Any

import pytest

from revenge.adapters.memory.catalog_unit_of_work import InMemoryCatalogUnitOfWork
from revenge.adapters.memory.change_stamps import InMemoryChangeStamps
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.catalog_unit_of_work import PostgresCatalogUnitOfWork
from revenge.adapters.postgres.change_listener import APPLICATION_NAME, PostgresChangeStamps
from revenge.adapters.postgres.database import Database
from revenge.application.catalog.ports import CatalogUnitOfWork, ChangeStamps
from revenge.domain.catalog.movie import MovieFields, new_movie
from tests.contract.catalog.conftest import T0, insert_user_row, new_id

SETTLE_SECONDS = 5.0


@dataclass
class Harness:
    backend: str
    stamps: ChangeStamps
    unit_of_work: Callable[[], CatalogUnitOfWork]
    add_user_row: Callable[[str], Any]

    async def user(self) -> str:
        user_id = new_id()
        await self.add_user_row(user_id)
        return user_id

    async def movie(self) -> str:
        movie = new_movie(new_id(), MovieFields(title="Heat", year=1995), T0)
        async with self.unit_of_work() as uow:
            await uow.movies.add(movie)
            await uow.commit()
        return movie.id

    async def add_to_watchlist(self, user_id: str, movie_id: str, *, commit: bool = True) -> None:
        async with self.unit_of_work() as uow:
            await uow.watchlist.add(user_id, movie_id, T0)  # type: ignore[attr-defined]
            if commit:
                await uow.commit()

    async def moved(self, user_id: str, before: Hashable) -> bool:
        """True once the user's stamp differs from `before` (waits for notifications)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_SECONDS
        while loop.time() < deadline:
            if self.stamps.stamp(user_id) != before:
                return True
            await asyncio.sleep(0.01)
        return False

    async def settle(self, movie_id: str | None = None) -> None:
        """Lets any notification in flight arrive: a marker user's change is awaited
        (the marker puts `movie_id`, or a new movie, on their watchlist)."""
        marker, movie_id = await self.user(), movie_id or await self.movie()
        before = self.stamps.stamp(marker)
        await self.add_to_watchlist(marker, movie_id)
        assert await self.moved(marker, before)


async def _no_user_row(user_id: str) -> None:
    return None


@pytest.fixture(params=["memory", "postgres"])
def backend(request: pytest.FixtureRequest) -> Harness:
    if request.param == "memory":
        state = InMemoryState()
        return Harness("memory", InMemoryChangeStamps(state),
                       functools.partial(InMemoryCatalogUnitOfWork, state), _no_user_row)
    database: Database = request.getfixturevalue("database")
    return Harness("postgres", PostgresChangeStamps(database.url, max_retry_seconds=0.2),
                   functools.partial(PostgresCatalogUnitOfWork, database),
                   functools.partial(insert_user_row, database))


@pytest.fixture
async def harness(backend: Harness) -> AsyncIterator[Harness]:
    stamps = backend.stamps
    if not isinstance(stamps, PostgresChangeStamps):
        yield backend
        return
    await stamps.start()
    try:
        await asyncio.wait_for(stamps.wait_listening(), 10)
        yield backend
    finally:
        await stamps.stop()


async def test_a_new_movie_moves_every_users_stamp(harness: Harness) -> None:
    ann, bob = await harness.user(), await harness.user()
    await harness.settle()
    before = harness.stamps.stamp(ann), harness.stamps.stamp(bob)
    await harness.movie()
    assert await harness.moved(ann, before[0])
    assert await harness.moved(bob, before[1])


async def test_a_change_to_my_watchlist_moves_my_stamp(harness: Harness) -> None:
    ann, movie_id = await harness.user(), await harness.movie()
    await harness.settle()
    before = harness.stamps.stamp(ann)
    await harness.add_to_watchlist(ann, movie_id)
    assert await harness.moved(ann, before)


async def test_touch_moves_the_stamp_at_once(harness: Harness) -> None:
    ann = await harness.user()
    before = harness.stamps.stamp(ann)
    harness.stamps.touch(ann)
    assert harness.stamps.stamp(ann) != before


async def test_a_rolled_back_change_moves_nothing(harness: Harness) -> None:
    ann, movie_id = await harness.user(), await harness.movie()
    await harness.settle()
    before = harness.stamps.stamp(ann)
    await harness.add_to_watchlist(ann, movie_id, commit=False)
    await asyncio.sleep(0.3)  # no notification is due, so none can be awaited
    assert harness.stamps.stamp(ann) == before


async def test_a_stamp_is_something_to_cache_under(harness: Harness) -> None:
    assert harness.stamps.stamp(await harness.user()) is not None


# --- PostgreSQL only: precision and outages -------------------------------------------


@pytest.fixture
def listener(harness: Harness) -> Harness:
    if harness.backend != "postgres":
        pytest.skip("notifications and their outages exist only with PostgreSQL")
    return harness


async def test_another_users_watchlist_leaves_my_stamp_alone(listener: Harness) -> None:
    ann, bob, movie_id = await listener.user(), await listener.user(), await listener.movie()
    await listener.settle(movie_id)
    before = listener.stamps.stamp(ann)
    await listener.add_to_watchlist(bob, movie_id)
    await listener.settle(movie_id)
    assert listener.stamps.stamp(ann) == before


async def test_a_lost_listener_vouches_for_nothing_until_it_is_back(
        listener: Harness, database: Database) -> None:
    ann = await listener.user()
    before = listener.stamps.stamp(ann)
    async with database.connection() as conn:
        await conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = %s AND datname = current_database()",
                           (APPLICATION_NAME,))
        await conn.commit()
    assert await listener.moved(ann, before)
    stamps = listener.stamps
    assert isinstance(stamps, PostgresChangeStamps)
    await asyncio.wait_for(stamps.wait_listening(), 10)
    after = stamps.stamp(ann)
    assert after is not None and after != before  # a new epoch: old pages are stale

"""PeriodicSlots: the same from the in-memory twin and PostgreSQL: one claim per slot,
never a slot behind the last one."""

from __future__ import annotations

import asyncio

import pytest

from revenge.adapters.memory.jobs import InMemoryPeriodicSlots
from revenge.adapters.postgres.periodic_slots import PostgresPeriodicSlots
from revenge.application.jobs.ports import PeriodicSlots


@pytest.fixture(params=["memory", "postgres"])
def slots(request: pytest.FixtureRequest) -> PeriodicSlots:
    if request.param == "memory":
        return InMemoryPeriodicSlots()
    return PostgresPeriodicSlots(request.getfixturevalue("database"))


async def test_of_several_claims_of_one_slot_exactly_one_succeeds(slots: PeriodicSlots) -> None:
    won = await asyncio.gather(*(slots.claim("job", 7) for _ in range(5)))
    assert sorted(won) == [False] * 4 + [True]


async def test_a_later_slot_is_claimed_again_an_earlier_one_never(slots: PeriodicSlots) -> None:
    assert await slots.claim("job", 7)
    assert await slots.claim("job", 8)
    assert not await slots.claim("job", 7)


async def test_each_job_has_its_own_slots(slots: PeriodicSlots) -> None:
    assert await slots.claim("a", 7)
    assert await slots.claim("b", 7)

"""The in-memory unit of work (the twin of PostgreSQL transactions) rolls back in place."""

from __future__ import annotations

from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork


async def test_a_rollback_restores_the_very_tables_other_adapters_hold() -> None:
    state = InMemoryState()
    movies = state.table("movies")  # as a query object built once at start-up keeps it
    async with InMemoryUnitOfWork(state) as uow:
        movies["a"] = "Heat"
        await uow.commit()

    async with InMemoryUnitOfWork(state):
        movies["b"] = "Alien"
        del movies["a"]
        state.table("libraries")["l"] = "Movies"
        # left without a commit: rolled back

    assert movies == {"a": "Heat"} and state.table("movies") is movies
    assert state.table("libraries") == {}

"""Review finding 12: a Typesense restarted empty or from an old snapshot answered
`found: 0`, not degraded, until the 15-minute reconcile. The index's size is checked
against the catalog at start and after every reconnection; while it lacks movies,
searches answer from the fallback (`degraded`) and a rebuild is requested at once."""

from __future__ import annotations

import pytest

from revenge.adapters.memory.jobs import InMemoryJobQueue, InMemoryJobsUnitOfWork
from revenge.adapters.memory.search_index import InMemorySearchFallback, InMemorySearchIndex
from revenge.adapters.memory.search_source import InMemoryMovieDocuments, InMemoryWatchedMovies
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.search.probe import SearchProbe
from revenge.application.search.reconcile_index import ReconcileIndex, ReconcileIndexCommand
from revenge.application.search.reindex_all import ReindexAll, ReindexAllCommand
from revenge.application.search.search_movies import SearchMovies, SearchMoviesCommand
from revenge.application.search.suggest_titles import SuggestTitles, SuggestTitlesCommand
from revenge.application.search.verify_index import VerifyIndex
from revenge.application.shared.jobs import periodic_dedupe_key
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import SearchQuery
from tests.contract.search.documents import small_catalog

USER = "0190d0f0-0000-7000-8000-000000000001"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class World:
    def __init__(self) -> None:
        self.movies = small_catalog()
        self.documents = InMemoryMovieDocuments(list(self.movies.values()))
        self.index = InMemorySearchIndex()
        self.state = InMemoryState()
        self.clock = Clock()
        self.verifier = VerifyIndex(self.index, self.documents, self._unit_of_work,
                                    recheck_seconds=10, clock=self.clock)
        self.search = SearchMovies(self.index, InMemorySearchFallback(self.documents),
                                   InMemoryWatchedMovies(), verifier=self.verifier)

    def _unit_of_work(self) -> InMemoryJobsUnitOfWork:
        def queue(uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
            async def no_relay() -> None: ...
            return InMemoryJobQueue(uow, wake_relay=no_relay, max_attempts=1)
        return InMemoryJobsUnitOfWork(self.state, job_queue=queue)

    def rebuilds_requested(self) -> int:
        return sum(1 for run in self.state.table("job_runs").values()
                   if run["name"] == ReindexAllCommand.job)

    async def find(self, text: str) -> tuple[list[str], bool]:
        result = await self.search.execute(
            SearchMoviesCommand(user_id=USER, query=SearchQuery(text=text)))
        return [hit.title for hit in result.hits], result.degraded

    async def restart_index_empty(self) -> None:
        """Typesense killed before it snapshotted: back with a live index, no documents."""
        await self.index.publish(await self.index.begin_rebuild())


@pytest.fixture
async def world() -> World:
    world = World()
    await ReindexAll(world.documents, world.index).execute(ReindexAllCommand())
    return world


async def test_a_complete_index_answers_searches(world: World) -> None:
    assert await world.find("heat") == (["Heat"], False)
    assert world.rebuilds_requested() == 0


async def test_an_index_restarted_empty_is_not_trusted_and_a_rebuild_is_requested(
        world: World) -> None:
    await world.restart_index_empty()
    world.verifier.forget()  # its unreachable spell was seen by a failed search

    assert await world.find("heat") == (["Heat"], True)
    assert world.rebuilds_requested() == 1


async def test_an_index_found_incomplete_at_start_is_rebuilt_once_meanwhile_degraded(
        world: World) -> None:
    await world.restart_index_empty()
    world.verifier = VerifyIndex(world.index, world.documents, world._unit_of_work,
                                 clock=world.clock)
    world.search = SearchMovies(world.index, InMemorySearchFallback(world.documents),
                                InMemoryWatchedMovies(), verifier=world.verifier)

    for _ in range(3):
        world.clock.now += 11
        assert await world.find("alien") == (["Alien"], True)

    assert world.rebuilds_requested() == 1  # once per incomplete spell


async def test_a_failed_search_makes_the_next_one_check_the_index_again(world: World) -> None:
    assert await world.find("heat") == (["Heat"], False)  # verified complete, kept 10 s
    world.index.available = False
    assert (await world.find("heat"))[1] is True
    world.index.available = True
    await world.restart_index_empty()  # it came back empty: the reconnection is checked

    assert await world.find("heat") == (["Heat"], True)


async def test_the_index_is_trusted_again_once_rebuilt(world: World) -> None:
    await world.restart_index_empty()
    world.verifier.forget()
    assert (await world.find("heat"))[1] is True
    await ReindexAll(world.documents, world.index).execute(ReindexAllCommand())
    world.clock.now += 11

    assert await world.find("heat") == (["Heat"], False)


async def test_suggestions_fall_back_while_the_index_is_incomplete(world: World) -> None:
    await world.restart_index_empty()
    world.verifier.forget()
    suggest = SuggestTitles(world.index, InMemorySearchFallback(world.documents),
                            verifier=world.verifier)

    result = await suggest.execute(SuggestTitlesCommand(prefix="hea"))

    assert result.degraded is True and [s.title for s in result.items] == ["Heat"]


async def test_readiness_reports_an_incomplete_index_as_degraded(world: World) -> None:
    await world.restart_index_empty()
    probe = SearchProbe(world.index, world.verifier)
    world.verifier.forget()

    with pytest.raises(Unavailable, match=r"holds 0 of 9 movies; rebuilding"):
        await probe.check()


def reconciliations_requested(world: World) -> list[str]:
    return [run["status"] for run in world.state.table("job_runs").values()
            if run["name"] == ReconcileIndexCommand.job]


async def test_no_index_at_all_is_not_complete_and_a_reconciliation_builds_one() -> None:
    """A first start whose only reconciliation failed (Typesense came up late): with an
    empty catalog "0 of 0 movies" is no index, not a complete one (issue 17's settings
    page showed "no index yet" until the 15-minute schedule)."""
    world = World()
    world.documents = InMemoryMovieDocuments([])
    world.verifier = VerifyIndex(world.index, world.documents, world._unit_of_work,
                                 clock=world.clock)

    coverage = await world.verifier.execute()

    assert not coverage.complete and coverage.describe() == "no index of the current schema yet"
    assert reconciliations_requested(world) == ["queued"]
    assert world.rebuilds_requested() == 0  # the reconciliation rebuilds, not a second job
    # under the schedule's key: the worker's scheduled run at start joins it, never doubles
    # a schema change's rebuild
    [run] = world.state.table("job_runs").values()
    assert run["dedupe_key"] == periodic_dedupe_key(ReconcileIndexCommand.job)


async def test_the_reconciliation_is_asked_again_while_no_index_exists_never_doubled() -> None:
    world = World()
    for _ in range(3):
        world.clock.now += 11
        await world.verifier.execute()
    assert reconciliations_requested(world) == ["queued"]  # one queued run: deduplicated

    for run in world.state.table("job_runs").values():
        run["status"] = "failed"  # its retries ran out while Typesense was starting
    world.clock.now += 11
    await world.verifier.execute()

    assert sorted(reconciliations_requested(world)) == ["failed", "queued"]
    await ReconcileIndex(world.documents, world.index,
                         ReindexAll(world.documents, world.index)).execute(
        ReconcileIndexCommand())
    world.clock.now += 11
    assert (await world.verifier.execute()).complete

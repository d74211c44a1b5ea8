"""Search use cases with the in-memory index, fallback and catalog view."""

from __future__ import annotations

import asyncio

import pytest

from revenge.adapters.memory.search_index import InMemorySearchFallback, InMemorySearchIndex
from revenge.adapters.memory.search_source import InMemoryMovieDocuments, InMemoryWatchedMovies
from revenge.application.search.index_movie import IndexMovie, IndexMovieCommand
from revenge.application.search.read_models import IdFilter, SearchResult
from revenge.application.search.reconcile_index import ReconcileIndex, ReconcileIndexCommand
from revenge.application.search.reindex_all import ReindexAll, ReindexAllCommand
from revenge.application.search.remove_movie import RemoveMovie, RemoveMovieCommand
from revenge.application.search.requests import request_index
from revenge.application.search.search_movies import SearchMovies, SearchMoviesCommand
from revenge.application.search.suggest_titles import SuggestTitles, SuggestTitlesCommand
from revenge.application.shared.jobs import JobMessage, payload_of
from revenge.domain.errors import Unavailable
from revenge.domain.search.errors import InvalidSearch
from revenge.domain.search.query import SearchQuery
from tests.contract.search.documents import document, small_catalog

USER = "0190d0f0-0000-7000-8000-000000000001"


class Harness:
    def __init__(self) -> None:
        self.movies = small_catalog()
        self.documents = InMemoryMovieDocuments(list(self.movies.values()))
        self.index = InMemorySearchIndex()
        self.fallback = InMemorySearchFallback(self.documents)
        self.watched = InMemoryWatchedMovies()
        self.reindex = ReindexAll(self.documents, self.index)
        self.reconcile = ReconcileIndex(self.documents, self.index, self.reindex)
        self.rebuilds_requested = 0

    def index_movie(self) -> IndexMovie:
        async def request_rebuild() -> None:
            self.rebuilds_requested += 1
        return IndexMovie(self.documents, self.index, request_rebuild)

    def search(self, **options: float) -> SearchMovies:
        return SearchMovies(self.index, self.fallback, self.watched, **options)

    async def find(self, text: str = "", **fields: object) -> SearchResult:
        query = SearchQuery(text=text, **fields)  # type: ignore[arg-type]
        return await self.search().execute(SearchMoviesCommand(user_id=USER, query=query))


@pytest.fixture
async def built() -> Harness:
    harness = Harness()
    await harness.reindex.execute(ReindexAllCommand())
    return harness


async def test_search_answers_from_the_index_when_it_is_up(built: Harness) -> None:
    result = await built.find("matirx")
    assert result.hits[0].title == "The Matrix" and result.degraded is False


async def test_search_falls_back_and_says_so_when_the_index_is_down(built: Harness) -> None:
    built.index.available = False
    result = await built.find("matrix")
    assert result.degraded is True and result.hits[0].title == "The Matrix"


async def test_search_falls_back_when_the_index_is_too_slow(built: Harness) -> None:
    async def stuck(query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        await asyncio.sleep(10)
        raise AssertionError("unreachable")

    built.index.search = stuck  # type: ignore[method-assign]
    command = SearchMoviesCommand(user_id=USER, query=SearchQuery(text="heat"))
    result = await built.search(timeout_seconds=0.05).execute(command)
    assert result.degraded is True and [h.title for h in result.hits] == ["Heat"]


async def test_search_is_unavailable_only_when_the_fallback_fails_too(built: Harness) -> None:
    built.index.available = False

    async def broken(query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        raise Unavailable("database", "down")

    built.fallback.search = broken  # type: ignore[method-assign]
    with pytest.raises(Unavailable):
        await built.find("heat")


async def test_watched_filter_is_about_the_person_searching(built: Harness) -> None:
    built.watched.mark(USER, built.movies["Heat"].id)
    built.watched.mark("someone-else", built.movies["Alien"].id)
    watched = await built.find(watched=True)
    unwatched = await built.find(watched=False)
    assert [h.title for h in watched.hits] == ["Heat"]
    assert unwatched.found == 8 and "Alien" in [h.title for h in unwatched.hits]


async def test_suggestions_fall_back_when_the_index_is_down(built: Harness) -> None:
    built.index.available = False
    suggest = SuggestTitles(built.index, built.fallback)
    result = await suggest.execute(SuggestTitlesCommand(prefix="the mat"))
    assert result.degraded is True
    assert [s.title for s in result.items] == ["The Matrix", "The Matrix Reloaded"]


async def test_suggestions_refuse_an_empty_prefix(built: Harness) -> None:
    with pytest.raises(InvalidSearch):
        await SuggestTitles(built.index, built.fallback).execute(SuggestTitlesCommand(prefix=""))


async def test_indexing_a_movie_takes_what_the_catalog_holds_now(built: Harness) -> None:
    renamed = document("Heat 2", id=built.movies["Heat"].id)
    built.documents.put(renamed)
    assert await built.index_movie().execute(IndexMovieCommand(renamed.id)) is True
    assert [h.title for h in (await built.find("heat")).hits] == ["Heat 2"]
    assert built.rebuilds_requested == 0


async def test_indexing_a_movie_without_a_live_index_asks_for_a_rebuild() -> None:
    """Review finding 12: an index lost (Typesense back empty) must not come back holding
    only the movie indexed first, answered as if it were the whole catalog."""
    harness = Harness()
    heat = harness.movies["Heat"]
    assert await harness.index_movie().execute(IndexMovieCommand(heat.id)) is True
    assert harness.rebuilds_requested == 1
    assert harness.index.live is None and await harness.index.count() == 0
    assert (await harness.find("heat")).degraded is True


async def test_indexing_a_movie_that_is_gone_removes_it(built: Harness) -> None:
    built.documents.remove(built.movies["Heat"].id)
    assert await built.index_movie().execute(IndexMovieCommand(built.movies["Heat"].id)) is False
    assert (await built.find("heat")).found == 0


async def test_removing_a_movie_twice_is_harmless(built: Harness) -> None:
    remove = RemoveMovie(built.index)
    await remove.execute(RemoveMovieCommand(built.movies["Heat"].id))
    await remove.execute(RemoveMovieCommand(built.movies["Heat"].id))
    assert (await built.find("heat")).found == 0


async def test_a_reindex_swaps_in_a_complete_index(built: Harness) -> None:
    before = built.index.live
    report = await built.reindex.execute(ReindexAllCommand(batch_size=2))
    assert report.indexed == 9 and built.index.live == report.collection != before
    assert list(built.index.collections) == [report.collection]


async def test_a_failed_reindex_keeps_the_live_index_and_drops_the_half_built_one(
        built: Harness) -> None:
    before = built.index.live
    original = built.index.upsert

    async def failing(documents: object, *, into: str | None = None) -> None:
        raise Unavailable("search", "gone mid-way")

    built.index.upsert = failing  # type: ignore[method-assign,assignment]
    with pytest.raises(Unavailable):
        await built.reindex.execute(ReindexAllCommand())
    built.index.upsert = original  # type: ignore[method-assign]
    assert built.index.live == before and list(built.index.collections) == [before]


async def test_reconciliation_builds_the_index_the_first_time() -> None:
    harness = Harness()
    report = await harness.reconcile.execute(ReconcileIndexCommand())
    assert report.rebuilt is True and report.indexed == 9


async def test_reconciliation_repairs_stale_missing_and_orphaned_entries(built: Harness) -> None:
    built.documents.put(document("Heat 2", id=built.movies["Heat"].id))  # stale in the index
    built.documents.put(document("Solaris"))  # missing from the index
    built.documents.remove(built.movies["Alien"].id)  # orphaned in the index
    report = await built.reconcile.execute(ReconcileIndexCommand(batch_size=1))
    assert (report.indexed, report.removed, report.rebuilt) == (2, 1, False)
    assert await built.index.versions() == await built.documents.versions()


class RecordingQueue:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []

    async def enqueue(self, message: JobMessage, *, dedupe_key: str | None = None) -> str:
        self.sent.append((message.job, payload_of(message)))
        return str(len(self.sent))


async def test_other_contexts_request_indexing_by_movie_id() -> None:
    queue = RecordingQueue()
    await request_index(queue, "a", ["b", "c"])
    await request_index(None, "d")
    assert queue.sent == [("search.index_movie", {"movie_id": m}) for m in "abc"]

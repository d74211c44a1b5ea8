"""A full reindex swaps the alias while searches keep answering, complete, from Typesense."""

from __future__ import annotations

import asyncio

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.search_source import PostgresMovieDocuments
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from revenge.application.search.reindex_all import ReindexAll, ReindexAllCommand
from revenge.domain.search.query import SearchQuery
from tests.contract.search.documents import document
from tests.integration.search.catalog_rows import insert_movies

MOVIES = 300


async def test_searches_never_fail_or_see_a_partial_index_during_reindexes(
        database: Database, typesense_index: TypesenseSearchIndex) -> None:
    await insert_movies(database, [document(f"Movie {n}", year=1950 + n % 70, genres=["Drama"])
                                   for n in range(MOVIES)])
    reindex = ReindexAll(PostgresMovieDocuments(database), typesense_index)
    await reindex.execute(ReindexAllCommand(batch_size=50))
    stop = asyncio.Event()
    searcher = asyncio.create_task(_search_until(stop, typesense_index))
    collections = [(await reindex.execute(ReindexAllCommand(batch_size=50))).collection
                   for _ in range(5)]
    stop.set()
    answers = await searcher
    assert len(set(collections)) == 5 and answers > 20
    assert await typesense_index.is_current()


async def _search_until(stop: asyncio.Event, index: TypesenseSearchIndex) -> int:
    """Searches back to back; every answer must be complete (no exception, no gap)."""
    answers = 0
    while not stop.is_set():
        result = await index.search(SearchQuery(text="movie", limit=5))
        assert result.found == MOVIES
        assert result.facets.genre[0].count == MOVIES
        answers += 1
    return answers

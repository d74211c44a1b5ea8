"""Search's PostgreSQL adapters: the documents it indexes, and the fallback reader."""

from __future__ import annotations

import uuid

import pytest
from psycopg.types.json import Jsonb

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.search_fallback import PostgresSearchFallback
from revenge.adapters.postgres.search_source import PostgresMovieDocuments, PostgresWatchedMovies
from revenge.application.search.read_models import IdFilter, MovieDocument
from revenge.domain.search.query import SearchQuery
from revenge.domain.shared.listing import MovieSort
from tests.contract.search.documents import small_catalog
from tests.integration.search.catalog_rows import (
    delete_movie,
    insert_movies,
    update_title,
    watched_by_new_user,
)


@pytest.fixture
async def catalog(database: Database) -> dict[str, MovieDocument]:
    movies = small_catalog()
    await insert_movies(database, list(movies.values()))
    return movies


def titles(result: object) -> list[str]:
    return [hit.title for hit in result.hits]  # type: ignore[attr-defined]


async def test_documents_carry_genres_cast_directors_and_collection(
        database: Database, catalog: dict[str, MovieDocument]) -> None:
    [matrix] = await PostgresMovieDocuments(database).get([catalog["The Matrix"].id, "junk"])
    assert matrix == catalog["The Matrix"]


async def test_batches_cover_every_movie_once_in_id_order(
        database: Database, catalog: dict[str, MovieDocument]) -> None:
    batches = [batch async for batch in PostgresMovieDocuments(database).batches(4)]
    ids = [doc.id for batch in batches for doc in batch]
    assert [len(b) for b in batches] == [4, 4, 1]
    assert ids == sorted(m.id for m in catalog.values())


async def test_versions_move_when_a_movie_changes_and_vanish_when_deleted(
        database: Database, catalog: dict[str, MovieDocument]) -> None:
    documents = PostgresMovieDocuments(database)
    before = await documents.versions()
    await update_title(database, catalog["Heat"].id, "Heat (1995)")
    await delete_movie(database, catalog["Alien"].id)
    after = await documents.versions()
    assert before == {m.id: m.version for m in catalog.values()}
    assert after[catalog["Heat"].id] > before[catalog["Heat"].id]
    assert catalog["Alien"].id not in after


async def test_the_settled_count_leaves_out_movies_whose_index_request_is_pending(
        database: Database, catalog: dict[str, MovieDocument]) -> None:
    """Only distinct existing movies are left out: three requests for Heat, one for a
    movie since deleted and a finished one leave out Heat and Alien only (finding 12)."""
    documents = PostgresMovieDocuments(database)
    assert await documents.settled_count() == 9
    heat, alien, gone = catalog["Heat"].id, catalog["Alien"].id, str(uuid.uuid4())
    runs = [("queued", heat), ("running", heat), ("queued", heat), ("queued", alien),
            ("queued", gone), ("succeeded", catalog["Arrival"].id)]
    async with database.transaction() as conn:
        for status, movie_id in runs:
            await conn.execute(
                "INSERT INTO job_runs (id, name, status, max_attempts, payload) "
                "VALUES (gen_random_uuid(), 'search.index_movie', %s, 1, %s)",
                (status, Jsonb({"movie_id": movie_id})))
    try:
        assert await documents.settled_count() == 7
    finally:
        async with database.transaction() as conn:
            await conn.execute("DELETE FROM job_runs")


async def test_watched_movies_are_the_completed_ones_of_that_user(
        database: Database, catalog: dict[str, MovieDocument]) -> None:
    user = await watched_by_new_user(database, [catalog["Heat"].id])
    await watched_by_new_user(database, [catalog["Alien"].id])
    watched = PostgresWatchedMovies(database)
    assert await watched.watched_ids(user) == {catalog["Heat"].id}
    assert await watched.watched_ids("not-a-uuid") == frozenset()


async def test_fallback_forgives_a_typo_in_a_title(database: Database, catalog: dict) -> None:
    result = await PostgresSearchFallback(database).search(SearchQuery(text="matirx"))
    assert titles(result)[:2] == ["The Matrix", "The Matrix Reloaded"]


async def test_fallback_finds_words_of_the_overview(database: Database, catalog: dict) -> None:
    result = await PostgresSearchFallback(database).search(SearchQuery(text="waitress"))
    assert titles(result) == ["Amélie"]


async def test_fallback_filters_and_counts_facets_over_every_match(
        database: Database, catalog: dict) -> None:
    query = SearchQuery(genres=("Science Fiction",), year_from=1990, limit=2,
                        sort=MovieSort.YEAR_DESC)
    result = await PostgresSearchFallback(database).search(query)
    assert titles(result) == ["Arrival", "Paprika"] and result.found == 4
    assert {f.value: f.count for f in result.facets.decade} == {"1990": 1, "2000": 2, "2010": 1}
    assert result.facets.genre[0].value == "Science Fiction"
    assert result.hits[0].genres == ["Drama", "Science Fiction"]


async def test_fallback_applies_the_watched_restriction(database: Database,
                                                        catalog: dict) -> None:
    only = IdFilter(frozenset({catalog["Heat"].id}), include=False)
    result = await PostgresSearchFallback(database).search(SearchQuery(), only)
    assert result.found == 8 and "Heat" not in titles(result)


async def test_fallback_suggests_titles_by_prefix(database: Database, catalog: dict) -> None:
    suggestions = await PostgresSearchFallback(database).autocomplete("the mat", 10)
    assert [s.title for s in suggestions.items] == ["The Matrix", "The Matrix Reloaded"]

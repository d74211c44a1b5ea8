"""Facet counts from Typesense equal what PostgreSQL counts for the same filter, over random
small catalogs and filters (and the fallback reader agrees with both)."""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import sql

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.search_fallback import PostgresSearchFallback
from revenge.adapters.postgres.search_source import PostgresMovieDocuments
from revenge.adapters.typesense.client import TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from revenge.application.search.read_models import SearchFacets
from revenge.application.search.reindex_all import ReindexAll, ReindexAllCommand
from revenge.domain.search.query import SearchQuery
from tests.contract.search.conftest import drop_collections
from tests.contract.search.documents import document
from tests.integration.search.catalog_rows import insert_movies
from tests.integration.search.conftest import private_alias

GENRES = ["Action", "Comedy", "Drama", "Horror", "Science Fiction"]

movies = st.lists(st.fixed_dictionaries({
    "year": st.none() | st.integers(1960, 2025),
    "genres": st.lists(st.sampled_from(GENRES), unique=True, max_size=3),
    "rating": st.none() | st.floats(0, 10, allow_nan=False).map(lambda r: round(r, 1)),
}), min_size=0, max_size=12)

filters = st.fixed_dictionaries({
    "genres": st.lists(st.sampled_from(GENRES), unique=True, max_size=2).map(tuple),
    "year_from": st.none() | st.integers(1960, 2025),
    "year_to": st.none() | st.integers(1960, 2025),
    "min_rating": st.none() | st.sampled_from([0.0, 3.5, 5.0, 7.5]),
}).filter(lambda f: f["year_from"] is None or f["year_to"] is None
          or f["year_from"] <= f["year_to"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=movies, conditions=filters)
def test_facet_counts_equal_the_database_counts_for_the_same_filter(
        migrated_database_url: str, typesense: tuple[str, str], catalog: list[dict[str, Any]],
        conditions: dict[str, Any]) -> None:
    asyncio.run(_compare(migrated_database_url, typesense, catalog, SearchQuery(**conditions)))


async def _compare(url: str, typesense: tuple[str, str], catalog: list[dict[str, Any]],
                   query: SearchQuery) -> None:
    database = Database(url, min_size=1, max_size=2)
    await database.open()
    client = TypesenseClient(*typesense)
    index = TypesenseSearchIndex(client, alias=private_alias())
    try:
        await insert_movies(database, [document(f"Movie {n}", **m) for n, m in enumerate(catalog)])
        await ReindexAll(PostgresMovieDocuments(database), index).execute(ReindexAllCommand())
        expected = await _counted_by_sql(database, query)
        from_index = await index.search(query)
        from_fallback = await PostgresSearchFallback(database).search(query)
        assert _counts(from_index.facets) == expected == _counts(from_fallback.facets)
        assert from_index.found == from_fallback.found
    finally:
        await drop_collections(client, index.alias)
        await client.close()
        await _empty_catalog(database)
        await database.close()


async def _empty_catalog(database: Database) -> None:
    async with database.transaction() as conn:
        await conn.execute("TRUNCATE movies, genres, people, collections CASCADE")


def _counts(facets: SearchFacets) -> dict[str, dict[str, int]]:
    return {"genre": {f.value: f.count for f in facets.genre},
            "year": {f.value: f.count for f in facets.year},
            "decade": {f.value: f.count for f in facets.decade}}


async def _counted_by_sql(database: Database, query: SearchQuery) -> dict[str, dict[str, int]]:
    """Plain GROUP BYs over the catalog tables, written independently of the adapters."""
    where, params = _where(query)
    async with database.connection() as conn:
        genre = await _pairs(conn, sql.SQL(
            "SELECT g.name AS k, count(*) AS n FROM movies m JOIN movie_genres mg "
            "ON mg.movie_id = m.id JOIN genres g ON g.id = mg.genre_id WHERE {} GROUP BY g.name"
        ).format(where), params)
        year = await _pairs(conn, sql.SQL(
            "SELECT m.year::text AS k, count(*) AS n FROM movies m "
            "WHERE m.year IS NOT NULL AND {} GROUP BY m.year").format(where), params)
        decade = await _pairs(conn, sql.SQL(
            "SELECT (m.year / 10 * 10)::text AS k, count(*) AS n FROM movies m "
            "WHERE m.year IS NOT NULL AND {} GROUP BY 1").format(where), params)
    return {"genre": genre, "year": year, "decade": decade}


def _where(query: SearchQuery) -> tuple[sql.Composable, dict[str, Any]]:
    parts = ["true"]
    if query.genres:
        parts.append("m.id IN (SELECT mg.movie_id FROM movie_genres mg JOIN genres g "
                     "ON g.id = mg.genre_id WHERE g.name = ANY(%(genres)s))")
    if query.year_from is not None:
        parts.append("m.year >= %(year_from)s")
    if query.year_to is not None:
        parts.append("m.year <= %(year_to)s")
    if query.min_rating is not None:
        parts.append("m.vote_average >= %(min_rating)s")
    params = {"genres": list(query.genres), "year_from": query.year_from,
              "year_to": query.year_to, "min_rating": query.min_rating}
    return sql.SQL(" AND ".join(parts)), params  # type: ignore[arg-type]


async def _pairs(conn: Any, statement: sql.Composed, params: dict[str, Any]) -> dict[str, int]:
    rows = await (await conn.execute(statement, params)).fetchall()
    return {row["k"]: row["n"] for row in rows}

"""Search from PostgreSQL while Typesense is down: the same answers, simpler matching.

Titles (and original titles) match by pg_trgm word similarity, which forgives typos
("matirx"), through the trigram index of 0005; overviews match by full-text search
through the index of 0008. Facets are counted over every match, like the index does.
"""

from __future__ import annotations

from typing import Any

import msgspec
from psycopg import sql

from revenge.adapters.postgres.database import Database
from revenge.application.search.read_models import (
    IdFilter,
    SearchFacets,
    SearchHit,
    SearchResult,
    Suggestion,
    Suggestions,
    sorted_counts,
)
from revenge.domain.search.query import SearchQuery, SortField, decade_of

# Word similarity needed to match a title: "matirx" is 0.43 similar to "The Matrix".
DEFAULT_THRESHOLD = 0.3

_TITLE = sql.SQL("(m.title || ' ' || COALESCE(m.original_title, ''))")  # as indexed in 0005
_OVERVIEW = sql.SQL("to_tsvector('simple'::regconfig, COALESCE(m.overview, ''))")  # 0008
_WORDS = sql.SQL("plainto_tsquery('simple'::regconfig, %(q)s)")
_TEXT_MATCH = sql.SQL("(%(q)s <%% {title} OR {overview} @@ {words})").format(
    title=_TITLE, overview=_OVERVIEW, words=_WORDS)
_TEXT_SCORE = sql.SQL("word_similarity(%(q)s, {title}) * 2 + ts_rank({overview}, {words})").format(
    title=_TITLE, overview=_OVERVIEW, words=_WORDS)

_SORT_KEYS = {SortField.TITLE: "m.sort_title", SortField.YEAR: "COALESCE(m.year, -1)",
              SortField.ADDED: "m.added_at", SortField.RATING: "COALESCE(m.vote_average, -1)",
              SortField.RUNTIME: "COALESCE(m.runtime_minutes, -1)",
              SortField.POPULARITY: "COALESCE(m.popularity, -1)"}

# The page is its own ORDER BY ... LIMIT (so the sort indexes of 0005 serve it); the
# counts come from the materialized set of matches. json_agg keeps the page's order.
_SEARCH = sql.SQL("""
WITH matched AS MATERIALIZED (SELECT m.id, m.year FROM movies m WHERE {where})
SELECT
    (SELECT count(*) FROM matched) AS found,
    (SELECT COALESCE(json_agg(hit), '[]') FROM (
        SELECT m.id::text AS id, m.title, m.original_title, m.year,
               m.vote_average AS rating, m.runtime_minutes, m.poster_path,
               ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
                     WHERE mg.movie_id = m.id ORDER BY g.name) AS genres
        FROM movies m WHERE {where}
        ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s
    ) hit) AS hits,
    (SELECT COALESCE(json_object_agg(name, n), '{{}}') FROM (
        SELECT g.name, count(*) AS n FROM matched
        JOIN movie_genres mg ON mg.movie_id = matched.id JOIN genres g ON g.id = mg.genre_id
        GROUP BY g.name) genre_counts) AS genres,
    (SELECT COALESCE(json_object_agg(year, n), '{{}}') FROM (
        SELECT year, count(*) AS n FROM matched WHERE year IS NOT NULL GROUP BY year
    ) year_counts) AS years
""")

_SUGGEST = sql.SQL("""
SELECT m.id::text AS id, m.title, m.year, m.poster_path
FROM movies m
WHERE {title} ILIKE %(pattern)s OR %(q)s <%% {title}
ORDER BY m.title ILIKE %(start)s DESC, word_similarity(%(q)s, {title}) DESC,
         COALESCE(m.popularity, -1) DESC, m.id
LIMIT %(limit)s
""").format(title=_TITLE)


class PostgresSearchFallback:
    """`SearchReader` on the catalog tables. Raises `Unavailable` when the database is."""

    def __init__(self, database: Database, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._database = database
        self._threshold = threshold

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        params = _params(query, only)
        statement = _SEARCH.format(order=_order(query), where=_where(query, only))
        row = await self._fetch_one(statement, params)
        return _result(row)

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        params = {"q": prefix, "pattern": f"%{_escape_like(prefix)}%",
                  "start": f"{_escape_like(prefix)}%", "limit": limit}
        async with self._database.transaction() as conn:
            await self._set_threshold(conn)
            rows = await (await conn.execute(_SUGGEST, params)).fetchall()
        return Suggestions(items=[Suggestion(**row) for row in rows])

    async def _fetch_one(self, statement: sql.Composed, params: dict[str, Any]) -> dict[str, Any]:
        async with self._database.transaction() as conn:
            await self._set_threshold(conn)
            row = await (await conn.execute(statement, params)).fetchone()
        assert row is not None  # aggregates always return one row
        return row

    async def _set_threshold(self, conn: Any) -> None:
        await conn.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                           (str(self._threshold),))


def _params(query: SearchQuery, only: IdFilter | None) -> dict[str, Any]:
    return {"q": query.words, "genres": list(query.genres), "year_from": query.year_from,
            "year_to": query.year_to, "min_rating": query.min_rating,
            "ids": sorted(only.ids) if only else [], "offset": query.offset,
            "limit": query.limit}


def _where(query: SearchQuery, only: IdFilter | None) -> sql.Composable:
    conditions: list[sql.Composable] = [sql.SQL("true")]
    if query.words:
        conditions.append(_TEXT_MATCH)
    if query.genres:
        conditions.append(sql.SQL(
            "EXISTS (SELECT 1 FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id "
            "WHERE mg.movie_id = m.id AND g.name = ANY(%(genres)s))"))
    if query.year_from is not None:
        conditions.append(sql.SQL("m.year >= %(year_from)s"))
    if query.year_to is not None:
        conditions.append(sql.SQL("m.year <= %(year_to)s"))
    if query.min_rating is not None:
        conditions.append(sql.SQL("m.vote_average >= %(min_rating)s"))
    if only is not None:
        test = "m.id = ANY(%(ids)s::uuid[])" if only.include else "m.id <> ALL(%(ids)s::uuid[])"
        conditions.append(sql.SQL(test))
    return sql.SQL(" AND ").join(conditions)


def _order(query: SearchQuery) -> sql.Composable:
    if query.sort.field is SortField.RELEVANCE:
        by_popularity = sql.SQL("COALESCE(m.popularity, -1) DESC, m.id")
        if not query.words:
            return by_popularity
        return sql.SQL("{score} DESC, {rest}").format(score=_TEXT_SCORE, rest=by_popularity)
    direction = sql.SQL("DESC" if query.sort.descending else "ASC")
    return sql.SQL("{key} {direction}, m.id {direction}").format(
        key=sql.SQL(_SORT_KEYS[query.sort.field]), direction=direction)


def _result(row: dict[str, Any]) -> SearchResult:
    years: dict[str, int] = row["years"]
    decades: dict[str, int] = {}
    for year, count in years.items():
        decade = str(decade_of(int(year)))
        decades[decade] = decades.get(decade, 0) + count
    facets = SearchFacets(genre=sorted_counts(row["genres"]), year=sorted_counts(years),
                          decade=sorted_counts(decades))
    hits = msgspec.convert(row["hits"], list[SearchHit], strict=False)
    return SearchResult(hits=hits, facets=facets, found=row["found"])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

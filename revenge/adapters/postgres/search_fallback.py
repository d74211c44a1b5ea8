"""Search from PostgreSQL while Typesense is down: the same answers, simpler matching.

Every query word must match the title (or original title) or the overview, in two passes
like Typesense's typo tolerance: first as written (a substring of the title through the
trigram index of 0005, a word prefix of the overview through the full-text index of
0008); only when nothing matches, with typos (pg_trgm word similarity on the title:
"matirx" finds "The Matrix"). Facets are counted over every match, like the index does.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from psycopg import sql

from revenge.adapters.postgres.database import Connection, Database
from revenge.application.search.read_models import (
    IdFilter,
    SearchFacets,
    SearchHit,
    SearchResult,
    Suggestion,
    Suggestions,
    sorted_counts,
)
from revenge.domain.search.query import Relevance, SearchQuery, decade_of
from revenge.domain.shared.listing import SortField

# Word similarity a misspelt word needs to match: "matirx" is 0.43 similar to "matrix".
DEFAULT_THRESHOLD = 0.3
MAX_WORDS = 8
MIN_WORD = 3  # shorter words have no trigram to look up; they are not required

_TITLE = sql.SQL("(m.title || ' ' || COALESCE(m.original_title, ''))")  # as indexed in 0005
_OVERVIEW = sql.SQL("to_tsvector('simple'::regconfig, COALESCE(m.overview, ''))")  # 0008
_IN_OVERVIEW = "{overview} @@ to_tsquery('simple', %({prefix})s)"
_TITLE_AS_WRITTEN = sql.SQL("{title} ILIKE %({like})s")
_TITLE_WITH_TYPOS = sql.SQL("%({word})s <%% {title}")
_AS_WRITTEN = sql.SQL("({title} ILIKE %({like})s OR " + _IN_OVERVIEW + ")")
_WITH_TYPOS = sql.SQL("(%({word})s <%% {title} OR " + _IN_OVERVIEW + ")")
# Relevance: the whole text in the title first (as written), or the closest title (typos).
_SCORE_AS_WRITTEN = sql.SQL("({title} ILIKE %(qlike)s)").format(title=_TITLE)
_SCORE_WITH_TYPOS = sql.SQL("word_similarity(%(q)s, {title})").format(title=_TITLE)
_WORD = re.compile(r"\w+")

_PAGE_COLUMNS = sql.SQL(
    "m.id, m.year, m.title, m.original_title, m.sort_title, m.added_at, m.vote_average, "
    "m.runtime_minutes, m.popularity, m.poster_path")
_SORT_KEYS = {SortField.TITLE: "m.sort_title", SortField.YEAR: "COALESCE(m.year, -1)",
              SortField.ADDED: "m.added_at", SortField.RATING: "COALESCE(m.vote_average, -1)",
              SortField.RUNTIME: "COALESCE(m.runtime_minutes, -1)",
              SortField.POPULARITY: "COALESCE(m.popularity, -1)"}

# Text matching runs once (its recheck is the costly part): the page, the count and the
# facets read the materialized matches. Without text the page is its own ORDER BY ...
# LIMIT, which the sort indexes of 0005 serve. json_agg keeps the page's order.
_SEARCH = sql.SQL("""
WITH matched AS MATERIALIZED (SELECT {columns} FROM movies m WHERE {where})
SELECT
    (SELECT count(*) FROM matched) AS found,
    (SELECT COALESCE(json_agg(hit), '[]') FROM (
        SELECT m.id::text AS id, m.title, m.original_title, m.year,
               m.vote_average AS rating, m.runtime_minutes, m.poster_path,
               ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
                     WHERE mg.movie_id = m.id ORDER BY g.name) AS genres
        {page_source}
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
FROM movies m WHERE {where}
ORDER BY m.title ILIKE %(start)s DESC, {score}COALESCE(m.popularity, -1) DESC, m.id
LIMIT %(limit)s
""")


class PostgresSearchFallback:
    """`SearchReader` on the catalog tables. Raises `Unavailable` when the database is."""

    def __init__(self, database: Database, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._database = database
        self._threshold = threshold

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        params = _params(query.words, query, only)
        async with self._database.transaction() as conn:
            row = await _fetch_one(conn, _search(query, only, typos=False), params)
            if row["found"] == 0 and _words(query.words):
                await self._allow_typos(conn)
                row = await _fetch_one(conn, _search(query, only, typos=True), params)
        return _result(row)

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        params = {**_word_params(prefix), "q": prefix, "limit": limit,
                  "start": f"{_escape_like(prefix)}%"}
        async with self._database.transaction() as conn:
            rows = await _fetch_all(conn, _suggest(prefix, typos=False), params)
            if not rows and _words(prefix):
                await self._allow_typos(conn)
                rows = await _fetch_all(conn, _suggest(prefix, typos=True), params)
        return Suggestions(items=[Suggestion(**row) for row in rows])

    async def _allow_typos(self, conn: Connection) -> None:
        await conn.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                           (str(self._threshold),))


async def _fetch_one(conn: Connection, statement: sql.Composed,
                     params: dict[str, Any]) -> dict[str, Any]:
    row = await (await conn.execute(statement, params)).fetchone()
    assert row is not None  # aggregates always return one row
    return row


async def _fetch_all(conn: Connection, statement: sql.Composed,
                     params: dict[str, Any]) -> list[dict[str, Any]]:
    return await (await conn.execute(statement, params)).fetchall()


def _search(query: SearchQuery, only: IdFilter | None, *, typos: bool) -> sql.Composed:
    where = _where(query, only, typos=typos)
    columns: sql.Composable = sql.SQL("m.id, m.year")
    source: sql.Composable = sql.SQL("FROM movies m WHERE {}").format(where)
    if _words(query.words):  # few matches: they carry what the page shows and sorts by
        columns, source = _PAGE_COLUMNS, sql.SQL("FROM matched m")
    return _SEARCH.format(columns=columns, where=where, page_source=source,
                          order=_order(query, typos=typos))


def _suggest(prefix: str, *, typos: bool) -> sql.Composed:
    # Titles only; a prefix too short for the trigram index is looked up as a title's start.
    template = _TITLE_WITH_TYPOS if typos else _TITLE_AS_WRITTEN
    matches: list[sql.Composable] = [
        template.format(title=_TITLE, word=sql.SQL(f"w{i}"), like=sql.SQL(f"like{i}"))
        for i, _ in enumerate(_words(prefix))] or [sql.SQL("m.title ILIKE %(start)s")]
    score: sql.Composable = sql.SQL("")
    if typos:
        score = sql.SQL("{} DESC, ").format(_SCORE_WITH_TYPOS)
    return _SUGGEST.format(where=sql.SQL(" AND ").join(matches), score=score)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if len(w) >= MIN_WORD][:MAX_WORDS]


def _word_params(text: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for i, word in enumerate(_words(text)):
        params |= {f"w{i}": word, f"like{i}": f"%{_escape_like(word)}%",
                   f"prefix{i}": f"{word}:*"}
    return params


def _word_matches(text: str, *, typos: bool) -> list[sql.Composable]:
    """One condition per word, each served by an index (PostgreSQL ANDs the bitmaps)."""
    template = _WITH_TYPOS if typos else _AS_WRITTEN
    return [template.format(title=_TITLE, overview=_OVERVIEW, word=sql.SQL(f"w{i}"),
                            like=sql.SQL(f"like{i}"), prefix=sql.SQL(f"prefix{i}"))
            for i, _ in enumerate(_words(text))]


def _params(text: str, query: SearchQuery, only: IdFilter | None) -> dict[str, Any]:
    return {**_word_params(text), "q": text, "qlike": f"%{_escape_like(text)}%",
            "genres": list(query.genres),
            "year_from": query.year_from, "year_to": query.year_to,
            "min_rating": query.min_rating, "ids": sorted(only.ids) if only else [],
            "offset": query.offset, "limit": query.limit}


def _where(query: SearchQuery, only: IdFilter | None, *, typos: bool) -> sql.Composable:
    conditions = [sql.SQL("true"), *_word_matches(query.words, typos=typos)]
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


def _order(query: SearchQuery, *, typos: bool) -> sql.Composable:
    if query.sort is Relevance.RELEVANCE:
        by_popularity = sql.SQL("COALESCE(m.popularity, -1) DESC, m.id")
        if not _words(query.words):
            return by_popularity
        score = _SCORE_WITH_TYPOS if typos else _SCORE_AS_WRITTEN
        return sql.SQL("{score} DESC, {rest}").format(score=score, rest=by_popularity)
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

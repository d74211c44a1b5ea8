"""`GET /movies` in SQL: filters, six sort orders on matching indexes, keyset pages, and
a `total` that does not grow with the library (cached per catalog generation)."""

from __future__ import annotations

import functools
import hashlib
import itertools
from typing import Any

import msgspec
from psycopg import sql

from revenge.adapters.postgres.catalog_paging import Keyset
from revenge.adapters.postgres.catalog_sql import (
    LIST_ITEM_COLUMNS,
    USER_JOINS,
    Row,
    list_item,
    reading,
)
from revenge.adapters.postgres.database import Connection, Database
from revenge.application.catalog.read_models import MovieListItem, Page
from revenge.application.shared.cache import Cache
from revenge.domain.catalog.listing import MovieFilter, MovieListQuery
from revenge.domain.shared.listing import SortField

# Exactly the expressions of the movies_*_key indexes in migrations/0005_catalog.up.sql.
SORT_KEYS: dict[SortField, tuple[str, str]] = {
    SortField.TITLE: ("m.sort_title", "text"),
    SortField.YEAR: ("COALESCE(m.year, -1)", "int"),
    SortField.ADDED: ("m.added_at", "timestamptz"),
    SortField.RATING: ("COALESCE(m.vote_average, -1)", "float8"),
    SortField.RUNTIME: ("COALESCE(m.runtime_minutes, -1)", "int"),
    SortField.POPULARITY: ("COALESCE(m.popularity, -1)", "float8"),
}
_COUNT_TTL_SECONDS = 3600  # keys name a generation, so entries never go stale

# Conditions on the movie alone, worded to use the sort indexes where they can.
_MOVIE_CONDITIONS: dict[str, str] = {
    "genre": "EXISTS (SELECT 1 FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id "
             "WHERE mg.movie_id = m.id AND lower(g.name) = lower(%(genre)s))",
    "year_from": "COALESCE(m.year, -1) >= %(year_from)s",
    "year_to": "COALESCE(m.year, -1) BETWEEN 0 AND %(year_to)s",
    "min_rating": "COALESCE(m.vote_average, -1) >= %(min_rating)s::float8",
    "min_votes": "m.vote_count >= %(min_votes)s",
    "missing": "m.missing = %(missing)s",
    "search": "(m.title || ' ' || COALESCE(m.original_title, '')) ILIKE %(search)s",
    "library_id": "EXISTS (SELECT 1 FROM movie_files f WHERE f.movie_id = m.id "
                  "AND f.library_id = %(library_id)s::uuid)",
}
# The caller's own state, on the joined rows (page) or as a set of ids (count).
_USER_CONDITIONS = {
    ("watched", True): "ws.completed IS TRUE",
    ("watched", False): "ws.completed IS NOT TRUE",
    ("in_progress", True): "ws.in_progress IS TRUE",
    ("in_progress", False): "ws.in_progress IS NOT TRUE",
    ("on_watchlist", True): "wl.movie_id IS NOT NULL",
    ("on_watchlist", False): "wl.movie_id IS NULL",
}
_USER_SETS = {
    "watched": "m.id IN (SELECT movie_id FROM watch_state "
               "WHERE user_id = %(user)s AND completed)",
    "in_progress": "m.id IN (SELECT movie_id FROM watch_state "
                   "WHERE user_id = %(user)s AND in_progress)",
    "on_watchlist": "m.id IN (SELECT movie_id FROM watchlist WHERE user_id = %(user)s)",
}
_GENERATION = "SELECT generation FROM catalog_generation"


def _movie_conditions(f: MovieFilter) -> list[str]:
    return [c for name, c in _MOVIE_CONDITIONS.items() if getattr(f, name) is not None]


def _params(user_id: str, f: MovieFilter) -> dict[str, Any]:
    params: dict[str, Any] = {"user": user_id, **msgspec.structs.asdict(f)}
    if f.search is not None:
        escaped = f.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["search"] = f"%{escaped}%"
    return params


def _where(conditions: list[str]) -> sql.Composable:
    return sql.SQL(" AND ".join(conditions) if conditions else "true")


class PostgresMovieListQueries:
    """`MovieListQueries`: one round trip per page when the total is cached."""

    def __init__(self, database: Database, cache: Cache) -> None:
        self._database = database
        self._cache = cache

    async def list_movies(self, user_id: str, query: MovieListQuery) -> Page[MovieListItem]:
        keyset = Keyset(query.scope, (SORT_KEYS[query.sort.field], ("m.id", "uuid")),
                        query.sort.descending)
        params = _params(user_id, query.filter)
        async with reading(self._database) as conn:
            rows = await self._page(conn, keyset, query, params)
            total = await self._total(conn, query, rows, params)
        return Page([list_item(r) for r in rows[: query.page.limit]],
                    keyset.next_cursor(rows, query.page.limit), total)

    async def _page(self, conn: Connection, keyset: Keyset, query: MovieListQuery,
                    params: dict[str, Any]) -> list[Row]:
        f = query.filter
        conditions = _movie_conditions(f) + [
            c for (name, value), c in _USER_CONDITIONS.items() if getattr(f, name) is value]
        if query.page.cursor is not None:
            keyset.bind(query.page.cursor, params)
        statement = _page_sql(keyset, tuple(conditions), query.page.cursor is not None,
                              query.page.limit + 1, query.page.offset > 0)
        params["offset"] = query.page.offset
        cur = await conn.execute(statement, params)
        return await cur.fetchall()

    async def _total(self, conn: Connection, query: MovieListQuery, rows: list[Row],
                     params: dict[str, Any]) -> int:
        if query.page.cursor is None and not query.page.offset \
                and len(rows) <= query.page.limit:
            return len(rows)  # the first page holds everything
        generation = rows[0]["generation"] if rows else await self._generation(conn)
        return await self._count(conn, query.filter, params, generation)

    async def _count(self, conn: Connection, f: MovieFilter, params: dict[str, Any],
                     generation: int | None) -> int:
        """Inclusion-exclusion over the caller's sets: every term is either a count of
        movies alone (cached) or bounded by the caller's own rows (small)."""
        wanted = [name for name in _USER_SETS if getattr(f, name) is True]
        unwanted = [name for name in _USER_SETS if getattr(f, name) is False]
        total = 0
        for size in range(len(unwanted) + 1):
            for subset in itertools.combinations(unwanted, size):
                sets = wanted + list(subset)
                count = await (self._user_count(conn, f, params, sets) if sets
                               else self._movie_count(conn, f, params, generation))
                total += -count if size % 2 else count
        return total

    async def _movie_count(self, conn: Connection, f: MovieFilter, params: dict[str, Any],
                           generation: int | None) -> int:
        statement = sql.SQL("SELECT count(*) AS n FROM movies m WHERE {}")
        if generation is None:
            return await _scalar(conn, statement.format(_where(_movie_conditions(f))), params)
        key = _count_key(generation, f)
        cached = await self._cache.get(key, int)
        if cached is None:
            cached = await _scalar(conn, statement.format(_where(_movie_conditions(f))), params)
            await self._cache.set(key, cached, _COUNT_TTL_SECONDS)
        return cached

    async def _user_count(self, conn: Connection, f: MovieFilter, params: dict[str, Any],
                          sets: list[str]) -> int:
        conditions = _movie_conditions(f) + [_USER_SETS[name] for name in sets]
        statement = sql.SQL("SELECT count(*) AS n FROM movies m WHERE {}").format(
            _where(conditions))
        return await _scalar(conn, statement, params)

    async def _generation(self, conn: Connection) -> int | None:
        cur = await conn.execute(_GENERATION)
        row = await cur.fetchone()
        return None if row is None else int(row["generation"])


@functools.lru_cache(maxsize=512)
def _page_sql(keyset: Keyset, conditions: tuple[str, ...], after_cursor: bool,
              limit: int, skips: bool = False) -> str:
    """The page statement for one shape of request (sort, filters, cursor or not, page
    size), composed once per process. The LIMIT is written in, not a parameter: with it
    known, PostgreSQL's cached generic plan of the prepared statement walks the sort
    index, so repeated requests skip planning (which cost more than the execution);
    with `LIMIT $n` every execution was planned anew."""
    return sql.SQL(
        "SELECT {columns}, {keys}, ({generation}) AS generation FROM movies m {joins} "
        "WHERE {where}{after} ORDER BY {order} LIMIT {limit}{offset}").format(
        columns=sql.SQL(LIST_ITEM_COLUMNS), keys=keyset.key_columns(),
        generation=sql.SQL(_GENERATION), joins=sql.SQL(USER_JOINS),
        where=_where(list(conditions)),
        after=keyset.after_clause() if after_cursor else sql.SQL(""),
        order=keyset.order_by(), limit=sql.Literal(limit),
        offset=sql.SQL(" OFFSET %(offset)s") if skips else sql.SQL("")).as_string()


def _count_key(generation: int, f: MovieFilter) -> str:
    movie_only = msgspec.structs.replace(f, watched=None, in_progress=None, on_watchlist=None)
    digest = hashlib.sha1(msgspec.json.encode(movie_only), usedforsecurity=False).hexdigest()
    return f"catalog:count:{generation}:{digest}"


async def _scalar(conn: Connection, statement: sql.Composed, params: dict[str, Any]) -> int:
    cur = await conn.execute(statement, params)
    row = await cur.fetchone()
    return int(row["n"]) if row else 0

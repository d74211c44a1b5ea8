"""Shared plumbing of the catalog's PostgreSQL adapters: ids, error translation,
autocommit reads and the list-item columns every movie list selects."""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg import sql

from revenge.adapters.postgres.database import Connection, Database
from revenge.application.catalog.read_models import MovieListItem, UserMovieState
from revenge.domain.errors import Conflict, NotFound

Row = dict[str, Any]


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True


def require_uuid(value: str, field: str = "movie_id") -> str:
    """A malformed id names nothing: it is answered like an unknown one."""
    if not is_uuid(value):
        raise NotFound(f"no such {field.removesuffix('_id')}", field=field)
    return value


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """`INSERT INTO table (columns) VALUES (%(column)s, ...)`."""
    return sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(map(sql.Placeholder, columns))).as_string()


@asynccontextmanager
async def translated(what: str = "movie") -> AsyncIterator[None]:
    """Turns constraint violations into domain errors: a missing referenced row is
    `NotFound`, a duplicate unique value `Conflict` (naming the column)."""
    try:
        yield
    except psycopg.errors.ForeignKeyViolation as exc:
        raise NotFound(f"no such {what}", field=f"{what}_id") from exc
    except psycopg.errors.UniqueViolation as exc:
        column = _constraint_column(exc)
        raise Conflict(f"another record has this {column}", field=column) from exc


def _constraint_column(exc: psycopg.errors.UniqueViolation) -> str:
    name = (exc.diag.constraint_name or "").removesuffix("_key")
    return name.split("_", 1)[1] if "_" in name else name


@asynccontextmanager
async def reading(database: Database) -> AsyncIterator[Connection]:
    """A pooled connection in autocommit mode: a read costs one round trip per
    statement (no BEGIN/COMMIT); the connection goes back in transaction mode."""
    async with database.connection() as conn:
        await conn.set_autocommit(True)
        try:
            yield conn
        finally:
            if not conn.closed:
                await conn.set_autocommit(False)


# The columns of a `MovieListItem`, for a query with `movies m` and the user's state
# joined as ws (watch_state), wl (watchlist) and ur (user_ratings). The poster's
# blurhash is one primary-key probe of the image cache per row of the page.
LIST_ITEM_COLUMNS = """
    m.id::text AS id, m.title, m.year, m.runtime_minutes, m.poster_path,
    (SELECT mi.blurhash FROM metadata_images mi WHERE mi.source_path = m.poster_path)
        AS poster_blurhash,
    m.vote_average,
    m.popularity, m.added_at, m.missing,
    COALESCE(ws.completed, false) AS watched, COALESCE(ws.play_count, 0) AS play_count,
    CASE WHEN ws.in_progress THEN ws.percent END AS progress_percent,
    wl.movie_id IS NOT NULL AS on_watchlist, ur.rating"""

STATE_JOIN = """
    LEFT JOIN watch_state ws ON ws.user_id = %(user)s AND ws.movie_id = m.id"""
LISTS_JOINS = """
    LEFT JOIN watchlist wl ON wl.user_id = %(user)s AND wl.movie_id = m.id
    LEFT JOIN user_ratings ur ON ur.user_id = %(user)s AND ur.movie_id = m.id"""
USER_JOINS = STATE_JOIN + LISTS_JOINS

# Named pieces a query template may use: {columns}, {joins}, {state_join}, {lists_joins}.
FRAGMENTS = {"columns": sql.SQL(LIST_ITEM_COLUMNS), "joins": sql.SQL(USER_JOINS),
             "state_join": sql.SQL(STATE_JOIN), "lists_joins": sql.SQL(LISTS_JOINS)}


@functools.cache
def composed(template: str) -> str:
    """A constant template with its {fragments} filled in (composed once)."""
    return sql.SQL(template).format(**FRAGMENTS).as_string()


def list_item(row: Row) -> MovieListItem:
    return MovieListItem(
        id=row["id"], title=row["title"], year=row["year"],
        runtime_minutes=row["runtime_minutes"], poster_path=row["poster_path"],
        poster_blurhash=row["poster_blurhash"], vote_average=row["vote_average"],
        popularity=row["popularity"],
        added_at=row["added_at"], missing=row["missing"], user=user_state(row))


def user_state(row: Row) -> UserMovieState:
    return UserMovieState(watched=row["watched"], play_count=row["play_count"],
                          progress_percent=row["progress_percent"],
                          on_watchlist=row["on_watchlist"], rating=row["rating"])


async def require_movie(conn: Connection, movie_id: str) -> None:
    """Raises `NotFound` unless the movie exists (malformed ids included)."""
    require_uuid(movie_id)
    cur = await conn.execute("SELECT 1 FROM movies WHERE id = %s", (movie_id,))
    if await cur.fetchone() is None:
        raise NotFound("no such movie", field="movie_id")


async def rows_of(conn: Connection, statement: str | sql.Composed,
                  params: dict[str, Any]) -> list[Row]:
    cur = await conn.execute(statement, params)
    return await cur.fetchall()

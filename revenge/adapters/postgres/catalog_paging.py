"""Keyset pagination in SQL: `(key..., id) > (cursor...)` in index order, never OFFSET,
so a page deep in a list costs what the first one does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import msgspec
from psycopg import sql

from revenge.adapters.postgres.catalog_sql import FRAGMENTS, Row
from revenge.adapters.postgres.database import Connection
from revenge.domain.catalog.cursor import Cursor, decode_cursor, encode_cursor
from revenge.domain.catalog.errors import InvalidQuery
from revenge.domain.catalog.listing import PageRequest

# (SQL expression, PostgreSQL type of its cursor value); the last key is the unique id.
Key = tuple[str, str]


class Keyset(msgspec.Struct, frozen=True):
    scope: str
    keys: Sequence[Key]
    descending: bool = False

    def order_by(self) -> sql.Composable:
        direction = sql.SQL(" DESC" if self.descending else "")
        return sql.SQL(", ").join(sql.SQL(e) + direction for e, _ in self.keys)

    def key_columns(self) -> sql.Composable:
        return sql.SQL(", ").join(sql.SQL(f"{e} AS k{i}") for i, (e, _) in enumerate(self.keys))

    def after(self, token: str | None, params: dict[str, Any]) -> sql.Composable:
        """`AND (keys) > (cursor)` (or `<` when descending), filling `params`."""
        if token is None:
            return sql.SQL("")
        self.bind(token, params)
        return self.after_clause()

    def bind(self, token: str, params: dict[str, Any]) -> None:
        """The cursor's values as the parameters `after_clause` names."""
        values = decode_cursor(token, self.scope).key
        if len(values) != len(self.keys):
            raise InvalidQuery("cursor is not one this server returned", field="cursor")
        params.update({f"c{i}": v for i, v in enumerate(values)})

    def after_clause(self) -> sql.Composable:
        left = sql.SQL(", ").join(sql.SQL(e) for e, _ in self.keys)
        right = sql.SQL(", ").join(sql.SQL(f"%(c{i})s::{t}") for i, (_, t) in enumerate(self.keys))
        op = sql.SQL("<" if self.descending else ">")
        return sql.SQL(" AND ({}) {} ({})").format(left, op, right)

    def next_cursor(self, rows: Sequence[Row], limit: int) -> str | None:
        """Rows were fetched with LIMIT limit + 1: the extra one says there is more."""
        if len(rows) <= limit:
            return None
        last = rows[limit - 1]
        key = tuple(_plain(last[f"k{i}"]) for i in range(len(self.keys)))
        return encode_cursor(Cursor(self.scope, key))


def _plain(value: Any) -> Any:
    """Cursor values stay msgpack-native: ids and dates travel as text."""
    if value is None or isinstance(value, str | int | float | datetime):
        return value
    return str(value)


async def keyset_rows(conn: Connection, template: str, count: str, keyset: Keyset,
                      page: PageRequest, params: dict[str, Any]) -> list[Row]:
    """One page (plus one row to tell whether there is more) of a template with
    {keys}, {after}, {order}, {limit}, {count} and the shared {fragments}; fills
    `params`. The LIMIT is written in rather than bound, so PostgreSQL's cached generic
    plan of the prepared statement knows it (see catalog_movie_list._page_sql)."""
    statement = sql.SQL(template).format(
        keys=keyset.key_columns(), after=keyset.after(page.cursor, params),
        order=keyset.order_by(), limit=sql.Literal(page.limit + 1), count=sql.SQL(count),
        **FRAGMENTS)
    cur = await conn.execute(statement, params)
    return await cur.fetchall()


async def total_of(conn: Connection, rows: list[Row], count: str, page: PageRequest,
                   params: dict[str, Any]) -> int:
    """The `total` column of the page; counted apart only for an empty page after a
    cursor (its rows were deleted meanwhile)."""
    if rows:
        return int(rows[0]["total"])
    if page.cursor is None:
        return 0
    cur = await conn.execute(count, params)
    row = await cur.fetchone()
    return int(row["count"]) if row else 0

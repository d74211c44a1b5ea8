"""The movie read side in SQL: one movie, its files, cast, crew and genres; collections."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import msgspec

from revenge.adapters.postgres.catalog_paging import Keyset, keyset_rows, total_of
from revenge.adapters.postgres.catalog_sql import (
    Row,
    composed,
    is_uuid,
    list_item,
    reading,
    require_movie,
    require_uuid,
    rows_of,
    user_state,
)
from revenge.adapters.postgres.database import Connection, Database
from revenge.application.catalog.read_models import (
    CastMember,
    CollectionDetail,
    CollectionSummary,
    CrewMember,
    GenreRef,
    MovieDetail,
    MovieListItem,
    Page,
)
from revenge.domain.catalog.collection import CollectionEntry, next_in_collection
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.errors import NotFound

_DETAIL = """
SELECT m.id::text AS id, m.title, m.original_title, m.sort_title, m.year, m.release_date,
    m.runtime_minutes, m.overview, m.tagline, m.content_rating, m.tmdb_id, m.imdb_id,
    m.poster_path, m.backdrop_path, m.logo_path, m.vote_average, m.vote_count, m.popularity,
    m.missing, m.locked_fields, m.added_at, m.updated_at,
    COALESCE(ws.completed, false) AS watched, COALESCE(ws.play_count, 0) AS play_count,
    CASE WHEN ws.in_progress THEN ws.percent END AS progress_percent,
    wl.movie_id IS NOT NULL AS on_watchlist, ur.rating,
    COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name)
                              ORDER BY lower(g.name) COLLATE "C", g.id)
              FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
              WHERE mg.movie_id = m.id), '[]') AS genres,
    COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name)
                              ORDER BY c.name COLLATE "C", c.id)
              FROM collection_members cm JOIN collections c ON c.id = cm.collection_id
              WHERE cm.movie_id = m.id), '[]') AS collections,
    (SELECT count(*) FROM movie_files f WHERE f.movie_id = m.id) AS file_count
FROM movies m {joins}
WHERE m.id = %(movie)s"""

_FILES_OF = """
SELECT f.id::text AS id, f.movie_id::text AS movie_id, f.path, f.size_bytes, f.mtime, f.kind,
    f.extra_type, f.part, f.edition, f.content_hash, f.container, f.duration_seconds,
    f.bitrate, f.video_streams, f.audio_streams, f.subtitle_streams, f.probed_at,
    f.probe_error, f.added_at, f.updated_at, f.missing_since
FROM movie_files f WHERE f.movie_id = ANY(%(movies)s::uuid[])
ORDER BY f.movie_id, CASE WHEN f.kind = 'main' THEN 0 ELSE 1 END, COALESCE(f.part, 0),
    f.path COLLATE "C"
"""
_ONE_FILE = """
SELECT f.id::text AS id, f.movie_id::text AS movie_id, f.path, f.size_bytes, f.mtime, f.kind,
    f.extra_type, f.part, f.edition, f.content_hash, f.container, f.duration_seconds,
    f.bitrate, f.video_streams, f.audio_streams, f.subtitle_streams, f.probed_at,
    f.probe_error, f.added_at, f.updated_at, f.missing_since
FROM movie_files f WHERE f.id = %(file)s"""

_GENRES_OF = """
SELECT g.id::text AS id, g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
WHERE mg.movie_id = %(movie)s ORDER BY lower(g.name) COLLATE "C", g.id"""

_FILES = """
SELECT f.id::text AS id, f.movie_id::text AS movie_id, f.path, f.size_bytes, f.mtime, f.kind,
    f.extra_type, f.part, f.edition, f.content_hash, f.container, f.duration_seconds,
    f.bitrate, f.video_streams, f.audio_streams, f.subtitle_streams, f.probed_at,
    f.probe_error, f.added_at, f.updated_at, f.missing_since, {keys}, ({count}) AS total
FROM movie_files f WHERE f.movie_id = %(movie)s{after} ORDER BY {order} LIMIT {limit}"""

_CREDITS = """
SELECT p.id::text AS person_id, p.name, p.profile_path, p.tmdb_id, c.character, c.job,
    c.department, c.position AS "order", {keys}, ({count}) AS total
FROM movie_credits c JOIN people p ON p.id = c.person_id
WHERE c.movie_id = %(movie)s AND c.kind = %(kind)s{after} ORDER BY {order} LIMIT {limit}"""

_FILES_COUNT = "SELECT count(*) FROM movie_files WHERE movie_id = %(movie)s"
_CREDITS_COUNT = "SELECT count(*) FROM movie_credits WHERE movie_id = %(movie)s AND kind = %(kind)s"
_FILE_KEYS = (("CASE WHEN f.kind = 'main' THEN 0 ELSE 1 END", "int"),
              ("COALESCE(f.part, 0)", "int"), ('f.path COLLATE "C"', "text"))


async def _movie_page(conn: Connection, template: str, count: str, keyset: Keyset,
                      page: PageRequest, params: dict[str, Any]) -> tuple[list[Row], int]:
    """A page of something of one movie; an empty first page checks the movie exists."""
    rows = await keyset_rows(conn, template, count, keyset, page, params)
    if not rows:
        await require_movie(conn, params["movie"])
    return rows, await total_of(conn, rows, count, page, params)


class PostgresMovieQueries:
    """`MovieDetailQueries` in PostgreSQL."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def movie(self, user_id: str, movie_id: str) -> MovieDetail:
        params = {"user": user_id, "movie": require_uuid(movie_id)}
        async with reading(self._database) as conn:
            rows = await rows_of(conn, composed(_DETAIL), params)
        if not rows:
            raise NotFound("no such movie", field="movie_id")
        return msgspec.convert({**rows[0], "user": user_state(rows[0])}, MovieDetail)

    async def movies(self, user_id: str, movie_ids: Sequence[str]) -> list[MovieDetail]:
        wanted = [i for i in movie_ids if is_uuid(i)]
        if not wanted:
            return []
        async with reading(self._database) as conn:
            rows = await rows_of(conn, _details_sql(), {"user": user_id, "movies": wanted})
        found = {r["id"]: msgspec.convert({**r, "user": user_state(r)}, MovieDetail)
                 for r in rows}
        return [found[i] for i in wanted if i in found]

    async def files_of(self, movie_ids: Sequence[str]) -> dict[str, list[MovieFile]]:
        wanted = [i for i in movie_ids if is_uuid(i)]
        if not wanted:
            return {}
        async with reading(self._database) as conn:
            rows = await rows_of(conn, _FILES_OF, {"movies": wanted})
        found: dict[str, list[MovieFile]] = {}
        for row in rows:
            found.setdefault(row["movie_id"], []).append(msgspec.convert(row, MovieFile))
        return found

    async def file(self, file_id: str) -> MovieFile:
        async with reading(self._database) as conn:
            rows = await rows_of(conn, _ONE_FILE, {"file": require_uuid(file_id, "file_id")})
        if not rows:
            raise NotFound("no such file", field="file_id")
        return msgspec.convert(rows[0], MovieFile)

    async def files(self, movie_id: str, page: PageRequest) -> Page[MovieFile]:
        keyset = Keyset(f"files:{movie_id}", _FILE_KEYS)
        params: dict[str, Any] = {"movie": require_uuid(movie_id)}
        async with reading(self._database) as conn:
            rows, total = await _movie_page(conn, _FILES, _FILES_COUNT, keyset, page, params)
        items = [msgspec.convert(r, MovieFile) for r in rows[: page.limit]]
        return Page(items, keyset.next_cursor(rows, page.limit), total)

    async def cast(self, movie_id: str, page: PageRequest) -> Page[CastMember]:
        rows, cursor, total = await self._credits(movie_id, "cast", page)
        return Page([msgspec.convert(r, CastMember) for r in rows], cursor, total)

    async def crew(self, movie_id: str, page: PageRequest) -> Page[CrewMember]:
        rows, cursor, total = await self._credits(movie_id, "crew", page)
        return Page([msgspec.convert(r, CrewMember) for r in rows], cursor, total)

    async def _credits(self, movie_id: str, kind: str,
                       page: PageRequest) -> tuple[list[Row], str | None, int]:
        keyset = Keyset(f"{kind}:{movie_id}", (("c.position", "int"),))
        params: dict[str, Any] = {"movie": require_uuid(movie_id), "kind": kind}
        async with reading(self._database) as conn:
            rows, total = await _movie_page(conn, _CREDITS, _CREDITS_COUNT, keyset, page,
                                            params)
        return rows[: page.limit], keyset.next_cursor(rows, page.limit), total

    async def genres_of(self, movie_id: str) -> list[GenreRef]:
        async with reading(self._database) as conn:
            await require_movie(conn, movie_id)
            rows = await rows_of(conn, _GENRES_OF, {"movie": movie_id})
        return [GenreRef(r["id"], r["name"]) for r in rows]


@functools.cache
def _details_sql() -> str:
    return composed(_DETAIL.replace("WHERE m.id = %(movie)s",
                                    "WHERE m.id = ANY(%(movies)s::uuid[])"))


_COLLECTION = """
SELECT id::text AS id, name, overview, tmdb_id, poster_path, backdrop_path
FROM collections WHERE id = %(collection)s"""

_ENTRIES = """
SELECT cm.movie_id::text AS movie_id, m.release_date, cm.position,
    COALESCE(ws.completed, false) AS watched
FROM collection_members cm JOIN movies m ON m.id = cm.movie_id
LEFT JOIN watch_state ws ON ws.user_id = %(user)s AND ws.movie_id = cm.movie_id
WHERE cm.collection_id = %(collection)s"""

_MEMBERS = """
SELECT {columns}, {keys}, ({count}) AS total
FROM collection_members cm JOIN movies m ON m.id = cm.movie_id {joins}
WHERE cm.collection_id = %(collection)s{after} ORDER BY {order} LIMIT {limit}"""

_MEMBERS_COUNT = "SELECT count(*) FROM collection_members WHERE collection_id = %(collection)s"
_ONE_ITEM = "SELECT {columns} FROM movies m {joins} WHERE m.id = %(movie)s"

_LIST = """
SELECT c.id::text AS id, c.name, c.poster_path, c.backdrop_path,
    (SELECT count(*) FROM collection_members cm WHERE cm.collection_id = c.id) AS movie_count,
    (SELECT count(*) FROM collection_members cm JOIN watch_state ws
        ON ws.movie_id = cm.movie_id AND ws.user_id = %(user)s AND ws.completed
     WHERE cm.collection_id = c.id) AS watched_count,
    {keys}, ({count}) AS total
FROM collections c WHERE true{after} ORDER BY {order} LIMIT {limit}"""
_LIST_COUNT = "SELECT count(*) FROM collections"
# Code-point order, as the memory twin sorts Python strings.
_NAME_KEYS = (('c.name COLLATE "C"', "text"), ("c.id", "uuid"))

_UP_NEXT = """
WITH member AS (
    SELECT cm.collection_id, cm.movie_id, cm.position,
        COALESCE(m.release_date, DATE '9999-12-31') AS released,
        COALESCE(ws.completed, false) AS watched,
        CASE WHEN ws.completed THEN ws.last_played_at END AS played
    FROM collection_members cm JOIN movies m ON m.id = cm.movie_id
    LEFT JOIN watch_state ws ON ws.user_id = %(user)s AND ws.movie_id = cm.movie_id
), begun AS (
    SELECT collection_id, max(played) AS played FROM member GROUP BY collection_id
    HAVING bool_or(watched) AND NOT bool_and(watched)
), upcoming AS (
    SELECT DISTINCT ON (mb.collection_id) mb.collection_id, mb.movie_id
    FROM member mb JOIN begun USING (collection_id) WHERE NOT mb.watched
    ORDER BY mb.collection_id, mb.released, mb.position, mb.movie_id
)
SELECT {columns} FROM upcoming u JOIN begun b USING (collection_id)
JOIN collections c ON c.id = u.collection_id JOIN movies m ON m.id = u.movie_id {joins}
ORDER BY b.played DESC NULLS LAST, c.name COLLATE "C", c.id LIMIT %(limit)s"""

_RELEASE_KEYS = (("COALESCE(m.release_date, DATE '9999-12-31')", "date"),
                 ("cm.position", "int"), ("m.id", "uuid"))


class PostgresCollectionQueries:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def collections(self, user_id: str,
                          page: PageRequest) -> Page[CollectionSummary]:
        params: dict[str, Any] = {"user": user_id}
        keyset = Keyset("collections", _NAME_KEYS)
        async with reading(self._database) as conn:
            rows = await keyset_rows(conn, _LIST, _LIST_COUNT, keyset, page, params)
            total = await total_of(conn, rows, _LIST_COUNT, page, params)
        items = [CollectionSummary(**{k: r[k] for k in CollectionSummary.__struct_fields__})
                 for r in rows[: page.limit]]
        return Page(items, keyset.next_cursor(rows, page.limit), total)

    async def collection(self, user_id: str, collection_id: str) -> CollectionDetail:
        params = {"user": user_id, "collection": require_uuid(collection_id, "collection_id")}
        async with reading(self._database) as conn:
            head = await self._existing(conn, params)
            entries = await rows_of(conn, _ENTRIES, params)
            watched = {e["movie_id"] for e in entries if e["watched"]}
            next_id = next_in_collection(
                [CollectionEntry(e["movie_id"], e["release_date"], e["position"])
                 for e in entries], watched)
            next_item = await self._item(conn, user_id, next_id) if next_id else None
        return CollectionDetail(**head, movie_count=len(entries), watched_count=len(watched),
                                next=next_item)

    async def up_next(self, user_id: str, limit: int) -> list[MovieListItem]:
        async with reading(self._database) as conn:
            rows = await rows_of(conn, composed(_UP_NEXT), {"user": user_id, "limit": limit})
        # A movie in two begun collections is named once.
        return list({r["id"]: list_item(r) for r in rows}.values())

    async def members(self, user_id: str, collection_id: str,
                      page: PageRequest) -> Page[MovieListItem]:
        params: dict[str, Any] = {"user": user_id,
                                  "collection": require_uuid(collection_id, "collection_id")}
        keyset = Keyset(f"collection:{collection_id}", _RELEASE_KEYS)
        async with reading(self._database) as conn:
            rows = await keyset_rows(conn, _MEMBERS, _MEMBERS_COUNT, keyset, page, params)
            if not rows:
                await self._existing(conn, params)
            total = await total_of(conn, rows, _MEMBERS_COUNT, page, params)
        return Page([list_item(r) for r in rows[: page.limit]],
                    keyset.next_cursor(rows, page.limit), total)

    async def _existing(self, conn: Connection, params: dict[str, Any]) -> Row:
        rows = await rows_of(conn, _COLLECTION, params)
        if not rows:
            raise NotFound("no such collection", field="collection_id")
        return rows[0]

    async def _item(self, conn: Connection, user_id: str, movie_id: str) -> MovieListItem:
        rows = await rows_of(conn, composed(_ONE_ITEM), {"user": user_id, "movie": movie_id})
        return list_item(rows[0])

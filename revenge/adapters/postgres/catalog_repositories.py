"""The catalog's write-side repositories for movies and their metadata, in PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
import uuid_utils
from psycopg import sql

from revenge.adapters.postgres.catalog_sql import insert_sql, is_uuid, require_uuid, translated
from revenge.adapters.postgres.database import Connection
from revenge.domain.catalog.collection import Collection, CollectionEntry
from revenge.domain.catalog.credits import CastCredit, CrewCredit, Person
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound

_MOVIE_COLUMNS = Movie.__struct_fields__
_SELECT_MOVIE = sql.SQL("SELECT {}, id::text AS id FROM movies WHERE id = %s FOR UPDATE").format(
    sql.SQL(", ").join(sql.Identifier(c) for c in _MOVIE_COLUMNS if c != "id")).as_string()
_INSERT_MOVIE = insert_sql("movies", _MOVIE_COLUMNS)
_UPDATE_MOVIE = sql.SQL("UPDATE movies SET {} WHERE id = %(id)s").format(
    sql.SQL(", ").join(sql.SQL("{} = {}").format(sql.Identifier(c), sql.Placeholder(c))
                       for c in _MOVIE_COLUMNS if c != "id")).as_string()
_FILE_COLUMNS = MovieFile.__struct_fields__
_INSERT_FILE = insert_sql("movie_files", _FILE_COLUMNS)


def _new_id() -> str:
    return str(uuid_utils.uuid7())


def _movie_params(movie: Movie) -> dict[str, Any]:
    params = msgspec.structs.asdict(movie)
    params["locked_fields"] = sorted(movie.locked_fields)
    return params


class PostgresMovieRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def get(self, movie_id: str) -> Movie | None:
        if not is_uuid(movie_id):
            return None
        cur = await self._conn.execute(_SELECT_MOVIE, (movie_id,))
        row = await cur.fetchone()
        return None if row is None else msgspec.convert(row, Movie)

    async def add(self, movie: Movie) -> None:
        async with translated():
            await self._conn.execute(_INSERT_MOVIE, _movie_params(movie))

    async def update(self, movie: Movie) -> None:
        async with translated():
            await self._conn.execute(_UPDATE_MOVIE, _movie_params(movie))

    async def delete(self, movie_id: str) -> None:
        if is_uuid(movie_id):
            await self._conn.execute("DELETE FROM movies WHERE id = %s", (movie_id,))


class PostgresGenreRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def set_movie_genres(self, movie_id: str, names: Sequence[str]) -> None:
        require_uuid(movie_id)
        wanted = list({n.strip().lower(): n.strip() for n in names}.values())
        await self._conn.execute(
            "INSERT INTO genres (id, name) SELECT * FROM unnest(%s::uuid[], %s::text[]) "
            "ON CONFLICT (lower(name)) DO NOTHING", ([_new_id() for _ in wanted], wanted))
        await self._conn.execute("DELETE FROM movie_genres WHERE movie_id = %s", (movie_id,))
        async with translated():
            await self._conn.execute(
                "INSERT INTO movie_genres (movie_id, genre_id) SELECT %s, id FROM genres "
                "WHERE lower(name) = ANY(%s)", (movie_id, [n.lower() for n in wanted]))


class PostgresCreditRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def replace_credits(self, movie_id: str, cast: Sequence[CastCredit],
                              crew: Sequence[CrewCredit]) -> None:
        require_uuid(movie_id)
        await self._conn.execute("DELETE FROM movie_credits WHERE movie_id = %s", (movie_id,))
        rows: list[tuple[Any, ...]] = [
            (movie_id, "cast", i, await self._person_id(c.person), c.character, None, None)
            for i, c in enumerate(cast)]
        rows += [(movie_id, "crew", i, await self._person_id(c.person), None, c.job,
                  c.department) for i, c in enumerate(crew)]
        async with translated(), self._conn.cursor() as cur:
            await cur.executemany(
                "INSERT INTO movie_credits (movie_id, kind, position, person_id, character, "
                "job, department) VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)

    async def _person_id(self, person: Person) -> str:
        params = {**msgspec.structs.asdict(person), "id": _new_id()}
        if person.tmdb_id is None:
            sql = ("INSERT INTO people (id, name, tmdb_id, imdb_id, profile_path, "
                   "known_for_department) VALUES (%(id)s, %(name)s, NULL, %(imdb_id)s, "
                   "%(profile_path)s, %(known_for_department)s) RETURNING id::text")
        else:
            sql = _UPSERT_PERSON
        cur = await self._conn.execute(sql, params)
        row = await cur.fetchone()
        assert row is not None
        return str(row["id"])


_UPSERT_PERSON = """
INSERT INTO people (id, name, tmdb_id, imdb_id, profile_path, known_for_department)
VALUES (%(id)s, %(name)s, %(tmdb_id)s, %(imdb_id)s, %(profile_path)s, %(known_for_department)s)
ON CONFLICT (tmdb_id) DO UPDATE SET name = EXCLUDED.name, imdb_id = EXCLUDED.imdb_id,
    profile_path = EXCLUDED.profile_path,
    known_for_department = EXCLUDED.known_for_department
RETURNING id::text"""


class PostgresCollectionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def save(self, collection: Collection) -> None:
        async with translated("collection"):
            await self._conn.execute(_UPSERT_COLLECTION, msgspec.structs.asdict(collection))

    async def set_members(self, collection_id: str, movie_ids: Sequence[str]) -> None:
        require_uuid(collection_id, "collection_id")
        for movie_id in movie_ids:
            require_uuid(movie_id)
        if await self._missing_collection(collection_id):
            raise NotFound("no such collection", field="collection_id")
        await self._conn.execute("DELETE FROM collection_members WHERE collection_id = %s",
                                 (collection_id,))
        ordered = list(dict.fromkeys(movie_ids))
        async with translated():
            await self._conn.execute(
                "INSERT INTO collection_members (collection_id, movie_id, position) "
                "SELECT %s, m, p - 1 FROM unnest(%s::uuid[]) WITH ORDINALITY AS u(m, p)",
                (collection_id, ordered))

    async def _missing_collection(self, collection_id: str) -> bool:
        cur = await self._conn.execute("SELECT 1 FROM collections WHERE id = %s FOR UPDATE",
                                       (collection_id,))
        return await cur.fetchone() is None

    async def entries(self, collection_id: str) -> list[CollectionEntry]:
        if not is_uuid(collection_id):
            return []
        cur = await self._conn.execute(
            "SELECT cm.movie_id::text, m.release_date, cm.position FROM collection_members cm "
            "JOIN movies m ON m.id = cm.movie_id WHERE cm.collection_id = %s", (collection_id,))
        return [CollectionEntry(r["movie_id"], r["release_date"], r["position"])
                for r in await cur.fetchall()]


_UPSERT_COLLECTION = """
INSERT INTO collections (id, name, overview, tmdb_id, poster_path, backdrop_path,
                         created_at, updated_at)
VALUES (%(id)s, %(name)s, %(overview)s, %(tmdb_id)s, %(poster_path)s, %(backdrop_path)s,
        now(), now())
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, overview = EXCLUDED.overview,
    tmdb_id = EXCLUDED.tmdb_id, poster_path = EXCLUDED.poster_path,
    backdrop_path = EXCLUDED.backdrop_path, updated_at = now()"""


class PostgresMovieFileRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, file: MovieFile) -> None:
        require_uuid(file.movie_id)
        params = msgspec.structs.asdict(file)
        for name in ("video_streams", "audio_streams", "subtitle_streams"):
            params[name] = msgspec.json.encode(params[name]).decode()
        async with translated():
            await self._conn.execute(_INSERT_FILE, params)

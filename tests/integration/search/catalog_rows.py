"""Writes movie documents into the catalog tables (as the catalog would), for search tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import uuid_utils

from revenge.adapters.postgres.database import Connection, Database
from revenge.application.search.read_models import MovieDocument


async def insert_movies(database: Database, movies: Sequence[MovieDocument]) -> None:
    async with database.transaction() as conn:
        for movie in movies:
            await _insert_movie(conn, movie)
            await _link_genres(conn, movie)
            await _link_people(conn, movie)
            if movie.collection:
                await _link_collection(conn, movie)


async def update_title(database: Database, movie_id: str, title: str) -> None:
    async with database.transaction() as conn:
        await conn.execute("UPDATE movies SET title = %s, sort_title = lower(%s), "
                           "updated_at = clock_timestamp() WHERE id = %s",
                           (title, title, movie_id))


async def delete_movie(database: Database, movie_id: str) -> None:
    async with database.transaction() as conn:
        await conn.execute("DELETE FROM movies WHERE id = %s", (movie_id,))


async def watched_by_new_user(database: Database, movie_ids: Sequence[str]) -> str:
    user_id = str(uuid_utils.uuid7())
    now = datetime.now(UTC)
    async with database.transaction() as conn:
        await conn.execute(
            "INSERT INTO users (id, username, email, password_hash, created_at, updated_at) "
            "VALUES (%s, %s, %s, 'x', %s, %s)",
            (user_id, f"u{user_id[-8:]}", f"{user_id[-8:]}@example.org", now, now))
        for movie_id in movie_ids:
            await conn.execute(
                "INSERT INTO watch_state (user_id, movie_id, completed, play_count) "
                "VALUES (%s, %s, true, 1)", (user_id, movie_id))
    return user_id


async def _insert_movie(conn: Connection, movie: MovieDocument) -> None:
    updated_at = datetime.fromtimestamp(movie.version / 1_000_000, UTC)
    await conn.execute(
        "INSERT INTO movies (id, title, original_title, sort_title, year, runtime_minutes, "
        "overview, vote_average, popularity, poster_path, added_at, updated_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (movie.id, movie.title, movie.original_title, movie.sort_title, movie.year,
         movie.runtime_minutes, movie.overview, movie.rating, movie.popularity,
         movie.poster_path, movie.added_at, updated_at))


async def _link_genres(conn: Connection, movie: MovieDocument) -> None:
    for name in movie.genres:
        await conn.execute(
            "INSERT INTO genres (id, name) VALUES (%s, %s) "
            "ON CONFLICT (lower(name)) DO NOTHING", (str(uuid_utils.uuid7()), name))
        await conn.execute(
            "INSERT INTO movie_genres (movie_id, genre_id) "
            "SELECT %s, id FROM genres WHERE lower(name) = lower(%s)", (movie.id, name))


async def _link_people(conn: Connection, movie: MovieDocument) -> None:
    credits = [("cast", name, None) for name in movie.cast]
    credits += [("crew", name, "Director") for name in movie.directors]
    for position, (kind, name, job) in enumerate(credits):
        person_id = str(uuid_utils.uuid7())
        await conn.execute("INSERT INTO people (id, name) VALUES (%s, %s)", (person_id, name))
        await conn.execute(
            "INSERT INTO movie_credits (movie_id, kind, position, person_id, job) "
            "VALUES (%s, %s, %s, %s, %s)", (movie.id, kind, position, person_id, job))


async def _link_collection(conn: Connection, movie: MovieDocument) -> None:
    await conn.execute(
        "INSERT INTO collections (id, name, created_at, updated_at) "
        "SELECT %s, %s, %s, %s WHERE NOT EXISTS (SELECT 1 FROM collections WHERE name = %s)",
        (str(uuid_utils.uuid7()), movie.collection, movie.added_at, movie.added_at,
         movie.collection))
    await conn.execute(
        "INSERT INTO collection_members (collection_id, movie_id, position) "
        "SELECT id, %s, 0 FROM collections WHERE name = %s", (movie.id, movie.collection))

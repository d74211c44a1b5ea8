"""Per-user repositories (watch state, watchlist, ratings) and the merge of duplicates'
dependents, in PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.adapters.postgres.catalog_sql import require_uuid, translated
from revenge.adapters.postgres.database import Connection
from revenge.domain.catalog.progress import WatchSource, WatchState
from revenge.domain.errors import NotFound

# Creating the row if needed makes the lock work for a first report too: two
# concurrent first reports queue on the same row instead of both counting a play.
_LOCK = """
INSERT INTO watch_state (user_id, movie_id) VALUES (%s, %s)
ON CONFLICT (user_id, movie_id) DO UPDATE SET user_id = EXCLUDED.user_id
RETURNING position_seconds, duration_seconds, completed, play_count, in_progress,
    hidden_from_continue, last_played_at"""

_STATES_FOR_MOVIE = """
SELECT user_id::text, position_seconds, duration_seconds, completed, play_count, in_progress,
    hidden_from_continue, last_played_at
FROM watch_state WHERE movie_id = %s"""

_SAVE = """
INSERT INTO watch_state (user_id, movie_id, position_seconds, duration_seconds, completed,
    play_count, in_progress, hidden_from_continue, last_played_at, updated_at)
VALUES (%(user_id)s, %(movie_id)s, %(position_seconds)s, %(duration_seconds)s, %(completed)s,
    %(play_count)s, %(in_progress)s, %(hidden_from_continue)s, %(last_played_at)s, %(now)s)
ON CONFLICT (user_id, movie_id) DO UPDATE SET
    position_seconds = EXCLUDED.position_seconds, duration_seconds = EXCLUDED.duration_seconds,
    completed = EXCLUDED.completed, play_count = EXCLUDED.play_count,
    in_progress = EXCLUDED.in_progress, hidden_from_continue = EXCLUDED.hidden_from_continue,
    last_played_at = EXCLUDED.last_played_at, updated_at = EXCLUDED.updated_at"""


class PostgresWatchStateRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def lock(self, user_id: str, movie_id: str) -> WatchState:
        require_uuid(movie_id)
        async with translated():
            cur = await self._conn.execute(_LOCK, (user_id, movie_id))
        return msgspec.convert(await cur.fetchone(), WatchState)

    async def save(self, user_id: str, movie_id: str, state: WatchState,
                   now: datetime) -> None:
        params = {**msgspec.structs.asdict(state), "user_id": user_id, "movie_id": movie_id,
                  "now": now}
        async with translated():
            await self._conn.execute(_SAVE, params)

    async def add_history(self, entry_id: str, user_id: str, movie_id: str,
                          watched_at: datetime, source: WatchSource) -> None:
        async with translated():
            await self._conn.execute(
                "INSERT INTO watch_history (id, user_id, movie_id, watched_at, source) "
                "VALUES (%s, %s, %s, %s, %s)", (entry_id, user_id, movie_id, watched_at, source))

    async def states_for_movie(self, movie_id: str) -> dict[str, WatchState]:
        require_uuid(movie_id)
        cur = await self._conn.execute(_STATES_FOR_MOVIE, (movie_id,))
        return {row["user_id"]: msgspec.convert(row, WatchState) for row in await cur.fetchall()}


class _PerUserRows:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def _delete(self, table: str, user_id: str, movie_id: str) -> None:
        require_uuid(movie_id)
        cur = await self._conn.execute(
            f"DELETE FROM {table} WHERE user_id = %s AND movie_id = %s",  # noqa: S608
            (user_id, movie_id))
        if cur.rowcount == 0:
            found = await self._conn.execute("SELECT 1 FROM movies WHERE id = %s", (movie_id,))
            if await found.fetchone() is None:
                raise NotFound("no such movie", field="movie_id")


class PostgresWatchlistRepository(_PerUserRows):
    async def add(self, user_id: str, movie_id: str, now: datetime) -> None:
        require_uuid(movie_id)
        async with translated():
            await self._conn.execute(
                "INSERT INTO watchlist (user_id, movie_id, added_at) VALUES (%s, %s, %s) "
                "ON CONFLICT DO NOTHING", (user_id, movie_id, now))

    async def remove(self, user_id: str, movie_id: str) -> None:
        await self._delete("watchlist", user_id, movie_id)


class PostgresRatingRepository(_PerUserRows):
    async def rate(self, user_id: str, movie_id: str, rating: int, now: datetime) -> None:
        require_uuid(movie_id)
        async with translated():
            await self._conn.execute(
                "INSERT INTO user_ratings (user_id, movie_id, rating, rated_at) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (user_id, movie_id) DO UPDATE "
                "SET rating = EXCLUDED.rating, rated_at = EXCLUDED.rated_at",
                (user_id, movie_id, rating, now))

    async def unrate(self, user_id: str, movie_id: str) -> None:
        await self._delete("user_ratings", user_id, movie_id)


# %(s)s is the source movie, %(t)s the target. Rows the target already has win.
_MOVE_DEPENDENTS = (
    "UPDATE movie_files SET movie_id = %(t)s WHERE movie_id = %(s)s",
    "UPDATE watch_history SET movie_id = %(t)s WHERE movie_id = %(s)s",
    "INSERT INTO watchlist (user_id, movie_id, added_at) SELECT user_id, %(t)s, added_at "
    "FROM watchlist WHERE movie_id = %(s)s ON CONFLICT DO NOTHING",
    "INSERT INTO user_ratings (user_id, movie_id, rating, rated_at) "
    "SELECT user_id, %(t)s, rating, rated_at FROM user_ratings WHERE movie_id = %(s)s "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO collection_members (collection_id, movie_id, position) "
    "SELECT collection_id, %(t)s, position FROM collection_members WHERE movie_id = %(s)s "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO movie_genres (movie_id, genre_id) SELECT %(t)s, genre_id FROM movie_genres "
    "WHERE movie_id = %(s)s AND NOT EXISTS (SELECT 1 FROM movie_genres WHERE movie_id = %(t)s)",
    "INSERT INTO movie_credits (movie_id, kind, position, person_id, character, job, "
    "department) SELECT %(t)s, kind, position, person_id, character, job, department "
    "FROM movie_credits WHERE movie_id = %(s)s "
    "AND NOT EXISTS (SELECT 1 FROM movie_credits WHERE movie_id = %(t)s)",
)


class PostgresMovieMerger:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def move_dependents(self, source_id: str, target_id: str) -> None:
        params = {"s": require_uuid(source_id), "t": require_uuid(target_id)}
        for statement in _MOVE_DEPENDENTS:
            await self._conn.execute(statement, params)

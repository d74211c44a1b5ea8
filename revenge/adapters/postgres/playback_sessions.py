"""`PlaybackSessions` in PostgreSQL (migration 0018), so every replica sees them."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec

from revenge.adapters.postgres.database import Database
from revenge.domain.playback.sessions import PlaybackSession

_SELECT = "SELECT plan, owner, last_active, position FROM playback_sessions "
_ORDER = " ORDER BY started_at, id"
_ONE = _SELECT + "WHERE id = %(id)s"
_ALL = _SELECT + _ORDER
_OWNED = _SELECT + "WHERE owner = %(owner)s" + _ORDER
_DELETE = """
DELETE FROM playback_sessions WHERE id = %(id)s RETURNING plan, owner, last_active, position
"""
_INSERT = """
INSERT INTO playback_sessions (id, user_id, owner, started_at, last_active, position, plan)
VALUES (%(id)s, %(user_id)s, %(owner)s, %(started_at)s, %(last_active)s, %(position)s,
        %(plan)s)
"""
_TOUCH = """
UPDATE playback_sessions SET last_active = GREATEST(last_active, %(now)s),
       position = COALESCE(%(position)s, position)
WHERE id = %(id)s
"""
_CLAIM = """
UPDATE playback_sessions SET owner = %(owner)s WHERE id = %(id)s AND owner = %(previous)s
"""


class PostgresPlaybackSessions:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def add(self, session: PlaybackSession) -> None:
        async with self._database.connection() as conn:
            await conn.execute(_INSERT, {
                "id": session.id, "user_id": session.user_id, "owner": session.owner,
                "started_at": session.started_at, "last_active": session.last_active,
                "position": session.position, "plan": msgspec.msgpack.encode(session)})

    async def get(self, session_id: str) -> PlaybackSession | None:
        if not _is_uuid(session_id):
            return None
        rows = await self._select(_ONE, {"id": session_id})
        return rows[0] if rows else None

    async def touch(self, session_id: str, now: float, position: float | None = None
                    ) -> None:
        async with self._database.connection() as conn:
            await conn.execute(_TOUCH, {"id": session_id, "now": now, "position": position})

    async def remove(self, session_id: str) -> PlaybackSession | None:
        if not _is_uuid(session_id):
            return None
        async with self._database.connection() as conn:
            cursor = await conn.execute(_DELETE, {"id": session_id})
            row = await cursor.fetchone()
        return None if row is None else _session(row)

    async def all(self) -> list[PlaybackSession]:
        return await self._select(_ALL, {})

    async def owned_by(self, owner: str) -> list[PlaybackSession]:
        return await self._select(_OWNED, {"owner": owner})

    async def claim(self, session_id: str, previous_owner: str, owner: str) -> bool:
        async with self._database.connection() as conn:
            cursor = await conn.execute(_CLAIM, {"id": session_id, "previous": previous_owner,
                                                 "owner": owner})
            return cursor.rowcount == 1

    async def _select(self, query: str, params: dict[str, Any]) -> list[PlaybackSession]:
        async with self._database.connection() as conn:
            cursor = await conn.execute(query, params)
            rows = await cursor.fetchall()
        return [_session(row) for row in rows]


def _session(row: dict[str, Any]) -> PlaybackSession:
    plan = msgspec.msgpack.decode(row["plan"], type=PlaybackSession)
    return msgspec.structs.replace(plan, owner=row["owner"], last_active=row["last_active"],
                                   position=row["position"])


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True

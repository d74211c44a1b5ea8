"""`DisplayPreferencesStore` in PostgreSQL (migration 0021). The entry cap is checked in
the statement that stores, under a lock on the user's row, so two apps saving at once
cannot both take the last place."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from revenge.adapters.postgres.database import Database

_GET = """
SELECT body FROM display_preferences
WHERE user_id = %(user)s AND client = %(client)s AND preferences_id = %(id)s"""

_LOCK_USER = "SELECT 1 FROM users WHERE id = %(user)s FOR UPDATE"

_PUT = """
INSERT INTO display_preferences (user_id, client, preferences_id, body, updated_at)
SELECT %(user)s, %(client)s, %(id)s, %(body)s, %(now)s
WHERE EXISTS (SELECT 1 FROM display_preferences WHERE user_id = %(user)s
                AND client = %(client)s AND preferences_id = %(id)s)
   OR (SELECT count(*) FROM display_preferences WHERE user_id = %(user)s) < %(max)s
ON CONFLICT (user_id, client, preferences_id)
DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
RETURNING 1"""


class PostgresDisplayPreferences:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def get(self, user_id: str, client: str, preferences_id: str
                  ) -> dict[str, Any] | None:
        async with self._database.connection() as conn:
            cur = await conn.execute(_GET, {"user": user_id, "client": client,
                                            "id": preferences_id})
            row = await cur.fetchone()
        return None if row is None else dict(row["body"])

    async def put(self, user_id: str, client: str, preferences_id: str,
                  body: dict[str, Any], now: datetime, *, max_entries: int) -> bool:
        params = {"user": user_id, "client": client, "id": preferences_id,
                  "body": Jsonb(body), "now": now, "max": max_entries}
        async with self._database.transaction() as conn:
            await conn.execute(_LOCK_USER, params)
            cur = await conn.execute(_PUT, params)
            return await cur.fetchone() is not None

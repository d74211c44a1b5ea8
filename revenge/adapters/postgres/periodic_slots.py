"""`PeriodicSlots` in PostgreSQL (migration 0019): one statement moves a job's slot
forward, so of several workers claiming the same slot at once exactly one succeeds."""

from __future__ import annotations

from revenge.adapters.postgres.database import Database

_CLAIM = """
INSERT INTO periodic_slots (actor, slot) VALUES (%(actor)s, %(slot)s)
ON CONFLICT (actor) DO UPDATE SET slot = EXCLUDED.slot
WHERE periodic_slots.slot < EXCLUDED.slot
RETURNING slot
"""


class PostgresPeriodicSlots:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def claim(self, actor: str, slot: int) -> bool:
        async with self._database.connection() as conn:
            cursor = await conn.execute(_CLAIM, {"actor": actor, "slot": slot})
            return await cursor.fetchone() is not None

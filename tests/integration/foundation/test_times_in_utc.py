"""Issue 20, finding 19: one time format everywhere, RFC 3339 UTC. PostgreSQL renders a
timestamptz in the session's TimeZone; the pool reads every one back in UTC, so a server
(or role) set to another zone cannot change what the API says."""

from __future__ import annotations

from datetime import UTC

import psycopg

from revenge.adapters.postgres.database import Database


def _in_zone(url: str, zone: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    info["options"] = f"-c TimeZone={zone}"
    return psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})


async def test_times_read_from_a_server_in_another_zone_come_back_in_utc(
        database_url: str) -> None:
    database = Database(_in_zone(database_url, "Asia/Kolkata"), min_size=1, max_size=1)
    await database.open()
    try:
        async with database.connection() as conn:
            zone = await (await conn.execute("SHOW TimeZone")).fetchone()
            row = await (await conn.execute(
                "SELECT now() AS text_now, NULL::timestamptz AS missing")).fetchone()
            binary = await (await conn.cursor(binary=True).execute(
                "SELECT now() AS binary_now")).fetchone()
    finally:
        await database.close()
    assert zone == {"TimeZone": "Asia/Kolkata"}
    assert row is not None and binary is not None and row["missing"] is None
    assert row["text_now"].tzinfo is UTC and binary["binary_now"].tzinfo is UTC

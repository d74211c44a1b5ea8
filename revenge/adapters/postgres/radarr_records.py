"""The Radarr context's own records in PostgreSQL: the connection, the sync's state,
links, conflicts, webhook deliveries and downloads (migration 0010)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

import msgspec
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from revenge.adapters.postgres.database import Connection
from revenge.application.radarr.records import Delivery, DownloadState, SyncState
from revenge.domain.errors import NotFound
from revenge.domain.radarr.paths import PathMapping
from revenge.domain.radarr.settings import RadarrSettings
from revenge.domain.radarr.state import Link, SyncConflict

_SETTINGS = """
SELECT url, api_key_sealed, path_mappings, sync_interval_minutes, enabled, updated_at
FROM radarr_settings"""
_SAVE_SETTINGS = """
INSERT INTO radarr_settings (singleton, url, api_key_sealed, path_mappings,
                             sync_interval_minutes, enabled, updated_at)
VALUES (true, %s, %s, %s, %s, %s, %s)
ON CONFLICT (singleton) DO UPDATE SET url = EXCLUDED.url,
    api_key_sealed = EXCLUDED.api_key_sealed, path_mappings = EXCLUDED.path_mappings,
    sync_interval_minutes = EXCLUDED.sync_interval_minutes, enabled = EXCLUDED.enabled,
    updated_at = EXCLUDED.updated_at"""
_STATE = """
SELECT watermark, sync_requested_at, last_started_at, last_finished_at, last_full_at,
       last_mode, last_status, last_error, last_counts, radarr_version
FROM radarr_sync_state"""
_SAVE_STATE = """
UPDATE radarr_sync_state SET watermark = %(watermark)s,
    sync_requested_at = %(sync_requested_at)s, last_started_at = %(last_started_at)s,
    last_finished_at = %(last_finished_at)s, last_full_at = %(last_full_at)s,
    last_mode = %(last_mode)s, last_status = %(last_status)s, last_error = %(last_error)s,
    last_counts = %(last_counts)s, radarr_version = %(radarr_version)s"""


async def _rows(conn: Connection, statement: str, params: Any = None) -> list[dict[str, Any]]:
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(statement, params)
        return await cur.fetchall()


class PostgresRadarrSettings:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def get(self) -> RadarrSettings | None:
        rows = await _rows(self._conn, _SETTINGS)
        if not rows:
            return None
        row = rows[0]
        return RadarrSettings(
            url=row["url"], api_key=row["api_key_sealed"], enabled=row["enabled"],
            path_mappings=msgspec.convert(row["path_mappings"], tuple[PathMapping, ...]),
            sync_interval_minutes=row["sync_interval_minutes"], updated_at=row["updated_at"])

    async def save(self, settings: RadarrSettings) -> None:
        mappings = Jsonb(msgspec.to_builtins(settings.path_mappings))
        await self._conn.execute(_SAVE_SETTINGS, (
            settings.url, settings.api_key, mappings, settings.sync_interval_minutes,
            settings.enabled, settings.updated_at))


class PostgresSyncState:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def lock(self) -> SyncState:
        await self._conn.execute(
            "INSERT INTO radarr_sync_state DEFAULT VALUES ON CONFLICT DO NOTHING")
        (row,) = await _rows(self._conn, _STATE + " FOR UPDATE")
        return msgspec.convert(row, SyncState)

    async def save(self, state: SyncState) -> None:
        values = msgspec.structs.asdict(state)
        values["last_counts"] = Jsonb(values["last_counts"])
        await self._conn.execute(_SAVE_STATE, values)

    async def claim_request(self, previous: datetime | None, now: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE radarr_sync_state SET sync_requested_at = %s "
            "WHERE sync_requested_at IS NOT DISTINCT FROM %s RETURNING 1", (now, previous))
        return await cur.fetchone() is not None


_LINKS = """
SELECT radarr_movie_id, movie_id::text, tmdb_id, radarr_file_id, remote_path, local_path
FROM radarr_links"""
_SAVE_LINK = """
INSERT INTO radarr_links (radarr_movie_id, movie_id, tmdb_id, radarr_file_id, remote_path,
                          local_path, updated_at)
VALUES (%s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (radarr_movie_id) DO UPDATE SET movie_id = EXCLUDED.movie_id,
    tmdb_id = EXCLUDED.tmdb_id, radarr_file_id = EXCLUDED.radarr_file_id,
    remote_path = EXCLUDED.remote_path, local_path = EXCLUDED.local_path,
    updated_at = EXCLUDED.updated_at"""


def _link(row: dict[str, Any]) -> Link:
    return Link(radarr_movie_id=row["radarr_movie_id"], movie_id=row["movie_id"],
                tmdb_id=row["tmdb_id"], radarr_file_id=row["radarr_file_id"],
                remote_path=row["remote_path"], local_path=row["local_path"])


class PostgresLinks:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def for_radarr(self, radarr_ids: Collection[int] | None) -> list[Link]:
        if radarr_ids is None:
            rows = await _rows(self._conn, _LINKS)
        else:
            rows = await _rows(self._conn, _LINKS + " WHERE radarr_movie_id = ANY(%s)",
                               (list(radarr_ids),))
        return [_link(row) for row in rows]

    async def for_paths(self, paths: Collection[str]) -> list[Link]:
        rows = await _rows(self._conn, _LINKS + " WHERE local_path = ANY(%s)",
                           (list(paths),))
        return [_link(row) for row in rows]

    async def save(self, links: Sequence[Link], now: datetime) -> None:
        async with self._conn.cursor() as cur:
            await cur.executemany(_SAVE_LINK, [
                (link.radarr_movie_id, link.movie_id, link.tmdb_id, link.radarr_file_id,
                 link.remote_path, link.local_path, now) for link in links])

    async def remove(self, radarr_ids: Collection[int]) -> None:
        await self._conn.execute("DELETE FROM radarr_links WHERE radarr_movie_id = ANY(%s)",
                                 (list(radarr_ids),))


CONFLICTS = """
SELECT key, kind, radarr_movie_id, movie_id::text, tmdb_id, radarr_path, our_paths, detail,
       opened_at
FROM radarr_conflicts"""
_SAVE_CONFLICT = """
INSERT INTO radarr_conflicts (key, kind, radarr_movie_id, movie_id, tmdb_id, radarr_path,
                              our_paths, detail, opened_at)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, movie_id = EXCLUDED.movie_id,
    tmdb_id = EXCLUDED.tmdb_id, radarr_path = EXCLUDED.radarr_path,
    our_paths = EXCLUDED.our_paths, detail = EXCLUDED.detail"""


def conflict_of(row: dict[str, Any]) -> SyncConflict:
    return SyncConflict(kind=row["kind"], radarr_movie_id=row["radarr_movie_id"],
                        detail=row["detail"], movie_id=row["movie_id"], tmdb_id=row["tmdb_id"],
                        radarr_path=row["radarr_path"], our_paths=tuple(row["our_paths"]))


class PostgresConflicts:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def open_for(self, radarr_ids: Collection[int] | None) -> list[SyncConflict]:
        where = "" if radarr_ids is None else " WHERE radarr_movie_id = ANY(%s)"
        params = None if radarr_ids is None else (list(radarr_ids),)
        rows = await _rows(self._conn, CONFLICTS + where, params)
        return [conflict_of(row) for row in rows]

    async def save(self, conflicts: Sequence[SyncConflict], now: datetime) -> None:
        async with self._conn.cursor() as cur:
            await cur.executemany(_SAVE_CONFLICT, [
                (c.key, c.kind, c.radarr_movie_id, c.movie_id, c.tmdb_id, c.radarr_path,
                 list(c.our_paths), c.detail, now) for c in conflicts])

    async def close(self, keys: Collection[str]) -> None:
        await self._conn.execute("DELETE FROM radarr_conflicts WHERE key = ANY(%s)",
                                 (list(keys),))


DELIVERIES = """
SELECT key, event_type, summary, event::text AS event, received_at, radarr_movie_id, job_id,
       applied_at, outcome
FROM radarr_deliveries"""


def delivery_of(row: dict[str, Any]) -> Delivery:
    return Delivery(key=row["key"], event_type=row["event_type"], summary=row["summary"],
                    event=row["event"].encode(), received_at=row["received_at"],
                    radarr_movie_id=row["radarr_movie_id"], job_id=row["job_id"],
                    applied_at=row["applied_at"], outcome=row["outcome"])


class PostgresDeliveries:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, delivery: Delivery) -> bool:
        cur = await self._conn.execute(
            "INSERT INTO radarr_deliveries (key, event_type, radarr_movie_id, summary, event, "
            "received_at) VALUES (%s, %s, %s, %s, %s::jsonb, %s) "
            "ON CONFLICT (key) DO NOTHING RETURNING 1",
            (delivery.key, delivery.event_type, delivery.radarr_movie_id, delivery.summary,
             delivery.event.decode(), delivery.received_at))
        return await cur.fetchone() is not None

    async def get(self, key: str) -> Delivery:
        rows = await _rows(self._conn, DELIVERIES + " WHERE key = %s FOR UPDATE", (key,))
        if not rows:
            raise NotFound(f"no webhook delivery {key}")
        return delivery_of(rows[0])

    async def set_job(self, key: str, job_id: str) -> None:
        await self._conn.execute("UPDATE radarr_deliveries SET job_id = %s WHERE key = %s",
                                 (job_id, key))

    async def mark_applied(self, key: str, at: datetime,
                           outcome: Mapping[str, int | str]) -> None:
        await self._conn.execute(
            "UPDATE radarr_deliveries SET applied_at = %s, outcome = %s WHERE key = %s",
            (at, Jsonb(dict(outcome)), key))


_SAVE_DOWNLOAD = """
INSERT INTO radarr_downloads (radarr_movie_id, tmdb_id, title, status, release_title, quality,
                              download_client, download_id, updated_at)
VALUES (%(radarr_movie_id)s, %(tmdb_id)s, %(title)s, %(status)s, %(release_title)s,
        %(quality)s, %(download_client)s, %(download_id)s, %(updated_at)s)
ON CONFLICT (radarr_movie_id) DO UPDATE SET tmdb_id = EXCLUDED.tmdb_id,
    title = EXCLUDED.title, status = EXCLUDED.status, release_title = EXCLUDED.release_title,
    quality = EXCLUDED.quality, download_client = EXCLUDED.download_client,
    download_id = EXCLUDED.download_id, updated_at = EXCLUDED.updated_at"""


class PostgresDownloads:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def save(self, download: DownloadState) -> None:
        await self._conn.execute(_SAVE_DOWNLOAD, msgspec.structs.asdict(download))

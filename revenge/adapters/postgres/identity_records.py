"""The audit log (append-only), settings documents and the mail outbox in PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import uuid_utils
from psycopg import sql
from psycopg.types.json import Jsonb

from revenge.adapters.postgres.database import Connection, Database
from revenge.adapters.postgres.identity_rows import as_uuid, to_struct
from revenge.application.identity.cursors import decode_cursor, encode_cursor
from revenge.application.identity.ports import Mail, Page
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditEvent, AuditFilter

_EVENT = sql.SQL("SELECT id::text, type, occurred_at, actor_id::text, subject_id::text, ip,"
                 " user_agent, details FROM audit_events")


class PostgresAuditLog:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def append(self, e: AuditEvent) -> None:
        await self._conn.execute(
            "INSERT INTO audit_events (id, type, occurred_at, actor_id, subject_id, ip,"
            " user_agent, details) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (e.id, e.type.value, e.occurred_at, e.actor_id, e.subject_id, e.ip, e.user_agent,
             Jsonb(e.details)))

    async def page(self, where: AuditFilter, limit: int, cursor: str | None
                   ) -> Page[AuditEvent]:
        conditions, params = _conditions(where)
        total = await self._count(conditions, params)
        if cursor:
            conditions.append(sql.SQL("(occurred_at, id) < (%s, %s::uuid)"))
            params.extend(_after(cursor))
        query = sql.SQL("{} {} ORDER BY occurred_at DESC, id DESC LIMIT %s").format(
            _EVENT, _where(conditions))
        cur = await self._conn.execute(query, [*params, limit + 1])
        events = [to_struct(row, AuditEvent) for row in await cur.fetchall()]
        more = len(events) > limit
        events = events[:limit]
        last = events[-1] if events else None
        return Page(items=events, total=total, next_cursor=(
            encode_cursor(last.occurred_at.isoformat(), last.id) if more and last else None))

    async def _count(self, conditions: list[sql.Composable], params: list[Any]) -> int:
        query = sql.SQL("SELECT count(*) AS n FROM audit_events {}").format(_where(conditions))
        cur = await self._conn.execute(query, params)
        row = await cur.fetchone()
        return int(row["n"]) if row else 0


def _conditions(where: AuditFilter) -> tuple[list[sql.Composable], list[Any]]:
    conditions: list[sql.Composable] = []
    params: list[Any] = []
    if where.user_id is not None:
        conditions.append(sql.SQL("(actor_id = %s::uuid OR subject_id = %s::uuid)"))
        params += [as_uuid(where.user_id, "user_id")] * 2
    if where.type is not None:
        conditions.append(sql.SQL("type = %s"))
        params.append(where.type.value)
    if where.since is not None:
        conditions.append(sql.SQL("occurred_at >= %s"))
        params.append(where.since)
    if where.until is not None:
        conditions.append(sql.SQL("occurred_at < %s"))
        params.append(where.until)
    return conditions, params


def _where(conditions: list[sql.Composable]) -> sql.Composable:
    if not conditions:
        return sql.SQL("")
    return sql.SQL("WHERE ") + sql.SQL(" AND ").join(conditions)


def _after(cursor: str) -> list[Any]:
    at, event_id = decode_cursor(cursor, 2)
    try:
        return [datetime.fromisoformat(at), as_uuid(event_id)]
    except ValueError:
        raise RuleViolation("invalid cursor", field="cursor") from None


class PostgresSettingsStore:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def server(self) -> dict[str, Any]:
        cur = await self._conn.execute("SELECT key, value FROM server_settings")
        return {row["key"]: row["value"] for row in await cur.fetchall()}

    async def save_server(self, values: dict[str, Any], now: datetime) -> None:
        for key, value in values.items():
            await self._conn.execute(
                "INSERT INTO server_settings (key, value, updated_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,"
                " updated_at = EXCLUDED.updated_at", (key, Jsonb(value), now))

    async def of_user(self, user_id: str) -> dict[str, Any]:
        cur = await self._conn.execute(
            "SELECT value FROM user_settings WHERE user_id = %s", (user_id,))
        row = await cur.fetchone()
        return dict(row["value"]) if row else {}

    async def save_user(self, user_id: str, values: dict[str, Any], now: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO user_settings (user_id, value, updated_at) VALUES (%s, %s, %s)"
            " ON CONFLICT (user_id) DO UPDATE SET value = EXCLUDED.value,"
            " updated_at = EXCLUDED.updated_at", (user_id, Jsonb(values), now))


class PostgresMailRecorder:
    """Keeps mails in `mail_outbox` (own transaction: recorded even if the caller's
    work later fails, since the mail was already promised)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def record(self, mail: Mail) -> None:
        async with self._database.transaction() as conn:
            await conn.execute(
                "INSERT INTO mail_outbox (id, recipient, subject, body, created_at)"
                " VALUES (%s, %s, %s, %s, now())",
                (str(uuid_utils.uuid7()), mail.to, mail.subject, mail.body))

"""In-memory twins of the audit log, settings store and mail outbox."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from revenge.application.identity.cursors import decode_cursor, encode_cursor
from revenge.application.identity.ports import Mail, Page
from revenge.domain.identity.audit import AuditEvent, AuditFilter

log = logging.getLogger(__name__)


class InMemoryAuditLog:
    def __init__(self, events: dict[str, AuditEvent]) -> None:
        self._events = events

    async def append(self, event: AuditEvent) -> None:
        self._events.setdefault(event.id, event)

    async def page(self, where: AuditFilter, limit: int, cursor: str | None
                   ) -> Page[AuditEvent]:
        matching = sorted((e for e in self._events.values() if _matches(e, where)),
                          key=_sort_key, reverse=True)
        if cursor:
            at, event_id = decode_cursor(cursor, 2)
            after = (datetime.fromisoformat(at), event_id)
            remaining = [e for e in matching if _sort_key(e) < after]
        else:
            remaining = matching
        items = remaining[:limit]
        more = len(remaining) > limit
        last = items[-1] if items else None
        return Page(items=items, total=len(matching), next_cursor=(
            encode_cursor(last.occurred_at.isoformat(), last.id) if more and last else None))


def _sort_key(event: AuditEvent) -> tuple[datetime, str]:
    return (event.occurred_at, event.id)


def _matches(event: AuditEvent, where: AuditFilter) -> bool:
    return ((where.user_id is None or where.user_id in (event.actor_id, event.subject_id))
            and (where.type is None or event.type == where.type)
            and (where.since is None or event.occurred_at >= where.since)
            and (where.until is None or event.occurred_at < where.until))


class InMemorySettingsStore:
    def __init__(self, server: dict[str, Any], users: dict[str, dict[str, Any]]) -> None:
        self._server = server
        self._users = users

    async def server(self) -> dict[str, Any]:
        return dict(self._server)

    async def save_server(self, values: dict[str, Any], now: datetime) -> None:
        self._server.update(values)

    async def of_user(self, user_id: str) -> dict[str, Any]:
        return dict(self._users.get(user_id, {}))

    async def save_user(self, user_id: str, values: dict[str, Any], now: datetime) -> None:
        self._users[user_id] = dict(values)


class InMemoryMailOutbox:
    """Records mails (tests read `sent`); the memory profile's Mailer."""

    def __init__(self) -> None:
        self.sent: list[Mail] = []

    async def send(self, mail: Mail) -> None:
        log.info("mail to %s recorded (no SMTP configured): %s", mail.to, mail.subject)
        self.sent.append(mail)

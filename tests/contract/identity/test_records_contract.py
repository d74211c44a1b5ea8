"""AuditLog, SettingsStore and Throttle: memory twins and real adapters."""

from __future__ import annotations

import psycopg
import pytest

from revenge.adapters.postgres.database import Database
from revenge.application.identity.ports import Throttle, UnitOfWorkFactory
from revenge.domain.identity.audit import AuditEvent, AuditFilter, AuditType
from revenge.domain.identity.throttling import ThrottleRule
from tests.contract.identity.conftest import later, new_id


def an_event(minute: int, type_: AuditType = AuditType.LOGIN_SUCCEEDED,
             actor: str | None = None) -> AuditEvent:
    return AuditEvent(id=new_id(), type=type_, occurred_at=later(minute), actor_id=actor,
                      subject_id=actor, ip="203.0.113.9", user_agent="curl",
                      details={"session_id": "s"})


async def logged(uow: UnitOfWorkFactory, *events: AuditEvent) -> None:
    async with uow() as tx:
        for event in events:
            await tx.audit.append(event)
        await tx.commit()


async def test_audit_events_page_newest_first_with_a_cursor(uow: UnitOfWorkFactory) -> None:
    events = [an_event(n) for n in range(5)]
    await logged(uow, *events)
    async with uow() as tx:
        first = await tx.audit.page(AuditFilter(), 2, None)
        rest = await tx.audit.page(AuditFilter(), 10, first.next_cursor)
    assert first.items + rest.items == list(reversed(events))
    assert first.total == 5 and rest.next_cursor is None


async def test_audit_events_filter_by_user_type_and_time(uow: UnitOfWorkFactory) -> None:
    alice, bob = new_id(), new_id()
    events = [an_event(1, actor=alice), an_event(2, AuditType.LOGIN_FAILED, bob),
              an_event(3, AuditType.LOGIN_FAILED, alice)]
    await logged(uow, *events)
    async with uow() as tx:
        by_user = await tx.audit.page(AuditFilter(user_id=alice), 10, None)
        by_type = await tx.audit.page(AuditFilter(type=AuditType.LOGIN_FAILED), 10, None)
        by_time = await tx.audit.page(AuditFilter(since=later(2), until=later(3)), 10, None)
    assert [e.id for e in by_user.items] == [events[2].id, events[0].id]
    assert [e.id for e in by_type.items] == [events[2].id, events[1].id]
    assert [e.id for e in by_time.items] == [events[1].id]


async def test_the_audit_table_refuses_updates_and_deletes(database: Database) -> None:
    async with database.transaction() as conn:
        await conn.execute(
            "INSERT INTO audit_events (id, type, occurred_at) VALUES (%s, 'logout', now())",
            (new_id(),))
    for statement in ("UPDATE audit_events SET type = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            async with database.transaction() as conn:
                await conn.execute(statement)


async def test_settings_documents_round_trip(uow: UnitOfWorkFactory) -> None:
    user_id = new_id()
    async with uow() as tx:
        assert await tx.settings.server() == {}
        await tx.settings.save_server({"open_registration": True, "ip_login_failures": 5},
                                      later(0))
        await tx.settings.save_server({"ip_login_failures": 7}, later(1))
        await tx.commit()
    async with uow() as tx:
        assert await tx.settings.server() == {"open_registration": True, "ip_login_failures": 7}
        assert await tx.settings.of_user(user_id) == {}


RULE = ThrottleRule(limit=3, window_seconds=60, block_seconds=120)


async def test_a_key_is_blocked_when_its_failures_reach_the_limit(throttle: Throttle) -> None:
    assert [await throttle.fail("k", RULE) for _ in range(3)] == [0, 0, 120]
    assert 110 < await throttle.blocked_for("k") <= 120
    assert await throttle.blocked_for("other") == 0


async def test_reset_clears_failures_and_blocks(throttle: Throttle) -> None:
    for _ in range(3):
        await throttle.fail("k", RULE)
    await throttle.reset("k")
    assert await throttle.blocked_for("k") == 0
    assert await throttle.fail("k", RULE) == 0


async def test_remembered_keys_are_remembered(throttle: Throttle) -> None:
    assert await throttle.remembers("known") is False
    await throttle.remember("known", 60)
    assert await throttle.remembers("known") is True

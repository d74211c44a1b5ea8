"""Every identity port, run against its in-memory twin and its real adapter."""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
import uuid_utils

from revenge.adapters.memory.identity_throttle import InMemoryThrottle
from revenge.adapters.memory.identity_unit_of_work import InMemoryIdentityUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.identity_unit_of_work import PostgresIdentityUnitOfWork
from revenge.adapters.redis.client import create_redis_client
from revenge.adapters.redis.throttle import RedisThrottle
from revenge.application.identity.ports import Throttle, UnitOfWorkFactory
from revenge.domain.identity.roles import USER_ROLE_ID
from revenge.domain.identity.users import User

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

_SEED_ROLES = """INSERT INTO roles (id, name, description, permissions, builtin) VALUES
    ('00000000-0000-7000-8000-000000000001', 'admin', '', '{}', true),
    ('00000000-0000-7000-8000-000000000002', 'user', '', '{}', true),
    ('00000000-0000-7000-8000-000000000003', 'guest', '', '{}', true)
    ON CONFLICT DO NOTHING"""


@pytest.fixture(params=["memory", "postgres"])
def uow(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    if request.param == "memory":
        return functools.partial(InMemoryIdentityUnitOfWork, InMemoryState())
    url = request.getfixturevalue("migrated_database_url")  # sync: it runs its own loop
    with psycopg.connect(url, autocommit=True) as conn:  # other suites truncate roles
        conn.execute(_SEED_ROLES)
    database: Database = request.getfixturevalue("database")
    return functools.partial(PostgresIdentityUnitOfWork, database)


@pytest.fixture(params=["memory", "redis"])
async def throttle(request: pytest.FixtureRequest) -> AsyncIterator[Throttle]:
    if request.param == "memory":
        yield InMemoryThrottle()
        return
    client = create_redis_client(request.getfixturevalue("redis_url"))
    yield RedisThrottle(client, prefix=f"test:{uuid.uuid4().hex}:")
    await client.aclose()


def new_id() -> str:
    return str(uuid_utils.uuid7())


def a_user(username: str = "alice", *, roles: tuple[str, ...] = (USER_ROLE_ID,),
           at: datetime = NOW) -> User:
    return User(id=new_id(), username=username, email=f"{username}@example.org",
                password_hash="$argon2id$fake", created_at=at, updated_at=at,
                display_name=username.title(), role_ids=roles)


async def stored(uow: UnitOfWorkFactory, *users: User) -> None:
    async with uow() as tx:
        for user in users:
            await tx.users.add(user)
        await tx.commit()


def later(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)

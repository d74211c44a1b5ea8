"""Every MFA port, run against its in-memory twin and its PostgreSQL adapter."""

from __future__ import annotations

import functools

import psycopg
import pytest

from revenge.adapters.memory.mfa_unit_of_work import InMemoryMfaUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.mfa_unit_of_work import PostgresMfaUnitOfWork
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.identity.users import User
from tests.contract.identity.conftest import _SEED_ROLES, NOW, a_user, later, new_id, stored

__all__ = ["NOW", "a_user", "later", "new_id", "stored"]


@pytest.fixture(params=["memory", "postgres"])
def uow(request: pytest.FixtureRequest) -> MfaUnitOfWorkFactory:
    if request.param == "memory":
        return functools.partial(InMemoryMfaUnitOfWork, InMemoryState())
    url = request.getfixturevalue("migrated_database_url")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(_SEED_ROLES)
    database: Database = request.getfixturevalue("database")
    return functools.partial(PostgresMfaUnitOfWork, database)


@pytest.fixture
async def alice(uow: MfaUnitOfWorkFactory) -> User:
    user = a_user("alice")
    await stored(uow, user)  # type: ignore[arg-type]
    return user

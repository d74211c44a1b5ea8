"""Registrations racing on an empty server: exactly one becomes admin."""

from __future__ import annotations

import asyncio

from revenge.adapters.crypto.common_passwords import FileCommonPasswords
from revenge.adapters.crypto.passwords import Argon2PasswordHasher
from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.memory.cache import InMemoryCache
from revenge.application.identity.common import Kit
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.register_user import RegisterUser, RegisterUserCommand
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.shared.clock import utc_now
from revenge.domain.errors import Forbidden

RACERS = 8


def registration(uow: UnitOfWorkFactory) -> RegisterUser:
    return RegisterUser(uow, PasswordPolicy(FileCommonPasswords()),
                        Argon2PasswordHasher(time_cost=1, memory_kib=8192),
                        ServerSettingsReader(uow, InMemoryCache()),
                        Kit(utc_now, Uuid7Ids()))


async def register(use_case: RegisterUser, n: int) -> list[str] | None:
    try:
        user = await use_case.execute(RegisterUserCommand(
            username=f"racer{n}", email=f"racer{n}@example.org",
            password="a long and unusual passphrase"))
    except Forbidden:
        return None  # registration closed: someone else was first
    return [role.name for role in user.roles]


async def test_concurrent_first_registrations_make_exactly_one_admin(
        uow: UnitOfWorkFactory) -> None:
    use_case = registration(uow)
    outcomes = await asyncio.gather(*(register(use_case, n) for n in range(RACERS)))
    assert [o for o in outcomes if o is not None] == [["admin"]]
    async with uow() as tx:
        assert await tx.users.count() == 1

"""Identity use cases composed by the real container on the memory profile, with a
controllable clock and cheap argon2 parameters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from dependency_injector import providers

from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.memory.identity_throttle import InMemoryThrottle
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.create_user import CreateUserCommand
from revenge.application.identity.log_in import LogInCommand
from revenge.application.identity.register_user import RegisterUserCommand
from revenge.application.identity.views import TokenPair, UserView
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container

PASSWORD = "a long and unusual passphrase"
HOME = ClientInfo(ip="192.0.2.10", user_agent="pytest")


class FakeClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    now = __call__

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def identity(clock: FakeClock) -> Any:
    settings = Config(argon2_time_cost=1, argon2_memory_kib=8192)
    container = build_container(settings, "memory")
    container.identity.kit.override(providers.Object(Kit(clock, Uuid7Ids())))
    container.identity.throttle.override(providers.Object(
        InMemoryThrottle(lambda: clock.now().timestamp())))
    return container.identity


async def register(identity: Any, username: str = "alice", **extra: Any) -> UserView:
    cmd = RegisterUserCommand(username=username, email=f"{username}@example.org",
                              password=PASSWORD, client=HOME, **extra)
    user: UserView = await identity.register_user().execute(cmd)
    return user


async def create(identity: Any, admin: UserView, username: str, **extra: Any) -> UserView:
    cmd = CreateUserCommand(actor_id=admin.id, username=username,
                            email=f"{username}@example.org", password=PASSWORD, **extra)
    user: UserView = await identity.create_user().execute(cmd)
    return user


async def log_in(identity: Any, username: str = "alice", password: str = PASSWORD,
                 client: ClientInfo = HOME) -> TokenPair:
    pair: TokenPair = await identity.log_in().execute(
        LogInCommand(identifier=username, password=password, client=client))
    return pair

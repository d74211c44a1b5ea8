"""MFA use cases composed by the real container on the memory profile, with a
controllable clock, cheap argon2 parameters and an independent TOTP (tests/support) to
type codes with."""

from __future__ import annotations

from typing import Any

import pytest
from dependency_injector import providers

from revenge.adapters.crypto.backup_codes import Argon2BackupCodes
from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.memory.identity_throttle import InMemoryThrottle
from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.application.mfa.confirm_totp import ConfirmTotpCommand
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.views import TotpSetup
from revenge.application.shared.principal import Principal
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from tests.support.totp import hotp, totp_at
from tests.unit.identity.conftest import HOME, PASSWORD, FakeClock, register

__all__ = ["HOME", "PASSWORD", "FakeClock", "hotp", "register"]


def totp_now(secret_b32: str, clock: FakeClock, steps: int = 0) -> str:
    return totp_at(secret_b32, clock.now().timestamp(), steps)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def container(clock: FakeClock) -> Any:
    settings = Config(argon2_time_cost=1, argon2_memory_kib=8192)
    container = build_container(settings, "memory")
    container.identity.kit.override(providers.Object(Kit(clock, Uuid7Ids())))
    container.identity.throttle.override(providers.Object(
        InMemoryThrottle(lambda: clock.now().timestamp())))
    container.mfa.backup_hasher.override(providers.Object(Argon2BackupCodes(memory_kib=64)))
    return container


@pytest.fixture
def identity(container: Any) -> Any:
    return container.identity


@pytest.fixture
def mfa(container: Any) -> Any:
    return container.mfa


async def log_in(identity: Any, username: str = "alice", password: str = PASSWORD,
                 client: ClientInfo = HOME) -> TokenPair | MfaChallenge:
    from revenge.application.identity.log_in import LogInCommand

    result: TokenPair | MfaChallenge = await identity.log_in().execute(
        LogInCommand(identifier=username, password=password, client=client))
    return result


async def session_of(identity: Any, username: str = "alice") -> Principal:
    """A fresh password session (so factor changes are allowed for ten minutes)."""
    pair = await log_in(identity, username)
    assert isinstance(pair, TokenPair), pair
    return await principal_of(identity, pair)


async def principal_of(identity: Any, pair: TokenPair) -> Principal:
    principal: Principal | None = await identity.authenticate_request().execute(
        Credential(kind="access_token", token=pair.access_token))
    assert principal is not None
    return principal


async def enrol_totp(mfa: Any, clock: FakeClock, principal: Principal) -> str:
    """Sets up and confirms TOTP; returns the base32 secret. Moves the clock one step on,
    so the confirmation code's step is in the past for what follows."""
    setup: TotpSetup = await mfa.set_up_totp().execute(FactorCommand(principal=principal))
    await mfa.confirm_totp().execute(ConfirmTotpCommand(
        principal=principal, code=totp_now(setup.secret, clock)))
    clock.advance(seconds=30)
    return setup.secret

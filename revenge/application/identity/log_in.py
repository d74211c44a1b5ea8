"""Log in with username or e-mail and password: throttled, audited, rehashing legacy hashes.

Unknown users cost the same as known ones (a dummy hash is verified), and every failure
gets the same answer, so responses do not reveal which usernames exist. When a second
factor is required, a correct password yields an MFA challenge instead of a session; the
account's failure count is reset only once the whole login succeeds.
"""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.login_throttle import TOO_MANY, LoginKeys, LoginThrottle
from revenge.application.identity.open_session import SessionOpener
from revenge.application.identity.ports import (
    PasswordHasher,
    SecondFactorGate,
    UnitOfWorkFactory,
)
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.users import User

WRONG_CREDENTIALS = "wrong username or password"


class LogInCommand(msgspec.Struct, frozen=True, kw_only=True):
    identifier: str  # username or e-mail
    password: str
    client: ClientInfo = ClientInfo()


class NoSecondFactor:
    """The gate of a server without the MFA context: a password is enough."""

    async def challenge(self, user: User, client: ClientInfo) -> MfaChallenge | None:
        return None


class LogIn:
    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, limits: LoginThrottle,
                 settings: ServerSettingsReader, opener: SessionOpener, gate: SecondFactorGate,
                 kit: Kit) -> None:
        self._uow = uow
        self._hasher = hasher
        self._limits = limits
        self._settings = settings
        self._opener = opener
        self._gate = gate
        self._kit = kit
        self._dummy_hash: str | None = None

    async def execute(self, cmd: LogInCommand) -> TokenPair | MfaChallenge:
        """Raises AuthenticationFailed (wrong credentials, disabled) or TooManyAttempts."""
        user = await self._find(cmd.identifier)
        keys = LoginKeys(ip=cmd.client.ip, user_id=user.id if user else None,
                         identifier=cmd.identifier)
        await self._limits.check(keys)
        if not await self._verify(user, cmd.password):  # an unknown user costs the same
            await self._failed(keys, cmd)
        assert user is not None
        user = await self._rehash_if_needed(user, cmd.password)
        challenge = await self._gate.challenge(user, cmd.client)
        return challenge or await self._succeeded(keys, user, cmd.client)

    async def _find(self, identifier: str) -> User | None:
        async with self._uow() as tx:
            return await tx.users.by_login(identifier)

    async def _verify(self, user: User | None, password: str) -> bool:
        if user is None:
            await self._hasher.verify(await self._dummy(), password)
            return False
        ok = await self._hasher.verify(user.password_hash, password)
        return ok and not user.disabled

    async def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = await self._hasher.hash("not a real password, never matches")
        return self._dummy_hash

    async def _failed(self, keys: LoginKeys, cmd: LogInCommand) -> None:
        blocked = await self._limits.failed(keys)
        async with self._uow() as tx:
            await self._kit.audit(tx, AuditType.LOGIN_FAILED, cmd.client, subject=keys.user_id)
            await tx.commit()
        if blocked:
            raise TooManyAttempts(TOO_MANY, retry_after_seconds=blocked)
        raise AuthenticationFailed(WRONG_CREDENTIALS)

    async def _succeeded(self, keys: LoginKeys, user: User, client: ClientInfo) -> TokenPair:
        settings = await self._settings.current()
        async with self._uow() as tx:
            pair = await self._opener.open(tx, user, client, settings)
            await tx.commit()
        await self._limits.succeeded(keys)
        return pair

    async def _rehash_if_needed(self, user: User, password: str) -> User:
        if not self._hasher.needs_rehash(user.password_hash):
            return user
        rehashed = msgspec.structs.replace(user, password_hash=await self._hasher.hash(password))
        async with self._uow() as tx:
            await tx.users.update(rehashed)
            await self._kit.audit(tx, AuditType.PASSWORD_REHASHED, ClientInfo(), subject=user.id)
            await tx.commit()
        return rehashed

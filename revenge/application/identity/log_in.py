"""Log in with username or e-mail and password: throttled, audited, rehashing legacy hashes.

Unknown users cost the same as known ones (a dummy hash is verified), and every failure
gets the same answer, so responses do not reveal which usernames exist.
"""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import (
    IdentityUnitOfWork,
    PasswordHasher,
    Throttle,
    UnitOfWorkFactory,
)
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.session_tokens import SessionTokens
from revenge.application.identity.views import TokenPair
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.sessions import new_session
from revenge.domain.identity.settings import ServerSettings
from revenge.domain.identity.throttling import (
    KNOWN_CLIENT_SECONDS,
    account_key,
    account_rule,
    ip_key,
    known_client_key,
    login_ip_rule,
)
from revenge.domain.identity.users import User, login_key

WRONG_CREDENTIALS = "wrong username or password"


class LogInCommand(msgspec.Struct, frozen=True, kw_only=True):
    identifier: str  # username or e-mail
    password: str
    client: ClientInfo = ClientInfo()


class _Attempt(msgspec.Struct, frozen=True, kw_only=True):
    cmd: LogInCommand
    user: User | None
    settings: ServerSettings

    @property
    def ip_key(self) -> str:
        return ip_key("login", self.cmd.client.ip)

    @property
    def account_key(self) -> str:
        account = self.user.id if self.user else "unknown:" + login_key(self.cmd.identifier)
        return account_key("login", account)


class LogIn:
    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, throttle: Throttle,
                 settings: ServerSettingsReader, tokens: SessionTokens, kit: Kit) -> None:
        self._uow = uow
        self._hasher = hasher
        self._throttle = throttle
        self._settings = settings
        self._tokens = tokens
        self._kit = kit
        self._dummy_hash: str | None = None

    async def execute(self, cmd: LogInCommand) -> TokenPair:
        """Raises AuthenticationFailed (wrong credentials, disabled) or TooManyAttempts."""
        attempt = _Attempt(cmd=cmd, user=await self._find(cmd.identifier),
                           settings=await self._settings.current())
        await self._check_not_blocked(attempt)
        if not await self._verify(attempt):
            await self._failed(attempt)
        assert attempt.user is not None
        return await self._succeeded(attempt, attempt.user)

    async def _find(self, identifier: str) -> User | None:
        async with self._uow() as tx:
            return await tx.users.by_login(identifier)

    async def _check_not_blocked(self, attempt: _Attempt) -> None:
        wait = await self._throttle.blocked_for(attempt.ip_key)
        if not wait and not await self._known_client(attempt):
            wait = await self._throttle.blocked_for(attempt.account_key)
        if wait:
            raise TooManyAttempts("too many failed logins; try again later",
                                  retry_after_seconds=wait)

    async def _known_client(self, attempt: _Attempt) -> bool:
        user_id = attempt.user.id if attempt.user else ""
        return bool(user_id) and await self._throttle.remembers(
            known_client_key(user_id, attempt.cmd.client.ip))

    async def _verify(self, attempt: _Attempt) -> bool:
        if attempt.user is None:
            await self._hasher.verify(await self._dummy(), attempt.cmd.password)
            return False
        ok = await self._hasher.verify(attempt.user.password_hash, attempt.cmd.password)
        return ok and not attempt.user.disabled

    async def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = await self._hasher.hash("not a real password, never matches")
        return self._dummy_hash

    async def _failed(self, attempt: _Attempt) -> None:
        blocked = max(
            await self._throttle.fail(attempt.ip_key, login_ip_rule(attempt.settings)),
            await self._throttle.fail(attempt.account_key, account_rule(attempt.settings)),
        )
        async with self._uow() as tx:
            await self._kit.audit(tx, AuditType.LOGIN_FAILED, attempt.cmd.client,
                                  subject=attempt.user.id if attempt.user else None)
            await tx.commit()
        if blocked:
            raise TooManyAttempts("too many failed logins; try again later",
                                  retry_after_seconds=blocked)
        raise AuthenticationFailed(WRONG_CREDENTIALS)

    async def _succeeded(self, attempt: _Attempt, user: User) -> TokenPair:
        client = attempt.cmd.client
        await self._throttle.reset(attempt.account_key)
        await self._throttle.remember(known_client_key(user.id, client.ip), KNOWN_CLIENT_SECONDS)
        async with self._uow() as tx:
            user = await self._rehash_if_needed(tx, user, attempt.cmd.password)
            session = new_session(session_id=self._kit.new_id(), user_id=user.id,
                                  now=self._kit.now(), absolute=attempt.settings.absolute,
                                  ip=client.ip, user_agent=client.user_agent[:512])
            await tx.sessions.add(session)
            pair = await self._tokens.issue(tx, session, await view(tx, user))
            await self._kit.audit(tx, AuditType.LOGIN_SUCCEEDED, client, actor=user.id,
                                  subject=user.id, session_id=session.id)
            await tx.commit()
        return pair

    async def _rehash_if_needed(self, tx: IdentityUnitOfWork, user: User,
                                password: str) -> User:
        if not self._hasher.needs_rehash(user.password_hash):
            return user
        rehashed = msgspec.structs.replace(user, password_hash=await self._hasher.hash(password))
        await tx.users.update(rehashed)
        await self._kit.audit(tx, AuditType.PASSWORD_REHASHED, ClientInfo(), subject=user.id)
        return rehashed

"""Prove who you are again inside a session (password, TOTP or backup code), so that
second factors may be changed for the next ten minutes. Wrong answers count against
the login throttle."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.application.identity.accounts import get_user
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.login_throttle import TOO_MANY, LoginKeys, LoginThrottle
from revenge.application.identity.ports import PasswordHasher
from revenge.application.identity.session_cache import SessionCache
from revenge.application.mfa.code_checks import CodeVerifier
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden, RuleViolation, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.users import User
from revenge.domain.mfa.enrolment import REAUTH_WINDOW, Method


class ReauthenticateCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    password: str | None = None
    method: Method | None = None  # with `code`: totp or backup_code
    code: str | None = None
    client: ClientInfo = ClientInfo()


class Reauthenticate:
    def __init__(self, uow: MfaUnitOfWorkFactory, hasher: PasswordHasher, codes: CodeVerifier,
                 limits: LoginThrottle, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._hasher = hasher
        self._codes = codes
        self._limits = limits
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: ReauthenticateCommand) -> datetime:
        """Until when factor changes are allowed. RuleViolation for a wrong answer,
        TooManyAttempts when throttled, Forbidden for an API key."""
        session_id = cmd.principal.session_id
        if session_id is None:
            raise Forbidden("API keys cannot re-authenticate; sign in with a session")
        keys = LoginKeys(ip=cmd.client.ip, user_id=cmd.principal.user_id)
        await self._limits.check(keys)
        async with self._uow() as tx:
            user = await get_user(tx, cmd.principal.user_id)
            if await self._proved(tx, user, cmd):
                return await self._renewed(tx, session_id, cmd)
        if blocked := await self._limits.failed(keys):
            raise TooManyAttempts(TOO_MANY, retry_after_seconds=blocked)
        raise RuleViolation("that is not right", field="code" if cmd.method else "password")

    async def _proved(self, tx: MfaUnitOfWork, user: User, cmd: ReauthenticateCommand) -> bool:
        if cmd.method is not None and cmd.code is not None:
            return await self._codes.check(tx, user.id, cmd.method, cmd.code, cmd.client)
        if cmd.password is not None:
            return await self._hasher.verify(user.password_hash, cmd.password)
        raise RuleViolation("send the password, or a method and code", field="password")

    async def _renewed(self, tx: MfaUnitOfWork, session_id: str,
                       cmd: ReauthenticateCommand) -> datetime:
        session = await tx.sessions.get(session_id)
        if session is None or session.user_id != cmd.principal.user_id:
            raise AuthenticationFailed("the session has ended")
        now = self._kit.now()
        renewed = session.reauthenticated(now)
        if cmd.method is not None:
            renewed = renewed.mfa_passed(now)
        await tx.sessions.update(renewed)
        details = {"method": cmd.method.value} if cmd.method else {}  # else the password
        await self._kit.audit(tx, AuditType.REAUTHENTICATED, cmd.client,
                              actor=session.user_id, subject=session.user_id, **details)
        await tx.commit()
        await self._cache.forget([session.id])
        return now + REAUTH_WINDOW

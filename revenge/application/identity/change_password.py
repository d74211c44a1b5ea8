"""Change one's password: needs the current one; every other session is ended, and
every API key is revoked unless the caller asks to keep them."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import (
    end_sessions,
    get_user,
    revoke_api_keys,
    touched,
)
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.login_throttle import LoginKeys, LoginThrottle
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import PasswordHasher, UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.application.shared.principal import Principal
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType


class ChangePasswordCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    current_password: str
    new_password: str
    revoke_api_keys: bool = True
    client: ClientInfo = ClientInfo()


class ChangePassword:
    def __init__(self, uow: UnitOfWorkFactory, policy: PasswordPolicy, hasher: PasswordHasher,
                 limits: LoginThrottle, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._limits = limits
        self._policy = policy
        self._hasher = hasher
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: ChangePasswordCommand) -> None:
        """RuleViolation(field="current_password") when the current one is wrong;
        TooManyAttempts once wrong guesses reach the login throttle's limits."""
        self._policy.check(cmd.new_password, field="new_password")
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            user = await get_user(tx, user_id)
            login = LoginKeys(ip=cmd.client.ip, user_id=user_id)
            if not await self._limits.proved(login, lambda: self._hasher.verify(
                    user.password_hash, cmd.current_password)):
                raise RuleViolation("the current password is wrong", field="current_password")
            new_hash = await self._hasher.hash(cmd.new_password)
            await tx.users.update(touched(user, self._kit, password_hash=new_hash))
            await end_sessions(tx, self._kit, self._cache, user_id, "password changed",
                               keep=cmd.principal.session_id)
            keys = await revoke_api_keys(tx, self._kit, user_id) if cmd.revoke_api_keys else 0
            await self._kit.audit(tx, AuditType.PASSWORD_CHANGED, cmd.client, actor=user_id,
                                  subject=user_id, api_keys_revoked=str(keys))
            await tx.commit()

"""Reset a password with a mailed token: single use, expiring; ends every session and
revokes every API key (unless the caller asks to keep the keys)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import (
    end_sessions,
    get_user,
    revoke_api_keys,
    touched,
)
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import (
    PasswordHasher,
    SecretTokens,
    Throttle,
    UnitOfWorkFactory,
)
from revenge.application.identity.session_cache import SessionCache
from revenge.domain.errors import RuleViolation, TooManyAttempts
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.throttling import RESET_IP_RULE, account_key, ip_key


class ResetPasswordCommand(msgspec.Struct, frozen=True, kw_only=True):
    token: str
    new_password: str
    revoke_api_keys: bool = True
    client: ClientInfo = ClientInfo()


class ResetPassword:
    def __init__(self, uow: UnitOfWorkFactory, policy: PasswordPolicy, hasher: PasswordHasher,
                 secrets: SecretTokens, throttle: Throttle, cache: SessionCache,
                 kit: Kit) -> None:
        self._uow = uow
        self._policy = policy
        self._hasher = hasher
        self._secrets = secrets
        self._throttle = throttle
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: ResetPasswordCommand) -> None:
        """RuleViolation(field="token") for an unknown, used or expired token."""
        key = ip_key("reset-token", cmd.client.ip)
        if wait := await self._throttle.blocked_for(key):
            raise TooManyAttempts("too many invalid reset tokens", retry_after_seconds=wait)
        self._policy.check(cmd.new_password, field="new_password")
        new_hash = await self._hasher.hash(cmd.new_password)
        async with self._uow() as tx:
            user_id = await tx.reset_tokens.take(self._secrets.digest(cmd.token), self._kit.now())
            if user_id is None:
                await self._throttle.fail(key, RESET_IP_RULE)
                raise RuleViolation("the reset link is invalid, used or expired", field="token")
            user = await get_user(tx, user_id)
            await tx.users.update(touched(user, self._kit, password_hash=new_hash))
            await end_sessions(tx, self._kit, self._cache, user.id, "password reset")
            keys = await revoke_api_keys(tx, self._kit, user.id) if cmd.revoke_api_keys else 0
            await self._kit.audit(tx, AuditType.PASSWORD_RESET, cmd.client, subject=user.id,
                                  api_keys_revoked=str(keys))
            await tx.commit()
        await self._throttle.reset(account_key("login", user.id))

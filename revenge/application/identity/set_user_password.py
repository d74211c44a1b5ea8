"""An administrator sets a new password for someone who lost theirs (no mail server
needed): every session of that user ends; the audit trail names the administrator."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import end_sessions, get_user, touched
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import PasswordHasher, UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.domain.identity.audit import AuditType


class SetUserPasswordCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    user_id: str
    new_password: str
    client: ClientInfo = ClientInfo()


class SetUserPassword:
    def __init__(self, uow: UnitOfWorkFactory, policy: PasswordPolicy, hasher: PasswordHasher,
                 cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._policy = policy
        self._hasher = hasher
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: SetUserPasswordCommand) -> None:
        """RuleViolation(field="new_password") for a weak password; NotFound for an
        unknown user."""
        self._policy.check(cmd.new_password, field="new_password")
        new_hash = await self._hasher.hash(cmd.new_password)
        async with self._uow() as tx:
            user = await get_user(tx, cmd.user_id)
            await tx.users.update(touched(user, self._kit, password_hash=new_hash))
            await end_sessions(tx, self._kit, self._cache, user.id, "password set by admin")
            await self._kit.audit(tx, AuditType.PASSWORD_SET, cmd.client, actor=cmd.actor_id,
                                  subject=user.id)
            await tx.commit()

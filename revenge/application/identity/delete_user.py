"""An administrator deletes an account; its sessions end at once (audit entries stay)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import end_sessions, get_user
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType


class DeleteUserCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    user_id: str
    client: ClientInfo = ClientInfo()


class DeleteUser:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: DeleteUserCommand) -> None:
        """NotFound for an unknown user; RuleViolation when deleting oneself."""
        if cmd.actor_id == cmd.user_id:
            raise RuleViolation("you cannot delete your own account")
        async with self._uow() as tx:
            user = await get_user(tx, cmd.user_id)
            await end_sessions(tx, self._kit, self._cache, user.id, "user deleted")
            await tx.users.delete(user.id)
            await self._kit.audit(tx, AuditType.USER_DELETED, cmd.client, actor=cmd.actor_id,
                                  subject=user.id, username=user.username)
            await tx.commit()

"""An administrator deletes a custom role; its holders lose it (and its permissions) at once."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import forget_user_sessions
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import ensure_editable, with_builtin_permissions


class DeleteRoleCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    role_id: str
    client: ClientInfo = ClientInfo()


class DeleteRole:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: DeleteRoleCommand) -> None:
        """NotFound; RuleViolation for a built-in role."""
        async with self._uow() as tx:
            role = await tx.roles.get(cmd.role_id)
            if role is None:
                raise NotFound("no such role")
            ensure_editable(with_builtin_permissions(role))
            holders = await tx.users.ids_with_role(role.id)
            await tx.roles.delete(role.id)
            await forget_user_sessions(tx, self._cache, holders)
            await self._kit.audit(tx, AuditType.ROLE_DELETED, cmd.client, actor=cmd.actor_id,
                                  role_id=role.id, name=role.name)
            await tx.commit()

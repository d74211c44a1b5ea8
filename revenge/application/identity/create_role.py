"""An administrator defines a custom role from the closed permission set."""

from __future__ import annotations

import msgspec

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.identity.views import RoleView, role_view
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import Role, check_role_name, parse_permissions


class CreateRoleCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    name: str
    permissions: tuple[str, ...]
    description: str = ""
    client: ClientInfo = ClientInfo()


class CreateRole:
    def __init__(self, uow: UnitOfWorkFactory, kit: Kit) -> None:
        self._uow = uow
        self._kit = kit

    async def execute(self, cmd: CreateRoleCommand) -> RoleView:
        """RuleViolation for an unknown permission; Conflict for a taken name."""
        role = Role(id=self._kit.new_id(), name=check_role_name(cmd.name),
                    permissions=parse_permissions(cmd.permissions),
                    description=cmd.description.strip()[:500])
        async with self._uow() as tx:
            await tx.roles.add(role)
            await self._kit.audit(tx, AuditType.ROLE_CREATED, cmd.client, actor=cmd.actor_id,
                                  role_id=role.id, permissions=",".join(sorted(role.permissions)))
            await tx.commit()
        return role_view(role)

"""An administrator renames or re-scopes a custom role; its holders' sessions see the
new permissions at once."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import forget_user_sessions
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import IdentityUnitOfWork, UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.application.identity.views import RoleView, role_view
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import (
    Role,
    check_role_name,
    ensure_editable,
    parse_permissions,
    with_builtin_permissions,
)


class UpdateRoleCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    role_id: str
    name: str | None = None
    description: str | None = None
    permissions: tuple[str, ...] | None = None
    client: ClientInfo = ClientInfo()


class UpdateRole:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: UpdateRoleCommand) -> RoleView:
        """NotFound; RuleViolation for built-in roles and unknown permissions."""
        async with self._uow() as tx:
            role = await _editable(tx, cmd.role_id)
            updated = _changed(role, cmd)
            await tx.roles.update(updated)
            await forget_user_sessions(tx, self._cache, await tx.users.ids_with_role(role.id))
            await self._kit.audit(tx, AuditType.ROLE_UPDATED, cmd.client, actor=cmd.actor_id,
                                  role_id=role.id,
                                  permissions=",".join(sorted(updated.permissions)))
            await tx.commit()
        return role_view(updated)


async def _editable(tx: IdentityUnitOfWork, role_id: str) -> Role:
    role = await tx.roles.get(role_id)
    if role is None:
        raise NotFound("no such role")
    role = with_builtin_permissions(role)
    ensure_editable(role)
    return role


def _changed(role: Role, cmd: UpdateRoleCommand) -> Role:
    changes: dict[str, object] = {}
    if cmd.name is not None:
        changes["name"] = check_role_name(cmd.name)
    if cmd.description is not None:
        changes["description"] = cmd.description.strip()[:500]
    if cmd.permissions is not None:
        changes["permissions"] = parse_permissions(cmd.permissions)
    return msgspec.structs.replace(role, **changes)

"""An administrator changes an account: e-mail, display name, roles, disabled.

Disabling ends all the user's sessions at once; changing roles drops their cached
permissions. Administrators cannot disable themselves or take away their own admin role.
"""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import (
    end_sessions,
    existing_roles,
    forget_user_sessions,
    get_user,
    touched,
    view,
)
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import IdentityUnitOfWork, UnitOfWorkFactory
from revenge.application.identity.session_cache import SessionCache
from revenge.application.identity.views import UserView
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import ADMIN_ROLE_ID
from revenge.domain.identity.users import User, check_display_name, check_email


class UpdateUserCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    user_id: str
    email: str | None = None
    display_name: str | None = None
    disabled: bool | None = None
    role_ids: tuple[str, ...] | None = None
    client: ClientInfo = ClientInfo()


class UpdateUser:
    def __init__(self, uow: UnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: UpdateUserCommand) -> UserView:
        _refuse_self_lockout(cmd)
        async with self._uow() as tx:
            before = await get_user(tx, cmd.user_id)
            after = await self._changed(tx, before, cmd)
            await tx.users.update(after)
            await self._consequences(tx, before, after, cmd)
            result = await view(tx, after)
            await tx.commit()
        return result

    async def _changed(self, tx: IdentityUnitOfWork, user: User, cmd: UpdateUserCommand) -> User:
        changes: dict[str, object] = {}
        if cmd.email is not None:
            changes["email"] = check_email(cmd.email)
        if cmd.display_name is not None:
            changes["display_name"] = check_display_name(cmd.display_name)
        if cmd.disabled is not None:
            changes["disabled"] = cmd.disabled
        if cmd.role_ids is not None:
            changes["role_ids"] = await existing_roles(tx, cmd.role_ids)
        return touched(user, self._kit, **changes)

    async def _consequences(self, tx: IdentityUnitOfWork, before: User, after: User,
                            cmd: UpdateUserCommand) -> None:
        audit = self._kit.audit
        if after.disabled and not before.disabled:
            await end_sessions(tx, self._kit, self._cache, after.id, "user disabled")
            await audit(tx, AuditType.USER_DISABLED, cmd.client, actor=cmd.actor_id,
                        subject=after.id)
        elif before.disabled and not after.disabled:
            await audit(tx, AuditType.USER_ENABLED, cmd.client, actor=cmd.actor_id,
                        subject=after.id)
        if set(before.role_ids) != set(after.role_ids):
            await forget_user_sessions(tx, self._cache, [after.id])
            await audit(tx, AuditType.ROLES_CHANGED, cmd.client, actor=cmd.actor_id,
                        subject=after.id, roles=",".join(after.role_ids))
        await audit(tx, AuditType.USER_UPDATED, cmd.client, actor=cmd.actor_id, subject=after.id)


def _refuse_self_lockout(cmd: UpdateUserCommand) -> None:
    if cmd.actor_id != cmd.user_id:
        return
    if cmd.disabled:
        raise RuleViolation("you cannot disable your own account", field="disabled")
    if cmd.role_ids is not None and ADMIN_ROLE_ID not in cmd.role_ids:
        raise RuleViolation("you cannot remove your own admin role", field="role_ids")

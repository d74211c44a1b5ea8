"""An administrator creates an account (the default when registration is closed)."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import existing_roles, new_user, view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import PasswordHasher, UnitOfWorkFactory
from revenge.application.identity.views import UserView
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import USER_ROLE_ID


class CreateUserCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str | None  # None from the CLI
    username: str
    email: str
    password: str
    display_name: str = ""
    role_ids: tuple[str, ...] = (USER_ROLE_ID,)
    client: ClientInfo = ClientInfo()


class CreateUser:
    def __init__(self, uow: UnitOfWorkFactory, policy: PasswordPolicy, hasher: PasswordHasher,
                 kit: Kit) -> None:
        self._uow = uow
        self._policy = policy
        self._hasher = hasher
        self._kit = kit

    async def execute(self, cmd: CreateUserCommand) -> UserView:
        self._policy.check(cmd.password)
        password_hash = await self._hasher.hash(cmd.password)
        async with self._uow() as tx:
            user = new_user(self._kit, username=cmd.username, email=cmd.email,
                            display_name=cmd.display_name, password_hash=password_hash,
                            role_ids=await existing_roles(tx, cmd.role_ids))
            await tx.users.add(user)
            await self._kit.audit(tx, AuditType.USER_CREATED, cmd.client, actor=cmd.actor_id,
                                  subject=user.id, roles=",".join(user.role_ids))
            result = await view(tx, user)
            await tx.commit()
        return result

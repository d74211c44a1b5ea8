"""A user edits their own profile; changing the e-mail (the reset channel) needs the
current password. Roles and flags are never changeable here."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import get_user, touched, view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.login_throttle import LoginKeys, LoginThrottle
from revenge.application.identity.ports import PasswordHasher, UnitOfWorkFactory
from revenge.application.identity.views import UserView
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.users import User, check_display_name, check_email


class UpdateProfileCommand(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    display_name: str | None = None
    email: str | None = None
    current_password: str | None = None
    client: ClientInfo = ClientInfo()


class UpdateProfile:
    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, limits: LoginThrottle,
                 kit: Kit) -> None:
        self._uow = uow
        self._limits = limits
        self._hasher = hasher
        self._kit = kit

    async def execute(self, cmd: UpdateProfileCommand) -> UserView:
        async with self._uow() as tx:
            user = await get_user(tx, cmd.user_id)
            changes: dict[str, object] = {}
            if cmd.display_name is not None:
                changes["display_name"] = check_display_name(cmd.display_name) or user.username
            if cmd.email is not None and cmd.email != user.email:
                await self._check_password(user, cmd.current_password, cmd.client)
                changes["email"] = check_email(cmd.email)
            updated = touched(user, self._kit, **changes)
            await tx.users.update(updated)
            await self._kit.audit(tx, AuditType.USER_UPDATED, cmd.client, actor=user.id,
                                  subject=user.id, fields=",".join(sorted(changes)))
            result = await view(tx, updated)
            await tx.commit()
        return result

    async def _check_password(self, user: User, password: str | None,
                              client: ClientInfo) -> None:
        """A wrong password counts against the login throttle (TooManyAttempts)."""
        keys = LoginKeys(ip=client.ip, user_id=user.id)
        if not password or not await self._limits.proved(
                keys, lambda: self._hasher.verify(user.password_hash, password)):
            raise RuleViolation("changing the e-mail needs your current password",
                                field="current_password")

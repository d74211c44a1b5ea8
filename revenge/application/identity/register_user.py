"""Self-service registration: the first user becomes admin; later ones need the open
registration setting."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import new_user, view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.ports import PasswordHasher, UnitOfWorkFactory
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.views import UserView
from revenge.domain.errors import Forbidden
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import ADMIN_ROLE_ID, USER_ROLE_ID

CLOSED = "registration is closed; ask an administrator for an account"


class RegisterUserCommand(msgspec.Struct, frozen=True, kw_only=True):
    username: str
    email: str
    password: str
    display_name: str = ""
    client: ClientInfo = ClientInfo()


class RegisterUser:
    def __init__(self, uow: UnitOfWorkFactory, policy: PasswordPolicy, hasher: PasswordHasher,
                 settings: ServerSettingsReader, kit: Kit) -> None:
        self._uow = uow
        self._policy = policy
        self._hasher = hasher
        self._settings = settings
        self._kit = kit

    async def execute(self, cmd: RegisterUserCommand) -> UserView:
        """Raises Forbidden when registration is closed, RuleViolation/Conflict for bad input."""
        open_registration = (await self._settings.current()).open_registration
        await self._ensure_open(open_registration)
        self._policy.check(cmd.password)
        password_hash = await self._hasher.hash(cmd.password)
        async with self._uow() as tx:
            await tx.users.lock_registrations()  # held until commit: one first user
            first = await tx.users.count() == 0
            if not first and not open_registration:
                raise Forbidden(CLOSED)
            user = new_user(self._kit, username=cmd.username, email=cmd.email,
                            display_name=cmd.display_name, password_hash=password_hash,
                            role_ids=[ADMIN_ROLE_ID if first else USER_ROLE_ID])
            await tx.users.add(user)
            await self._kit.audit(tx, AuditType.USER_REGISTERED, cmd.client, actor=user.id,
                                  subject=user.id, first_user=str(first).lower())
            result = await view(tx, user)
            await tx.commit()
        return result

    async def _ensure_open(self, open_registration: bool) -> None:
        """Refuses early (before hashing) when registration is closed."""
        if open_registration:
            return
        async with self._uow() as tx:
            if await tx.users.count() > 0:
                raise Forbidden(CLOSED)

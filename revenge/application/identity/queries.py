"""Plain reads of the identity context (no decisions), each in one short transaction."""

from __future__ import annotations

from revenge.application.identity.accounts import get_user, roles_of, view
from revenge.application.identity.ports import Page, UnitOfWorkFactory
from revenge.application.identity.update_user_settings import UserSettingsView
from revenge.application.identity.views import (
    ApiKeyView,
    RoleView,
    SessionView,
    SetupState,
    UserView,
    api_key_view,
    role_view,
    session_view,
    user_view,
)
from revenge.application.shared.principal import Principal
from revenge.domain.identity.audit import AuditEvent, AuditFilter
from revenge.domain.identity.roles import with_builtin_permissions
from revenge.domain.identity.settings import ServerSettings, UserSettings, stored


class IdentityQueries:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    async def setup_state(self) -> SetupState:
        """Public: no user names or counts, only whether the server has none yet."""
        async with self._uow() as tx:
            setup_required = await tx.users.count() == 0
            settings = stored(ServerSettings, await tx.settings.server())
        return SetupState(setup_required=setup_required,
                          registration_open=setup_required or settings.open_registration)

    async def user(self, user_id: str) -> UserView:
        """NotFound for an unknown id."""
        async with self._uow() as tx:
            return await view(tx, await get_user(tx, user_id))

    async def users(self, limit: int, cursor: str | None) -> Page[UserView]:
        async with self._uow() as tx:
            page = await tx.users.page(limit, cursor)
            roles = await roles_of(tx, {r for u in page.items for r in u.role_ids})
        return Page(items=[user_view(u, roles) for u in page.items],
                    next_cursor=page.next_cursor, total=page.total)

    async def roles(self) -> list[RoleView]:
        async with self._uow() as tx:
            return [role_view(with_builtin_permissions(r)) for r in await tx.roles.all()]

    async def sessions(self, principal: Principal) -> list[SessionView]:
        """Only the caller's own active sessions."""
        async with self._uow() as tx:
            sessions = await tx.sessions.of_user(principal.user_id)
        return [session_view(s, principal.session_id) for s in sessions if s.revoked_at is None]

    async def api_keys(self, principal: Principal) -> list[ApiKeyView]:
        async with self._uow() as tx:
            return [api_key_view(k) for k in await tx.api_keys.of_user(principal.user_id)]

    async def audit(self, where: AuditFilter, limit: int, cursor: str | None
                    ) -> Page[AuditEvent]:
        async with self._uow() as tx:
            return await tx.audit.page(where, limit, cursor)

    async def user_settings(self, user_id: str) -> UserSettingsView:
        async with self._uow() as tx:
            user = await get_user(tx, user_id)
            values = stored(UserSettings, await tx.settings.of_user(user_id))
        return UserSettingsView(**{f: getattr(values, f) for f in values.__struct_fields__},
                                display_name=user.display_name)

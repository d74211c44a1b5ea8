"""/api/v1/admin: users, roles, the audit log and server settings (admins only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody, Parameter, QueryParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.identity.create_role import CreateRole, CreateRoleCommand
from revenge.application.identity.create_user import CreateUser, CreateUserCommand
from revenge.application.identity.delete_role import DeleteRole, DeleteRoleCommand
from revenge.application.identity.delete_user import DeleteUser, DeleteUserCommand
from revenge.application.identity.queries import IdentityQueries
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.set_user_password import (
    SetUserPassword,
    SetUserPasswordCommand,
)
from revenge.application.identity.update_role import UpdateRole, UpdateRoleCommand
from revenge.application.identity.update_server_settings import (
    UpdateServerSettings,
    UpdateServerSettingsCommand,
)
from revenge.application.identity.update_user import UpdateUser, UpdateUserCommand
from revenge.application.identity.views import RoleView, UserView
from revenge.application.mfa.reset_user_mfa import ResetUserMfa, ResetUserMfaCommand
from revenge.application.mfa.user_directory import UserDirectory
from revenge.domain.identity.audit import AuditFilter, AuditType
from revenge.domain.identity.roles import USER_ROLE_ID
from revenge.domain.identity.settings import ServerSettings
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import SECURITY, Client, CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.identity.schemas import (
    AdminPasswordBody,
    AdminUserBody,
    AdminUserPatch,
    AuditList,
    PermissionList,
    RoleBody,
    RoleList,
    RolePatch,
    ServerSettingsPatch,
    UserOverviewList,
    changes,
)

Limit = Annotated[int, Parameter(ge=1, le=200, description="page size (1-200)")]
Cursor = Annotated[str | None, Parameter(description="opaque cursor from next_cursor")]


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


class AdminUsersController(Controller):
    path = "/admin/users"
    tags = ["admin"]
    security = SECURITY
    guards = [require(Permission.USERS_MANAGE)]
    dependencies = uses(UserDirectory, IdentityQueries, CreateUser, UpdateUser, DeleteUser,
                        SetUserPassword, ResetUserMfa)

    @get("", summary="List users (with MFA on/off and when each was last seen)")
    async def list_users(self, user_directory: Uses[UserDirectory], limit: Limit = 50,
                         cursor: Cursor = None) -> UserOverviewList:
        page = await user_directory.users(limit, cursor)
        return UserOverviewList(items=page.items, next_cursor=page.next_cursor,
                                total=page.total)

    @post("", status_code=201, summary="Create a user")
    async def create_user(self, data: JSONBody[AdminUserBody], principal: CurrentPrincipal,
                          create_user: Uses[CreateUser], client_info: Client) -> UserView:
        return await create_user.execute(CreateUserCommand(
            actor_id=principal.user_id, username=data.username, email=data.email,
            password=data.password, display_name=data.display_name,
            role_ids=_tuple(data.role_ids) or (USER_ROLE_ID,), client=client_info))

    @get("/{user_id:str}", summary="One user")
    async def get_user(self, user_id: FromPath[str],
                       identity_queries: Uses[IdentityQueries]) -> UserView:
        return await identity_queries.user(user_id)

    @patch("/{user_id:str}", summary="Change a user (disable, roles, e-mail, name)")
    async def update_user(self, user_id: FromPath[str], data: JSONBody[AdminUserPatch],
                          principal: CurrentPrincipal, update_user: Uses[UpdateUser],
                          client_info: Client) -> UserView:
        return await update_user.execute(UpdateUserCommand(
            actor_id=principal.user_id, user_id=user_id, email=data.email,
            display_name=data.display_name, disabled=data.disabled,
            role_ids=_tuple(data.role_ids), client=client_info))

    @delete("/{user_id:str}", status_code=HTTP_204_NO_CONTENT, summary="Delete a user")
    async def delete_user(self, user_id: FromPath[str], principal: CurrentPrincipal,
                          delete_user: Uses[DeleteUser], client_info: Client) -> None:
        await delete_user.execute(DeleteUserCommand(
            actor_id=principal.user_id, user_id=user_id, client=client_info))

    @post("/{user_id:str}/password", status_code=HTTP_204_NO_CONTENT,
          summary="Set a new password for a user (their sessions end; audited)")
    async def set_password(self, user_id: FromPath[str], data: JSONBody[AdminPasswordBody],
                           principal: CurrentPrincipal,
                           set_user_password: Uses[SetUserPassword],
                           client_info: Client) -> None:
        await set_user_password.execute(SetUserPasswordCommand(
            actor_id=principal.user_id, user_id=user_id, new_password=data.new_password,
            client=client_info))

    @post("/{user_id:str}/mfa/reset", status_code=HTTP_204_NO_CONTENT,
          summary="Delete a user's second factors and switch MFA off (their sessions end; "
                  "audited)")
    async def reset_mfa(self, user_id: FromPath[str], principal: CurrentPrincipal,
                        reset_user_mfa: Uses[ResetUserMfa], client_info: Client) -> None:
        await reset_user_mfa.execute(ResetUserMfaCommand(
            actor_id=principal.user_id, user_id=user_id, client=client_info))


class AdminPermissionsController(Controller):
    path = "/admin/permissions"
    tags = ["admin"]
    security = SECURITY
    guards = [require(Permission.USERS_MANAGE)]

    @get("", summary="Every permission a custom role can grant")
    async def list_permissions(self) -> PermissionList:
        items = [p.value for p in Permission]
        return PermissionList(items=items, total=len(items))


class AdminRolesController(Controller):
    path = "/admin/roles"
    tags = ["admin"]
    security = SECURITY
    guards = [require(Permission.USERS_MANAGE)]
    dependencies = uses(IdentityQueries, CreateRole, UpdateRole, DeleteRole)

    @get("", summary="List roles")
    async def list_roles(self, identity_queries: Uses[IdentityQueries]) -> RoleList:
        items = await identity_queries.roles()
        return RoleList(items=items, total=len(items))

    @post("", status_code=201, summary="Create a custom role")
    async def create_role(self, data: JSONBody[RoleBody], principal: CurrentPrincipal,
                          create_role: Uses[CreateRole], client_info: Client) -> RoleView:
        return await create_role.execute(CreateRoleCommand(
            actor_id=principal.user_id, name=data.name, permissions=tuple(data.permissions),
            description=data.description, client=client_info))

    @patch("/{role_id:str}", summary="Change a custom role")
    async def update_role(self, role_id: FromPath[str], data: JSONBody[RolePatch],
                          principal: CurrentPrincipal, update_role: Uses[UpdateRole],
                          client_info: Client) -> RoleView:
        return await update_role.execute(UpdateRoleCommand(
            actor_id=principal.user_id, role_id=role_id, name=data.name,
            description=data.description, permissions=_tuple(data.permissions),
            client=client_info))

    @delete("/{role_id:str}", status_code=HTTP_204_NO_CONTENT, summary="Delete a custom role")
    async def delete_role(self, role_id: FromPath[str], principal: CurrentPrincipal,
                          delete_role: Uses[DeleteRole], client_info: Client) -> None:
        await delete_role.execute(DeleteRoleCommand(
            actor_id=principal.user_id, role_id=role_id, client=client_info))


class AdminAuditController(Controller):
    path = "/admin/audit"
    tags = ["admin"]
    security = SECURITY
    guards = [require(Permission.AUDIT_READ)]
    dependencies = uses(IdentityQueries)

    @get("", summary="Security events, newest first")
    async def audit(self, identity_queries: Uses[IdentityQueries],
                    user_id: FromQuery[str | None] = None,
                    event_type: Annotated[AuditType | None, QueryParameter(name="type")] = None,
                    since: FromQuery[datetime | None] = None,
                    until: FromQuery[datetime | None] = None,
                    limit: Limit = 50, cursor: Cursor = None) -> AuditList:
        where = AuditFilter(user_id=user_id, type=event_type, since=since, until=until)
        page = await identity_queries.audit(where, limit, cursor)
        return AuditList(items=page.items, next_cursor=page.next_cursor, total=page.total)


class AdminSettingsController(Controller):
    path = "/admin/settings"
    tags = ["admin"]
    security = SECURITY
    guards = [require(Permission.SETTINGS_MANAGE)]
    dependencies = uses(ServerSettingsReader, UpdateServerSettings)

    @get("", summary="Server settings")
    async def get_settings(self,
                           server_settings_reader: Uses[ServerSettingsReader]) -> ServerSettings:
        return await server_settings_reader.current()

    @patch("", summary="Change server settings")
    async def update_settings(self, data: JSONBody[ServerSettingsPatch],
                              principal: CurrentPrincipal,
                              update_server_settings: Uses[UpdateServerSettings],
                              client_info: Client) -> ServerSettings:
        return await update_server_settings.execute(
            UpdateServerSettingsCommand(actor_id=principal.user_id, changes=changes(data),
                                        client=client_info))

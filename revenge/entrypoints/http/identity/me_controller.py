"""/api/v1/users/me: the caller's profile, password, settings, sessions and API keys."""

from __future__ import annotations

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.identity.change_password import ChangePassword, ChangePasswordCommand
from revenge.application.identity.create_api_key import CreateApiKey, CreateApiKeyCommand
from revenge.application.identity.queries import IdentityQueries
from revenge.application.identity.revoke_api_key import RevokeApiKey, RevokeApiKeyCommand
from revenge.application.identity.revoke_other_sessions import (
    RevokeOtherSessions,
    RevokeOtherSessionsCommand,
)
from revenge.application.identity.revoke_session import RevokeSession, RevokeSessionCommand
from revenge.application.identity.update_profile import UpdateProfile, UpdateProfileCommand
from revenge.application.identity.update_user_settings import (
    UpdateUserSettings,
    UpdateUserSettingsCommand,
    UserSettingsView,
)
from revenge.application.identity.views import UserView
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import SECURITY, Client, CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.identity.schemas import (
    ApiKeyBody,
    ApiKeyList,
    CreatedKeyResponse,
    PasswordChangeBody,
    ProfilePatch,
    RevokedCount,
    SessionList,
    UserSettingsPatch,
    changes,
)


class MeController(Controller):
    """Sessions only, or an API key created with the `account` scope."""

    path = "/users/me"
    tags = ["me"]
    security = SECURITY
    guards = [require(Permission.ACCOUNT)]
    dependencies = uses(IdentityQueries, UpdateProfile, ChangePassword, UpdateUserSettings,
                        RevokeOtherSessions, RevokeSession, CreateApiKey, RevokeApiKey)

    @get("", summary="Who am I")
    async def me(self, principal: CurrentPrincipal,
                 identity_queries: Uses[IdentityQueries]) -> UserView:
        return await identity_queries.user(principal.user_id)

    @patch("", summary="Edit my profile (display name; e-mail needs the current password)")
    async def edit(self, data: JSONBody[ProfilePatch], principal: CurrentPrincipal,
                   update_profile: Uses[UpdateProfile], client_info: Client) -> UserView:
        return await update_profile.execute(UpdateProfileCommand(
            user_id=principal.user_id, display_name=data.display_name, email=data.email,
            current_password=data.current_password, client=client_info))

    @post("/password", status_code=HTTP_204_NO_CONTENT,
          summary="Change my password (ends my other sessions and, unless "
                  "revoke_api_keys is false, revokes my API keys)")
    async def change_password(self, data: JSONBody[PasswordChangeBody], principal: CurrentPrincipal,
                              change_password: Uses[ChangePassword],
                              client_info: Client) -> None:
        await change_password.execute(ChangePasswordCommand(
            principal=principal, current_password=data.current_password,
            new_password=data.new_password, revoke_api_keys=data.revoke_api_keys,
            client=client_info))

    @get("/settings", summary="My settings")
    async def settings(self, principal: CurrentPrincipal,
                       identity_queries: Uses[IdentityQueries]) -> UserSettingsView:
        return await identity_queries.user_settings(principal.user_id)

    @patch("/settings", summary="Change my settings")
    async def edit_settings(self, data: JSONBody[UserSettingsPatch], principal: CurrentPrincipal,
                            update_user_settings: Uses[UpdateUserSettings]) -> UserSettingsView:
        return await update_user_settings.execute(
            UpdateUserSettingsCommand(user_id=principal.user_id, changes=changes(data)))

    @get("/sessions", summary="My active sessions")
    async def sessions(self, principal: CurrentPrincipal,
                       identity_queries: Uses[IdentityQueries]) -> SessionList:
        items = await identity_queries.sessions(principal)
        return SessionList(items=items, total=len(items))

    @delete("/sessions", status_code=200, summary="Log out everywhere else")
    async def end_other_sessions(self, principal: CurrentPrincipal,
                                 revoke_other_sessions: Uses[RevokeOtherSessions],
                                 client_info: Client) -> RevokedCount:
        count = await revoke_other_sessions.execute(
            RevokeOtherSessionsCommand(principal=principal, client=client_info))
        return RevokedCount(revoked=count)

    @delete("/sessions/{session_id:str}", status_code=HTTP_204_NO_CONTENT,
            summary="End one of my sessions")
    async def end_session(self, session_id: FromPath[str], principal: CurrentPrincipal,
                          revoke_session: Uses[RevokeSession], client_info: Client) -> None:
        await revoke_session.execute(RevokeSessionCommand(
            principal=principal, session_id=session_id, client=client_info))

    @get("/api-keys", summary="My API keys")
    async def api_keys(self, principal: CurrentPrincipal,
                       identity_queries: Uses[IdentityQueries]) -> ApiKeyList:
        items = await identity_queries.api_keys(principal)
        return ApiKeyList(items=items, total=len(items))

    @post("/api-keys", status_code=201, summary="Create an API key (shown once)")
    async def create_api_key(self, data: JSONBody[ApiKeyBody], principal: CurrentPrincipal,
                             create_api_key: Uses[CreateApiKey],
                             client_info: Client) -> CreatedKeyResponse:
        created = await create_api_key.execute(CreateApiKeyCommand(
            principal=principal, name=data.name, scopes=tuple(data.scopes),
            expires_at=data.expires_at, client=client_info))
        return CreatedKeyResponse(key=created.key, api_key=created.api_key)

    @delete("/api-keys/{key_id:str}", status_code=HTTP_204_NO_CONTENT,
            summary="Revoke one of my API keys")
    async def revoke_api_key(self, key_id: FromPath[str], principal: CurrentPrincipal,
                             revoke_api_key: Uses[RevokeApiKey], client_info: Client) -> None:
        await revoke_api_key.execute(RevokeApiKeyCommand(
            principal=principal, key_id=key_id, client=client_info))

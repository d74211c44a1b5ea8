"""Request and response bodies of the identity API. Requests refuse unknown fields, so
no one can slip `is_admin` or `role_ids` through self-service (mass assignment)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec
from msgspec import UNSET, UnsetType

from revenge.application.identity.update_user_settings import UserSettingsView
from revenge.application.identity.views import (
    ApiKeyView,
    RoleView,
    SessionView,
    TokenPair,
    UserView,
)
from revenge.application.mfa.user_directory import UserOverview
from revenge.domain.identity.audit import AuditEvent
from revenge.domain.identity.settings import ServerSettings


class Body(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of request bodies."""


class RegisterBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    username: str
    email: str
    password: str
    display_name: str = ""


class LoginBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    username: str  # username or e-mail
    password: str


class RefreshBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    refresh_token: str | None = None  # else the refresh cookie


class ForgotBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: str  # or username


class ResetBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    token: str
    new_password: str
    revoke_api_keys: bool = True  # every session ends; the API keys too, unless false


class ProfilePatch(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    display_name: str | None = None
    email: str | None = None
    current_password: str | None = None  # needed to change the e-mail


class PasswordChangeBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    current_password: str
    new_password: str
    revoke_api_keys: bool = True  # the other sessions end; the API keys too, unless false


class ApiKeyBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str
    scopes: list[str]
    expires_at: datetime | None = None


class AdminUserBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    username: str
    email: str
    password: str
    display_name: str = ""
    role_ids: list[str] | None = None  # default: the built-in "user" role


class AdminUserPatch(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: str | None = None
    display_name: str | None = None
    disabled: bool | None = None
    role_ids: list[str] | None = None


class AdminPasswordBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    new_password: str


class RoleBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str
    permissions: list[str]
    description: str = ""


class RolePatch(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str | None = None
    description: str | None = None
    permissions: list[str] | None = None


def _patch_of(cls: type[msgspec.Struct], name: str, **extra: Any) -> Any:
    fields = [(f.name, f.type | UnsetType, UNSET) for f in msgspec.structs.fields(cls)]
    fields += [(k, t | UnsetType, UNSET) for k, t in extra.items()]
    return msgspec.defstruct(name, fields, kw_only=True, forbid_unknown_fields=True,
                             module=__name__)


# Every field optional, same types and bounds as the settings themselves.
ServerSettingsPatch = _patch_of(ServerSettings, "ServerSettingsPatch")
UserSettingsPatch = _patch_of(UserSettingsView, "UserSettingsPatch")


def changes(patch: msgspec.Struct) -> dict[str, Any]:
    """The fields a PATCH body actually set."""
    return {f: v for f in patch.__struct_fields__ if (v := getattr(patch, f)) is not UNSET}


class LoginResponse(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: UserView

    @classmethod
    def of(cls, pair: TokenPair) -> LoginResponse:
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token,
                   token_type=pair.token_type, expires_in=pair.expires_in, user=pair.user)


class CreatedKeyResponse(msgspec.Struct, frozen=True, kw_only=True):
    key: str  # shown once; store it now
    api_key: ApiKeyView


class RevokedCount(msgspec.Struct, frozen=True):
    revoked: int


class UserList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[UserView]
    next_cursor: str | None
    total: int


class UserOverviewList(msgspec.Struct, frozen=True, kw_only=True):
    """Users as the admin list shows them: with MFA on/off and when last seen."""

    items: list[UserOverview]
    next_cursor: str | None
    total: int


class PermissionList(msgspec.Struct, frozen=True, kw_only=True):
    """Every permission a role can grant, in the server's order."""

    items: list[str]
    total: int


class RoleList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[RoleView]
    next_cursor: str | None = None
    total: int


class SessionList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[SessionView]
    next_cursor: str | None = None
    total: int


class ApiKeyList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[ApiKeyView]
    next_cursor: str | None = None
    total: int


class AuditList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[AuditEvent]
    next_cursor: str | None
    total: int

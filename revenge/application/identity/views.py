"""Read models returned by identity use cases and queries (also the HTTP bodies)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import msgspec

from revenge.domain.identity.api_keys import ApiKey
from revenge.domain.identity.roles import Role, permissions_of
from revenge.domain.identity.sessions import Session
from revenge.domain.identity.users import User


class RoleRef(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str


class UserView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    username: str
    email: str
    display_name: str
    disabled: bool
    roles: list[RoleRef]
    permissions: list[str]
    created_at: datetime


class SetupState(msgspec.Struct, frozen=True, kw_only=True):
    """What a first visit needs to know: no account yet (the next registration becomes
    the administrator), and whether anyone may register."""

    setup_required: bool
    registration_open: bool


class RoleView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    description: str
    permissions: list[str]
    builtin: bool


class SessionView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str
    user_agent: str
    mfa_verified: bool
    current: bool


class ApiKeyView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked: bool


class TokenPair(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    refresh_token: str
    expires_in: int
    session_id: str
    user: UserView
    token_type: str = "bearer"  # noqa: S105


class MfaChallenge(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to a correct password when a second factor must follow."""

    mfa_token: str
    methods: list[str]
    mfa_required: bool = True


def user_view(user: User, roles: Sequence[Role]) -> UserView:
    mine = [r for r in roles if r.id in user.role_ids]
    return UserView(
        id=user.id, username=user.username, email=user.email,
        display_name=user.display_name, disabled=user.disabled,
        roles=[RoleRef(id=r.id, name=r.name) for r in mine],
        permissions=sorted(p.value for p in permissions_of(mine)),
        created_at=user.created_at,
    )


def role_view(role: Role) -> RoleView:
    return RoleView(id=role.id, name=role.name, description=role.description,
                    permissions=sorted(p.value for p in role.permissions),
                    builtin=role.builtin)


def session_view(session: Session, current_id: str | None) -> SessionView:
    return SessionView(
        id=session.id, created_at=session.created_at, last_seen_at=session.last_seen_at,
        expires_at=session.expires_at, ip=session.ip, user_agent=session.user_agent,
        mfa_verified=session.mfa_verified, current=session.id == current_id,
    )


def api_key_view(key: ApiKey) -> ApiKeyView:
    return ApiKeyView(
        id=key.id, name=key.name, prefix=key.prefix, scopes=sorted(s.value for s in key.scopes),
        created_at=key.created_at, expires_at=key.expires_at,
        last_used_at=key.last_used_at, revoked=key.revoked_at is not None,
    )

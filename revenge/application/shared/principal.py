"""Who is calling: the authenticated principal every protected use case receives, and
the permission check every context applies to it (a public module of identity)."""

from __future__ import annotations

import msgspec

from revenge.domain.errors import Forbidden
from revenge.domain.shared.permissions import Permission


class Principal(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    username: str
    permissions: frozenset[Permission]
    session_id: str | None = None  # set for session (JWT/cookie) logins
    api_key_id: str | None = None  # set when authenticated by an API key
    mfa_verified: bool = False
    # The server requires MFA of this user and the session has not passed a second
    # factor: it holds no permissions until one is enrolled or verified in it.
    mfa_enrolment_required: bool = False

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


def authorize(actor: Principal, permission: Permission) -> str:
    """The actor's user id; raises `Forbidden` unless the actor holds `permission`."""
    if not actor.can(permission):
        raise Forbidden(f"this needs the {permission.value} permission")
    return actor.user_id

"""Shared by the playback use cases: the permission check and token issuing."""

from __future__ import annotations

from revenge.application.identity.principal import Principal
from revenge.domain.errors import Forbidden
from revenge.domain.identity.permissions import Permission
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.playback.tokens import MediaClaims, sign_media_token


def authorize(actor: Principal, permission: Permission = Permission.PLAYBACK) -> None:
    if not actor.can(permission):
        raise Forbidden(f"this needs the {permission.value} permission")


def media_token(key: bytes, session: PlaybackSession, grace_seconds: int) -> str:
    """Valid for the movie's length plus `grace_seconds` (pauses), and only while the
    session lives."""
    expires = int(session.started_at + session.duration + grace_seconds)
    claims = MediaClaims(session.user_id, session.id, session.file_id, expires)
    return sign_media_token(key, claims)

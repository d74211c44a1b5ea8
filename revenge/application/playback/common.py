"""Shared by the playback use cases: the permission check, token issuing, and ending a
session wherever its encoders run."""

from __future__ import annotations

from revenge.application.playback.ports import PlaybackSessions, Segmenter, SessionOwners
from revenge.application.shared.principal import Principal
from revenge.domain.errors import Forbidden
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.playback.tokens import MediaClaims, sign_media_token
from revenge.domain.shared.permissions import Permission


def authorize(actor: Principal, permission: Permission = Permission.PLAYBACK) -> None:
    if not actor.can(permission):
        raise Forbidden(f"this needs the {permission.value} permission")


def media_token(key: bytes, session: PlaybackSession, now: float, ttl_seconds: int) -> str:
    """Valid for `ttl_seconds` (minutes: a copied URL soon stops working; the player
    renews it through the session), and only while the session lives."""
    claims = MediaClaims(session.user_id, session.id, session.file_id, int(now + ttl_seconds))
    return sign_media_token(key, claims)


class SessionEnder:
    """Ends a session: gone for every replica at once (media URLs refused), and its
    encoders stopped where they run."""

    def __init__(self, sessions: PlaybackSessions, segmenter: Segmenter,
                 owners: SessionOwners, replica: str) -> None:
        self._sessions = sessions
        self._segmenter = segmenter
        self._owners = owners
        self._replica = replica

    async def end(self, session_id: str) -> PlaybackSession | None:
        """The session ended, or None when it had already ended."""
        session = await self._sessions.remove(session_id)
        if session is not None and session.owner not in ("", self._replica):
            await self._owners.stop(session.owner, session_id)
        await self._segmenter.stop(session_id)  # idempotent: also a local leftover
        return session

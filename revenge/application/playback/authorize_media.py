"""Let a media request (direct file, playlist, segment, subtitle) through on its token."""

from __future__ import annotations

from revenge.application.playback.ports import Clock, PlaybackSessions
from revenge.domain.errors import AuthenticationFailed, NotFound
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.playback.tokens import verify_media_token


class AuthorizeMedia:
    """The session a valid token opens (marking it active). Raises `AuthenticationFailed`
    for a missing, forged, expired or foreign token, `NotFound` for an ended session."""

    def __init__(self, sessions: PlaybackSessions, clock: Clock, token_key: bytes) -> None:
        self._sessions = sessions
        self._clock = clock
        self._key = token_key

    async def execute(self, session_id: str, token: str | None) -> PlaybackSession:
        now = self._clock()
        claims = verify_media_token(self._key, token, session_id=session_id, now=now)
        session = self._sessions.get(session_id)
        if session is None:
            raise NotFound("this playback session has ended")
        if (claims.user_id, claims.file_id) != (session.user_id, session.file_id):
            raise AuthenticationFailed("a valid media token is required for this URL")
        touched = session.touched(now)
        self._sessions.save(touched)
        return touched

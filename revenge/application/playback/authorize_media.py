"""Let a media request (direct file, playlist, segment, subtitle) through on its token, or
on the web UI's sign-in (video elements send cookies, not headers)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from revenge.application.playback.common import SessionEnder, authorize
from revenge.application.playback.ports import (
    PlaybackGrants,
    PlaybackSessions,
    PlaybackSettings,
)
from revenge.application.shared.clock import EpochClock
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, NotFound
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.playback.tokens import verify_media_token

# The signed-in user behind the request (the session cookie), looked up only when the
# token does not do: None when there is none.
Viewer = Callable[[], Awaitable[Principal | None]]

_REFUSED = "a valid media token is required for this URL"
_ENDED = "this playback session has ended"


class AuthorizeMedia:
    """The session a valid token opens (marking it active); without one, the session's
    owner signed in (`viewer`, with `playback`) may open it too. Raises
    `AuthenticationFailed` for a missing, forged, expired or foreign token and no owner
    signed in, `Forbidden` for a signed-in owner who lost `playback`, `NotFound` for an
    ended session. A session whose user was disabled, lost `playback`, or signed out of
    what started it is ended here, on whichever replica asks first."""

    def __init__(self, sessions: PlaybackSessions, grants: PlaybackGrants, ender: SessionEnder,
                 settings: PlaybackSettings, clock: EpochClock, token_key: bytes) -> None:
        self._sessions = sessions
        self._grants = grants
        self._ender = ender
        self._settings = settings
        self._clock = clock
        self._key = token_key

    async def execute(self, session_id: str, token: str | None,
                      viewer: Viewer | None = None) -> PlaybackSession:
        now = self._clock()
        user_id, file_id = await self._holder(session_id, token, now, viewer)
        session = await self._sessions.get(session_id)
        if session is None:
            raise NotFound(_ENDED)
        if user_id != session.user_id or file_id not in (None, session.file_id):
            raise AuthenticationFailed(_REFUSED)
        if not await self._grants.granted(session):
            await self._ender.end(session.id)
            raise NotFound(_ENDED)
        if session.idle_for(now) >= self._settings.touch_seconds:
            await self._sessions.touch(session.id, now)
        return session.touched(now)

    async def _holder(self, session_id: str, token: str | None, now: float,
                      viewer: Viewer | None) -> tuple[str, str | None]:
        """(user, file) the token was signed for, else (the signed-in user, None)."""
        try:
            claims = verify_media_token(self._key, token, session_id=session_id, now=now)
        except AuthenticationFailed:
            principal = await viewer() if viewer is not None else None
            if principal is None:
                raise
            authorize(principal)
            return principal.user_id, None
        return claims.user_id, claims.file_id

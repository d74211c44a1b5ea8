"""Give a player a fresh media token for its session (tokens live minutes)."""

from __future__ import annotations

import msgspec

from revenge.application.playback.common import SessionEnder, authorize, media_token
from revenge.application.playback.ports import (
    PlaybackGrants,
    PlaybackSessions,
    PlaybackSettings,
)
from revenge.application.playback.start_playback import StartedPlayback
from revenge.application.shared.clock import EpochClock
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound


class RenewMediaTokenCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    session_id: str


class RenewMediaToken:
    """Needs `playback`, and only the session's own user renews it (while the session
    lives and its user may still play: else it ends and this raises `NotFound`, the
    same as for an unknown session or someone else's)."""

    def __init__(self, sessions: PlaybackSessions, grants: PlaybackGrants, ender: SessionEnder,
                 settings: PlaybackSettings, clock: EpochClock, token_key: bytes) -> None:
        self._sessions = sessions
        self._grants = grants
        self._ender = ender
        self._settings = settings
        self._clock = clock
        self._key = token_key

    async def execute(self, command: RenewMediaTokenCommand) -> StartedPlayback:
        authorize(command.actor)
        session = await self._sessions.get(command.session_id)
        if session is None or session.user_id != command.actor.user_id:
            raise NotFound("no such playback session")
        if not await self._grants.granted(session):
            await self._ender.end(session.id)
            raise NotFound("no such playback session")
        now = self._clock()
        await self._sessions.touch(session.id, now)
        token = media_token(self._key, session, now, self._settings.token_seconds)
        return StartedPlayback(session.touched(now), token)

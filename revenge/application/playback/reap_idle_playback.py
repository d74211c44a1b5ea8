"""Stop encoders nobody is watching, and end sessions abandoned for long or no longer
allowed (each replica sweeps the sessions it owns)."""

from __future__ import annotations

from revenge.application.playback.common import SessionEnder
from revenge.application.playback.ports import (
    PlaybackGrants,
    PlaybackSessions,
    PlaybackSettings,
    Segmenter,
)
from revenge.application.shared.clock import EpochClock


class ReapIdlePlayback:
    """Run every few seconds on each replica. Idempotent. Returns the ids of the
    sessions it ended. Encoders of sessions ended elsewhere (another replica, a
    revocation) are stopped here too."""

    def __init__(self, sessions: PlaybackSessions, segmenter: Segmenter, grants: PlaybackGrants,
                 ender: SessionEnder, settings: PlaybackSettings, clock: EpochClock,
                 replica: str = "") -> None:
        self._sessions = sessions
        self._segmenter = segmenter
        self._grants = grants
        self._ender = ender
        self._settings = settings
        self._clock = clock
        self._replica = replica

    async def execute(self) -> list[str]:
        await self._segmenter.reap(self._settings.idle_seconds)
        running = self._segmenter.sessions()  # before reading: a newer one is not orphan
        now = self._clock()
        owned = await self._sessions.owned_by(self._replica)
        ended = [s.id for s in owned
                 if s.idle_for(now) > self._settings.session_ttl_seconds
                 or not await self._grants.granted(s)]
        for session_id in ended:
            await self._ender.end(session_id)
        live = {s.id for s in owned} - set(ended)
        for orphan in running - live:
            await self._segmenter.stop(orphan)
        return ended

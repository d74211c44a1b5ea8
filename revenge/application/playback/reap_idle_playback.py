"""Stop encoders nobody is watching, and end sessions abandoned for long."""

from __future__ import annotations

from revenge.application.playback.ports import (
    Clock,
    PlaybackSessions,
    PlaybackSettings,
    Segmenter,
)


class ReapIdlePlayback:
    """Run every few seconds. Idempotent. Returns the ids of the sessions it ended."""

    def __init__(self, sessions: PlaybackSessions, segmenter: Segmenter,
                 settings: PlaybackSettings, clock: Clock) -> None:
        self._sessions = sessions
        self._segmenter = segmenter
        self._settings = settings
        self._clock = clock

    async def execute(self) -> list[str]:
        await self._segmenter.reap(self._settings.idle_seconds)
        now = self._clock()
        ended = [s.id for s in self._sessions.all()
                 if s.idle_for(now) > self._settings.session_ttl_seconds]
        for session_id in ended:
            self._sessions.remove(session_id)
            await self._segmenter.stop(session_id)
        return ended

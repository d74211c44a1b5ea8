"""Serve one HLS segment of a session's rendition, producing it on demand."""

from __future__ import annotations

from revenge.application.playback.ports import Clock, PlaybackSessions, Segmenter
from revenge.domain.errors import NotFound
from revenge.domain.playback.sessions import PlaybackSession, hls_job


class GetSegment:
    """The segment file's path. Raises `NotFound` for a session without HLS, an unknown
    rendition or segment; `Unavailable` when ffmpeg fails."""

    def __init__(self, sessions: PlaybackSessions, segmenter: Segmenter, clock: Clock) -> None:
        self._sessions = sessions
        self._segmenter = segmenter
        self._clock = clock

    async def execute(self, session: PlaybackSession, variant_name: str, index: int) -> str:
        variant = session.hls.variant(variant_name) if session.hls else None
        if session.hls is None or variant is None:
            raise NotFound(f"no rendition {variant_name[:40]!r} in this session")
        segments = session.hls.segments(variant)
        if not 0 <= index < len(segments):
            raise NotFound(f"no segment {index} in this rendition")
        path = await self._segmenter.segment(hls_job(session, variant), index)
        current = self._sessions.get(session.id)
        if current is not None:
            self._sessions.save(current.touched(self._clock(), segments[index].start))
        return path

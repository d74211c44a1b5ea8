"""Serve one HLS segment of a session's rendition, producing it on demand where the
session's ffmpeg runs (here, or on its owner replica through the shared folder)."""

from __future__ import annotations

import logging

from revenge.application.playback.ports import (
    PlaybackSessions,
    Segmenter,
    SessionOwners,
)
from revenge.application.shared.clock import EpochClock
from revenge.domain.errors import NotFound
from revenge.domain.playback.errors import ReplicaGone
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.sessions import PlaybackSession, hls_job

log = logging.getLogger(__name__)


class GetSegment:
    """The segment file's path. Raises `NotFound` for a session without HLS, an unknown
    rendition or segment; `Unavailable` when ffmpeg fails. When the owner replica is
    gone, this one claims the session and starts its own ffmpeg at the asked segment."""

    def __init__(self, sessions: PlaybackSessions, segmenter: Segmenter,
                 owners: SessionOwners, clock: EpochClock, replica: str = "",
                 touch_seconds: float = 10.0) -> None:
        self._sessions = sessions
        self._touch_seconds = touch_seconds
        self._segmenter = segmenter
        self._owners = owners
        self._clock = clock
        self._replica = replica

    async def execute(self, session: PlaybackSession, variant_name: str, index: int) -> str:
        variant = session.hls.variant(variant_name) if session.hls else None
        if session.hls is None or variant is None:
            raise NotFound(f"no rendition {variant_name[:40]!r} in this session")
        segments = session.hls.segments(variant)
        if not 0 <= index < len(segments):
            raise NotFound(f"no segment {index} in this rendition")
        path = await self._produce(session, variant, index)
        position, now = segments[index].start, self._clock()
        # The position is what a killed replica must not lose; an unchanged one is
        # written again only now and then (players re-ask for a segment).
        if position != session.position or session.idle_for(now) >= self._touch_seconds:
            await self._sessions.touch(session.id, now, position)
        return path

    async def _produce(self, session: PlaybackSession, variant: Variant, index: int) -> str:
        if session.owner not in ("", self._replica):
            # Most segments a player asks for are finished already: read straight from
            # the shared folder, the owner is only told (no round trip through it).
            job = hls_job(session, variant)
            finished = self._segmenter.finished_by(session.owner, job, index)
            if finished is not None:
                await self._owners.seen(session.owner, session.id, variant.name, index)
                return finished
            try:
                return await self._owners.segment(session.owner, session.id, variant.name,
                                                  index)
            except ReplicaGone:
                await self._take_over(session)
        return await self.produce_here(session, variant.name, index)

    async def produce_here(self, session: PlaybackSession, variant_name: str,
                           index: int) -> str:
        """By this replica's own segmenter (for its sessions, or one it took over)."""
        variant = session.hls.variant(variant_name) if session.hls else None
        if variant is None:
            raise NotFound(f"no rendition {variant_name[:40]!r} in this session")
        return await self._segmenter.segment(hls_job(session, variant), index)

    async def _take_over(self, session: PlaybackSession) -> None:
        if not await self._sessions.claim(session.id, session.owner, self._replica):
            current = await self._sessions.get(session.id)
            if current is None:
                raise NotFound("this playback session has ended")
            if current.owner != self._replica:  # another replica took it first
                raise ReplicaGone(session.owner)
        log.warning("playback session %s taken over from replica %s", session.id,
                    session.owner)

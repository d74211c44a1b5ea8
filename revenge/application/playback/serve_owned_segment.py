"""On the owner replica: produce a segment another replica was asked for."""

from __future__ import annotations

from cachetools import TTLCache

from revenge.application.playback.get_segment import GetSegment
from revenge.application.playback.ports import PlaybackSessions
from revenge.domain.errors import NotFound
from revenge.domain.playback.sessions import PlaybackSession

# Sessions this replica owns, as last read: the plan never changes, and the asking
# replica has just checked that the session lives and its user may play it.
_KNOWN_SECONDS = 30.0


class ServeOwnedSegment:
    """The path of the finished segment, produced by this replica's ffmpeg. Only the
    session id, rendition and index come from the asking replica: the rest (the file,
    the plan) is read from the shared session, so a forged request can play nothing
    else. Raises `NotFound` for an ended session or one this replica does not own."""

    def __init__(self, sessions: PlaybackSessions, get_segment: GetSegment,
                 replica: str) -> None:
        self._sessions = sessions
        self._get_segment = get_segment
        self._replica = replica
        self._known: TTLCache[str, PlaybackSession] = TTLCache(maxsize=1024,
                                                               ttl=_KNOWN_SECONDS)

    async def execute(self, session_id: str, variant_name: str, index: int) -> str:
        session = self._known.get(session_id) or await self._sessions.get(session_id)
        if session is None or session.owner != self._replica:
            raise NotFound("this playback session has ended or moved")
        self._known[session_id] = session
        return await self._get_segment.produce_here(session, variant_name, index)

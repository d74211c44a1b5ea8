"""Serve a text subtitle (embedded or sidecar) of a session as WebVTT."""

from __future__ import annotations

from revenge.application.playback.ports import SubtitleConverter
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.playback.sessions import PlaybackSession


class GetSubtitle:
    """Raises `NotFound` for an unknown subtitle index and `RuleViolation` for an image
    subtitle (PGS, VobSub), which can only be burned in by a transcoding session."""

    def __init__(self, converter: SubtitleConverter) -> None:
        self._converter = converter

    async def execute(self, session: PlaybackSession, index: int) -> bytes:
        stream = session.subtitle(index)
        if stream is None:
            raise NotFound(f"no subtitle {index} in this session")
        if stream.format == "image":
            raise RuleViolation("image subtitles cannot be sent as text; start a session "
                                "with this subtitle_index to burn them in",
                                field="subtitle_index")
        if stream.path is not None:
            return await self._converter.webvtt(stream.path, 0)
        return await self._converter.webvtt(session.path, stream.index)

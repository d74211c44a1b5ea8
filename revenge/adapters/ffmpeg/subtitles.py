"""Text subtitles (SRT, ASS/SSA, mov_text, WebVTT; embedded or sidecar) → WebVTT by ffmpeg."""

from __future__ import annotations

from collections import OrderedDict

from revenge.adapters.ffmpeg.commands import webvtt_command
from revenge.adapters.ffmpeg.process import run_bounded
from revenge.domain.errors import Unavailable
from revenge.domain.media.errors import UnreadableMedia


class FfmpegSubtitleConverter:
    """Keeps the last few conversions (a player fetches the same file more than once)."""

    def __init__(self, ffmpeg: str, timeout_seconds: float = 60.0, keep: int = 32) -> None:
        self._ffmpeg = ffmpeg
        self._timeout = timeout_seconds
        self._keep = keep
        self._cache: OrderedDict[tuple[str, int], bytes] = OrderedDict()

    async def webvtt(self, source: str, stream_index: int) -> bytes:
        """Raises `UnreadableMedia` when ffmpeg cannot convert the stream."""
        key = (source, stream_index)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        text = await self._convert(source, stream_index)
        self._cache[key] = text
        if len(self._cache) > self._keep:
            self._cache.popitem(last=False)
        return text

    async def _convert(self, source: str, stream_index: int) -> bytes:
        argv = webvtt_command(self._ffmpeg, source, stream_index)
        try:
            done = await run_bounded(argv, self._timeout)
        except TimeoutError:
            raise Unavailable("ffmpeg", "subtitle conversion took too long") from None
        if done.returncode != 0 or not done.stdout.startswith(b"WEBVTT"):
            message = done.stderr.decode(errors="replace").strip().splitlines()
            raise UnreadableMedia(f"subtitle {stream_index}: "
                                  f"{message[-1] if message else 'not convertible'}")
        return done.stdout

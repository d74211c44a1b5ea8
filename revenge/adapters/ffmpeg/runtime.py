"""ffmpeg at process start and stop: check the version and encoders, clear stale segment
caches, reap idle playback in the background, and report readiness as `ffmpeg`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from revenge.adapters.ffmpeg.segmenter import FfmpegSegmenter, remove_stale_caches
from revenge.adapters.ffmpeg.tools import FfmpegCapabilities, FfmpegTools, capabilities
from revenge.domain.errors import Unavailable

log = logging.getLogger(__name__)


class PlaybackRuntime:
    def __init__(self, tools: FfmpegTools, segmenter: FfmpegSegmenter, cache_dir: Path,
                 reap: Callable[[], Awaitable[object]], hw_encoder: str | None,
                 period_seconds: float = 5.0) -> None:
        self.tools = tools
        self.capabilities: FfmpegCapabilities | None = None
        self.error: str | None = None
        self._segmenter = segmenter
        self._cache_dir = cache_dir
        self._reap = reap
        self._hw_encoder = hw_encoder
        self._period = period_seconds
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await asyncio.to_thread(remove_stale_caches, self._cache_dir)
        with contextlib.suppress(Unavailable):  # logged; /readyz reports it
            await self.check()
        self._task = asyncio.create_task(self._reaper())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._segmenter.close()

    async def check(self) -> FfmpegCapabilities:
        try:
            found = await capabilities(self.tools)
        except Unavailable as exc:
            self.error = exc.detail
            log.error("ffmpeg is not usable: %s", exc.detail)
            raise
        if self._hw_encoder and not found.can_encode(self._hw_encoder):
            self.error = f"this ffmpeg has no {self._hw_encoder} encoder"
            log.error("%s (REVENGE_TRANSCODE_HWACCEL)", self.error)
        else:
            self.error = None
        self.capabilities = found
        log.info("ffmpeg %s (%s) at %s; ffprobe: %s", found.version, self.tools.source,
                 self.tools.ffmpeg, self.tools.ffprobe or "none (PyAV probes)")
        return found

    async def _reaper(self) -> None:
        while True:
            await asyncio.sleep(self._period)
            try:
                await asyncio.to_thread(self._segmenter.mark_alive)
                await self._reap()
            except Exception:  # one failed sweep must not end the loop
                log.exception("reaping idle playback failed")


class FfmpegReadiness:
    """Readiness: ffmpeg was found and answered at start (not critical: browsing and
    direct play work without it)."""

    name = "ffmpeg"
    critical = False

    def __init__(self, runtime: PlaybackRuntime) -> None:
        self._runtime = runtime

    async def check(self) -> None:
        if self._runtime.capabilities is None:
            await self._runtime.check()
        if self._runtime.error:
            raise Unavailable("ffmpeg", self._runtime.error)
        if not os.access(self._runtime.tools.ffmpeg, os.X_OK):
            raise Unavailable("ffmpeg", f"{self._runtime.tools.ffmpeg} is gone")

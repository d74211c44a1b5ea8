"""`MediaProbe` by ffprobe (JSON over an asyncio subprocess, bounded by a timeout)."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from revenge.adapters.ffmpeg.keyframe_index import index_keyframes
from revenge.adapters.ffmpeg.probe_mapping import media_info
from revenge.adapters.ffmpeg.process import run_bounded
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.media.errors import UnreadableMedia
from revenge.domain.media.info import MediaInfo


class FfprobeMediaProbe:
    def __init__(self, ffprobe: str, timeout_seconds: float = 30.0,
                 keyframes_timeout_seconds: float = 600.0) -> None:
        self._ffprobe = ffprobe
        self._timeout = timeout_seconds
        self._keyframes_timeout = keyframes_timeout_seconds

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo:
        await asyncio.to_thread(_require_file, path)
        out = await self._run(["-show_format", "-show_streams", "-of", "json"], path,
                              self._timeout)
        data = json.loads(out or b"{}")
        if b"\\u0000" in out:  # a tag holding NUL: PostgreSQL text and jsonb cannot store it
            data = _without_nul(data)
        if not data.get("format"):
            raise UnreadableMedia(f"{os.path.basename(path)}: no container recognised")
        frames = await self._keyframes(path) if keyframes else None
        return media_info(data, frames)

    async def _keyframes(self, path: str) -> tuple[float, ...]:
        indexed = await asyncio.to_thread(index_keyframes, path)
        if indexed is not None:
            return indexed
        # No usable index: every packet is read (demuxing only, nothing is decoded).
        out = await self._run(["-select_streams", "v:0", "-show_entries",
                               "packet=pts_time,flags", "-of", "csv=p=0"], path,
                              self._keyframes_timeout)
        return parse_keyframes(out.decode())

    async def _run(self, options: list[str], path: str, seconds: float) -> bytes:
        argv = [self._ffprobe, "-v", "error", "-hide_banner", *options, "file:" + path]
        try:
            done = await run_bounded(argv, seconds)
        except TimeoutError:
            raise Unavailable("media probe", f"ffprobe took over {seconds:g}s") from None
        except OSError as exc:
            raise Unavailable("media probe", f"cannot run ffprobe: {exc.strerror}") from None
        if done.returncode != 0:
            raise UnreadableMedia(_message(path, done.stderr))
        return done.stdout


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


def parse_keyframes(csv: str) -> tuple[float, ...]:
    times = set()
    for line in csv.splitlines():
        pts, _, flags = line.partition(",")
        if "K" in flags and pts not in ("", "N/A"):
            times.add(round(float(pts), 6))
    return tuple(sorted(times))


def _require_file(path: str) -> None:
    if not os.path.isfile(path):
        raise NotFound(f"no media file at {path}")


def _message(path: str, stderr: bytes) -> str:
    text = stderr.decode(errors="replace").strip().replace("file:" + path, "").strip(": ")
    return f"{os.path.basename(path)}: {text.splitlines()[-1] if text else 'unreadable'}"

"""`MediaProbe` in-process with PyAV, for systems without ffprobe (imageio-ffmpeg ships
ffmpeg only). PyAV bundles FFmpeg's own libraries, so it reads what ffprobe reads and
names codecs the same way (canonical codec names); the blocking reads run in a thread."""

from __future__ import annotations

import asyncio
import math
import os
from typing import Any

import av

from revenge.adapters.ffmpeg.keyframe_index import index_keyframes
from revenge.adapters.ffmpeg.probe_mapping import language
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.media.codecs import container_name, subtitle_format
from revenge.domain.media.errors import UnreadableMedia
from revenge.domain.media.info import AudioStream, MediaInfo, SubtitleStream, VideoStream

# FFmpeg's AVColorTransferCharacteristic / AVColorPrimaries values → ffprobe's names.
_TRANSFERS = {1: "bt709", 14: "bt2020-10", 15: "bt2020-12", 16: "smpte2084",
              18: "arib-std-b67"}
_PRIMARIES = {1: "bt709", 5: "bt470bg", 6: "smpte170m", 9: "bt2020", 12: "smpte432"}


class PyAVMediaProbe:
    def __init__(self, timeout_seconds: float = 30.0,
                 keyframes_timeout_seconds: float = 600.0) -> None:
        self._timeout = timeout_seconds
        self._keyframes_timeout = keyframes_timeout_seconds

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo:
        if not await asyncio.to_thread(os.path.isfile, path):
            raise NotFound(f"no media file at {path}")
        timeout = self._keyframes_timeout if keyframes else self._timeout
        try:
            return await asyncio.wait_for(asyncio.to_thread(read_media, path, keyframes),
                                          timeout)
        except TimeoutError:
            raise Unavailable("media probe", f"reading took over {timeout:g}s") from None


def read_media(path: str, keyframes: bool) -> MediaInfo:
    try:
        with av.open(path, metadata_errors="ignore") as container:
            info = _info(container, os.path.getsize(path))
            frames = _keyframes(container, path) if keyframes and info.video else None
    except av.FFmpegError as exc:
        raise UnreadableMedia(f"{os.path.basename(path)}: {exc.strerror or exc}") from None
    return info if frames is None else _with_keyframes(info, frames)


def _with_keyframes(info: MediaInfo, frames: tuple[float, ...]) -> MediaInfo:
    import msgspec

    return msgspec.structs.replace(info, keyframes=frames)


def _info(container: Any, size: int) -> MediaInfo:
    streams = list(container.streams)
    video = tuple(_video(s) for s in streams if s.type == "video" and not _cover(s))
    audio = tuple(_audio(s) for s in streams if s.type == "audio")
    subtitles = tuple(_subtitle(s) for s in streams if s.type == "subtitle")
    formats = tuple(container.format.name.split(","))
    codecs = {s.codec for s in (*video, *audio, *subtitles)}
    return MediaInfo(
        container=container_name(formats, codecs), formats=formats,
        duration=(container.duration or 0) / av.time_base, bitrate=container.bit_rate or None,
        size=size, start_time=(container.start_time or 0) / av.time_base,
        video=video, audio=audio, subtitles=subtitles)


def _cover(stream: Any) -> bool:
    return bool(stream.disposition & av.stream.Disposition.attached_pic)


def _common(stream: Any) -> dict[str, Any]:
    metadata = {k.lower(): v for k, v in stream.metadata.items()}
    disposition = stream.disposition
    return {"index": stream.index, "codec": stream.codec_context.codec.canonical_name,
            "profile": stream.profile or None, "language": language(metadata.get("language")),
            "title": metadata.get("title") or None,
            "default": bool(disposition & av.stream.Disposition.default),
            "forced": bool(disposition & av.stream.Disposition.forced)}


def _video(stream: Any) -> VideoStream:
    context = stream.codec_context
    rate = stream.average_rate or stream.guessed_rate
    return VideoStream(
        **_common(stream), width=context.width, height=context.height,
        level=context.level if context.level and context.level > 0 else None,
        frame_rate=round(float(rate), 3) if rate else None, pixel_format=context.pix_fmt,
        color_transfer=_TRANSFERS.get(context.color_trc),
        color_primaries=_PRIMARIES.get(context.color_primaries),
        bitrate=context.bit_rate or None)


def _audio(stream: Any) -> AudioStream:
    context = stream.codec_context
    return AudioStream(**_common(stream), channels=context.channels,
                       channel_layout=context.layout.name or None,
                       sample_rate=context.sample_rate or None, bitrate=context.bit_rate or None)


def _subtitle(stream: Any) -> SubtitleStream:
    common = _common(stream)
    hearing = bool(stream.disposition & av.stream.Disposition.hearing_impaired)
    return SubtitleStream(**common, format=subtitle_format(common["codec"]),  # type: ignore[arg-type]
                          hearing_impaired=hearing)


def _keyframes(container: Any, path: str) -> tuple[float, ...]:
    indexed = index_keyframes(path)
    if indexed is not None:
        return indexed
    stream = container.streams.video[0]
    times = set()
    for packet in container.demux(stream):
        if packet.is_keyframe and packet.pts is not None:
            times.add(round(float(packet.pts * stream.time_base), 6))
    return tuple(t for t in sorted(times) if math.isfinite(t))

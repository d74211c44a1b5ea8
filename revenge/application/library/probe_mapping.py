"""A probe's `MediaInfo` summarised into the catalog's per-file stream records."""

from __future__ import annotations

from datetime import datetime

from revenge.application.library.records import ProbeReport
from revenge.domain.catalog import media as catalog
from revenge.domain.media.info import AudioStream, MediaInfo, SubtitleStream, VideoStream


def report_of(info: MediaInfo, content_hash: str | None, now: datetime) -> ProbeReport:
    return ProbeReport(
        content_hash=content_hash, container=info.container,
        duration_seconds=info.duration, bitrate=info.bitrate,
        video_streams=tuple(_video(stream) for stream in info.video),
        audio_streams=tuple(_audio(stream) for stream in info.audio),
        subtitle_streams=tuple(_subtitle(stream) for stream in info.subtitles),
        probed_at=now,
    )


def _video(stream: VideoStream) -> catalog.VideoStream:
    return catalog.VideoStream(
        codec=stream.codec, profile=stream.profile, width=stream.width or None,
        height=stream.height or None, hdr=stream.hdr, frame_rate=stream.frame_rate,
        bit_depth=stream.depth, level=stream.level, pixel_format=stream.pixel_format,
        language=stream.language, title=stream.title,
        default=stream.default)


def _audio(stream: AudioStream) -> catalog.AudioStream:
    return catalog.AudioStream(
        codec=stream.codec, profile=stream.profile, channels=stream.channels,
        channel_layout=stream.channel_layout, language=stream.language, title=stream.title,
        default=stream.default, forced=stream.forced)


def _subtitle(stream: SubtitleStream) -> catalog.SubtitleStream:
    return catalog.SubtitleStream(
        codec=stream.codec, language=stream.language, title=stream.title,
        default=stream.default, forced=stream.forced, external=stream.external)

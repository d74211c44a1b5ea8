"""Files of a movie and the summary of their streams, as a probe reports them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import msgspec

FileKind = Literal["main", "extra"]


class VideoStream(msgspec.Struct, frozen=True, kw_only=True):
    codec: str | None = None
    profile: str | None = None
    width: int | None = None
    height: int | None = None
    hdr: str | None = None  # e.g. "HDR10", "HLG", "Dolby Vision"; None for SDR
    frame_rate: float | None = None
    bit_depth: int | None = None
    level: int | None = None  # as ffprobe reports it (H.264: times 10, 41 for 4.1)
    pixel_format: str | None = None  # yuv420p, yuv420p10le, yuv444p, ...
    language: str | None = None
    title: str | None = None
    default: bool = False


class AudioStream(msgspec.Struct, frozen=True, kw_only=True):
    codec: str | None = None
    profile: str | None = None
    channels: int | None = None
    channel_layout: str | None = None
    language: str | None = None
    title: str | None = None
    default: bool = False
    forced: bool = False


class SubtitleStream(msgspec.Struct, frozen=True, kw_only=True):
    codec: str | None = None  # the format: subrip, ass, hdmv_pgs_subtitle, ...
    language: str | None = None
    title: str | None = None
    default: bool = False
    forced: bool = False
    external: bool = False


class MovieFile(msgspec.Struct, frozen=True, kw_only=True):
    """One file on disk. `missing_since` is set while a scan cannot find it (its movie
    and everyone's watch state stay); `part` numbers the files of a multi-part movie."""

    id: str
    movie_id: str
    path: str
    size_bytes: int
    mtime: datetime
    kind: FileKind = "main"
    extra_type: str | None = None
    part: int | None = None
    edition: str | None = None
    content_hash: str | None = None
    container: str | None = None
    duration_seconds: float | None = None
    bitrate: int | None = None
    video_streams: list[VideoStream] = msgspec.field(default_factory=list)
    audio_streams: list[AudioStream] = msgspec.field(default_factory=list)
    subtitle_streams: list[SubtitleStream] = msgspec.field(default_factory=list)
    probed_at: datetime | None = None
    probe_error: str | None = None
    added_at: datetime
    updated_at: datetime
    missing_since: datetime | None = None

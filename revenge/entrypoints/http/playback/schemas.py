"""Request and response bodies of the playback API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

Index = Annotated[int, msgspec.Meta(ge=0)]


# The client-profile vocabulary, spelled out for the OpenAPI document (a test keeps it
# equal to the domain's, which checks every value again).
Container = Literal["mp4", "webm", "matroska", "mpegts", "ogg"]
VideoCodec = Literal["h264", "hevc", "vp8", "vp9", "av1"]
AudioCodec = Literal["aac", "mp3", "opus", "vorbis", "flac", "ac3", "eac3", "alac"]
H264Profile = Literal["constrained_baseline", "baseline", "main", "extended", "high",
                      "high10", "high422", "high444"]
Chroma = Literal["4:2:0", "4:2:2", "4:4:4"]
Pixels = Annotated[int, msgspec.Meta(ge=1, le=65_536)]


class ClientProfileBody(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True,
                        forbid_unknown_fields=True):
    """What the client can play; a missing setting takes the browser default (MP4/WebM,
    H.264 Baseline/Main/High up to level 5.2 at 8 bits 4:2:0, AAC/MP3/Opus)."""

    containers: Annotated[list[Container], msgspec.Meta(max_length=16)] | None = None
    video_codecs: Annotated[list[VideoCodec], msgspec.Meta(max_length=16)] | None = None
    audio_codecs: Annotated[list[AudioCodec], msgspec.Meta(max_length=16)] | None = None
    h264_profiles: Annotated[list[H264Profile], msgspec.Meta(max_length=16)] | None = None
    max_h264_level: Annotated[float, msgspec.Meta(ge=1, le=6.2)] | None = None
    max_bit_depth: Literal[8, 10, 12] | None = None
    chroma: Annotated[list[Chroma], msgspec.Meta(max_length=3)] | None = None
    max_width: Pixels | None = None
    max_height: Pixels | None = None
    max_bitrate: Annotated[int, msgspec.Meta(ge=1, le=10_000_000_000)] | None = None
    hdr: bool | None = None
    preferred_language: Annotated[str, msgspec.Meta(pattern="^[A-Za-z]{2,3}$")] | None = None

    def declared(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)  # type: ignore[no-any-return]


class StartSessionBody(msgspec.Struct, frozen=True, kw_only=True):
    movie_id: str
    file_id: str | None = None
    audio_index: Index | None = None
    subtitle_index: Index | None = None
    max_bitrate: Annotated[int, msgspec.Meta(ge=64_000)] | None = None
    profile: ClientProfileBody | None = None


class SubtitleLink(msgspec.Struct, frozen=True, kw_only=True):
    index: int
    language: str | None
    format: str  # the codec: subrip, ass, mov_text, webvtt, hdmv_pgs_subtitle, …
    kind: Literal["text", "image"]
    title: str | None = None
    forced: bool = False
    default: bool = False
    external: bool = False
    url: str | None = None  # WebVTT; None for image subtitles (burn them in instead)


class SessionView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    method: Literal["direct", "remux", "transcode"]
    direct_url: str | None
    hls_url: str | None
    audio_index: int | None
    burned_subtitle: int | None
    duration_seconds: float
    reasons: list[str]
    subtitles: list[SubtitleLink]


class ActiveSession(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    user_id: str
    username: str
    movie_id: str
    file_id: str
    method: str
    position_seconds: float
    duration_seconds: float
    started_at: datetime  # RFC 3339 UTC, like every time in the API
    idle_seconds: float


class ActiveSessionList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[ActiveSession]
    total: int
    encoders_running: int

"""Request and response bodies of the playback API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

Index = Annotated[int, msgspec.Meta(ge=0)]


class StartSessionBody(msgspec.Struct, frozen=True, kw_only=True):
    movie_id: str
    file_id: str | None = None
    audio_index: Index | None = None
    subtitle_index: Index | None = None
    max_bitrate: Annotated[int, msgspec.Meta(ge=64_000)] | None = None
    # {"containers", "video_codecs", "audio_codecs": [names], "max_width", "max_height",
    #  "max_bitrate", "hdr", "preferred_language"}; unknown names are refused.
    profile: dict[str, Any] | None = None


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

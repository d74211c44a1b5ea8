"""What the library's repositories take and give besides domain entities."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.domain.catalog.media import AudioStream, SubtitleStream, VideoStream
from revenge.domain.library.classification import ExtraType


class NewFile(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A file the scan records for the first time (kind "main" or "extra")."""

    id: str
    movie_id: str
    library_id: str
    path: str
    size: int
    mtime: datetime
    kind: str
    group_key: str
    extra_type: ExtraType | None = None
    part: int | None = None
    edition: str | None = None
    container: str | None = None


class StatUpdate(msgspec.Struct, frozen=True):
    """A recorded file seen again: present from now on, with this size and mtime. A
    change of content forgets its hash and probe so it is probed again."""

    file_id: str
    size: int
    mtime: datetime
    content_changed: bool


class FileMove(msgspec.Struct, frozen=True, kw_only=True):
    """A recorded file found under a new path (maybe another library): same record."""

    file_id: str
    library_id: str
    path: str
    size: int
    mtime: datetime


class SkippedFile(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A video file looked at and not recorded, remembered so it is not parsed again."""

    path: str
    size: int
    mtime: datetime
    reason: str  # "sample" | "unrecognised"


class ProbeTarget(msgspec.Struct, frozen=True):
    file_id: str
    path: str


class ProbeReport(msgspec.Struct, frozen=True, kw_only=True):
    """What probing a file found: its streams, or the reader's error."""

    content_hash: str | None = None
    container: str | None = None
    duration_seconds: float | None = None
    bitrate: int | None = None
    video_streams: tuple[VideoStream, ...] = ()
    audio_streams: tuple[AudioStream, ...] = ()
    subtitle_streams: tuple[SubtitleStream, ...] = ()
    error: str | None = None
    probed_at: datetime

"""Ports for reading media files."""

from __future__ import annotations

from typing import Protocol

from revenge.domain.media.info import MediaInfo


class MediaProbe(Protocol):
    """Reads what a media file holds, without decoding it.

    `probe` returns the container, duration, bitrate, size and every stream; with
    `keyframes=True` it also lists the first video stream's keyframe times (from the
    container's index where it has a complete one, MP4 and Matroska; else by reading
    every packet, which costs I/O proportional to the file size).
    Raises `NotFound` when the path does not exist, `UnreadableMedia` (with the
    reader's message) when it is not a readable media file, and `Unavailable("media
    probe", …)` when the reader does not answer in time. Probing has no side effects,
    so it is safe to repeat.
    """

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo: ...

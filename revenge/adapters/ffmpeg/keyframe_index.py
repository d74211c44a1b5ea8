"""Keyframe times from a container's own index, read in-process with PyAV: a few small
reads instead of a pass over every packet of the file.

* Matroska/WebM: the cues, which hold presentation times.
* MP4/MOV: the sync samples; FFmpeg's index holds their decode times, so each gets its
  own composition offset from the track's `ctts` (they differ between keyframes with
  open GOPs), calibrated on the first keyframe packet to FFmpeg's timeline.

The index is trusted only when it looks complete: no gap between keyframes (or after
the last) longer than `max_gap` seconds. Sparse cues still point at real keyframes, but
a file whose index is missing or thin is better scanned once than cut into huge
segments. Anything else (MPEG-TS, AVI, fragmented MP4) answers None: scan the packets.
"""

from __future__ import annotations

import math
from typing import Any

import av

from revenge.adapters.ffmpeg.mp4_index import composition_offsets

MAX_GAP_SECONDS = 20.0
_FIRST_PACKETS = 8  # how far to demux looking for the first indexed keyframe


def index_keyframes(path: str, max_gap: float = MAX_GAP_SECONDS) -> tuple[float, ...] | None:
    """Ascending keyframe times (seconds, like a packet scan's `pts_time`) of the first
    video stream that is not cover art, or None without a usable index."""
    try:
        with av.open(path, metadata_errors="ignore") as container:
            times = _indexed(container, path)
            duration = (container.duration or 0) / av.time_base
    except (av.FFmpegError, OSError):
        return None
    return times if times and _complete(times, duration, max_gap) else None


def _indexed(container: Any, path: str) -> tuple[float, ...] | None:
    stream = next((s for s in container.streams.video if not _cover(s)), None)
    if stream is None:
        return None
    container.seek(0, stream=stream)  # Matroska reads its cues on the first seek
    formats = set(container.format.name.split(","))
    if "matroska" in formats:
        stamps = [e.timestamp for e in stream.index_entries if _keyframe(e)]
    elif "mp4" in formats:
        stamps = _mp4_presentation(container, stream, path)
    else:
        return None
    return _seconds(stamps, stream.time_base)


def _mp4_presentation(container: Any, stream: Any, path: str) -> list[int]:
    entries = stream.index_entries
    offsets = composition_offsets(path, stream.id)  # FFmpeg's stream id is the track id
    if offsets is None or len(offsets) != len(entries):
        return []  # edit lists made FFmpeg's index differ from the sample table
    by_position = {e.pos: e.timestamp + offsets[i] for i, e in enumerate(entries)
                   if _keyframe(e)}
    calibration = _calibration(container, stream, by_position)
    return [] if calibration is None else [t + calibration for t in by_position.values()]


def _calibration(container: Any, stream: Any, by_position: dict[int, int]) -> int | None:
    """What FFmpeg adds to decode time + composition offset (an edit list's shift),
    from the first keyframe packet; None when no early packet matches the index."""
    container.seek(0, stream=stream)
    for number, packet in enumerate(container.demux(stream)):
        indexed = by_position.get(packet.pos)
        if indexed is not None and packet.pts is not None:
            return int(packet.pts - indexed)
        if number >= _FIRST_PACKETS:
            break
    return None


def _seconds(stamps: list[int], time_base: Any) -> tuple[float, ...]:
    unit = float(time_base)
    times = {round(stamp * unit, 6) for stamp in stamps}
    return tuple(sorted(t for t in times if math.isfinite(t)))


def _complete(times: tuple[float, ...], duration: float, max_gap: float) -> bool:
    ends = (*times[1:], duration) if duration > times[-1] else times[1:]
    return times[0] <= max_gap and all(
        b - a <= max_gap for a, b in zip(times, ends, strict=False))


def _keyframe(entry: Any) -> bool:
    return bool(entry.is_keyframe and not entry.is_discard)


def _cover(stream: Any) -> bool:
    return bool(stream.disposition & av.stream.Disposition.attached_pic)

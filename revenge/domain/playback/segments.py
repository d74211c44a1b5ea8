"""HLS segment plans covering a file's whole duration with no gaps or overlaps.

Remux segments start on the file's real keyframes (a copied stream can only be cut
there), each at least `target` seconds long; transcode segments have a fixed length
(the encoder is told to put a keyframe at each boundary).
"""

from __future__ import annotations

import bisect
import math

import msgspec

from revenge.domain.errors import RuleViolation

# A cut closer than this to the end would leave a sliver of a last segment.
_MIN_TAIL = 0.5


class Segment(msgspec.Struct, frozen=True):
    index: int
    start: float
    duration: float

    @property
    def end(self) -> float:
        return self.start + self.duration


def keyframe_segments(keyframes: tuple[float, ...], duration: float,
                      target: float) -> tuple[Segment, ...]:
    _check(duration, target)
    cuts = [0.0]
    for time in sorted(keyframes):
        if time - cuts[-1] >= target and duration - time >= _MIN_TAIL:
            cuts.append(time)
    return _from_cuts(cuts, duration)


def fixed_segments(duration: float, length: float) -> tuple[Segment, ...]:
    _check(duration, length)
    count = max(1, math.ceil(duration / length - 1e-9))
    cuts = [i * length for i in range(count)]
    if len(cuts) > 1 and duration - cuts[-1] < _MIN_TAIL / 5:
        cuts.pop()
    return _from_cuts(cuts, duration)


def _from_cuts(cuts: list[float], duration: float) -> tuple[Segment, ...]:
    ends = [*cuts[1:], duration]
    return tuple(Segment(i, start, end - start) for i, (start, end) in enumerate(zip(cuts, ends,
                                                                                  strict=True)))


def _check(duration: float, length: float) -> None:
    if not (math.isfinite(duration) and duration > 0):
        raise RuleViolation("the file has no duration to play", field="duration")
    if not (math.isfinite(length) and length > 0):
        raise RuleViolation("segment length must be positive", field="segment_seconds")


def segment_at(segments: tuple[Segment, ...], time: float) -> Segment:
    """The segment playing at `time` (clamped to the first and last)."""
    starts = [s.start for s in segments]
    return segments[max(0, min(len(segments) - 1, bisect.bisect_right(starts, time) - 1))]


def target_duration(segments: tuple[Segment, ...]) -> int:
    """EXT-X-TARGETDURATION: every segment's duration rounded, at most this."""
    return max(1, max(math.floor(s.duration + 0.5) for s in segments))

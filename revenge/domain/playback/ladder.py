"""The HLS quality ladder: the original (copied) when possible, then 1080p/720p/480p
transcodes, capped by the source's size and bitrate and by the session's max bitrate."""

from __future__ import annotations

import msgspec

from revenge.domain.media.info import MediaInfo, VideoStream
from revenge.domain.playback.decision import PlaybackDecision

# (height, video bits per second) of the standard rungs, best first.
RUNGS = ((1080, 8_000_000), (720, 4_000_000), (480, 1_500_000))
AUDIO_BITRATE = 160_000
_MIN_VIDEO_BITRATE = 200_000


class Variant(msgspec.Struct, frozen=True, kw_only=True):
    """One rendition. `name` is a closed token ("original", "1080p", …) used in URLs."""

    name: str
    copy_video: bool
    width: int
    height: int
    video_bitrate: int
    audio_bitrate: int

    @property
    def bandwidth(self) -> int:
        return self.video_bitrate + self.audio_bitrate


def quality_ladder(info: MediaInfo, decision: PlaybackDecision,
                   max_bitrate: int | None = None) -> tuple[Variant, ...]:
    """Never empty for a file with video: at worst one rung at the source's own size."""
    video = info.main_video
    if video is None or decision.method == "direct":
        return ()
    original = _original(info, video) if decision.video == "copy" else None
    rungs = _rungs(info, video, max_bitrate)
    return (original, *rungs) if original else rungs


def _original(info: MediaInfo, video: VideoStream) -> Variant:
    bitrate = video.bitrate or max((info.bitrate or 0) - AUDIO_BITRATE, _MIN_VIDEO_BITRATE)
    return Variant(name="original", copy_video=True, width=video.width, height=video.height,
                   video_bitrate=bitrate, audio_bitrate=AUDIO_BITRATE)


def _rungs(info: MediaInfo, video: VideoStream, max_bitrate: int | None) -> tuple[Variant, ...]:
    ceiling = _source_video_bitrate(info, video)
    budget = (max_bitrate - AUDIO_BITRATE) if max_bitrate else None
    chosen = tuple(_rung(video, height, min(rate, ceiling)) for height, rate in RUNGS
                   if height <= video.height and (budget is None or rate <= budget))
    return chosen or (_smallest(video, ceiling, budget),)


def _smallest(video: VideoStream, ceiling: int, budget: int | None) -> Variant:
    height = min(video.height, RUNGS[-1][0])
    rate = min(_scaled_rate(height), ceiling, budget if budget else ceiling)
    return _rung(video, height, max(rate, _MIN_VIDEO_BITRATE))


def _rung(video: VideoStream, height: int, bitrate: int) -> Variant:
    return Variant(name=f"{height}p", copy_video=False, width=scaled_width(video, height),
                   height=height, video_bitrate=bitrate, audio_bitrate=AUDIO_BITRATE)


def _source_video_bitrate(info: MediaInfo, video: VideoStream) -> int:
    # A transcode never needs more bits than the source had (with some headroom).
    source = video.bitrate or info.bitrate
    return int(source * 1.2) if source else RUNGS[0][1]


def _scaled_rate(height: int) -> int:
    low_height, low_rate = RUNGS[-1]
    return int(low_rate * (height / low_height) ** 2)


def scaled_width(video: VideoStream, height: int) -> int:
    """The width keeping the source's aspect ratio, rounded to an even number."""
    if not video.height:
        return height * 16 // 9 // 2 * 2
    return max(2, round(video.width * height / video.height / 2) * 2)

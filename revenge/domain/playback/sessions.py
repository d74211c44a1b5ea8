"""A playback session: one user watching one file, with the plan decided at its start."""

from __future__ import annotations

import msgspec

from revenge.domain.media.info import SubtitleStream, VideoStream
from revenge.domain.playback.decision import PlaybackDecision
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.segments import Segment


class HlsPlan(msgspec.Struct, frozen=True, kw_only=True):
    """The renditions offered and, for each, its segments (remux ones on keyframes)."""

    variants: tuple[Variant, ...]
    copy_segments: tuple[Segment, ...] = ()
    transcode_segments: tuple[Segment, ...] = ()

    def variant(self, name: str) -> Variant | None:
        return next((v for v in self.variants if v.name == name), None)

    def segments(self, variant: Variant) -> tuple[Segment, ...]:
        return self.copy_segments if variant.copy_video else self.transcode_segments


class PlaybackSession(msgspec.Struct, frozen=True, kw_only=True):
    """Times are Unix seconds. `position` is the last position known (a reported one, or
    the start of the last segment served). `owner` is the server process (replica) whose
    ffmpeg produces the session's segments; `sign_in_id` / `api_key_id` is what the
    user started it through, so revoking that ends the session too."""

    id: str
    user_id: str
    username: str
    movie_id: str
    file_id: str
    path: str
    size: int
    mtime: float
    video: VideoStream
    duration: float
    decision: PlaybackDecision
    hls: HlsPlan | None
    subtitles: tuple[SubtitleStream, ...]
    started_at: float
    last_active: float
    position: float = 0.0
    owner: str = ""
    sign_in_id: str | None = None
    api_key_id: str | None = None

    @property
    def transcoding(self) -> bool:
        return self.decision.method == "transcode"

    def subtitle(self, index: int) -> SubtitleStream | None:
        return next((s for s in self.subtitles if s.index == index), None)

    def touched(self, now: float, position: float | None = None) -> PlaybackSession:
        return msgspec.structs.replace(self, last_active=now, position=(
            self.position if position is None else position))

    def idle_for(self, now: float) -> float:
        return now - self.last_active


class HlsJob(msgspec.Struct, frozen=True, kw_only=True):
    """Everything needed to produce one rendition's segments; all values come from the
    probe and the decision, none from a request."""

    session_id: str
    source: str
    video_index: int
    hdr: str | None
    variant: Variant
    decision: PlaybackDecision
    segments: tuple[Segment, ...]


def hls_job(session: PlaybackSession, variant: Variant) -> HlsJob:
    assert session.hls is not None
    return HlsJob(session_id=session.id, source=session.path, video_index=session.video.index,
                  hdr=session.video.hdr, variant=variant, decision=session.decision,
                  segments=session.hls.segments(variant))

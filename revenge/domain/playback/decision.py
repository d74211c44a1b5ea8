"""Direct play, remux or transcode: what a client gets for a file, and which audio."""

from __future__ import annotations

from typing import Literal

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.media.codecs import h264_profile
from revenge.domain.media.info import AudioStream, MediaInfo, VideoStream
from revenge.domain.media.languages import same_language
from revenge.domain.playback.profiles import ClientProfile

Method = Literal["direct", "remux", "transcode"]
Action = Literal["copy", "transcode"]

# What our HLS segments (MPEG-TS) can carry without re-encoding.
HLS_COPY_VIDEO = frozenset({"h264", "hevc"})
HLS_COPY_AUDIO = frozenset({"aac", "mp3"})


class PlaybackDecision(msgspec.Struct, frozen=True, kw_only=True):
    """`video` / `audio` say whether each stream is copied or re-encoded; `burn_subtitle`
    is an image subtitle drawn into the picture (only when transcoding)."""

    method: Method
    video: Action
    audio: Action | None
    audio_index: int | None
    burn_subtitle: int | None = None
    reasons: tuple[str, ...] = ()


def decide(info: MediaInfo, profile: ClientProfile, *, audio_index: int | None = None,
           burn_subtitle: int | None = None) -> PlaybackDecision:
    """Raises `RuleViolation` for a file without video or an unknown stream index."""
    video = info.main_video
    if video is None:
        raise RuleViolation("the file has no video stream", field="file_id")
    audio = choose_audio(info, profile, audio_index)
    burn = _checked_burn(info, burn_subtitle)
    video_reasons = _video_problems(video, info, profile) + (["burn subtitle"] if burn else [])
    audio_ok = audio is None or audio.codec in profile.audio_codecs
    container_ok = info.container in profile.containers
    if not video_reasons and audio_ok and container_ok:
        return PlaybackDecision(method="direct", video="copy", audio="copy" if audio else None,
                                audio_index=audio.index if audio else None)
    reasons = tuple(video_reasons + _audio_reasons(audio, audio_ok)
                    + ([] if container_ok else [f"container {info.container}"]))
    return _streamed(video, audio, audio_ok, video_reasons, burn, reasons)


def _streamed(video: VideoStream, audio: AudioStream | None, audio_ok: bool,
              video_reasons: list[str], burn: int | None,
              reasons: tuple[str, ...]) -> PlaybackDecision:
    copy_video = not video_reasons and video.codec in HLS_COPY_VIDEO
    copy_audio = audio is not None and audio_ok and audio.codec in HLS_COPY_AUDIO
    return PlaybackDecision(
        method="remux" if copy_video else "transcode", video="copy" if copy_video else "transcode",
        audio=None if audio is None else ("copy" if copy_audio else "transcode"),
        audio_index=audio.index if audio else None, burn_subtitle=burn, reasons=reasons)


def _video_problems(video: VideoStream, info: MediaInfo, profile: ClientProfile) -> list[str]:
    problems = []
    if video.codec not in profile.video_codecs:
        problems.append(f"video codec {video.codec}")
    problems += _decoder_problems(video, profile)
    if _too_big(video, profile):
        problems.append(f"resolution {video.width}x{video.height}")
    if video.hdr and not profile.hdr:
        problems.append(f"{video.hdr} needs tone mapping")
    if profile.max_bitrate and (info.bitrate or 0) > profile.max_bitrate:
        problems.append(f"bitrate {info.bitrate} over {profile.max_bitrate}")
    return problems


def _decoder_problems(video: VideoStream, profile: ClientProfile) -> list[str]:
    """What a decoder for the right codec may still not handle: the H.264 profile and
    level, more bits per sample, finer chroma (a High 4:4:4 or Hi10P file in MP4 is
    H.264, yet no browser plays it). Unknown values (an old probe) are not held against
    the file."""
    problems = []
    if video.codec == "h264":
        named = h264_profile(video.profile)
        if named is not None and named not in profile.h264_profiles:
            problems.append(f"h264 profile {video.profile}")
        if video.level is not None and video.level > profile.max_h264_level:
            problems.append(f"h264 level {video.level / 10:g} over "
                            f"{profile.max_h264_level / 10:g}")
    depth = video.depth
    if depth is not None and depth > profile.max_bit_depth:
        problems.append(f"{depth}-bit video")
    if video.chroma is not None and video.chroma not in profile.chroma:
        problems.append(f"chroma {video.chroma} ({video.pixel_format})")
    return problems


def _too_big(video: VideoStream, profile: ClientProfile) -> bool:
    return bool((profile.max_width and video.width > profile.max_width)
                or (profile.max_height and video.height > profile.max_height))


def _audio_reasons(audio: AudioStream | None, ok: bool) -> list[str]:
    return [] if ok or audio is None else [f"audio codec {audio.codec}"]


def choose_audio(info: MediaInfo, profile: ClientProfile,
                 requested: int | None) -> AudioStream | None:
    """The requested track; else, in the preferred language, a default then a playable
    then the first track; else the default track; else the first."""
    if requested is not None:
        chosen = info.audio_stream(requested)
        if chosen is None:
            raise RuleViolation(f"the file has no audio stream {requested}", field="audio_index")
        return chosen
    candidates = [a for a in info.audio
                  if same_language(a.language, profile.preferred_language)] or list(info.audio)
    return min(candidates, key=lambda a: _audio_rank(a, profile), default=None)


def _audio_rank(audio: AudioStream, profile: ClientProfile) -> tuple[bool, bool, int]:
    return (not audio.default, audio.codec not in profile.audio_codecs, audio.index)


def _checked_burn(info: MediaInfo, index: int | None) -> int | None:
    if index is None:
        return None
    stream = info.subtitle_stream(index)
    if stream is None:
        raise RuleViolation(f"the file has no subtitle stream {index}", field="subtitle_index")
    return index if stream.format == "image" else None
